import Diagnostics
import Foundation

/// Finds likely client identifiers in prose, following the HIPAA Safe
/// Harbor categories that can appear in a reflective journal.
///
/// It scans what a reader will see (`NormalizedText`), with hand-written
/// linear scanners (`Detector`), and reports each finding at its exact
/// source line and column. Patterns err towards catching too much: a false
/// positive costs the therapist one line in an allow-list, a miss can cost
/// a client their privacy. Allowances never hide a finding: they are
/// reported as notes.
package struct PrivacyScanner: Sendable {
    package let rules: PrivacyRules
    private let names: NamesList

    package init(rules: PrivacyRules = PrivacyRules()) {
        self.rules = rules
        self.names = NamesList(rules.names)
    }

    /// Every finding in `text`, whose first line is line `firstLine` of
    /// `path`, in reading order. Allowed findings are included, marked.
    package func scan(_ text: String, path: String, firstLine: Int = 1) -> [Finding] {
        let matches = allowances(in: text, path: path, firstLine: firstLine)
        guard !matches.isEmpty else { return [] }
        var positions = LinePositions(text)
        return matches.map { match, allowedBy in
            let (line, column) = positions.position(ofUTF16: match.range.location)
            let location = SourceLocation(path: path, line: firstLine + line - 1, column: column)
            return Finding(category: match.category, text: match.text, location: location, allowedBy: allowedBy)
        }
    }

    /// `text` with every finding that is not allowed replaced, whole, by
    /// its category (`[name]`, `[date]`), and how many were replaced.
    /// With `markdown`, a placeholder that would take part in Markdown
    /// syntax is written with escaped brackets: "Maria(https://x)" must not
    /// become the link `[name]([url])`, nor "Maria: https://x" at a line's
    /// start the definition `[name]: [url]` that turns every later `[name]`
    /// into a link. Elsewhere it stays `[name]`, so a rupture log's YAML in
    /// a fenced block (`client: [name]`) reads as it did.
    package func redact(_ text: String, markdown: Bool = false) -> (text: String, replaced: Int) {
        let matches = allowances(in: text, path: "", firstLine: 1)
        guard !matches.isEmpty else { return (text, 0) }
        let source = text as NSString
        var pieces: [String] = []
        var replaced = 0
        var cursor = 0
        for (match, allowedBy) in matches where allowedBy == nil && match.range.location >= cursor {
            pieces.append(source.substring(with: NSRange(location: cursor, length: match.range.location - cursor)))
            let end = match.range.location + match.range.length
            if markdown && Self.placeholderWouldBeSyntax(in: source, before: match.range.location, after: end) {
                // A "(" or "<" just before would open a link destination the
                // placeholder completes ("[a](Maria Lopez)" had a space and was
                // text; "[a](\[name\])" would be a link): it is escaped too,
                // which a reader of the rendered copy never sees.
                let location = match.range.location
                if location > 0, "(<".utf16.contains(source.character(at: location - 1)),
                   location < 2 || source.character(at: location - 2) != UInt16(UInt8(ascii: "\\")),
                   let last = pieces.last, !last.isEmpty {
                    pieces[pieces.count - 1] = String(last.dropLast()) + "\\" + String(last.last!)
                }
                pieces.append("\\[\(match.category.rawValue)\\]")
            } else {
                pieces.append(match.category.placeholder)
            }
            cursor = end
            replaced += 1
        }
        pieces.append(source.substring(from: cursor))
        return (pieces.joined(), replaced)
    }

    /// Whether a `[...]` put between `before` and `after` would be read as
    /// part of a link, a picture or a link reference definition.
    static func placeholderWouldBeSyntax(in source: NSString, before: Int, after: Int) -> Bool {
        // After "[", "]", "!", "(" or "<": inside a link's text or destination.
        if before > 0, "[]!(<".utf16.contains(source.character(at: before - 1)) {
            return true
        }
        var index = after
        while index < source.length, source.character(at: index) == 0x20 || source.character(at: index) == 0x09 { index += 1 }
        guard index < source.length else { return false }
        return "([:".utf16.contains(source.character(at: index))
    }

    /// Each match with what allows it, if anything: a match inside an
    /// occurrence of an allowed phrase (from the allow-list, or an inline
    /// marker in the same text) is allowed, so "River Song" on the list
    /// covers a finding of "Song" alone.
    func allowances(in text: String, path: String, firstLine: Int) -> [(Match, allowedBy: String?)] {
        let matches = self.matches(in: text)
        guard !matches.isEmpty else { return [] }
        var phrases = rules.allowed.map { ($0.phrase, $0.source) }
        for marker in InlineAllowance.markers(in: text) {
            phrases.append((marker.phrase, "the inline marker at \(path):\(firstLine + marker.line - 1)"))
        }
        guard !phrases.isEmpty else { return matches.map { ($0, nil) } }
        let source = text as NSString
        var allowedRanges: [(NSRange, String)] = []
        for (phrase, origin) in phrases where !phrase.isEmpty {
            var searchFrom = 0
            while searchFrom < source.length {
                let found = source.range(of: phrase, options: [.caseInsensitive, .diacriticInsensitive],
                                         range: NSRange(location: searchFrom, length: source.length - searchFrom))
                guard found.location != NSNotFound else { break }
                // Whole words only: "Lee" on the list does not allow "Leeds".
                let before = found.location > 0 ? source.character(at: found.location - 1) : 32
                let after = NSMaxRange(found) < source.length ? source.character(at: NSMaxRange(found)) : 32
                if !Self.isWordUnit(before), !Self.isWordUnit(after) { allowedRanges.append((found, origin)) }
                searchFrom = found.location + max(found.length, 1)
            }
        }
        return matches.map { match in
            let allowance = allowedRanges.first { NSIntersectionRange($0.0, match.range) == match.range }?.1
            return (match, allowance ?? rules.allowance(for: match.text))
        }
    }

    private static func isWordUnit(_ unit: unichar) -> Bool {
        guard let scalar = Unicode.Scalar(unit) else { return true }
        return scalar.properties.isAlphabetic || ("0"..."9").contains(scalar)
    }

    struct Match {
        var category: IdentifierCategory
        /// UTF-16 range in the source text.
        var range: NSRange
        /// The source text of the finding, as typed.
        var text: String
    }

    /// Candidate matches in reading order; where two overlap, the earlier
    /// scanner (the more specific kind) wins.
    func matches(in text: String) -> [Match] {
        let normalized = NormalizedText(text)
        guard normalized.count > 0 else { return [] }
        var detector = Detector(text: normalized, names: names)
        let excluded = InlineAllowance.markerRanges(in: text)
        let source = text as NSString
        return detector.run().compactMap { candidate in
            let range = normalized.sourceRange(candidate.range)
            if excluded.contains(where: { NSIntersectionRange($0, range).length > 0 }) { return nil }
            return Match(category: candidate.category, range: range, text: source.substring(with: range))
        }
    }
}

/// Line and column of UTF-16 offsets, asked in increasing order: one pass
/// over the text for all findings, not one per finding (counting from the
/// line's start for each finding made 4,000 findings on one 64 KiB line
/// take seconds).
struct LinePositions {
    private let units: [UInt16]
    private var offset = 0
    private var line = 1
    private var column = 1

    init(_ text: String) { units = Array(text.utf16) }

    /// 1-based line, and 1-based column counted in Unicode scalars.
    mutating func position(ofUTF16 target: Int) -> (Int, Int) {
        if target < offset { offset = 0; line = 1; column = 1 }
        while offset < target, offset < units.count {
            if units[offset] == 0x0A {
                line += 1
                column = 1
            } else if !UTF16.isTrailSurrogate(units[offset]) {
                column += 1
            }
            offset += 1
        }
        return (line, column)
    }
}

/// `<!-- privacy: allow "Harbour Street" -->` inside an answer lets that
/// phrase through in that answer only, and says so in every report.
enum InlineAllowance {
    static let regex = try! NSRegularExpression(pattern: #"<!--\s*privacy:\s*allow\s+"([^"\n]+)"\s*-->"#)

    static func markers(in text: String) -> [(phrase: String, line: Int)] {
        guard text.firstByteRange(of: "<!--") != nil else { return [] }
        let ns = text as NSString
        return regex.matches(in: text, range: NSRange(location: 0, length: ns.length)).map { result in
            let line = ns.substring(to: result.range.location).reduce(1) { $1 == "\n" ? $0 + 1 : $0 }
            return (ns.substring(with: result.range(at: 1)), line)
        }
    }

    static func markerRanges(in text: String) -> [NSRange] {
        guard text.firstByteRange(of: "<!--") != nil else { return [] }
        return regex.matches(in: text, range: NSRange(location: 0, length: (text as NSString).length)).map(\.range)
    }
}
