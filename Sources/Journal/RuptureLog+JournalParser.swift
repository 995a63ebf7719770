import ContentModel
import Diagnostics
import GFM

extension JournalParser {
    /// Reads the `## Rupture log` section, if there is one, and refuses a
    /// `rupture` block anywhere else: an entry outside the log would never
    /// be counted, and the therapist would not know why.
    func readRuptureLog(
        _ answers: [Answer], document: MarkdownDocument, lines: LineIndex, path: String, week: ISOWeek?,
        diagnostics: inout [Diagnostic]
    ) -> RuptureLog? {
        let section = answers.first { $0.promptID == RuptureLog.sectionID }
        var log: RuptureLog?
        var inside: ClosedRange<Int>?
        if let section {
            let reading = RuptureLogReader(content: content, path: path, journalWeek: week)
                .read(section.markdown, firstLine: section.firstLine)
            diagnostics += reading.diagnostics
            log = reading.log
            let count = section.markdown.isEmpty ? 0 : section.markdown.split(separator: "\n", omittingEmptySubsequences: false).count
            if count > 0 { inside = section.firstLine...(section.firstLine + count - 1) }
        }
        for block in RuptureLogReader.fencedCode(in: document.node, lines: lines) {
            if inside?.contains(block.range.startLine) ?? false { continue }
            let how = section == nil
                ? "add a '<!-- prompt: \(RuptureLog.sectionID) -->' line and a '## \(RuptureLog.heading)' heading, and move it there"
                : "move it there"
            diagnostics.append(.error(
                "a rupture entry is counted only under the '## \(RuptureLog.heading)' heading; \(how)",
                at: SourceLocation(
                    path: path, line: block.range.startLine,
                    column: lines.scalarColumn(line: block.range.startLine, byteColumn: block.range.startColumn)
                )
            ))
        }
        return log
    }
}
