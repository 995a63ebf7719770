import ContentModel
import Diagnostics
import Foundation
import Journal
import MarkdownSafety

/// Writes both versions of differing answers into a copy of a journal, for
/// `attune import --keep both`.
///
/// The journal is edited as lines: new lines are inserted, and no line of
/// the original is changed, moved or removed, whatever its line endings. For
/// each answer:
///
///     **Kept by attune import --keep both · the answer already in this journal:**
///
///     (the journal's answer, untouched)
///
///     **Kept by attune import --keep both · the answer from 2026-W47.md:**
///
///     (the imported answer)
///
/// A prompt with no answer in the journal gets only the second part, after
/// its heading and hint; a prompt without a section gets a new one at the end.
struct KeepBoth {
    let content: ContentModel
    /// The imported file's name, as shown in its marker line.
    let importedName: String

    var existingMarker: String { JournalImport.markerPrefix + "the answer already in this journal:**" }
    var importedMarker: String { JournalImport.markerPrefix + "the answer from \(MarkdownSafety.escapeText(importedName)):**" }

    /// The answer the merged journal holds, as the parser will read it.
    func combined(existing: String, imported: String) -> String {
        let added = importedMarker + "\n\n" + imported
        return existing.isEmpty ? added : existingMarker + "\n\n" + existing + "\n\n" + added
    }

    func merge(_ file: SourceFile, differences: [JournalImport.Difference]) -> String {
        var editor = LineEditor(file.text)
        var insertions: [(after: Int, lines: [String])] = []
        var appended: [String] = []
        for difference in differences {
            let imported = difference.imported.markdown.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            let addedBlock = [importedMarker, ""] + imported
            guard let existing = difference.existing else {
                let prompt = content.prompt(difference.imported.promptID)
                appended += ["", "<!-- prompt: \(difference.imported.promptID) -->", "## \(prompt?.text ?? difference.imported.heading)", ""] + addedBlock
                continue
            }
            if existing.isEmpty {
                insertions.append((editor.endOfComments(after: existing.location.line), [""] + addedBlock))
            } else {
                let last = existing.firstLine + existing.markdown.split(separator: "\n", omittingEmptySubsequences: false).count - 1
                insertions.append((existing.firstLine - 1, [existingMarker, ""]))
                insertions.append((last, [""] + addedBlock))
            }
        }
        // Bottom up, so each insertion's line number still means the original line.
        for insertion in insertions.sorted(by: { $0.after > $1.after }) {
            editor.insert(insertion.lines, after: insertion.after)
        }
        if !appended.isEmpty { editor.append(appended) }
        return editor.text
    }
}

/// A text as lines, each keeping its own line ending (`\n`, `\r\n` or `\r`),
/// so that the lines not edited come out byte for byte as they went in.
struct LineEditor {
    private var lines: [(text: String, ending: String)] = []
    /// What inserted lines end with: the file's first line ending, or `\n`.
    private let newline: String

    init(_ text: String) {
        var current = ""
        for character in text {
            if character == "\n" || character == "\r\n" || character == "\r" {
                lines.append((current, String(character)))
                current = ""
            } else {
                current.append(character)
            }
        }
        if !current.isEmpty { lines.append((current, "")) }
        newline = lines.first(where: { !$0.ending.isEmpty })?.ending ?? "\n"
    }

    var text: String { lines.map { $0.text + $0.ending }.joined() }

    /// Inserts `new` after 1-based line `line` (0: before the first), set
    /// apart by a blank line on each side, so it is a block of its own.
    mutating func insert(_ new: [String], after line: Int) {
        let index = min(max(line, 0), lines.count)
        if index > 0, lines[index - 1].ending.isEmpty { lines[index - 1].ending = newline }
        var block = new
        if index > 0, !isBlank(lines[index - 1].text), !(block.first.map(isBlank) ?? true) { block.insert("", at: 0) }
        if index < lines.count, !isBlank(lines[index].text), !(block.last.map(isBlank) ?? true) { block.append("") }
        lines.insert(contentsOf: block.map { (text: $0, ending: newline) }, at: index)
    }

    mutating func append(_ new: [String]) {
        insert(new, after: lines.count)
    }

    /// The last line of the blank lines and HTML comments (a hint) right
    /// after `line`, stopping before a prompt's marker or anything else.
    func endOfComments(after line: Int) -> Int {
        var end = line
        var index = line  // 0-based index of the line after `line`
        while index < lines.count {
            let text = lines[index].text.trimmingCharacters(in: .whitespaces)
            if text.isEmpty { index += 1; continue }
            guard text.hasPrefix("<!--"), !text.dropFirst(4).trimmingCharacters(in: .whitespaces).hasPrefix("prompt:") else { break }
            var close = index
            while close < lines.count, !lines[close].text.contains("-->") { close += 1 }
            end = min(close, lines.count - 1) + 1
            index = end
        }
        return end
    }

    private func isBlank(_ text: String) -> Bool { text.allSatisfy { $0 == " " || $0 == "\t" } }
}
