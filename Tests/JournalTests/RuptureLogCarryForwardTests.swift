import ContentModel
import Diagnostics
import Journal
import TestSupport
import Testing

/// A journal for `week` whose rupture log holds `entries` and `remarks`.
private func journal(_ week: String, _ entries: [String], remarks: String = "") throws -> Journal {
    let text = ruptureJournalText(week, entries, remarks: remarks)
    return try JournalParser(content: TestJournal.content())
        .parse(SourceFile(path: "journal/\(week).md", name: "\(week).md", text: text))
}

private func entry(_ client: String, resolution: Int, markers: String = "[marker-complaints-about-progress]",
                   repairs: String = "[]") -> String {
    "client: \(client)\nmarkers: \(markers)\nrepairs: \(repairs)\ntension: 4\nresolution: \(resolution)"
}

@Suite("Carrying unresolved ruptures forward")
struct RuptureLogCarryForwardTests {
    let content: ContentModel
    let w48 = ISOWeek(year: 2026, week: 48)!

    init() throws {
        content = try TestJournal.content()
    }

    @Test("brings back a client's latest rupture when it was rated 2 or lower, with what was tried and what was not")
    func latestUnresolved() throws {
        let journals = [
            try journal("2026-W46", [entry("Harbour", resolution: 1, repairs: "[practice-pause-breathe]")]),
            try journal("2026-W47", [
                entry("harbour", resolution: 2, repairs: "[repair-recognise-name]"),
                entry("Kestrel", resolution: 3, markers: "[marker-minimal-response]"),
            ]),
        ]
        let carried = RuptureCarryForward.unresolved(in: journals, before: w48, content: content)
        #expect(carried.count == 1)
        let harbour = try #require(carried.first)
        #expect(harbour.client == "harbour")
        #expect(harbour.journalWeek == ISOWeek(year: 2026, week: 47))
        #expect(harbour.entry.resolution == 2)
        #expect(harbour.tried == ["repair-recognise-name", "practice-pause-breathe"])
        #expect(harbour.stepsNotTried == [
            "repair-regulate-yourself", "repair-listen-validate", "repair-take-accountability", "repair-realign-goals",
        ])
        // The marker is answered by two repair steps (listed above) and one strategy.
        #expect(harbour.suggestions == ["strategy-changing-tasks-goals"])
    }

    @Test("drops a rupture once a later entry rates it 3 or more")
    func laterResolution() throws {
        let journals = [
            try journal("2026-W46", [entry("Harbour", resolution: 1)]),
            try journal("2026-W47", [entry("Harbour", resolution: 4)]),
        ]
        #expect(RuptureCarryForward.unresolved(in: journals, before: w48, content: content).isEmpty)
    }

    @Test("drops a rupture once its question is answered in a later journal, and asks again after a new low rating")
    func answeredQuestion() throws {
        let answered = """
        ### What happened next with Harbour?

        We talked about it at the start of the session.
        """
        let journals = [
            try journal("2026-W46", [entry("Harbour", resolution: 1)]),
            try journal("2026-W47", [], remarks: answered),
        ]
        #expect(RuptureCarryForward.unresolved(in: journals, before: w48, content: content).isEmpty)

        let unanswered = [
            try journal("2026-W46", [entry("Harbour", resolution: 1)]),
            try journal("2026-W47", [], remarks: "### What happened next with Harbour?\n\n<!-- guidance only -->"),
        ]
        #expect(RuptureCarryForward.unresolved(in: unanswered, before: w48, content: content).map(\.client) == ["Harbour"])

        let again = [
            try journal("2026-W46", [entry("Harbour", resolution: 1)]),
            try journal("2026-W47", [entry("Harbour", resolution: 2)], remarks: answered),
        ]
        #expect(RuptureCarryForward.unresolved(in: again, before: w48, content: content).map(\.entry.resolution) == [2])
    }

    @Test("ignores journals from the new week or after it, and orders what it brings by week")
    func onlyEarlierWeeks() throws {
        let journals = [
            try journal("2026-W48", [entry("Wren", resolution: 1)]),
            try journal("2026-W47", [entry("Kestrel", resolution: 2)]),
            try journal("2026-W45", [entry("Harbour", resolution: 2)]),
        ]
        #expect(RuptureCarryForward.unresolved(in: journals, before: w48, content: content).map(\.client) == ["Harbour", "Kestrel"])
    }

    @Test("writes each carried rupture into the new journal's log as a question that parses back as an open remark")
    func scaffolded() throws {
        let journals = [try journal("2026-W47", [entry("Harbour", resolution: 2, repairs: "[practice-pause-breathe]")])]
        let carried = RuptureCarryForward.unresolved(in: journals, before: w48, content: content)
        let text = JournalScaffold.render(
            therapist: "Sam Rivera", week: w48, focus: try #require(content.week("when-therapy-is-questioned")),
            content: content, carried: carried
        )
        #expect(text.contains("""
        ### What happened next with Harbour?

        <!--
        From 2026-W47: a confrontation rupture (Complaints/concerns about progress
        in therapy), tension 4, resolution 2 of 5.
        Tried so far: Pause and breathe.
        Repair steps not yet tried:
        """))
        let parsed = try TestJournal.parse(text.replacingOccurrences(of: "2026-W48", with: "2026-W47"))
        #expect(parsed.ruptureLog?.entries == [])
        #expect(parsed.ruptureLog?.remarks == "### What happened next with Harbour?")
        #expect(parsed.ruptureLog?.followedUp == [])
        // Still open next week: the question alone is not an answer.
        #expect(RuptureCarryForward.unresolved(in: journals + [parsed], before: w48.next, content: content).count == 1)
    }

    @Test("escapes an alias's Markdown in the question so it reads back as written")
    func aliasWithMarkdown() throws {
        let journals = [try journal("2026-W47", [entry("\"K_9 *B*\"", resolution: 1)])]
        let carried = RuptureCarryForward.unresolved(in: journals, before: w48, content: content)
        let text = JournalScaffold.render(
            therapist: "Sam", week: w48, focus: try #require(content.week("when-therapy-is-questioned")),
            content: content, carried: carried
        )
        #expect(text.contains("### What happened next with K\\_9 \\*B\\*?\n"))
        let answered = try journal("2026-W48", [], remarks: "### What happened next with K\\_9 \\*B\\*?\n\nIt eased.")
        #expect(answered.ruptureLog?.followedUp == ["k_9 *b*"])
    }

    @Test("scaffolds the log with an example that parses once uncommented")
    func exampleParses() throws {
        let text = JournalScaffold.render(
            therapist: "Sam", week: w48, focus: try #require(content.week("when-therapy-is-questioned")), content: content
        )
        let start = try #require(text.range(of: "```rupture\n"))
        let end = try #require(text.range(of: "\n```\n", range: start.upperBound..<text.endIndex))
        let example = String(text[start.upperBound..<end.lowerBound])
        let parsed = try journal("2026-W48", [example])
        #expect(parsed.ruptureLog?.entries.map(\.client) == ["Harbour"])
        #expect(text.contains("Add 'week: 2026-W47'\nfor a session in an earlier week"))
        for title in content.cards(in: .markers).map(\.title) + content.cards(in: .strategies).map(\.title) {
            #expect(text.contains("- \(title)\n"), "\(title) is not listed in the log's comment")
        }
    }
}
