import ContentModel
import Diagnostics
import Foundation
import GFM

/// Walks a journal's top-level blocks and cuts them into prompt sections.
struct SectionSplitter {
    let lines: LineIndex
    let path: String
    let content: ContentModel

    struct Result {
        var preamble: String?
        var preambleLine: Int?
        var answers: [Answer] = []
    }

    private struct Marker {
        var id: String
        var location: SourceLocation
    }

    private struct OpenSection {
        var promptID: String
        var heading: String
        var location: SourceLocation
        var blocks: [MarkdownNode] = []
    }

    func split(_ document: MarkdownDocument, diagnostics: inout [Diagnostic]) -> Result {
        var result = Result()
        var preambleBlocks: [MarkdownNode] = []
        var sawTitle = false
        var marker: Marker?
        var current: OpenSection?
        var firstHeadingLine: [String: Int] = [:]

        func close() {
            guard let section = current else { return }
            let (markdown, firstLine) = verbatim(section.blocks)
            result.answers.append(Answer(
                promptID: section.promptID, heading: section.heading,
                markdown: markdown, location: section.location, firstLine: firstLine ?? section.location.line + 1
            ))
            current = nil
        }

        for block in document.blocks {
            let location = self.location(of: block)
            if block.kind == .htmlBlock, let id = Self.markerID(in: block.literal ?? "") {
                if let pending = marker {
                    diagnostics.append(.error(Self.danglingMarker(pending.id), at: pending.location))
                }
                marker = Marker(id: id, location: location)
                continue
            }
            if block.kind == .heading && block.headingLevel <= 2 {
                let text = block.plainText.trimmingSpaces()
                if block.headingLevel == 1 {
                    if current == nil && !sawTitle && marker == nil {
                        sawTitle = true
                    } else {
                        diagnostics.append(.error(
                            "'# \(text)' is a top-level heading; inside an answer, start headings at '###'",
                            at: location
                        ))
                    }
                    continue
                }
                close()
                guard let id = marker?.id ?? promptID(matching: text) else {
                    diagnostics.append(.error(unmatchedHeadingMessage(text, block: block), at: location))
                    marker = nil
                    continue
                }
                let markerLocation = marker?.location ?? location
                marker = nil
                if content.prompt(id) == nil && id != RuptureLog.sectionID {
                    let hint = Suggestion.closest(to: id, in: content.prompts.map(\.id)).map { "; did you mean '\($0)'?" } ?? ""
                    diagnostics.append(.error("unknown prompt '\(id)'\(hint)", at: markerLocation))
                    continue
                }
                if let first = firstHeadingLine[id] {
                    diagnostics.append(.error("prompt '\(id)' is answered twice (first at line \(first))", at: location))
                    continue
                }
                firstHeadingLine[id] = location.line
                current = OpenSection(promptID: id, heading: text, location: location)
                continue
            }
            if let pending = marker {
                diagnostics.append(.error(Self.danglingMarker(pending.id), at: pending.location))
                marker = nil
            }
            checkClosed(block, diagnostics: &diagnostics)
            if current != nil {
                current!.blocks.append(block)
            } else {
                preambleBlocks.append(block)
            }
        }
        if let pending = marker {
            diagnostics.append(.error(Self.danglingMarker(pending.id), at: pending.location))
        }
        close()
        let (preamble, preambleLine) = verbatim(preambleBlocks)
        result.preamble = preamble.isEmpty ? nil : preamble
        result.preambleLine = preambleLine
        return result
    }

    /// `<!-- prompt: some-id -->`, alone in its block.
    static func markerID(in html: String) -> String? {
        let trimmed = html.trimmingWhitespace()
        guard trimmed.hasPrefix("<!--"), trimmed.hasSuffix("-->") else { return nil }
        let inner = trimmed.dropFirst(4).dropLast(3).trimmingSpaces()
        guard inner.hasPrefix("prompt:") else { return nil }
        let id = inner.dropFirst("prompt:".count).trimmingSpaces()
        return id.isEmpty || id.contains(where: \.isWhitespace) ? nil : id
    }

    static func danglingMarker(_ id: String) -> String {
        "the marker for prompt '\(id)' must sit directly above that prompt's '##' heading"
    }

    private func unmatchedHeadingMessage(_ text: String, block: MarkdownNode) -> String {
        let underlined = block.range.endLine > block.range.startLine
        let setextHint = underlined
            ? " (a line of '---' right under text makes it a heading; leave a blank line above '---' for a rule)"
            : ""
        return "heading '\(text)' does not match a prompt: keep the '<!-- prompt: ID -->' line above each prompt's '##' heading, and use '###' for headings inside an answer\(setextHint)"
    }

    /// A prompt whose text is the heading, for journals whose markers were lost.
    private func promptID(matching heading: String) -> String? {
        let wanted = heading.lowercased()
        if wanted == RuptureLog.heading.lowercased() { return RuptureLog.sectionID }
        return content.prompts.first { $0.text.lowercased() == wanted }?.id
    }

    /// A fence or HTML comment left open swallows every later prompt: stop
    /// the therapist there rather than silently lose their sections.
    private func checkClosed(_ block: MarkdownNode, diagnostics: inout [Diagnostic]) {
        let range = block.range
        guard range.endLine >= lines.lines.count - 1 else { return }
        let lastLine = lines.line(range.endLine).trimmingSpaces()
        if block.kind == .codeBlock, block.isFencedCode {
            let fence = lines.line(range.startLine).trimmingSpaces().prefix { $0 == "`" || $0 == "~" }
            if range.endLine == range.startLine || !(lastLine.hasPrefix(fence) && lastLine.allSatisfy { $0 == fence.first }) {
                diagnostics.append(.error(
                    "this code block is never closed, so the rest of the journal is read as code; add a closing '\(fence)' line",
                    at: location(of: block)
                ))
            }
        } else if block.kind == .htmlBlock, (block.literal ?? "").hasPrefix("<!--"), !(block.literal ?? "").contains("-->") {
            diagnostics.append(.error(
                "this comment is never closed with '-->', so the rest of the journal is hidden inside it",
                at: location(of: block)
            ))
        }
    }

    /// The therapist's own lines for these blocks, unchanged, minus Attune's
    /// guidance comments at the edges.
    private func verbatim(_ blocks: [MarkdownNode]) -> (text: String, firstLine: Int?) {
        var blocks = blocks[...]
        while let first = blocks.first, Self.isComment(first) { blocks.removeFirst() }
        while let last = blocks.last, Self.isComment(last) { blocks.removeLast() }
        guard let first = blocks.first else { return ("", nil) }
        // cmark can report an end line before the start line for a
        // one-line HTML block; never trust a single block's end alone.
        let start = first.range.startLine
        let end = max(start, blocks.map { max($0.range.startLine, $0.range.endLine) }.max() ?? start)
        var text = (start...end).map { String(lines.line($0)) }
        while let line = text.last, line.allSatisfy(\.isWhitespace) { text.removeLast() }
        return (text.joined(separator: "\n"), start)
    }

    /// A guidance comment at an answer's edge. A `<!-- privacy: … -->`
    /// marker is the therapist's instruction to the guard, so it stays.
    private static func isComment(_ block: MarkdownNode) -> Bool {
        guard block.kind == .htmlBlock else { return false }
        let html = (block.literal ?? "").trimmingWhitespace()
        let inner = html.dropFirst(4).trimmingSpaces()
        return html.hasPrefix("<!--") && html.hasSuffix("-->") && !inner.hasPrefix("privacy:")
    }

    private func location(of block: MarkdownNode) -> SourceLocation {
        let range = block.range
        return SourceLocation(
            path: path, line: range.startLine,
            column: lines.scalarColumn(line: range.startLine, byteColumn: range.startColumn)
        )
    }
}
