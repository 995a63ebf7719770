import BrowserForm
import ContentModel
import Diagnostics
import Journal
import Testing

@Suite("Importing a journal into the journal folder")
struct JournalImportTests {
    /// The week's journal with these answers, as the form downloads it.
    static func journal(_ answers: [String: String], therapist: String = "Sam Rivera", focus: String = Fixtures.focusID) throws -> String {
        try Fixtures.layout(therapist: therapist, focus: focus).filled(with: answers)
    }

    static let first = "reflect-questioned-process"
    static let second = "reflect-what-i-did"

    func plan(_ text: String, path: String = "Downloads/2026-W47.md", existing: [String: String] = [:], keepBoth: Bool = false) throws -> JournalImport.Outcome {
        try JournalImport(content: Fixtures.content()).plan(
            SourceFile(path: path, name: path, text: text), into: "journal",
            existing: existing.sorted { $0.key < $1.key }.map { SourceFile(path: $0.key, name: $0.key, text: $0.value) },
            keepBoth: keepBoth
        )
    }

    @Test("adds a week the folder lacks as is, named by its week, whatever the file is called")
    func newWeek() throws {
        let text = try Self.journal([Self.first: "Typed in a browser."]).replacingOccurrences(of: "\n", with: "\r\n")
        let other = try Self.journal([:]).replacingOccurrences(of: "2026-W47", with: "2026-W46")
        #expect(try plan(text, path: "Downloads/2026-W47 (1).md", existing: ["journal/2026-W46.md": other])
            == .add(path: "journal/2026-W47.md", text: text))
    }

    @Test("finds nothing to do when every answer is the same, or left empty in the file")
    func unchanged() throws {
        let journal = try Self.journal([Self.first: "Mine.", Self.second: "Also mine."])
        #expect(try plan(Self.journal([Self.first: "Mine."]), existing: ["journal/2026-W47.md": journal]) == .unchanged(path: "journal/2026-W47.md"))
        #expect(try plan(Self.journal([:]), existing: ["journal/2026-W47.md": journal]) == .unchanged(path: "journal/2026-W47.md"))
    }

    @Test("finds the week's journal under any name in the folder")
    func journalUnderAnotherName() throws {
        let journal = try Self.journal([Self.first: "Mine."])
        #expect(try plan(Self.journal([Self.first: "Mine."]), existing: ["journal/old/week-47.md": journal])
            == .unchanged(path: "journal/old/week-47.md"))
    }

    @Test("stops at an answer that differs, or that the journal lacks, showing both versions")
    func differs() throws {
        let journal = try Self.journal([Self.first: "What I wrote\nat my desk."])
        let imported = try Self.journal([Self.first: "What I typed\n\n  in the browser.", Self.second: "New here."])
        let outcome = try plan(imported, existing: ["journal/2026-W47.md": journal])
        guard case .differs(let path, let diagnostics, let keepBothHelps) = outcome else {
            Issue.record("expected differences, got \(outcome)")
            return
        }
        #expect(path == "journal/2026-W47.md")
        #expect(keepBothHelps)
        let lines = journal.split(separator: "\n", omittingEmptySubsequences: false)
        let heading = lines.firstIndex(of: "<!-- prompt: \(Self.first) -->")! + 2
        let answer = lines.firstIndex(of: "What I wrote")! + 1
        let secondHeading = lines.firstIndex(of: "<!-- prompt: \(Self.second) -->")! + 2
        let importedLines = imported.split(separator: "\n", omittingEmptySubsequences: false)
        let importedAnswer = importedLines.firstIndex(of: "What I typed")! + 1
        let importedSecond = importedLines.firstIndex(of: "New here.")! + 1
        #expect(diagnostics.map(\.description) == [
            "journal/2026-W47.md:\(heading):1: error: the answer to '\(Self.first)' differs from Downloads/2026-W47.md's; Attune never overwrites an answer",
            "journal/2026-W47.md:\(answer):1: note: in your journal:\n    | What I wrote\n    | at my desk.",
            "Downloads/2026-W47.md:\(importedAnswer):1: note: in 2026-W47.md:\n    | What I typed\n    | \n    |   in the browser.",
            "journal/2026-W47.md:\(secondHeading):1: error: your journal has no answer to '\(Self.second)' yet, and Downloads/2026-W47.md has one; Attune changes a journal only when asked",
            "Downloads/2026-W47.md:\(importedSecond):1: note: in 2026-W47.md:\n    | New here.",
        ])
    }

    @Test("with --keep both, adds each imported version below the journal's, both marked, changing no line of the journal")
    func keepBoth() throws {
        let journal = try Self.journal([Self.first: "What I wrote\nat my desk."])
        let imported = try Self.journal([Self.first: "What I typed.", Self.second: "New here."])
        let outcome = try plan(imported, existing: ["journal/2026-W47.md": journal], keepBoth: true)
        guard case .keepBoth(let path, let text, let prompts) = outcome else {
            Issue.record("expected a merge, got \(outcome)")
            return
        }
        #expect(path == "journal/2026-W47.md")
        #expect(prompts == [Self.first, Self.second])
        let kept = "**Kept by attune import --keep both · the answer already in this journal:**"
        let added = "**Kept by attune import --keep both · the answer from 2026-W47.md:**"
        let hint = try Self.hintLine(Self.second)
        #expect(text == journal
            .replacingOccurrences(
                of: "\nWhat I wrote\nat my desk.\n",
                with: "\n\(kept)\n\nWhat I wrote\nat my desk.\n\n\(added)\n\nWhat I typed.\n"
            )
            .replacingOccurrences(of: hint + "\n", with: hint + "\n\n\(added)\n\nNew here.\n"))
        let reread = try Fixtures.parse(text)
        #expect(reread.answer(to: Self.first)?.markdown == """
            **Kept by attune import --keep both · the answer already in this journal:**

            What I wrote
            at my desk.

            **Kept by attune import --keep both · the answer from 2026-W47.md:**

            What I typed.
            """)
        #expect(reread.answer(to: Self.second)?.markdown == "**Kept by attune import --keep both · the answer from 2026-W47.md:**\n\nNew here.")

        // The same file again: both versions are already there.
        #expect(try plan(imported, existing: ["journal/2026-W47.md": text]) == .unchanged(path: "journal/2026-W47.md"))
    }

    static func hintLine(_ id: String) throws -> String {
        "<!-- \(try #require(try Fixtures.content().prompt(id)?.hint)) -->"
    }

    @Test("with --keep both, keeps the journal's own line endings and every byte it had")
    func keepBothCRLF() throws {
        let journal = try Self.journal([Self.first: "Mine."]).replacingOccurrences(of: "\n", with: "\r\n")
        let outcome = try plan(Self.journal([Self.first: "Theirs."]), existing: ["journal/2026-W47.md": journal], keepBoth: true)
        guard case .keepBoth(_, let text, _) = outcome else {
            Issue.record("expected a merge, got \(outcome)")
            return
        }
        #expect(!text.replacingOccurrences(of: "\r\n", with: "").contains("\n"))
        // Every line of the journal is still there, in order, with lines added between.
        var merged = text.components(separatedBy: "\r\n")[...]
        for line in journal.components(separatedBy: "\r\n") {
            let found = try #require(merged.firstIndex(of: line), "lost: \(line)")
            merged = merged[(found + 1)...]
        }
        #expect(text.components(separatedBy: "\r\n").count == journal.components(separatedBy: "\r\n").count + 6)
    }

    @Test("adds a section at the end for a prompt the journal has no section for")
    func missingSection() throws {
        let journal = try Self.journal([:])
        let extra = try #require(try Fixtures.content().prompts.first { !(try Fixtures.layout().promptIDs.contains($0.id)) })
        let imported = try Self.journal([:]) + "\n<!-- prompt: \(extra.id) -->\n## \(extra.text)\n\nAn extra answer.\n"
        let outcome = try plan(imported, existing: ["journal/2026-W47.md": journal], keepBoth: true)
        #expect(outcome == .keepBoth(path: "journal/2026-W47.md", text: journal + """

            <!-- prompt: \(extra.id) -->
            ## \(extra.text)

            **Kept by attune import --keep both · the answer from 2026-W47.md:**

            An extra answer.

            """, prompts: [extra.id]))
    }

    @Test("never merges another therapist's journal, or another focus, even with --keep both")
    func differentHeader() throws {
        let journal = try Self.journal([:])
        let other = try Self.journal([Self.first: "x"], therapist: "Noor Haddad")
        #expect(Fixtures.problems { try plan(other, existing: ["journal/2026-W47.md": journal], keepBoth: true) } == [
            "Downloads/2026-W47.md:2:1: error: this journal is 'Noor Haddad''s, but journal/2026-W47.md is 'Sam Rivera''s; Attune only merges a therapist's own journals",
        ])
        let focus = try #require(try Fixtures.content().weeks.first { $0.id != Fixtures.focusID }).id
        let otherFocus = try Self.journal([:], focus: focus)
        #expect(Fixtures.problems { try plan(otherFocus, existing: ["journal/2026-W47.md": journal], keepBoth: true) } == [
            "Downloads/2026-W47.md:4:1: error: this journal's focus is '\(focus)', but journal/2026-W47.md has '\(Fixtures.focusID)' for 2026-W47; Attune only merges journals on the same focus",
        ])
    }

    @Test("never merges the text before the prompts, even with --keep both")
    func preamble() throws {
        let journal = try Self.journal([:])
        var imported = journal
        let guideEnd = try #require(imported.range(of: "-->\n\n<!-- prompt:"))
        imported.insert(contentsOf: "\nSome notes first.\n", at: imported.index(guideEnd.lowerBound, offsetBy: 4))
        let line = imported.split(separator: "\n", omittingEmptySubsequences: false).firstIndex(of: "Some notes first.")! + 1
        #expect(Fixtures.problems { try plan(imported, existing: ["journal/2026-W47.md": journal], keepBoth: true) } == [
            "journal/2026-W47.md:1:1: error: the text before the prompts differs from Downloads/2026-W47.md's; Attune never overwrites it, and keeps both versions only of answers to prompts: copy what you need by hand",
            "journal/2026-W47.md:1:1: note: in your journal:\n    (nothing)",
            "Downloads/2026-W47.md:\(line):1: note: in 2026-W47.md:\n    | Some notes first.",
        ])
    }

    static let harbour = "```rupture\nclient: Harbour\nmarkers: [marker-complaints-about-progress]\ntension: 4\nresolution: 2\n```"
    static let kestrel = "```rupture\nclient: \"Kestrel\"\nmarkers: [marker-denial]\ntension: 2\nresolution: 3\n```"

    /// `text` with `entries` right below the log's heading.
    static func logged(_ text: String, _ entries: String) -> String {
        text.replacingOccurrences(of: "<!-- prompt: rupture-log -->\n## Rupture log\n", with: "<!-- prompt: rupture-log -->\n## Rupture log\n\n\(entries)\n")
    }

    static func line(of text: String, in journal: String) -> Int {
        journal.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0 == text }! + 1
    }

    @Test("adds the file's new rupture entries after the journal's last one, changing no line of the journal")
    func newEntries() throws {
        let journal = Self.logged(try Self.journal([Self.first: "Mine."]), Self.harbour)
        let imported = Self.logged(try Self.journal([Self.first: "Mine."]), Self.harbour + "\n\n" + Self.kestrel)
        #expect(try plan(imported, existing: ["journal/2026-W47.md": journal]) == .addToLog(
            path: "journal/2026-W47.md",
            text: journal.replacingOccurrences(of: Self.harbour + "\n", with: Self.harbour + "\n\n" + Self.kestrel + "\n"),
            added: ["a rupture entry for Kestrel (2026-W47)"]
        ))
        // Into a log with no entries yet: after the log's comment, as the form writes them.
        let empty = try Self.journal([:])
        let formed = try Fixtures.layout().filled(with: [:], entries: [RuptureEntryDraft(client: "Kestrel", markers: ["marker-denial"], tension: 2, resolution: 3)])
        #expect(try plan(formed, existing: ["journal/2026-W47.md": empty]) == .addToLog(
            path: "journal/2026-W47.md", text: formed, added: ["a rupture entry for Kestrel (2026-W47)"]
        ))
        // Line endings of the journal are kept, and the added lines take them.
        let crlf = journal.replacingOccurrences(of: "\n", with: "\r\n")
        guard case .addToLog(_, let text, _) = try plan(imported, existing: ["journal/2026-W47.md": crlf]) else {
            Issue.record("expected the entry to be added")
            return
        }
        #expect(text == crlf.replacingOccurrences(of: Self.harbour.replacingOccurrences(of: "\n", with: "\r\n") + "\r\n",
                                                 with: (Self.harbour + "\n\n" + Self.kestrel + "\n").replacingOccurrences(of: "\n", with: "\r\n")))
    }

    @Test("recognises an entry the journal has, however its cards are named, and the same download twice")
    func sameEntries() throws {
        let journal = Self.logged(try Self.journal([:]), Self.harbour)
        let retyped = Self.harbour.replacingOccurrences(of: "marker-complaints-about-progress", with: "Complaints/concerns about PROGRESS in therapy")
            .replacingOccurrences(of: "client: Harbour", with: "client: \"Harbour\"")
        #expect(try plan(Self.logged(try Self.journal([:]), retyped), existing: ["journal/2026-W47.md": journal]) == .unchanged(path: "journal/2026-W47.md"))
        let imported = Self.logged(try Self.journal([:]), Self.harbour + "\n\n" + Self.kestrel)
        guard case .addToLog(_, let merged, _) = try plan(imported, existing: ["journal/2026-W47.md": journal]) else {
            Issue.record("expected the entry to be added")
            return
        }
        #expect(try plan(imported, existing: ["journal/2026-W47.md": merged]) == .unchanged(path: "journal/2026-W47.md"))
    }

    @Test("stops at an entry for the same client and week that differs, showing both, and nothing is written")
    func conflictingEntry() throws {
        let journal = Self.logged(try Self.journal([:]), Self.harbour)
        let changed = Self.harbour.replacingOccurrences(of: "tension: 4", with: "tension: 5")
        let imported = Self.logged(try Self.journal([:]), Self.kestrel + "\n\n" + changed)
        let here = journal.split(separator: "\n", omittingEmptySubsequences: false).firstIndex(of: "```rupture")! + 1
        let fences = imported.split(separator: "\n", omittingEmptySubsequences: false).indices.filter {
            imported.split(separator: "\n", omittingEmptySubsequences: false)[$0] == "```rupture"
        }
        let there = fences[1] + 1  // Harbour's, after Kestrel's
        let outcome = try plan(imported, existing: ["journal/2026-W47.md": journal], keepBoth: true)
        guard case .differs(_, let diagnostics, let keepBothHelps) = outcome else {
            Issue.record("expected the import to stop, got \(outcome)")
            return
        }
        #expect(!keepBothHelps)
        #expect(diagnostics.map(\.description) == [
            "journal/2026-W47.md:\(here):1: error: the rupture log already has an entry for Harbour in 2026-W47, and Downloads/2026-W47.md's differs; Attune never overwrites an entry, nor counts one rupture twice: change one of them so they agree, or log a second rupture under another week",
            "journal/2026-W47.md:\(here):1: note: in your journal:\n    | ```rupture\n    | client: Harbour\n    | markers: [marker-complaints-about-progress]\n    | tension: 4\n    | resolution: 2\n    | ```",
            "Downloads/2026-W47.md:\(there):1: note: in 2026-W47.md:\n    | ```rupture\n    | client: Harbour\n    | markers: [marker-complaints-about-progress]\n    | tension: 5\n    | resolution: 2\n    | ```",
        ])
    }

    @Test("adds an answer under a carried question the journal left open, and stops at one it answered otherwise")
    func carriedAnswers() throws {
        let lastWeek = try Fixtures.parse(Self.logged(try Self.journal([:]), Self.harbour).replacingOccurrences(of: "2026-W47", with: "2026-W46"), path: "journal/2026-W46.md")
        let carried = RuptureCarryForward.unresolved(in: [lastWeek], before: Fixtures.week, content: try Fixtures.content())
        let layout = JournalScaffold.layout(therapist: "Sam Rivera", week: Fixtures.week, focus: try Fixtures.focus(), content: try Fixtures.content(), carried: carried)
        let journal = layout.filled(with: [:])
        // A log with only the scaffold's question adds nothing.
        #expect(try plan(journal, existing: ["journal/2026-W47.md": journal]) == .unchanged(path: "journal/2026-W47.md"))
        let answered = layout.filled(with: [:], followUps: ["Harbour": "We talked it through."])
        #expect(try plan(answered, existing: ["journal/2026-W47.md": journal]) == .addToLog(
            path: "journal/2026-W47.md", text: answered, added: ["an answer to 'What happened next with Harbour?'"]
        ))
        let other = layout.filled(with: [:], followUps: ["Harbour": "It came back."])
        let heading = Self.line(of: "### What happened next with Harbour?", in: other)
        guard case .differs(_, let diagnostics, _) = try plan(answered, existing: ["journal/2026-W47.md": other]) else {
            Issue.record("expected the import to stop")
            return
        }
        #expect(diagnostics.map(\.description) == [
            "journal/2026-W47.md:\(heading):1: error: your answer to 'What happened next with Harbour?' differs from Downloads/2026-W47.md's; Attune never overwrites an answer",
            "journal/2026-W47.md:\(heading):1: note: in your journal:\n    | It came back.",
            "Downloads/2026-W47.md:\(heading):1: note: in 2026-W47.md:\n    | We talked it through.",
        ])
    }

    @Test("never keeps two logs that differ in other text: a remark in one copy stops the import, even with --keep both")
    func ruptureLogRemarks() throws {
        let journal = Self.logged(try Self.journal([:]), Self.harbour)
        let imported = Self.logged(try Self.journal([:]), Self.harbour + "\n\nA quiet week otherwise.")
        let line = Self.line(of: "## Rupture log", in: journal)  // the heading
        #expect(Fixtures.problems { try plan(imported, existing: ["journal/2026-W47.md": journal], keepBoth: true) } == [
            "journal/2026-W47.md:\(line):1: error: the rupture logs differ, and Attune does not keep both: every entry in both would be counted twice; copy the entries you need into journal/2026-W47.md by hand",
        ])
        let outcome = try plan(imported, existing: ["journal/2026-W47.md": journal])
        guard case .differs(_, let diagnostics, let keepBothHelps) = outcome else {
            Issue.record("expected differences, got \(outcome)")
            return
        }
        #expect(!keepBothHelps)
        #expect(diagnostics.first?.description == "journal/2026-W47.md:\(line):1: error: the rupture log differs from Downloads/2026-W47.md's; Attune never overwrites an answer")
    }

    @Test("with --keep both, adds the new entries and keeps both versions of a differing answer")
    func keepBothWithEntries() throws {
        let journal = Self.logged(try Self.journal([Self.first: "Mine."]), Self.harbour)
        let imported = Self.logged(try Self.journal([Self.first: "From the browser."]), Self.harbour + "\n\n" + Self.kestrel)
        guard case .differs(_, _, let keepBothHelps) = try plan(imported, existing: ["journal/2026-W47.md": journal]) else {
            Issue.record("expected the import to stop without --keep both")
            return
        }
        #expect(keepBothHelps)
        guard case .keepBoth(_, let text, let prompts) = try plan(imported, existing: ["journal/2026-W47.md": journal], keepBoth: true) else {
            Issue.record("expected both versions kept")
            return
        }
        #expect(prompts == [Self.first])
        let merged = try Fixtures.parse(text)
        #expect(merged.ruptureLog?.entries.map(\.client) == ["Harbour", "Kestrel"])
        #expect(merged.answer(to: Self.first)?.markdown.contains("From the browser.") == true)
        #expect(try plan(imported, existing: ["journal/2026-W47.md": text]) == .unchanged(path: "journal/2026-W47.md"))
    }

    @Test("will not move a private answer into a journal where it would not be private")
    func privateAnswer() throws {
        let journal = try Self.journal([:])
        let imported = try Self.journal([Self.first: "Private thoughts."])
            .replacingOccurrences(of: "focus: \(Fixtures.focusID)\n", with: "focus: \(Fixtures.focusID)\nprivate: [\(Self.first)]\n")
        #expect(Fixtures.problems { try plan(imported, existing: ["journal/2026-W47.md": journal], keepBoth: true) } == [
            "Downloads/2026-W47.md:5:1: error: the answer to '\(Self.first)' is marked private here but not in journal/2026-W47.md; mark it private there too ('private: [\(Self.first)]'), then import again",
        ])
    }

    @Test("reports the file's own problems as `attune build` would")
    func invalidFile() throws {
        #expect(Fixtures.problems { try plan("---\nweek: 2026-W47\n") } == [
            "Downloads/2026-W47.md:1:1: error: the front matter that starts here is never closed with a '---' line",
        ])
    }

    @Test("never replaces a file of that name that is not the week's journal, and asks to fix a broken one first")
    func occupiedName() throws {
        let imported = try Self.journal([Self.first: "x"])
        let otherWeek = try Self.journal([:]).replacingOccurrences(of: "week: 2026-W47", with: "week: 2026-W48")
        #expect(Fixtures.problems { try plan(imported, existing: ["journal/2026-W47.md": otherWeek]) } == [
            "journal/2026-W47.md:1:1: error: this file exists but is not the journal for 2026-W47; Attune never overwrites a file",
        ])
        #expect(Fixtures.problems { try plan(imported, existing: ["journal/2026-W47.md": "notes"]) } == [
            "journal/2026-W47.md:1:1: error: a journal starts with front matter: a '---' line, then therapist, week and focus, then '---'",
            "journal/2026-W47.md:1:1: note: this is the journal for 2026-W47 already in the folder; fix it, then import again",
        ])
    }

    @Test("writes nothing when the imported journal holds an HTML block left open, even at its very end")
    func unsafeMerge() throws {
        // An unclosed <pre> at the very end of the imported file would be
        // harmless there, but inserted mid-journal it would swallow the
        // prompts after it: the journal reader refuses it wherever it is.
        let journal = try Self.journal([Self.first: "Mine."])
        let imported = try Self.reorderedWithFirstLast(answer: "<pre>\nnever closed")
        let found = Fixtures.problems { try plan(imported, existing: ["journal/2026-W47.md": journal], keepBoth: true) }
        #expect(found.count == 1)
        #expect(found.first?.contains(": error: this '<pre>' block is never closed with '</pre>'") == true)
    }

    /// A journal with `first`'s section moved to the end, holding `answer`.
    static func reorderedWithFirstLast(answer: String) throws -> String {
        let content = try Fixtures.content()
        let prompt = try #require(content.prompt(first))
        var text = try journal([:])
        let section = "\n<!-- prompt: \(first) -->\n## \(prompt.text)\n\n<!-- \(try #require(prompt.hint)) -->\n\n\n"
        #expect(text.contains(section))
        text = text.replacingOccurrences(of: section, with: "")
        return text + "\n<!-- prompt: \(first) -->\n## \(prompt.text)\n\n\(answer)\n"
    }
}
