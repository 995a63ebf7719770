import GFM

/// `MarkdownSafety.neutralise`: parse, find what a viewer would run or open,
/// fix it where it was typed, parse again.
///
/// Edits are made in the source rather than by re-rendering the tree, so
/// every byte that was not a problem stays as written (cmark-gfm's
/// CommonMark renderer would re-wrap, re-number and re-escape the rest of
/// the text). cmark-gfm reports where each node starts; that position is
/// checked against the byte found there before anything is edited, and a
/// node that cannot be found is looked for on the same line. If a round
/// still leaves a problem it cannot place, or the rounds run out, the whole
/// text is printed literally instead, line by line: a last resort that
/// loses formatting but never a character, and is safe by construction.
struct Neutraliser {
    let keep: (String) -> Bool

    func run(_ markdown: String) -> String {
        runReporting(markdown).text
    }

    /// The result, and whether it took the last resort (tests check that
    /// real inputs never need it).
    func runReporting(_ markdown: String) -> (text: String, literal: Bool) {
        var text = markdown
        for _ in 0..<MarkdownSafety.maxRounds {
            switch round(text) {
            case .safe: return (text, false)
            case .edited(let next): text = next
            case .stuck: return (literal(markdown), true)
            }
        }
        return (literal(markdown), true)
    }

    enum Outcome {
        case safe
        case edited(String)
        case stuck
    }

    /// One parse: every problem it shows, fixed at once.
    func round(_ text: String) -> Outcome {
        let document = MarkdownDocument(text, options: [.sourcePositions, .validateUTF8], extensions: GFMExtension.github)
        let source = Source(text)
        var edits = Edits()
        var problems = 0
        var extendedAutolinks = false
        for node in document.node.descendants {
            switch node.kind {
            case .htmlBlock, .htmlInline:
                let literal = node.literal ?? ""
                if node.kind == .htmlBlock && keep(literal.trimmingBlanks) { continue }
                problems += 1
                if node.kind == .htmlBlock, let range = source.plainCommentLine(node) {
                    edits.replace(range, with: "")
                } else if let at = source.locate(node, startingWith: Array(literal.utf8.prefix { $0 != UInt8(ascii: "\n") }.prefix(24)),
                                                 allowingEscaped: true) {
                    // Already escaped, yet raw: an autolink swallowed the
                    // backslash. Breaking the autolink gives it back.
                    if !source.isEscaped(at) {
                        edits.replace(source.htmlSpan(node, at: at, literal: literal), escapingAsText: source)
                    }
                    breakAutolink(before: at, in: source, edits: &edits)
                    if node.kind == .htmlInline { breakDestination(before: at, in: source, edits: &edits) }
                }
            case .link:
                guard !LinkPolicy.allowsLink(node.url ?? "") else { continue }
                problems += 1
                if node.range.startLine == 0 {
                    // An extended autolink (`ftp://...`, `xmpp:a@b.example`):
                    // cmark-gfm gives it no position. One pass over the
                    // text breaks them all, however many there are.
                    extendedAutolinks = true
                } else if let at = source.locate(node, startingWith: [UInt8(ascii: "[")]) ?? source.locate(node, startingWith: [UInt8(ascii: "<")]) {
                    edits.insert("\\", at: at)
                }
            case .image:
                guard !LinkPolicy.allowsImage(node.url ?? "") else { continue }
                problems += 1
                if let at = source.locate(node, startingWith: [UInt8(ascii: "!")]) {
                    edits.insert("\\", at: at)
                }
            default:
                continue
            }
        }
        if extendedAutolinks { breakExtendedAutolinks(in: source, edits: &edits) }
        if problems == 0 { return .safe }
        guard !edits.isEmpty, let edited = edits.apply(to: source.bytes) else { return .stuck }
        return .edited(edited)
    }

    /// GFM's autolink extension reads the source from `http://`, `https://`,
    /// `ftp://` or `www.` up to a blank or `<`, and swallows any backslash on
    /// the way: `https://x.example/"\<img>` links `https://x.example/"\` and
    /// leaves `<img>` as raw HTML. Before escaping a `<`, the run of
    /// non-blank text in front of it loses its trigger: a backslash before
    /// the `:` of `://`, or before the `.` of `www.`, which no reader sees.
    func breakAutolink(before at: Int, in source: Source, edits: inout Edits) {
        let bytes = source.bytes
        var start = at
        while start > 0, !bytes[start - 1].isBlank, bytes[start - 1] != UInt8(ascii: "<") { start -= 1 }
        var index = start
        var broken = false
        while index < at {
            if bytes[index] == UInt8(ascii: ":"), index + 2 < bytes.count, bytes[index + 1] == UInt8(ascii: "/"),
               bytes[index + 2] == UInt8(ascii: "/"), !source.isEscaped(index) {
                edits.insert("\\", at: index)
                broken = true
            } else if index + 3 < bytes.count, bytes[index..<(index + 4)].map({ $0 | 0x20 }) == Array("www.".utf8) {
                edits.insert("\\", at: index + 3)
                broken = true
            } else if broken, Self.pairs(bytes[index]), !source.isEscaped(index) {
                // The link had these as text; escaped, they stay text rather
                // than pairing up into a code span, emphasis or a link.
                edits.insert("\\", at: index)
            }
            index += 1
        }
    }

    /// Characters that pair up with others into code spans, emphasis,
    /// strikethrough or links once a link no longer holds them as text.
    static func pairs(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: "`") || byte == UInt8(ascii: "*") || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "~")
            || byte == UInt8(ascii: "[") || byte == UInt8(ascii: "]")
    }

    /// `\<` is a valid start of a link destination where `<` opening a tag
    /// was not: `[a](<b>c)` is text, but `[a](\<b>c)` is a link to `<b>c`,
    /// and `[foo]: <bar>(baz)` becomes a definition, hiding the words typed
    /// (GFM spec examples 503 and 170). When the escaped tag is the first
    /// thing after `](` or `]:` (blanks and one line ending between), that
    /// `(` or `:` is escaped too, so no link or definition forms. A
    /// reference link typed just before (`[a]` defined elsewhere) stays one,
    /// as it was: only the destination's opener changes.
    func breakDestination(before at: Int, in source: Source, edits: inout Edits) {
        let bytes = source.bytes
        var index = at - 1
        var lineEndings = 0
        while index >= 0 {
            let byte = bytes[index]
            if byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") {
                index -= 1
            } else if byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r") {
                if byte == UInt8(ascii: "\n"), index > 0, bytes[index - 1] == UInt8(ascii: "\r") { index -= 1 }
                lineEndings += 1
                guard lineEndings <= 1 else { return }
                index -= 1
            } else {
                break
            }
        }
        guard index >= 1, bytes[index] == UInt8(ascii: "(") || bytes[index] == UInt8(ascii: ":"),
              bytes[index - 1] == UInt8(ascii: "]"), !source.isEscaped(index - 1), !source.isEscaped(index) else { return }
        edits.insert("\\", at: index)
    }

    /// Extended autolinks to a refused scheme: `ftp://` (read at `:`, so a
    /// backslash before it stops it) and `xmpp:` before an e-mail address
    /// (read from the text after escapes are undone, so only a character in
    /// between stops it: U+2060 WORD JOINER, which no reader sees).
    func breakExtendedAutolinks(in source: Source, edits: inout Edits) {
        let bytes = source.bytes
        let ftp = Array("ftp://".utf8), xmpp = Array("xmpp:".utf8)
        var index = 0
        while index < bytes.count {
            if source.matches(ftp, at: index) {
                edits.insert("\\", at: index + 3)
                // What the link held as text stays text (see breakAutolink).
                var cursor = index + 6
                while cursor < bytes.count, !bytes[cursor].isBlank, bytes[cursor] != UInt8(ascii: "<") {
                    if Self.pairs(bytes[cursor]), !source.isEscaped(cursor) { edits.insert("\\", at: cursor) }
                    cursor += 1
                }
            } else if source.matches(xmpp, at: index) {
                edits.insert("\u{2060}", at: index + 4)
            }
            index += 1
        }
    }

    /// The last resort: every line as plain text, blank lines kept, lines
    /// that `keep` accepts kept as they are.
    func literal(_ markdown: String) -> String {
        var lines: [Substring] = []
        var current = markdown[...]
        while let end = current.firstIndex(where: { $0 == "\n" || $0 == "\r" || $0 == "\r\n" }) {
            lines.append(current[..<end])
            current = current[current.index(after: end)...]
        }
        lines.append(current)
        return lines.map { line in
            keep(String(line).trimmingBlanks) ? String(line) : TextEscaper.escape(String(line))
        }.joined(separator: "\n")
    }
}

/// The text being fixed, as UTF-8 bytes with cmark's line starts.
struct Source {
    let bytes: [UInt8]
    /// Offset of each line's first byte; lines end at LF, CR or CRLF, as in cmark.
    let lineStarts: [Int]

    init(_ text: String) {
        bytes = Array(text.utf8)
        var starts = [0]
        var index = 0
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: "\r") {
                if index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "\n") { index += 1 }
                starts.append(index + 1)
            } else if bytes[index] == UInt8(ascii: "\n") {
                starts.append(index + 1)
            }
            index += 1
        }
        lineStarts = starts
    }

    /// The bytes of line `line` (1-based), without its line ending.
    func lineRange(_ line: Int) -> Range<Int>? {
        guard line >= 1, line <= lineStarts.count else { return nil }
        let start = lineStarts[line - 1]
        var end = line < lineStarts.count ? lineStarts[line] : bytes.count
        while end > start, bytes[end - 1] == UInt8(ascii: "\n") || bytes[end - 1] == UInt8(ascii: "\r") { end -= 1 }
        return start..<end
    }

    func matches(_ pattern: [UInt8], at index: Int) -> Bool {
        guard index + pattern.count <= bytes.count else { return false }
        for offset in 0..<pattern.count where bytes[index + offset] | (pattern[offset].isLetter ? 0x20 : 0) != pattern[offset] {
            return false
        }
        return true
    }

    /// Whether the byte at `index` is escaped by an odd run of backslashes.
    func isEscaped(_ index: Int) -> Bool {
        var count = 0
        var cursor = index - 1
        while cursor >= 0, bytes[cursor] == UInt8(ascii: "\\") { count += 1; cursor -= 1 }
        return count % 2 == 1
    }

    /// Where `node` starts, if the bytes there begin with `prefix`; else the
    /// nearest unescaped place on the same line that does.
    /// `allowingEscaped`: for raw HTML, whose `<` may sit after a
    /// backslash an autolink swallowed; used only if no unescaped place fits.
    func locate(_ node: MarkdownNode, startingWith prefix: [UInt8], allowingEscaped: Bool = false) -> Int? {
        let range = node.range
        guard let line = lineRange(range.startLine), !prefix.isEmpty else { return nil }
        let reported = line.lowerBound + range.startColumn - 1
        func matches(_ index: Int) -> Bool {
            index >= line.lowerBound && index + prefix.count <= bytes.count && Array(bytes[index..<(index + prefix.count)]) == prefix
        }
        func nearest(_ candidates: [Int]) -> Int? { candidates.min { abs($0 - reported) < abs($1 - reported) } }
        if matches(reported) && !isEscaped(reported) { return reported }
        // cmark's inline positions drift after entities, breaks and
        // autolinks: look on the line, then in the whole block holding it.
        let region = blockRange(of: node) ?? line
        for area in [line, region] {
            if let unescaped = nearest(area.filter { matches($0) && !isEscaped($0) }) { return unescaped }
        }
        guard allowingEscaped else { return nil }
        return matches(reported) ? reported : nearest(line.filter(matches)) ?? nearest(region.filter(matches))
    }

    /// The bytes of the nearest block holding `node` (block positions are
    /// reliable where inline ones drift).
    func blockRange(of node: MarkdownNode) -> Range<Int>? {
        var current = node.parent
        while let block = current {
            let range = block.range
            let isInline = [.emphasis, .strong, .link, .image, .other("strikethrough")].contains(block.kind)
            if block.kind != .document, !isInline, range.startLine > 0, let first = lineRange(range.startLine) {
                let last = lineRange(max(range.endLine, range.startLine)) ?? first
                return first.lowerBound..<max(first.upperBound, last.upperBound)
            }
            current = block.parent
        }
        return nil
    }

    /// The bytes of a raw-HTML node starting at `at`: its literal, when the
    /// source holds exactly that there.
    func htmlSpan(_ node: MarkdownNode, at: Int, literal: String) -> Range<Int> {
        var literalBytes = Array(literal.utf8)
        while node.kind == .htmlBlock, let last = literalBytes.last, last == UInt8(ascii: "\n") || last == UInt8(ascii: "\r") {
            literalBytes.removeLast()
        }
        if let end = end(of: literalBytes, at: at) { return at..<end }
        // Inside a quote or list the literal lacks the container's markers:
        // take the first line, and let a later round find what the rest becomes.
        guard let line = lineRange(node.range.startLine), line.contains(at) else { return at..<(at + 1) }
        return node.kind == .htmlBlock ? at..<line.upperBound : at..<(at + 1)
    }

    /// Where `literal` ends if the source holds it at `at`, reading the
    /// source's CR and CRLF line endings as the LF cmark puts in literals.
    func end(of literal: [UInt8], at: Int) -> Int? {
        var index = at
        for byte in literal {
            guard index < bytes.count else { return nil }
            if byte == UInt8(ascii: "\n"), bytes[index] == UInt8(ascii: "\r") {
                index += index + 1 < bytes.count && bytes[index + 1] == UInt8(ascii: "\n") ? 2 : 1
                continue
            }
            guard bytes[index] == byte else { return nil }
            index += 1
        }
        return index
    }

    /// A raw-HTML block that is one plain comment alone on its line:
    /// `<!--`, text without `<`, `>` or `--`, `-->`. Every reader (CommonMark,
    /// HTML5, a viewer's sanitiser) agrees it is a comment and where it ends,
    /// so leaving it out hides nothing else. Anything trickier (`<!-->`,
    /// `<!--->`, `--!>`, a tag after the comment) is shown as text instead.
    func plainCommentLine(_ node: MarkdownNode) -> Range<Int>? {
        let literal = (node.literal ?? "").trimmingBlanks
        guard literal.hasPrefix("<!--"), literal.hasSuffix("-->"), literal.count >= 7 else { return nil }
        let inner = literal.dropFirst(4).dropLast(3)
        guard !inner.contains("<"), !inner.contains(">"), !inner.contains("--"), !inner.hasPrefix("-"), !inner.hasSuffix("-"),
              !inner.contains("\n"), !inner.contains("\r") else { return nil }
        let range = node.range
        guard let line = lineRange(range.startLine) else { return nil }
        let literalBytes = Array(literal.utf8)
        let start = line.lowerBound + range.startColumn - 1
        guard let from = (start..<line.upperBound).first(where: { bytes[$0] == UInt8(ascii: "<") }),
              from + literalBytes.count <= line.upperBound,
              Array(bytes[from..<(from + literalBytes.count)]) == literalBytes,
              bytes[(from + literalBytes.count)..<line.upperBound].allSatisfy(\.isBlank),
              bytes[line.lowerBound..<from].allSatisfy({ $0.isBlank || $0 == UInt8(ascii: ">") }) else { return nil }
        // Alone on its line, with a blank line (or the text's edge) on one
        // side: the whole line goes, and no paragraphs meet. Otherwise the
        // line stays, empty, keeping the blocks apart as the comment did.
        let lineNumber = range.startLine
        func isBlank(_ number: Int) -> Bool {
            guard let other = lineRange(number) else { return true }
            return bytes[other].allSatisfy(\.isBlank)
        }
        if from == line.lowerBound, isBlank(lineNumber - 1) || isBlank(lineNumber + 1) {
            let next = lineNumber < lineStarts.count ? lineStarts[lineNumber] : bytes.count
            return from..<next
        }
        return from..<line.upperBound
    }
}

/// Replacements of byte ranges (an insertion replaces an empty range),
/// applied together.
struct Edits {
    private var replacements: [Range<Int>: String] = [:]

    var isEmpty: Bool { replacements.isEmpty }

    mutating func insert(_ text: String, at index: Int) {
        if replacements[index..<index] == nil { replacements[index..<index] = text }
    }

    mutating func replace(_ range: Range<Int>, with text: String) {
        replacements[range] = text
    }

    /// Raw HTML shown as text: every character of the span printed as typed
    /// (so `*`, `[`, `\` or `>` inside a tag stay visible), line by line.
    mutating func replace(_ range: Range<Int>, escapingAsText source: Source) {
        var lines: [String] = []
        var line: [UInt8] = []
        var index = range.lowerBound
        while index < range.upperBound {
            let byte = source.bytes[index]
            if byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r") {
                lines.append(TextEscaper.escape(String(decoding: line, as: UTF8.self)))
                line = []
                var ending = [byte]
                if byte == UInt8(ascii: "\r"), index + 1 < range.upperBound, source.bytes[index + 1] == UInt8(ascii: "\n") {
                    ending.append(UInt8(ascii: "\n"))
                    index += 1
                }
                lines.append(String(decoding: ending, as: UTF8.self))
            } else {
                line.append(byte)
            }
            index += 1
        }
        lines.append(TextEscaper.escape(String(decoding: line, as: UTF8.self)))
        let text = lines.joined()
        replace(range, with: text)
    }

    /// `nil` if two replacements overlap (the round then counts as stuck).
    /// An insertion inside a replaced span is dropped: the span is escaped
    /// as text whole, autolink triggers included.
    func apply(to bytes: [UInt8]) -> String? {
        let spans = replacements.keys.filter { !$0.isEmpty }
        let kept = replacements.filter { edit in
            !edit.key.isEmpty || !spans.contains { $0.lowerBound < edit.key.lowerBound && edit.key.lowerBound < $0.upperBound }
        }
        let sorted = kept.sorted { ($0.key.lowerBound, $0.key.upperBound) < ($1.key.lowerBound, $1.key.upperBound) }
        for (a, b) in zip(sorted, sorted.dropFirst()) where a.key.upperBound > b.key.lowerBound {
            return nil
        }
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count + sorted.count * 3)
        var index = 0
        for (range, text) in sorted {
            guard range.lowerBound >= index, range.upperBound <= bytes.count else { return nil }
            result += bytes[index..<range.lowerBound]
            result += Array(text.utf8)
            index = range.upperBound
        }
        result += bytes[index...]
        return String(decoding: result, as: UTF8.self)
    }
}

extension UInt8 {
    var isBlank: Bool { self == 0x20 || self == 0x09 || self == 0x0A || self == 0x0D }
    var isLetter: Bool { (0x61...0x7A).contains(self) || (0x41...0x5A).contains(self) }
}

extension String {
    var trimmingBlanks: String {
        var scalars = Substring(self)
        while let first = scalars.first, first == " " || first == "\t" || first == "\n" || first == "\r" || first == "\r\n" { scalars.removeFirst() }
        while let last = scalars.last, last == " " || last == "\t" || last == "\n" || last == "\r" || last == "\r\n" { scalars.removeLast() }
        return String(scalars)
    }
}
