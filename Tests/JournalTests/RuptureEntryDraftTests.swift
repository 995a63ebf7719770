import ContentModel
import Diagnostics
import Journal
import Testing

/// The scaffold for 2026-W47 with `drafts` in its log, as the form writes it.
private func logged(_ drafts: [RuptureEntryDraft], followUps: [String: String] = [:], carried: [CarriedRupture] = []) throws -> String {
    let content = try TestJournal.content()
    let layout = JournalScaffold.layout(
        therapist: "Sam Rivera", week: ISOWeek(year: 2026, week: 47)!,
        focus: try #require(content.week("when-therapy-is-questioned")), content: content, carried: carried
    )
    return layout.filled(with: [:], entries: drafts, followUps: followUps)
}

@Suite("Writing a rupture entry from a form")
struct RuptureEntryDraftTests {
    @Test("writes every field in the scaffold's order, as the IDs, the client quoted, the notes as a literal block")
    func everyField() {
        let draft = RuptureEntryDraft(
            week: "2026-W46", client: "Harbour", markers: ["marker-complaints-about-progress", "marker-rejecting-intervention"],
            salience: 3, trigger: "trigger-questioning-therapy", component: "task",
            repairs: ["practice-pause-breathe", "repair-recognise-name"], tension: 4, resolution: 2,
            notes: "\n\nHe said it was *pointless*.\n\n  I explained too much.\n\n"
        )
        #expect(draft.markdown == """
        ```rupture
        week: 2026-W46
        client: "Harbour"
        markers: [marker-complaints-about-progress, marker-rejecting-intervention]
        salience: 3
        trigger: trigger-questioning-therapy
        component: task
        repairs: [practice-pause-breathe, repair-recognise-name]
        tension: 4
        resolution: 2
        notes: |
          He said it was *pointless*.

            I explained too much.
        ```
        """)
    }

    @Test("leaves out what was not chosen, but always writes client and markers, which the parser asks for")
    func emptyFields() {
        #expect(RuptureEntryDraft(tension: 2).markdown == "```rupture\nclient: \"\"\nmarkers: []\ntension: 2\n```")
        #expect(RuptureEntryDraft().isBlank)
        #expect(RuptureEntryDraft(notes: " \n\t\n").isBlank)
        #expect(!RuptureEntryDraft(client: "K").isBlank)
        #expect(!RuptureEntryDraft(salience: 1).isBlank)
    }

    @Test("reads back exactly as typed, whatever the alias and the notes hold", arguments: [
        ("No", "plain"),
        ("#3 \"the quiet one\" \\ back\tslash", "Line one\n```\nthree backticks, then ````four````\n```"),
        ("Zoë 李 🙂", "  starts with spaces\nthen a line\n\n\nafter blank lines"),
        ("null", "- a list\n- [ ] a task\n\n| a | b |\n| - | - |"),
        ("yes: really", "## not a heading here\n<script>x</script>\n<!-- a comment -->"),
    ])
    func roundTrip(client: String, notes: String) throws {
        let draft = RuptureEntryDraft(client: client, markers: ["marker-denial"], tension: 3, resolution: 4, notes: notes)
        let journal = try TestJournal.parse(try logged([draft]))
        let entry = try #require(journal.ruptureLog?.entries.first)
        #expect(entry.client == client)
        #expect(entry.notes.map { JournalLayout.answerText($0) } == notes)
        #expect(entry.markers == ["marker-denial"])
        #expect(journal.promptAnswers.allSatisfy { $0.isEmpty })
    }

    @Test("a control character in the alias is escaped, and one in the notes becomes a space")
    func controlCharacters() throws {
        let draft = RuptureEntryDraft(client: "K\u{7}\u{2028}9", markers: ["marker-denial"], tension: 3, resolution: 4, notes: "a\u{1}b")
        #expect(draft.markdown.contains("client: \"K\\u0007\\u20289\""))
        let entry = try #require(TestJournal.parse(try logged([draft])).ruptureLog?.entries.first)
        #expect(entry.client == "K\u{7}\u{2028}9")
        #expect(entry.notes.map { JournalLayout.answerText($0) } == "a b")
    }

    @Test("in the layout: after the log's comment, a blank line before each; blank entries are left out")
    func inTheLayout() throws {
        let first = RuptureEntryDraft(client: "Harbour", markers: ["marker-denial"], tension: 4, resolution: 2)
        let second = RuptureEntryDraft(client: "Kestrel", markers: ["marker-control-pressure"], tension: 2, resolution: 5)
        let text = try logged([first, RuptureEntryDraft(), second])
        #expect(text.contains("-->\n\n" + first.markdown + "\n\n" + second.markdown + "\n\n<!-- prompt: "))
        let journal = try TestJournal.parse(text)
        #expect(journal.ruptureLog?.entries.map(\.client) == ["Harbour", "Kestrel"])
        #expect(journal.ruptureLog?.entries.map(\.type) == ["withdrawal", "confrontation"])
    }

    @Test("an incomplete entry is written as it is, and the parser points at what it lacks")
    func incomplete() throws {
        let text = try logged([RuptureEntryDraft(client: "Harbour", tension: 4)])
        let line = text.split(separator: "\n", omittingEmptySubsequences: false).lastIndex(of: "```rupture")! + 1  // the fence's line number
        #expect(try TestJournal.diagnostics(text) == [
            "journal/2026-W47.md:\(line + 1):1: error: this rupture entry is missing required field 'resolution' (a rating from 1 to 5)",
            "journal/2026-W47.md:\(line + 2):10: error: 'markers' must list at least one marker",
        ])
    }
}
