import ContentModel
import Diagnostics
import GFM

/// Cuts a journal's body into the text before the prompts and one answer per
/// prompt, and refuses any answer that would not stay inside its section.
///
/// An answer is the exact run of source lines between its prompt's heading
/// and the next prompt's marker or heading: the lines are taken from the
/// text itself, never rebuilt from cmark-gfm's node positions (a link
/// reference definition has none, some HTML blocks report their end a line
/// early, a paragraph a table interrupts reports 0:0). cmark-gfm is used for
/// what it is sure of: where top-level headings and markers start, and,
/// parsing each answer alone, whether anything in it runs on past its end.
struct SectionSplitter {
    let lines: LineIndex
    let path: String
    let content: ContentModel

    struct Result {
        var preamble: String?
        var preambleLine: Int?
        var answers: [Answer] = []
    }

    /// Runaway problems reported before Attune stops looking for more: each
    /// one makes the rest of the journal be parsed again.
    static let maxRunawayProblems = 50

    /// What splitting found at the top level of the journal, in order.
    private enum Event {
        case marker(id: String, location: SourceLocation)
        case heading(level: Int, text: String, location: SourceLocation, lastLine: Int, underlined: Bool)
        /// A block that is neither, right after a marker.
        case text(line: Int)
    }

    private struct State {
        var result = Result()
        var preambleLines: [Int] = []
        var sawTitle = false
        var sawSection = false
        var marker: (id: String, location: SourceLocation)?
        var current: (id: String, heading: String, location: SourceLocation, lines: ClosedRange<Int>?)?
        var firstHeadingLine: [String: Int] = [:]
        var runaways = 0
    }

    /// `firstLine` is the first line after the front matter; `document` is
    /// the journal parsed whole (front matter blanked, so its line numbers
    /// are the file's).
    func split(_ document: MarkdownDocument, firstLine: Int, diagnostics: inout [Diagnostic]) -> Result {
        var state = State()
        var segmentStart = firstLine
        var segment = document
        let lastLine = lines.lines.count
        segments: while segmentStart <= lastLine {
            let events = self.events(in: segment, from: segmentStart)
            // Each stretch of text between two events, then the event closing it.
            var cursor = segmentStart
            for index in 0...events.count {
                let event = index < events.count ? events[index] : nil
                let end = event.map { startLine(of: $0) - 1 } ?? lastLine
                if cursor <= end {
                    if let problem = runaway(in: cursor...end, atEnd: event == nil) {
                        diagnostics.append(problem.diagnostic)
                        state.current = nil
                        state.marker = nil
                        state.runaways += 1
                        guard state.runaways < Self.maxRunawayProblems,
                              let restart = nextMarkerLine(after: problem.line)
                        else { break segments }
                        // Whatever swallowed the text from here on is reported;
                        // read on from the next prompt marker, so one run finds
                        // every such problem.
                        segmentStart = restart
                        segment = parse(from: restart)
                        continue segments
                    }
                    if let lines = state.current?.lines {
                        state.current!.lines = lines.lowerBound...end
                    } else if state.current != nil {
                        state.current!.lines = cursor...end
                    } else if !state.sawSection {
                        state.preambleLines += Array(cursor...end)
                    }
                }
                guard let event else { break }
                handle(event, state: &state, diagnostics: &diagnostics)
                cursor = self.lastLine(of: event) + 1
            }
            break
        }
        if let pending = state.marker {
            diagnostics.append(.error(Self.danglingMarker(pending.id), at: pending.location))
        }
        close(&state)
        let (preamble, preambleLine) = verbatim(state.preambleLines)
        state.result.preamble = preamble.isEmpty ? nil : preamble
        state.result.preambleLine = preambleLine
        return state.result
    }

    // MARK: Structure

    private func handle(_ event: Event, state: inout State, diagnostics: inout [Diagnostic]) {
        switch event {
        case .text:
            if let pending = state.marker {
                diagnostics.append(.error(Self.danglingMarker(pending.id), at: pending.location))
                state.marker = nil
            }
        case .marker(let id, let location):
            if let pending = state.marker {
                diagnostics.append(.error(Self.danglingMarker(pending.id), at: pending.location))
            }
            state.marker = (id, location)
        case .heading(let level, let text, let location, _, let underlined):
            if level == 1 {
                if state.current == nil && !state.sawTitle && state.marker == nil && !state.sawSection {
                    state.sawTitle = true
                } else {
                    diagnostics.append(.error(
                        "'# \(text)' is a top-level heading; inside an answer, start headings at '###'",
                        at: location
                    ))
                }
                return
            }
            close(&state)
            state.sawSection = true
            let id: String
            if let marked = state.marker?.id {
                // The marker decides; the heading is the therapist's to word.
                id = marked
            } else {
                switch promptID(matching: text) {
                case .success(let matched): id = matched
                case .failure(let problem):
                    let message = problem.message ?? unmatchedHeadingMessage(text, underlined: underlined)
                    diagnostics.append(.error(message, at: location))
                    return
                }
            }
            let markerLocation = state.marker?.location ?? location
            state.marker = nil
            if content.prompt(id) == nil && id != RuptureLog.sectionID {
                let hint = Suggestion.closest(to: id, in: content.prompts.map(\.id)).map { "; did you mean '\($0)'?" } ?? ""
                diagnostics.append(.error("unknown prompt '\(id)'\(hint)", at: markerLocation))
                return
            }
            if let first = state.firstHeadingLine[id] {
                diagnostics.append(.error("prompt '\(id)' is answered twice (first at line \(first))", at: location))
                return
            }
            state.firstHeadingLine[id] = location.line
            state.current = (id, text, location, nil)
        }
    }

    private func close(_ state: inout State) {
        guard let section = state.current else { return }
        let (markdown, firstLine) = section.lines.map { verbatim(Array($0)) } ?? ("", nil)
        state.result.answers.append(Answer(
            promptID: section.id, heading: section.heading,
            markdown: markdown, location: section.location, firstLine: firstLine ?? section.location.line + 1
        ))
        state.current = nil
    }

    /// Top-level prompt markers and `#`/`##` headings, from `from` on, and
    /// the first other block after a marker (which leaves it dangling).
    private func events(in document: MarkdownDocument, from: Int) -> [Event] {
        var events: [Event] = []
        var markerPending = false
        for block in document.blocks {
            let range = block.range
            guard range.startLine >= from else { continue }
            if block.kind == .htmlBlock, let id = Self.markerID(in: block.literal ?? "") {
                events.append(.marker(id: id, location: location(line: range.startLine, byteColumn: range.startColumn)))
                markerPending = true
            } else if block.kind == .heading && block.headingLevel <= 2 {
                let start = range.startLine
                let underlined = !Self.isATXHeading(lines.line(start))
                var last = start
                if underlined {
                    last = start + 1
                    while last < lines.lines.count, !Self.isSetextUnderline(lines.line(last)) { last += 1 }
                }
                events.append(.heading(
                    level: block.headingLevel, text: block.plainText.trimmingSpaces(),
                    location: location(line: start, byteColumn: range.startColumn), lastLine: last, underlined: underlined
                ))
                // A title between a marker and its heading is reported on its own.
                if block.headingLevel == 2 { markerPending = false }
            } else if markerPending {
                events.append(.text(line: range.startLine))
                markerPending = false
            }
        }
        return events
    }

    private func startLine(of event: Event) -> Int {
        switch event {
        case .marker(_, let location): return location.line
        case .heading(_, _, let location, _, _): return location.line
        case .text(let line): return line
        }
    }

    /// The last line an event takes; text takes none (it belongs to the stretch after it).
    private func lastLine(of event: Event) -> Int {
        switch event {
        case .marker(_, let location): return location.line
        case .heading(_, _, _, let last, _): return last
        case .text(let line): return line - 1
        }
    }

    private func parse(from line: Int) -> MarkdownDocument {
        MarkdownDocument(String(repeating: "\n", count: line - 1) + lines.lines[(line - 1)...].joined(separator: "\n"))
    }

    private func nextMarkerLine(after line: Int) -> Int? {
        guard line < lines.lines.count else { return nil }
        return (line + 1...lines.lines.count).first { Self.markerID(in: String(lines.line($0))) != nil }
    }

    // MARK: Runaway constructs

    struct Runaway {
        var line: Int
        var diagnostic: Diagnostic
    }

    /// The sentinel a stretch of text is tested against: any line typed in
    /// an answer must leave a following prompt marker a marker.
    static let sentinel = "<!-- prompt: attune-sentinel -->"

    /// Whether the text on `range` holds a construct that would run past its
    /// end: parsed alone, with a prompt marker appended (after a blank line
    /// at the end of the file, where the workbook template adds one), the
    /// marker must still be a marker, and no line inside may look like one.
    func runaway(in range: ClosedRange<Int>, atEnd: Bool) -> Runaway? {
        var text = lines.lines[(range.lowerBound - 1)..<range.upperBound].joined(separator: "\n")
        text += atEnd ? "\n\n" : "\n"
        let sentinelLine = range.count + (atEnd ? 2 : 1)
        text += Self.sentinel + "\n"
        let document = MarkdownDocument(text)
        let blocks = document.blocks
        let swallowedMarker = range.first { Self.markerID(in: String(lines.line($0))) != nil }
        let last = blocks.last
        let sentinelStands = last.map {
            $0.kind == .htmlBlock && $0.range.startLine == sentinelLine && ($0.literal ?? "") == Self.sentinel + "\n"
        } ?? false
        if sentinelStands && swallowedMarker == nil { return nil }
        // The culprit is the top-level block holding the first swallowed line.
        let target = swallowedMarker.map { $0 - range.lowerBound + 1 } ?? sentinelLine
        guard let culprit = blocks.last(where: { $0.range.startLine >= 1 && $0.range.startLine <= target && $0.range.startLine < sentinelLine })
        else { return nil }
        let line = culprit.range.startLine + range.lowerBound - 1
        let at = location(line: line, byteColumn: culprit.range.startColumn)
        let message = message(for: culprit, firstLine: lines.line(line), swallowed: swallowedMarker)
        return Runaway(line: line, diagnostic: .error(message, at: at))
    }

    private func message(for block: MarkdownNode, firstLine: Substring, swallowed marker: Int?) -> String {
        if block.kind == .codeBlock, block.isFencedCode {
            let fence = firstLine.trimmingSpaces().prefix { $0 == "`" || $0 == "~" }
            return "this code block is never closed, so the rest of the journal is read as code; add a closing '\(fence)' line"
        }
        if block.kind == .htmlBlock, let kind = HTMLBlockStart(line: block.literal ?? "") {
            return kind.runawayMessage
        }
        let what = Self.describe(block)
        if let marker {
            return "the prompt marker on line \(marker) is read as part of this \(what), so that prompt would be lost; leave a blank line above the marker"
        }
        return "this \(what) runs on past the end of its answer; leave a blank line after it"
    }

    private static func describe(_ block: MarkdownNode) -> String {
        switch block.kind {
        case .list: return "list"
        case .blockQuote: return "block quote"
        case .paragraph: return "paragraph"
        case .codeBlock: return "code block"
        case .htmlBlock: return "HTML block"
        default: return block.typeName == "table" ? "table" : "block"
        }
    }

    // MARK: Text

    /// The therapist's own lines, unchanged, minus blank lines and Attune's
    /// guidance comments at the edges.
    private func verbatim(_ numbers: [Int]) -> (text: String, firstLine: Int?) {
        var numbers = numbers[...]
        func trimBlank() {
            while let first = numbers.first, Self.isBlank(lines.line(first)) { numbers.removeFirst() }
            while let last = numbers.last, Self.isBlank(lines.line(last)) { numbers.removeLast() }
        }
        trimBlank()
        // Guidance comments at the edges: parse the lines alone and drop a
        // top-level comment that starts on the first line or ends on the last.
        while !numbers.isEmpty {
            let text = numbers.map { String(lines.line($0)) }.joined(separator: "\n") + "\n"
            let blocks = MarkdownDocument(text).blocks
            var trimmed = false
            if let block = blocks.first, block.range.startLine == 1, Self.isGuidanceComment(block) {
                numbers.removeFirst(min(numbers.count, Self.lineCount(of: block)))
                trimmed = true
            } else if let block = blocks.last, Self.isGuidanceComment(block),
                      block.range.startLine + Self.lineCount(of: block) - 1 == numbers.count {
                numbers.removeLast(numbers.count - block.range.startLine + 1)
                trimmed = true
            }
            if !trimmed { break }
            trimBlank()
        }
        guard let first = numbers.first else { return ("", nil) }
        return (numbers.map { String(lines.line($0)) }.joined(separator: "\n"), first)
    }

    /// cmark-gfm's blank line: nothing but spaces and tabs.
    static func isBlank(_ line: Substring) -> Bool {
        line.utf8.allSatisfy { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }
    }

    /// An HTML block's literal is its source lines, each with its line break.
    private static func lineCount(of block: MarkdownNode) -> Int {
        max(1, (block.literal ?? "").utf8.reduce(0) { $1 == UInt8(ascii: "\n") ? $0 + 1 : $0 })
    }

    /// A guidance comment at an answer's edge. A `<!-- privacy: … -->`
    /// marker is the therapist's instruction to the guard, so it stays.
    private static func isGuidanceComment(_ block: MarkdownNode) -> Bool {
        guard block.kind == .htmlBlock else { return false }
        let html = (block.literal ?? "").trimmingWhitespace()
        let inner = html.dropFirst(4).trimmingSpaces()
        return html.hasPrefix("<!--") && html.hasSuffix("-->") && !inner.hasPrefix("privacy:")
    }

    static func isATXHeading(_ line: Substring) -> Bool {
        let text = line.drop { $0 == " " }
        guard line.count - text.count <= 3 else { return false }
        let marks = text.prefix { $0 == "#" }
        guard (1...6).contains(marks.count) else { return false }
        let rest = text.dropFirst(marks.count)
        return rest.isEmpty || rest.first == " " || rest.first == "\t"
    }

    static func isSetextUnderline(_ line: Substring) -> Bool {
        let text = line.drop { $0 == " " }
        guard line.count - text.count <= 3, let mark = text.first, mark == "=" || mark == "-" else { return false }
        let body = text.prefix { $0 == mark }
        return text.dropFirst(body.count).allSatisfy { $0 == " " || $0 == "\t" }
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

    private func unmatchedHeadingMessage(_ text: String, underlined: Bool) -> String {
        let setextHint = underlined
            ? " (a line of '---' right under text makes it a heading; leave a blank line above '---' for a rule)"
            : ""
        return "heading '\(text)' does not match a prompt: keep the '<!-- prompt: ID -->' line above each prompt's '##' heading, and use '###' for headings inside an answer\(setextHint)"
    }

    /// Why a heading without a marker answers no prompt: `message` when
    /// there is more to say than the general advice.
    struct HeadingProblem: Error {
        var message: String?
    }

    /// The prompt a heading without a marker answers, by its words (see
    /// `PromptHeading`), or the rupture log by its heading.
    private func promptID(matching heading: String) -> Swift.Result<String, HeadingProblem> {
        if heading.lowercased() == RuptureLog.heading.lowercased() { return .success(RuptureLog.sectionID) }
        switch PromptHeading.match(heading, in: content) {
        case .prompt(let id):
            return .success(id)
        case .numberDisagrees(let id, let written):
            let number = content.prompt(id)?.number ?? 0
            let other = content.prompts.first { $0.number == written }
            let what = other.map { "prompt \(written) is '\($0.text)'" }
                ?? "there is no prompt \(written); prompts are numbered 1 to \(content.prompts.count)"
            return .failure(HeadingProblem(message:
                "heading '\(heading)' has the words of prompt \(number) but the number \(written) (\(what)); write 'Prompt \(number)' before these words, or no number"
            ))
        case .none(let numbered):
            guard let numbered else {
                if let (written, _) = PromptHeading.numbered(heading), content.prompts.allSatisfy({ $0.number != written }) {
                    return .failure(HeadingProblem(message:
                        "heading '\(heading)' does not match a prompt: there is no prompt \(written) (prompts are numbered 1 to \(content.prompts.count)), and the words are no prompt's; keep the '<!-- prompt: ID -->' line above each prompt's '##' heading"
                    ))
                }
                return .failure(HeadingProblem(message: nil))
            }
            return .failure(HeadingProblem(message:
                "heading '\(heading)' does not match a prompt: prompt \(numbered.number) reads '\(numbered.text)', and a number is matched only with its prompt's own words; keep the '<!-- prompt: ID -->' line above each prompt's '##' heading"
            ))
        }
    }

    private func location(line: Int, byteColumn: Int) -> SourceLocation {
        SourceLocation(path: path, line: line, column: lines.scalarColumn(line: line, byteColumn: byteColumn))
    }
}

/// The seven ways CommonMark starts an HTML block (spec 0.29, §4.6), told
/// apart by the first line, so a block left open can be named with what
/// would have closed it.
enum HTMLBlockStart {
    /// 1: `<pre`, `<script`, `<style` (spec 0.29, which Debian's cmark-gfm
    /// follows; `<textarea` joined them in 0.30 and is type 7 here).
    case rawText(String)
    case comment           // 2: <!--
    case processing        // 3: <?
    case declaration       // 4: <! and a letter
    case cdata             // 5: <![CDATA[
    case other             // 6 and 7: ends at a blank line

    init?(line literal: String) {
        let first = literal.prefix { $0 != "\n" }.drop { $0 == " " }.lowercased()
        guard first.hasPrefix("<") else { return nil }
        if let tag = ["pre", "script", "style"].first(where: { name in
            first.hasPrefix("<" + name) && {
                let after = first.dropFirst(name.count + 1).first
                return after == nil || after == " " || after == "\t" || after == ">"
            }()
        }) {
            self = .rawText(tag)
        } else if first.hasPrefix("<!--") {
            self = .comment
        } else if first.hasPrefix("<?") {
            self = .processing
        } else if first.hasPrefix("<![cdata[") {
            self = .cdata
        } else if first.hasPrefix("<!"), let letter = first.dropFirst(2).first, letter.isASCII, letter.isLetter {
            self = .declaration
        } else {
            self = .other
        }
    }

    var runawayMessage: String {
        switch self {
        case .rawText(let tag):
            return "this '<\(tag)>' block is never closed with '</\(tag)>' (or '</pre>', '</script>', '</style>'), so the rest of the journal would be read as raw HTML; close it on a later line of this answer"
        case .comment:
            return "this comment is never closed with '-->', so the rest of the journal is hidden inside it"
        case .processing:
            return "'<?' starts an HTML block that only ends at '?>', so the rest of the journal would be read as raw HTML; add '?>' in this answer, or write '\\<?'"
        case .declaration:
            return "'<!' followed by a letter starts an HTML block that only ends at '>', so the rest of the journal would be read as raw HTML; add '>' in this answer, or write '\\<!'"
        case .cdata:
            return "'<![CDATA[' starts an HTML block that only ends at ']]>', so the rest of the journal would be read as raw HTML; add ']]>' in this answer"
        case .other:
            return "this HTML block runs on until a blank line, so it would swallow the next prompt; leave a blank line after it"
        }
    }
}
