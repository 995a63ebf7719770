@testable import BrowserForm
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

    func problems(_ body: () throws -> JournalImport.Outcome) -> [String] {
        do {
            _ = try body()
            return []
        } catch let error as DiagnosticError {
            return error.diagnostics.map(\.description)
        } catch {
            return ["\(error)"]
        }
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
        #expect(problems { try plan(other, existing: ["journal/2026-W47.md": journal], keepBoth: true) } == [
            "Downloads/2026-W47.md:2:1: error: this journal is 'Noor Haddad''s, but journal/2026-W47.md is 'Sam Rivera''s; Attune only merges a therapist's own journals",
        ])
        let focus = try #require(try Fixtures.content().weeks.first { $0.id != Fixtures.focusID }).id
        let otherFocus = try Self.journal([:], focus: focus)
        #expect(problems { try plan(otherFocus, existing: ["journal/2026-W47.md": journal], keepBoth: true) } == [
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
        #expect(problems { try plan(imported, existing: ["journal/2026-W47.md": journal], keepBoth: true) } == [
            "journal/2026-W47.md:1:1: error: the text before the prompts differs from Downloads/2026-W47.md's; Attune never overwrites it, and keeps both versions only of answers to prompts: copy what you need by hand",
            "journal/2026-W47.md:1:1: note: in your journal:\n    (nothing)",
            "Downloads/2026-W47.md:\(line):1: note: in 2026-W47.md:\n    | Some notes first.",
        ])
    }

    @Test("never keeps two rupture logs: their entries would be counted twice")
    func ruptureLog() throws {
        let entry = "```rupture\nclient: Harbour\nmarkers: [marker-complaints-about-progress]\ntension: 4\nresolution: 2\n```"
        func logged(_ text: String, _ entries: String) -> String {
            text.replacingOccurrences(of: "<!-- prompt: rupture-log -->\n## Rupture log\n", with: "<!-- prompt: rupture-log -->\n## Rupture log\n\n\(entries)\n")
        }
        let journal = logged(try Self.journal([:]), entry)
        let imported = logged(try Self.journal([:]), entry + "\n\n" + entry.replacingOccurrences(of: "Harbour", with: "Kestrel"))
        #expect(try Fixtures.parse(imported).ruptureLog?.entries.count == 2)
        let line = journal.split(separator: "\n", omittingEmptySubsequences: false).firstIndex(of: "## Rupture log")! + 1
        #expect(problems { try plan(imported, existing: ["journal/2026-W47.md": journal], keepBoth: true) } == [
            "journal/2026-W47.md:\(line):1: error: the rupture logs differ, and Attune does not keep both: every entry in both would be counted twice; copy the entries you need into journal/2026-W47.md by hand",
        ])
        #expect(try plan(logged(try Self.journal([:]), entry), existing: ["journal/2026-W47.md": journal]) == .unchanged(path: "journal/2026-W47.md"))
        // A log with only the scaffold's carried-forward question adds nothing.
        let bare = logged(try Self.journal([:]), "### What happened next with Harbour?")
        #expect(try Fixtures.parse(bare).ruptureLog?.remarks == "### What happened next with Harbour?")
        #expect(try plan(bare, existing: ["journal/2026-W47.md": journal]) == .unchanged(path: "journal/2026-W47.md"))
        let answered = logged(try Self.journal([:]), "### What happened next with Harbour?\n\nWe talked it through.")
        guard case .differs = try plan(answered, existing: ["journal/2026-W47.md": journal]) else {
            Issue.record("an answer under the carried question is new")
            return
        }
        let outcome = try plan(imported, existing: ["journal/2026-W47.md": journal])
        guard case .differs(_, let diagnostics, let keepBothHelps) = outcome else {
            Issue.record("expected differences, got \(outcome)")
            return
        }
        #expect(!keepBothHelps)
        #expect(diagnostics.first?.description == "journal/2026-W47.md:\(line):1: error: the rupture log differs from Downloads/2026-W47.md's; Attune never overwrites an answer")
    }

    @Test("will not move a private answer into a journal where it would not be private")
    func privateAnswer() throws {
        let journal = try Self.journal([:])
        let imported = try Self.journal([Self.first: "Private thoughts."])
            .replacingOccurrences(of: "focus: \(Fixtures.focusID)\n", with: "focus: \(Fixtures.focusID)\nprivate: [\(Self.first)]\n")
        #expect(problems { try plan(imported, existing: ["journal/2026-W47.md": journal], keepBoth: true) } == [
            "Downloads/2026-W47.md:5:1: error: the answer to '\(Self.first)' is marked private here but not in journal/2026-W47.md; mark it private there too ('private: [\(Self.first)]'), then import again",
        ])
    }

    @Test("reports the file's own problems as `attune build` would")
    func invalidFile() throws {
        #expect(problems { try plan("---\nweek: 2026-W47\n") } == [
            "Downloads/2026-W47.md:1:1: error: the front matter that starts here is never closed with a '---' line",
        ])
    }

    @Test("never replaces a file of that name that is not the week's journal, and asks to fix a broken one first")
    func occupiedName() throws {
        let imported = try Self.journal([Self.first: "x"])
        let otherWeek = try Self.journal([:]).replacingOccurrences(of: "week: 2026-W47", with: "week: 2026-W48")
        #expect(problems { try plan(imported, existing: ["journal/2026-W47.md": otherWeek]) } == [
            "journal/2026-W47.md:1:1: error: this file exists but is not the journal for 2026-W47; Attune never overwrites a file",
        ])
        #expect(problems { try plan(imported, existing: ["journal/2026-W47.md": "notes"]) } == [
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
        let found = problems { try plan(imported, existing: ["journal/2026-W47.md": journal], keepBoth: true) }
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
