import ContentModel
import Diagnostics
import Journal

/// Brings the rupture log of an imported journal (the browser form's
/// download, typically) into the week's journal, entry by entry.
///
/// A log is a list of counted events, not prose, so it can be merged
/// where an answer cannot: an entry the journal already has (the same
/// client, week and values, however its names were spelled) needs nothing;
/// a new one is added, copied line for line from the file; an entry for a
/// client and week the journal logs differently stops the import, showing
/// both, since keeping both would count one rupture twice. Answers under
/// "What happened next with …?" follow the same rule. Anything else that
/// differs in the section (a remark typed in one copy only) is left to the
/// caller, which reports the logs as different, as before.
///
/// The journal is edited as lines: entries go after its last entry (or its
/// comment), an answer under its question's comment; no line of the
/// journal is changed, moved or removed.
struct RuptureLogMerge {
    let content: ContentModel

    enum Result {
        /// The journal's log already holds everything in the file's.
        case same
        /// The journal's text with what was new added, and a line for each addition.
        case merged(text: String, added: [String])
        /// Entries or answers that differ: an error and both versions for each.
        case conflicts([Diagnostic])
        /// Not a matter of entries: the caller reports the logs as different.
        case unmergeable
    }

    func merge(_ importedFile: SourceFile, imported: Journal, into journalFile: SourceFile, journal: Journal) -> Result {
        guard let theirs = imported.ruptureLogAnswer, let ours = journal.ruptureLogAnswer else { return .unmergeable }
        let incoming = reading(theirs, of: imported)
        let present = reading(ours, of: journal)
        guard incoming.diagnostics.isEmpty, present.diagnostics.isEmpty,
              incoming.slots.allSatisfy({ $0 != nil }), present.slots.allSatisfy({ $0 != nil }),
              incoming.otherRemarks.allSatisfy(present.otherRemarks.contains) else { return .unmergeable }

        let importedLines = importedFile.text.normalizingLineEndings.split(separator: "\n", omittingEmptySubsequences: false)
        let journalLines = journalFile.text.normalizingLineEndings.split(separator: "\n", omittingEmptySubsequences: false)
        func block(_ lines: [Substring], _ range: ClosedRange<Int>) -> [String] {
            range.compactMap { $0 - 1 < lines.count ? String(lines[$0 - 1]) : nil }
        }
        let name = JournalImport.fileName(importedFile.path)
        var problems: [Diagnostic] = []
        var newEntries: [[String]] = []
        var added: [String] = []
        var kept = present.log.entries
        for (index, slot) in incoming.slots.enumerated() {
            guard let entry = slot else { continue }
            if kept.contains(where: { $0.isSame(as: entry) }) { continue }
            let lines = block(importedLines, incoming.slotLines[index])
            if let clash = present.slots.indices.first(where: {
                present.slots[$0].map { $0.clientKey == entry.clientKey && $0.week == entry.week } ?? false
            }), let existing = present.slots[clash] {
                problems += [
                    .error(
                        "the rupture log already has an entry for \(existing.client) in \(existing.week), and \(importedFile.path)'s differs; Attune never overwrites an entry, nor counts one rupture twice: change one of them so they agree, or log a second rupture under another week",
                        at: existing.location
                    ),
                    .note("in your journal:\n" + JournalImport.quote(block(journalLines, present.slotLines[clash]).joined(separator: "\n")), at: existing.location),
                    .note("in \(name):\n" + JournalImport.quote(lines.joined(separator: "\n")), at: entry.location),
                ]
                continue
            }
            kept.append(entry)
            newEntries.append(lines)
            added.append("a rupture entry for \(entry.client) (\(entry.week))")
        }

        let original = LineEditor(journalFile.text)
        var answers: [(after: Int, lines: [String])] = []
        var newQuestions: [String] = []
        for followUp in incoming.followUps where !followUp.answer.isEmpty {
            let answer = followUp.answer.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            guard let question = present.followUps.first(where: { $0.clientKey == followUp.clientKey }) else {
                newQuestions += ["", followUp.heading, ""] + answer
                added.append("an answer to '\(followUp.heading.drop { $0 == "#" || $0 == " " })'")
                continue
            }
            if question.answer == followUp.answer { continue }
            let here = SourceLocation(path: journal.path, line: question.headingLine, column: 1)
            if !question.answer.isEmpty {
                problems += [
                    .error(
                        "your answer to '\(question.heading.drop { $0 == "#" || $0 == " " })' differs from \(importedFile.path)'s; Attune never overwrites an answer",
                        at: here
                    ),
                    .note("in your journal:\n" + JournalImport.quote(question.answer), at: here),
                    .note("in \(name):\n" + JournalImport.quote(followUp.answer), at: SourceLocation(path: imported.path, line: followUp.headingLine, column: 1)),
                ]
                continue
            }
            answers.append((original.endOfComments(after: question.headingLine), answer))
            added.append("an answer to '\(question.heading.drop { $0 == "#" || $0 == " " })'")
        }
        if !problems.isEmpty { return .conflicts(problems) }
        if added.isEmpty { return .same }

        var editor = original
        // Entries after the last entry, or after the comment under the heading.
        let entriesAfter = present.slotLines.last?.upperBound ?? original.endOfComments(after: ours.location.line)
        var insertions = answers
        if !newEntries.isEmpty {
            insertions.append((entriesAfter, Array(newEntries.joined(separator: [""]))))
        }
        if !newQuestions.isEmpty {
            insertions.append((endOfSection(ours, in: journal, lines: journalLines), Array(newQuestions.dropFirst())))
        }
        for insertion in insertions.sorted(by: { $0.after > $1.after }) {
            editor.insert(insertion.lines, after: insertion.after)
        }
        return .merged(text: editor.text, added: added)
    }

    private func reading(_ answer: Answer, of journal: Journal) -> RuptureLogReader.Reading {
        RuptureLogReader(content: content, path: journal.path, journalWeek: journal.week).read(answer.markdown, firstLine: answer.firstLine)
    }

    /// The last line of the log section: the line before the next prompt's
    /// marker (or heading), or the end of the file.
    private func endOfSection(_ section: Answer, in journal: Journal, lines: [Substring]) -> Int {
        guard let index = journal.answers.firstIndex(where: { $0.promptID == section.promptID }),
              index + 1 < journal.answers.count else { return lines.count }
        let heading = journal.answers[index + 1].location.line
        let before = heading - 1
        if before >= 1, lines[before - 1].trimmingSpaces().hasPrefix("<!-- prompt:") { return before - 1 }
        return heading - 1
    }
}
