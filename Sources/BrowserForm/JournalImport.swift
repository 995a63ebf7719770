import ContentModel
import Diagnostics
import Foundation
import Journal

/// Decides what `attune import` does with a journal file (typically one the
/// browser form downloaded), given the journals already in the folder.
///
/// The rule, because a journal holds a therapist's own words:
/// - A week the folder has no journal for: the file is added as is, byte
///   for byte, under the name `attune new` would give it.
/// - A week it has: nothing is ever overwritten. Answers that are the same
///   (or that the file leaves empty) need nothing. Any answer the file has
///   that the journal lacks or words differently stops the import, showing
///   both versions, and nothing is written.
/// - Only when asked (`keepBoth`) does Attune change an existing journal:
///   it writes a new copy of the file in which every line the therapist
///   wrote is kept unchanged, and each differing answer gets the imported
///   version added below it, both under a bold line starting
///   `Kept by attune import --keep both`. The copy is parsed before it is
///   written, and written only if every answer reads back as intended.
///
/// Front matter is never merged: a different therapist or focus is refused.
/// Neither is the text before the prompts (it is not an answer to a prompt)
/// nor the rupture log (its entries are counted, so two copies would count twice).
package struct JournalImport: Sendable {
    package let content: ContentModel

    package init(content: ContentModel) {
        self.content = content
    }

    /// What to write, if anything.
    package enum Outcome: Sendable, Equatable {
        /// A new week: the imported file, unchanged, to write at `path`.
        case add(path: String, text: String)
        /// The journal at `path` already holds everything the file says.
        case unchanged(path: String)
        /// Answers differ: each difference as an error followed by notes
        /// showing both versions. Nothing is to be written. `keepBothHelps`
        /// when `--keep both` would merge them all.
        case differs(path: String, [Diagnostic], keepBothHelps: Bool)
        /// The journal at `path` with both versions of the answers to
        /// `prompts`, to write in place of the old one.
        case keepBoth(path: String, text: String, prompts: [String])
        /// Every answer agrees; the file's rupture log has entries (or
        /// answers to carried-forward questions) the journal lacks: the
        /// journal at `path` with them added, one line describing each.
        case addToLog(path: String, text: String, added: [String])
    }

    /// The first line of each kept version, up to the name of its origin.
    package static let markerPrefix = "**Kept by attune import --keep both · "

    /// - Parameters:
    ///   - file: the journal to import.
    ///   - folder: where journals live; `existing` are the `.md` files in it.
    package func plan(
        _ file: SourceFile, into folder: String, existing: [SourceFile], keepBoth: Bool
    ) throws(DiagnosticError) -> Outcome {
        let parser = JournalParser(content: content)
        let imported = try parser.parse(file)
        let target = (folder.hasSuffix("/") ? folder : folder + "/") + "\(imported.week).md"

        guard let (journalFile, journal) = try journal(for: imported, target: target, existing: existing) else {
            return .add(path: target, text: file.text)
        }

        try refuseDifferentHeader(imported: imported, importedFile: file, journal: journal, journalFile: journalFile)

        let name = Self.fileName(file.path)
        var differences: [Difference] = []
        var preambleReport: [Diagnostic] = []
        if let preamble = imported.preamble, preamble != journal.preamble {
            preambleReport = describePreamble(imported: imported, journal: journal, name: name, keepBoth: keepBoth)
        }
        var report = preambleReport
        var logMerge: (text: String, added: [String])?
        var logConflicts = false
        for answer in imported.answers where !Self.addsNothing(answer, in: imported) {
            let existing = journal.answer(to: answer.promptID)
            if let existing, existing.markdown == answer.markdown || Self.keptVersions(in: existing.markdown).contains(answer.markdown) {
                continue
            }
            if answer.promptID == RuptureLog.sectionID {
                switch RuptureLogMerge(content: content).merge(file, imported: imported, into: journalFile, journal: journal) {
                case .same: continue
                case .merged(let text, let added):
                    logMerge = (text, added)
                    continue
                case .conflicts(let problems):
                    report += problems
                    logConflicts = true
                    continue
                case .unmergeable:
                    break
                }
            }
            differences.append(Difference(imported: answer, existing: existing))
            report += describe(answer, existing: existing, journal: journal, name: name)
        }
        if report.isEmpty {
            guard let logMerge else { return .unchanged(path: journalFile.path) }
            try verifyLog(logMerge.text, journalFile: journalFile, journal: journal, imported: imported)
            return .addToLog(path: journalFile.path, text: logMerge.text, added: logMerge.added)
        }
        guard keepBoth, !logConflicts else {
            let mergeable = preambleReport.isEmpty && !differences.isEmpty && !logConflicts
                && !differences.contains { $0.imported.promptID == RuptureLog.sectionID }
            return .differs(path: journalFile.path, report, keepBothHelps: mergeable)
        }
        // Both: the log's new entries first, then both versions of each
        // differing answer, planned again on the journal with its log merged.
        if let logMerge {
            try verifyLog(logMerge.text, journalFile: journalFile, journal: journal, imported: imported)
            let merged = SourceFile(path: journalFile.path, name: journalFile.name, text: logMerge.text)
            let others = existing.filter { $0.path != journalFile.path } + [merged]
            return try plan(file, into: folder, existing: others, keepBoth: true)
        }

        // --keep both: the preamble is never merged, nor the rupture log
        // (two copies of an entry would count twice in `attune trends`), and
        // nothing private in the file may lose its mark by moving into a
        // journal without it.
        var refusals = preambleReport
        for difference in differences where difference.imported.promptID == RuptureLog.sectionID {
            refusals.append(.error(
                "the rupture logs differ, and Attune does not keep both: every entry in both would be counted twice; copy the entries you need into \(journalFile.path) by hand",
                at: difference.existing?.location ?? SourceLocation(path: journalFile.path, line: 1, column: 1)
            ))
        }
        for difference in differences {
            let id = difference.imported.promptID
            let privateThere = imported.isPrivate || imported.privatePrompts.contains(id)
            let privateHere = journal.isPrivate || journal.privatePrompts.contains(id)
            if privateThere && !privateHere {
                refusals.append(.error(
                    "the answer to '\(id)' is marked private here but not in \(journalFile.path); mark it private there too ('private: [\(id)]'), then import again",
                    at: Journal.frontMatterLocation(of: "private", in: file)
                ))
            }
        }
        if !refusals.isEmpty { throw DiagnosticError(refusals) }

        let merged = KeepBoth(content: content, importedName: name)
            .merge(journalFile, differences: differences)
        try verify(merged, journalFile: journalFile, journal: journal, differences: differences, name: name)
        return .keepBoth(path: journalFile.path, text: merged, prompts: differences.map(\.imported.promptID))
    }

    /// The folder's journal for `imported`'s week, whatever its file is
    /// called; `nil` when there is none and `target` is free.
    private func journal(for imported: Journal, target: String, existing: [SourceFile]) throws(DiagnosticError) -> (SourceFile, Journal)? {
        let parser = JournalParser(content: content)
        var match: (SourceFile, Journal)?
        for candidate in existing {
            do {
                let journal = try parser.parse(candidate)
                if journal.week == imported.week, match == nil { match = (candidate, journal) }
            } catch where candidate.path == target {
                var diagnostics = error.diagnostics
                diagnostics.append(.note(
                    "this is the journal for \(imported.week) already in the folder; fix it, then import again",
                    at: SourceLocation(path: target, line: 1, column: 1)
                ))
                throw DiagnosticError(diagnostics)
            } catch {}  // Another week's broken journal is not this import's business.
        }
        if match == nil, let other = existing.first(where: { $0.path == target }) {
            throw DiagnosticError([.error(
                "this file exists but is not the journal for \(imported.week); Attune never overwrites a file",
                at: SourceLocation(path: other.path, line: 1, column: 1)
            )])
        }
        return match
    }

    /// An empty answer, or a rupture log with nothing logged: only the
    /// "What happened next with …?" headings the scaffold (and so the
    /// browser form) writes, with nothing under them.
    static func addsNothing(_ answer: Answer, in journal: Journal) -> Bool {
        if answer.isEmpty { return true }
        guard answer.promptID == RuptureLog.sectionID, let log = journal.ruptureLog,
              log.entries.isEmpty, log.followedUp.isEmpty else { return false }
        return (log.remarks ?? "").split(separator: "\n").allSatisfy { line in
            let heading = line.drop { $0 == "#" }
            return heading.count < line.count && heading.trimmingCharacters(in: .whitespaces).hasPrefix(RuptureCarryForward.questionPrefix)
        }
    }

    struct Difference {
        var imported: Answer
        /// `nil` when the journal has no section for the prompt.
        var existing: Answer?
    }

    // MARK: - Refusals and reports

    private func refuseDifferentHeader(imported: Journal, importedFile: SourceFile, journal: Journal, journalFile: SourceFile) throws(DiagnosticError) {
        var problems: [Diagnostic] = []
        if imported.therapist != journal.therapist {
            problems.append(.error(
                "this journal is \(quoted(imported.therapist))'s, but \(journalFile.path) is \(quoted(journal.therapist))'s; Attune only merges a therapist's own journals",
                at: Journal.frontMatterLocation(of: "therapist", in: importedFile)
            ))
        }
        if imported.focus != journal.focus {
            problems.append(.error(
                "this journal's focus is '\(imported.focus)', but \(journalFile.path) has '\(journal.focus)' for \(journal.week); Attune only merges journals on the same focus",
                at: Journal.frontMatterLocation(of: "focus", in: importedFile)
            ))
        }
        if !problems.isEmpty { throw DiagnosticError(problems) }
    }

    private func describePreamble(imported: Journal, journal: Journal, name: String, keepBoth: Bool) -> [Diagnostic] {
        let here = SourceLocation(path: journal.path, line: journal.preambleLine ?? 1, column: 1)
        let there = SourceLocation(path: imported.path, line: imported.preambleLine ?? 1, column: 1)
        return [
            .error(
                "the text before the prompts differs from \(imported.path)'s; Attune never overwrites it"
                    + (keepBoth ? ", and keeps both versions only of answers to prompts: copy what you need by hand" : ""),
                at: here
            ),
            .note("in your journal:\n" + Self.quote(journal.preamble ?? ""), at: here),
            .note("in \(name):\n" + Self.quote(imported.preamble ?? ""), at: there),
        ]
    }

    private func describe(_ answer: Answer, existing: Answer?, journal: Journal, name: String) -> [Diagnostic] {
        let there = SourceLocation(path: answer.location.path, line: answer.firstLine, column: 1)
        let imported = Diagnostic.note("in \(name):\n" + Self.quote(answer.markdown), at: there)
        guard let existing else {
            return [
                .error(
                    "your journal has no section for prompt '\(answer.promptID)', which \(answer.location.path) answers; Attune changes a journal only when asked",
                    at: SourceLocation(path: journal.path, line: 1, column: 1)
                ),
                imported,
            ]
        }
        if existing.isEmpty {
            return [
                .error(
                    "your journal has no answer to '\(answer.promptID)' yet, and \(answer.location.path) has one; Attune changes a journal only when asked",
                    at: existing.location
                ),
                imported,
            ]
        }
        let what = answer.promptID == RuptureLog.sectionID ? "the rupture log" : "the answer to '\(answer.promptID)'"
        return [
            .error(
                "\(what) differs from \(answer.location.path)'s; Attune never overwrites an answer",
                at: existing.location
            ),
            .note("in your journal:\n" + Self.quote(existing.markdown), at: SourceLocation(path: journal.path, line: existing.firstLine, column: 1)),
            imported,
        ]
    }

    /// An answer shown inside a message: every line behind a bar, so blank
    /// lines and leading spaces stay visible.
    static func quote(_ markdown: String) -> String {
        guard !markdown.isEmpty else { return "    (nothing)" }
        return markdown.split(separator: "\n", omittingEmptySubsequences: false).map { "    | " + $0 }.joined(separator: "\n")
    }

    private func quoted(_ name: String) -> String { "'\(name)'" }

    // MARK: - Kept versions

    /// The versions an earlier `--keep both` recorded in an answer, so that
    /// importing the same file again finds nothing new.
    static func keptVersions(in markdown: String) -> [String] {
        var versions: [[Substring]] = []
        var current: [Substring]?
        for line in markdown.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix(markerPrefix) {
                if let current { versions.append(current) }
                current = []
            } else {
                current?.append(line)
            }
        }
        if let current { versions.append(current) }
        return versions.map { JournalLayout.answerText($0.joined(separator: "\n")) }
    }

    /// Reads the copy back and checks that every answer is what was meant:
    /// unchanged, or the two marked versions. Anything else (some Markdown
    /// construct reaching across the inserted lines) stops the import.
    private func verify(_ merged: String, journalFile: SourceFile, journal: Journal, differences: [Difference], name: String) throws(DiagnosticError) {
        let failure = DiagnosticError([.error(
            "Attune could not keep both versions safely here (the merged journal would not read back as written); nothing was written: copy the answers from the imported file by hand",
            at: SourceLocation(path: journalFile.path, line: 1, column: 1)
        )])
        let reread: Journal
        do {
            reread = try JournalParser(content: content).parse(SourceFile(path: journalFile.path, name: journalFile.name, text: merged))
        } catch {
            throw failure
        }
        let keep = KeepBoth(content: content, importedName: name)
        var expected = journal.answers.map { ($0.promptID, $0.markdown) }
        for difference in differences {
            let combined = keep.combined(existing: difference.existing?.markdown ?? "", imported: difference.imported.markdown)
            if let index = expected.firstIndex(where: { $0.0 == difference.imported.promptID }) {
                expected[index].1 = combined
            } else {
                expected.append((difference.imported.promptID, combined))
            }
        }
        let same = reread.therapist == journal.therapist && reread.week == journal.week && reread.focus == journal.focus
            && reread.preamble == journal.preamble && reread.isPrivate == journal.isPrivate
            && reread.privatePrompts == journal.privatePrompts
            && reread.answers.map(\.promptID) == expected.map(\.0) && reread.answers.map(\.markdown) == expected.map(\.1)
        if !same { throw failure }
    }

    /// Reads the journal with the file's log entries added back and checks
    /// that it says what was meant: every answer as it was, every entry
    /// the journal had, and every entry and follow-up answer of the file.
    private func verifyLog(_ merged: String, journalFile: SourceFile, journal: Journal, imported: Journal) throws(DiagnosticError) {
        let failure = DiagnosticError([.error(
            "Attune could not add the rupture entries safely here (the journal would not read back as written); nothing was written: copy the entries from the imported file by hand",
            at: SourceLocation(path: journalFile.path, line: 1, column: 1)
        )])
        guard let reread = try? JournalParser(content: content).parse(SourceFile(path: journalFile.path, name: journalFile.name, text: merged)),
              let log = reread.ruptureLog else { throw failure }
        let before = journal.ruptureLog?.entries ?? []
        var wanted = before
        for entry in imported.ruptureLog?.entries ?? [] where !wanted.contains(where: { $0.isSame(as: entry) }) {
            wanted.append(entry)
        }
        let same = reread.therapist == journal.therapist && reread.week == journal.week && reread.focus == journal.focus
            && reread.preamble == journal.preamble && reread.isPrivate == journal.isPrivate
            && reread.privatePrompts == journal.privatePrompts
            && reread.promptAnswers.map(\.promptID) == journal.promptAnswers.map(\.promptID)
            && reread.promptAnswers.map(\.markdown) == journal.promptAnswers.map(\.markdown)
            && log.entries.count == wanted.count && zip(log.entries, wanted).allSatisfy { $0.isSame(as: $1) }
            && log.followedUp.isSuperset(of: imported.ruptureLog?.followedUp ?? [])
        if !same { throw failure }
    }

    // MARK: - Locations

    /// The file's name without its folder, as the user knows it.
    static func fileName(_ path: String) -> String {
        path.split(separator: "/").last.map(String.init) ?? path
    }
}

extension Diagnostic {
    static func note(_ message: String, at location: SourceLocation) -> Diagnostic {
        Diagnostic(.note, at: location, message)
    }
}
