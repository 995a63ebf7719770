import ContentModel
import Diagnostics
import Testing
@testable import Journal

/// A journal whose rupture log holds `log`: the section's marker is line 9,
/// its heading line 10, and `log` starts on line 12.
private func journal(log: String, after: String = "") -> String {
    TestJournal.header + """

    <!-- prompt: rupture-log -->
    ## Rupture log

    \(log)

    <!-- prompt: reflect-what-i-did -->
    ## What I did

    \(after)

    """
}

private let harbour = """
```rupture
client: Harbour
markers: [marker-complaints-about-progress]
tension: 4
resolution: 2
```
"""

@Suite("Reading the rupture log")
struct RuptureLogTests {
    let content: ContentModel

    init() throws {
        content = try TestJournal.content()
    }

    // MARK: What an entry holds

    @Test("reads every field of an entry, in the content model's own IDs")
    func everyField() throws {
        let parsed = try TestJournal.parse(journal(log: """
        ```rupture
        week: 2026-W46
        client: Harbour
        type: confrontation
        markers: [marker-complaints-about-progress, marker-rejecting-intervention]
        salience: 3
        trigger: trigger-questioning-therapy
        component: task
        repairs: [practice-pause-breathe, repair-recognise-name, strategy-illustrating-tasks-rationale]
        tension: 4
        resolution: 2
        notes: |
          He said it was *pointless*.
          I explained too much.
        ```
        """))
        let log = try #require(parsed.ruptureLog)
        #expect(log.entries == [RuptureEntry(
            week: try #require(ISOWeek("2026-W46")), client: "Harbour", type: "confrontation",
            markers: ["marker-complaints-about-progress", "marker-rejecting-intervention"], salience: 3,
            trigger: "trigger-questioning-therapy", component: .task,
            repairs: ["practice-pause-breathe", "repair-recognise-name", "strategy-illustrating-tasks-rationale"],
            tension: 4, resolution: 2, notes: "He said it was *pointless*.\nI explained too much.",
            location: SourceLocation(path: TestJournal.path, line: 12, column: 1)
        )])
        #expect(log.remarks == nil)
    }

    @Test("takes the journal's week and reads the type off the markers when the entry leaves them out")
    func defaults() throws {
        let entry = try #require(TestJournal.parse(journal(log: """
        ```rupture
        client: Kestrel
        markers: marker-minimal-response
        tension: 2
        resolution: 4
        ```
        """)).ruptureLog?.entries.first)
        #expect(entry.week == ISOWeek(year: 2026, week: 47))
        #expect(entry.type == "withdrawal")
        #expect(entry.markers == ["marker-minimal-response"])
        #expect(entry.salience == nil && entry.trigger == nil && entry.component == nil && entry.notes == nil)
        #expect(entry.repairs.isEmpty)
        #expect(!entry.isUnresolved)
    }

    @Test("keeps several entries in order, and any other text as remarks")
    func severalEntries() throws {
        let log = try #require(TestJournal.parse(journal(log: """
        <!-- The scaffold's example, which is not part of the log. -->

        \(harbour)

        Two ruptures this week, both on Thursday.

        ```rupture
        client: Kestrel
        markers: [marker-minimal-response]
        tension: 2
        resolution: 4
        ```

        - [ ] take Kestrel to supervision
        """)).ruptureLog)
        #expect(log.entries.map(\.client) == ["Harbour", "Kestrel"])
        #expect(log.entries.map(\.location.line) == [14, 23])
        #expect(log.remarks == "Two ruptures this week, both on Thursday.\n\n- [ ] take Kestrel to supervision")
    }

    @Test("keeps the whole section as an answer, verbatim, so privacy checks read it")
    func sectionIsAnAnswer() throws {
        let parsed = try TestJournal.parse(journal(log: harbour))
        let answer = try #require(parsed.ruptureLogAnswer)
        #expect(answer.markdown == harbour)
        #expect(answer.firstLine == 12)
        #expect(answer.location == SourceLocation(path: TestJournal.path, line: 10, column: 1))
        #expect(parsed.promptAnswers.map(\.promptID) == ["reflect-what-i-did"])
    }

    @Test("finds the log by its heading when the marker line is gone, and may be kept private")
    func headingAndPrivate() throws {
        let text = """
        ---
        therapist: "Sam Rivera"
        week: 2026-W47
        focus: when-therapy-is-questioned
        private: [rupture-log]
        ---

        ## rupture LOG

        \(harbour)
        """
        let parsed = try TestJournal.parse(text)
        #expect(parsed.ruptureLog?.entries.count == 1)
        #expect(parsed.privatePrompts == ["rupture-log"])
    }

    @Test("is absent from a journal without the section, and empty in an empty section")
    func absentOrEmpty() throws {
        #expect(try TestJournal.parse(TestJournal.header).ruptureLog == nil)
        #expect(try TestJournal.parse(journal(log: "<!-- nothing yet -->")).ruptureLog == RuptureLog())
    }

    // MARK: Errors, each at its line and column

    @Test("reports an unknown marker, suggesting the nearest ID, the ID that ends with it, or the nearest title")
    func unknownMarker() throws {
        #expect(try TestJournal.diagnostics(journal(log: """
        ```rupture
        client: Harbour
        markers: [marker-complaints-about-progres, minimal-responce, response, marker-sulking]
        tension: 4
        resolution: 2
        ```

        ```rupture
        client: Kestrel
        markers: [Minimal respons, deferential and apeasing, Sulking in silence]
        tension: 4
        resolution: 2
        ```
        """)) == [
            "journal/2026-W47.md:14:11: error: unknown marker 'marker-complaints-about-progres'; did you mean 'marker-complaints-about-progress'?",
            "journal/2026-W47.md:14:44: error: unknown marker 'minimal-responce'; did you mean 'marker-minimal-response'?",
            "journal/2026-W47.md:14:62: error: unknown marker 'response'; did you mean 'marker-minimal-response'?",
            "journal/2026-W47.md:14:72: error: unknown marker 'marker-sulking' (write an ID such as 'marker-denial' or a title such as 'Denial'; the journal's log comment lists them all)",
            "journal/2026-W47.md:21:11: error: unknown marker 'Minimal respons'; did you mean 'Minimal response'?",
            "journal/2026-W47.md:21:28: error: unknown marker 'deferential and apeasing'; did you mean 'Deferential and appeasing'?",
            "journal/2026-W47.md:21:54: error: unknown marker 'Sulking in silence' (write an ID such as 'marker-denial' or a title such as 'Denial'; the journal's log comment lists them all)",
        ])
    }

    @Test("reads a card named by its ID without the prefix or by its title, in any case, as its canonical ID")
    func friendlyNames() throws {
        let parsed = try TestJournal.parse(journal(log: """
        ```rupture
        client: Harbour
        type: Confrontation
        markers: [complaints-about-progress, REJECTING THE THERAPIST\u{2019}S   INTERVENTION]
        trigger: when a client questions whether therapy is worth it
        component: Agreement on tasks
        repairs: [Pause and breathe, recognise-name, Strategy-Inviting-Talk-About-Therapy]
        tension: 4
        resolution: 2
        ```

        ```rupture
        client: Kestrel
        type: withdrawal ruptures
        markers: Minimal response
        trigger: Own-Material
        component: Bonds
        tension: 3
        resolution: 3
        ```
        """))
        let entries = try #require(parsed.ruptureLog?.entries)
        #expect(entries.map(\.type) == ["confrontation", "withdrawal"])
        #expect(entries[0].markers == ["marker-complaints-about-progress", "marker-rejecting-intervention"])
        #expect(entries[0].trigger == "trigger-questioning-therapy")
        #expect(entries[0].component == .task)
        #expect(entries[0].repairs == ["practice-pause-breathe", "repair-recognise-name", "strategy-inviting-talk-about-therapy"])
        #expect(entries[1].markers == ["marker-minimal-response"])
        #expect(entries[1].trigger == "trigger-own-material")
        #expect(entries[1].component == .bond)
    }

    @Test("reads a card named as the workbook's table and the form label it, 'Card N · title', when the number is the card's, and keeps the words as written")
    func numberedNames() throws {
        let log = """
        ```rupture
        client: Harbour
        markers: [Card 12 · Minimal response, card 11 - denial]
        trigger: Card 29 · When a client questions whether therapy is worth it
        repairs: [Card 45 · Pause and breathe, "CARD 39: recognise and name the rupture"]
        tension: 4
        resolution: 2
        ```
        """
        let parsed = try TestJournal.parse(journal(log: log))
        let entry = try #require(parsed.ruptureLog?.entries.first)
        #expect(entry.markers == ["marker-minimal-response", "marker-denial"])
        #expect(entry.trigger == "trigger-questioning-therapy")
        #expect(entry.repairs == ["practice-pause-breathe", "repair-recognise-name"])
        // The journal's text is the therapist's: the section keeps every word.
        #expect(parsed.answer(to: "rupture-log")?.markdown == log)
    }

    @Test("refuses 'Card N · title' when the number is another card's or no card's, naming both, and a numbered card in the wrong field")
    func numberedNamesDisagreeing() throws {
        #expect(try TestJournal.diagnostics(journal(log: """
        ```rupture
        client: Harbour
        markers: [Card 13 · Minimal response]
        trigger: Card 12 · Minimal response
        repairs: [Card 79 · Pause and breathe]
        tension: 4
        resolution: 2
        ```
        """)) == [
            "journal/2026-W47.md:14:11: error: 'Card 13 · Minimal response' has the title of card 12 but the number 13 (card 13 is 'Abstract communication'); write 'Card 12' before the title, or the title alone",
            "journal/2026-W47.md:15:10: error: 'Card 12 · Minimal response' is a card in 'Rupture markers', not a trigger category",
            "journal/2026-W47.md:16:11: error: 'Card 79 · Pause and breathe' has the title of card 45 but the number 79 (there is no card 79; cards are numbered 1 to 78); write 'Card 45' before the title, or the title alone",
        ])
    }

    @Test("counts two spellings of one card as one card listed twice, and mixed types by canonical ID")
    func spellingsOfOneCard() throws {
        #expect(try TestJournal.diagnostics(journal(log: """
        ```rupture
        client: Harbour
        markers: [Denial, marker-denial, Efforts to control or pressure the therapist]
        repairs: [name-it, Name It]
        tension: 4
        resolution: 2
        ```
        """)) == [
            "journal/2026-W47.md:14:19: error: marker 'marker-denial' is listed twice",
            "journal/2026-W47.md:14:34: error: markers of both rupture types: 'Denial' is withdrawal, 'Efforts to control or pressure the therapist' is confrontation; log two entries, or say which with 'type'",
            "journal/2026-W47.md:15:20: error: repair 'Name It' is listed twice",
        ])
    }

    @Test("names the section of a card given by title in the wrong field")
    func titleInWrongField() throws {
        #expect(try TestJournal.diagnostics(journal(log: """
        ```rupture
        client: Harbour
        markers: [Pause and breathe]
        trigger: denial
        tension: 4
        resolution: 2
        ```
        """)) == [
            "journal/2026-W47.md:14:11: error: 'Pause and breathe' is a card in 'What works in practice', not a marker",
            "journal/2026-W47.md:15:10: error: 'denial' is a card in 'Rupture markers', not a trigger category",
        ])
    }

    @Test("refuses a title two cards share, naming both")
    func ambiguousTitle() throws {
        let overlay = SourceFile(path: "mine/markers.yaml", name: "extra-markers.yaml", text: """
        section: markers
        title: Rupture markers
        cards:
          - id: marker-quiet-denial
            title: denial
            rupture-type: withdrawal
            summary: A quieter denial, for this test.
            body: Only for this test.
            basis: synthesis
            answered-by: [practice-name-it]
            sources: [eubanks-2019-3rs]
        """)
        let content = try ContentLoader.load(layers: [TestJournal.bundledFiles, [overlay]])
        let text = journal(log: """
        ```rupture
        client: Harbour
        markers: [Denial, marker-denial]
        tension: 4
        resolution: 2
        ```
        """)
        do {
            _ = try JournalParser(content: content).parse(SourceFile(path: TestJournal.path, name: "2026-W47.md", text: text))
            Issue.record("expected the journal to be rejected")
        } catch {
            #expect(error.diagnostics.map(\.description) == [
                "journal/2026-W47.md:14:11: error: 'Denial' names more than one marker: 'marker-denial', 'marker-quiet-denial'; write the ID of the one you mean",
            ])
        }
        // The number tells the two apart.
        let denial = try #require(content.card("marker-denial")).number
        let quiet = try #require(content.card("marker-quiet-denial")).number
        #expect(denial != quiet)
        let numbered = try JournalParser(content: content).parse(SourceFile(path: TestJournal.path, name: "2026-W47.md", text: journal(log: """
        ```rupture
        client: Harbour
        markers: [Card \(denial) · Denial, Card \(quiet) · denial]
        tension: 4
        resolution: 2
        ```
        """)))
        #expect(numbered.ruptureLog?.entries.first?.markers == ["marker-denial", "marker-quiet-denial"])
    }

    @Test("reports a marker of the other rupture type, and markers of both types without a type")
    func wrongType() throws {
        #expect(try TestJournal.diagnostics(journal(log: """
        ```rupture
        client: Harbour
        type: withdrawal
        markers: [marker-denial, marker-control-pressure]
        tension: 4
        resolution: 2
        ```

        ```rupture
        client: Kestrel
        markers:
          - marker-denial
          - marker-control-pressure
        tension: 4
        resolution: 2
        ```
        """)) == [
            "journal/2026-W47.md:15:26: error: marker 'marker-control-pressure' is a confrontation marker, but this rupture's type is 'withdrawal'",
            "journal/2026-W47.md:24:5: error: markers of both rupture types: 'marker-denial' is withdrawal, 'marker-control-pressure' is confrontation; log two entries, or say which with 'type'",
        ])
    }

    @Test("reports ratings that are not whole numbers from 1 to 5", arguments: [
        ("tension: 7", "'tension' is a whole number from 1 to 5, not '7'"),
        ("tension: 0", "'tension' is a whole number from 1 to 5, not '0'"),
        ("tension: 3.5", "'tension' is a whole number from 1 to 5, not '3.5'"),
        ("tension: high", "'tension' is a whole number from 1 to 5, not 'high'"),
        ("tension:", "'tension' is a whole number from 1 to 5, not empty"),
    ])
    func ratingOutOfRange(line: String, message: String) throws {
        let column = line.firstIndex(of: ":").map { line.distance(from: line.startIndex, to: $0) } ?? 0
        let expectedColumn = line == "tension:" ? column + 2 : column + 3
        #expect(try TestJournal.diagnostics(journal(log: """
        ```rupture
        client: Harbour
        markers: [marker-denial]
        \(line)
        resolution: 2
        ```
        """)) == ["journal/2026-W47.md:15:\(expectedColumn): error: \(message)"])
    }

    @Test("reports unknown triggers, repairs, components and types, and IDs from the wrong section")
    func unknownIDs() throws {
        #expect(try TestJournal.diagnostics(journal(log: """
        ```rupture
        client: Harbour
        type: withdrawl
        markers: [marker-denial]
        trigger: own-materal
        component: tusk
        repairs: [practice-pause-breath, marker-denial, repair-recognise-name, repair-recognise-name]
        salience: 9
        tension: 4
        resolution: 2
        ```
        """)) == [
            "journal/2026-W47.md:14:7: error: unknown rupture type 'withdrawl'; did you mean 'withdrawal'?",
            "journal/2026-W47.md:16:10: error: unknown trigger category 'own-materal'; did you mean 'trigger-own-material'?",
            "journal/2026-W47.md:17:12: error: unknown alliance component 'tusk'; did you mean 'task'?",
            "journal/2026-W47.md:18:11: error: unknown repair 'practice-pause-breath'; did you mean 'practice-pause-breathe'?",
            "journal/2026-W47.md:18:34: error: 'marker-denial' is a card in 'Rupture markers', not a repair step, practice or strategy",
            "journal/2026-W47.md:18:72: error: repair 'repair-recognise-name' is listed twice",
            "journal/2026-W47.md:19:11: error: 'salience' is a whole number from 1 to 5, not '9'",
        ])
    }

    @Test("reports missing fields at the entry, and an empty entry at its fence")
    func missingFields() throws {
        #expect(try TestJournal.diagnostics(journal(log: """
        ```rupture
        # Only a comment so far.
        ```

        ```rupture
        notes: forgot the rest
        ```
        """)) == [
            "journal/2026-W47.md:12:1: error: this rupture entry is empty; write at least client, markers, tension and resolution",
            "journal/2026-W47.md:17:1: error: this rupture entry is missing required field 'client'",
            "journal/2026-W47.md:17:1: error: this rupture entry is missing required field 'markers'",
            "journal/2026-W47.md:17:1: error: this rupture entry is missing required field 'tension' (a rating from 1 to 5)",
            "journal/2026-W47.md:17:1: error: this rupture entry is missing required field 'resolution' (a rating from 1 to 5)",
        ])
    }

    @Test("refuses a session date, a week after the journal's, and an unknown field")
    func weeksAndDates() throws {
        #expect(try TestJournal.diagnostics(journal(log: """
        ```rupture
        session: 2026-11-17
        week: 2026-W48
        client: Harbour
        marker: [marker-denial]
        tension: 4
        resolution: 2
        ```
        """)) == [
            "journal/2026-W47.md:13:10: error: a rupture entry has no 'session': a session's date can identify a client, so the week is enough ('week: 2026-W47', or leave it out for this journal's week)",
            "journal/2026-W47.md:14:7: error: week 2026-W48 is after this journal's week, 2026-W47",
            "journal/2026-W47.md:16:1: error: unknown field 'marker' in this rupture entry; did you mean 'markers'?",
            "journal/2026-W47.md:13:1: error: this rupture entry is missing required field 'markers'",
        ].sorted(by: byLocation))
    }

    @Test("refuses a 'date' field as it refuses 'session': either would put a session's date in the log")
    func dateField() throws {
        #expect(try TestJournal.diagnostics(journal(log: """
        ```rupture
        date: 2026-11-17
        client: Harbour
        markers: [marker-denial]
        tension: 4
        resolution: 2
        ```
        """)) == [
            "journal/2026-W47.md:13:7: error: a rupture entry has no 'date': a session's date can identify a client, so the week is enough ('week: 2026-W47', or leave it out for this journal's week)",
        ])
    }

    @Test("reports malformed YAML at the journal's line")
    func malformedYAML() throws {
        let diagnostics = try TestJournal.diagnostics(journal(log: """
        ```rupture
        client: Harbour
        markers: [marker-denial
        tension: 4
        ```
        """))
        #expect(diagnostics.count == 1)
        // At the '[' that opens the list, the place to fix it, not where libyaml gave up.
        #expect(diagnostics.first?.hasPrefix("journal/2026-W47.md:14:10:") == true)
        #expect(diagnostics.first?.contains("error: a '[' at the start of a value opens an inline list that is never closed") == true)
    }

    @Test("refuses an entry outside the log, or nested in a list inside it, and another kind of code block in it")
    func misplacedEntries() throws {
        #expect(try TestJournal.diagnostics(journal(log: """
        - a list item holding an entry:

          ```rupture
          client: Harbour
          ```

        ```yaml
        client: Harbour
        ```
        """, after: """
        ```rupture
        client: Kestrel
        ```
        """)) == [
            "journal/2026-W47.md:14:3: error: a rupture entry must start at the beginning of a line in the rupture log, not inside a list or quote",
            "journal/2026-W47.md:18:1: error: in the rupture log, each entry is a code block opening with '```rupture'; this one opens with '```yaml'",
            "journal/2026-W47.md:25:1: error: a rupture entry is counted only under the '## Rupture log' heading; move it there",
        ])
        let withoutLog = TestJournal.header + """

        <!-- prompt: reflect-what-i-did -->
        ## What I did

        ```rupture
        client: Kestrel
        ```
        """
        #expect(try TestJournal.diagnostics(withoutLog) == [
            "journal/2026-W47.md:12:1: error: a rupture entry is counted only under the '## Rupture log' heading; add a '<!-- prompt: rupture-log -->' line and a '## Rupture log' heading, and move it there",
        ])
    }

    @Test("points columns at the file's own text when the fence is indented")
    func indentedFence() throws {
        #expect(try TestJournal.diagnostics(journal(log: """
          ```rupture
          client: Harbour
          markers: [marker-denail]
          tension: 4
          resolution: 2
          ```
        """)) == [
            "journal/2026-W47.md:14:13: error: unknown marker 'marker-denail'; did you mean 'marker-denial'?",
        ])
    }

    @Test("still checks the log when the front matter is broken, so one run shows everything")
    func brokenFrontMatter() throws {
        let text = """
        ---
        therapist: "Sam Rivera"
        week: 2026-W47
        focus: when-therapy-is-questiond
        ---

        <!-- prompt: rupture-log -->
        ## Rupture log

        ```rupture
        client: Harbour
        markers: [marker-denail]
        tension: 4
        resolution: 2
        ```
        """
        #expect(try TestJournal.diagnostics(text) == [
            "journal/2026-W47.md:4:8: error: unknown focus 'when-therapy-is-questiond'; did you mean 'when-therapy-is-questioned'?",
            "journal/2026-W47.md:12:11: error: unknown marker 'marker-denail'; did you mean 'marker-denial'?",
        ])
    }

    @Test("is not an unknown prompt, and not a heading that matches no prompt")
    func notAPrompt() throws {
        let parsed = try TestJournal.parse(TestJournal.header + "\n<!-- prompt: rupture-log -->\n## My log\n")
        #expect(parsed.ruptureLogAnswer?.heading == "My log")
    }
}

private func byLocation(_ a: String, _ b: String) -> Bool {
    func key(_ s: String) -> (Int, Int) {
        let parts = s.split(separator: ":")
        return (Int(parts[1]) ?? 0, Int(parts[2]) ?? 0)
    }
    return key(a) < key(b)
}
