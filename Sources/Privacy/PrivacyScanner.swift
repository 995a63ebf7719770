import Diagnostics
import Foundation

/// Finds likely client identifiers in prose, following the HIPAA Safe
/// Harbor categories that can appear in a reflective journal.
///
/// Patterns err towards catching too much: a false positive costs the
/// therapist one line in an allow-list, a miss can cost a client their
/// privacy. Allowances never hide a finding: they are reported as notes.
public struct PrivacyScanner: Sendable {
    public let rules: PrivacyRules
    private let patterns: [Pattern]

    public init(rules: PrivacyRules = PrivacyRules()) {
        self.rules = rules
        self.patterns = Pattern.standard(names: rules.names)
    }

    /// Every finding in `text`, whose first line is line `firstLine` of
    /// `path`, in reading order. Allowed findings are included, marked.
    public func scan(_ text: String, path: String, firstLine: Int = 1) -> [Finding] {
        let matches = self.matches(in: text)
        let markers = InlineAllowance.markers(in: text)
        let lines = LineIndex(text)
        return matches.map { match in
            let (line, column) = Self.position(of: match.range, in: text, lines: lines)
            let location = SourceLocation(path: path, line: firstLine + line - 1, column: column)
            var allowedBy = rules.allowance(for: match.text)
            if allowedBy == nil, let marker = markers.first(where: { $0.phrase.caseInsensitiveCompare(match.text) == .orderedSame }) {
                allowedBy = "the inline marker at \(path):\(firstLine + marker.line - 1)"
            }
            return Finding(category: match.category, text: match.text, location: location, allowedBy: allowedBy)
        }
    }

    /// `text` with every finding that is not allowed replaced by its
    /// category (`[name]`, `[date]`), and how many were replaced.
    public func redact(_ text: String) -> (text: String, replaced: Int) {
        let markers = InlineAllowance.markers(in: text)
        let ns = NSMutableString(string: text)
        var replaced = 0
        for match in matches(in: text).reversed() {
            let allowed = rules.allowance(for: match.text) != nil
                || markers.contains { $0.phrase.caseInsensitiveCompare(match.text) == .orderedSame }
            guard !allowed else { continue }
            ns.replaceCharacters(in: match.range, with: match.category.placeholder)
            replaced += 1
        }
        return (ns as String, replaced)
    }

    struct Match {
        var category: IdentifierCategory
        var range: NSRange
        var text: String
    }

    /// Candidate matches, overlaps resolved in favour of the more specific
    /// pattern (an e-mail address is not also a name and a URL).
    func matches(in text: String, skippingByFeatures: Bool = true) -> [Match] {
        let ns = text as NSString
        let whole = NSRange(location: 0, length: ns.length)
        let excluded = InlineAllowance.markerRanges(in: text)
        var accepted: [Match] = []
        let features = TextFeatures(of: text)
        for pattern in patterns where !skippingByFeatures || features.allows(pattern.needs) {
            for result in pattern.regex.matches(in: text, range: whole) {
                guard let range = pattern.accept(result, ns) else { continue }
                if excluded.contains(where: { NSIntersectionRange($0, range).length > 0 }) { continue }
                if accepted.contains(where: { NSIntersectionRange($0.range, range).length > 0 }) { continue }
                accepted.append(Match(category: pattern.category, range: range, text: ns.substring(with: range)))
            }
        }
        return accepted.sorted { $0.range.location < $1.range.location }
    }

    /// 1-based line within `text` and 1-based Unicode-scalar column.
    static func position(of range: NSRange, in text: String, lines: LineIndex) -> (Int, Int) {
        let start = String.Index(utf16Offset: range.location, in: text)
        let before = text[..<start]
        let line = before.reduce(1) { $1 == "\n" ? $0 + 1 : $0 }
        let lineStart = before.lastIndex(of: "\n").map { text.index(after: $0) } ?? text.startIndex
        let column = text.unicodeScalars[lineStart..<start].count + 1
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
