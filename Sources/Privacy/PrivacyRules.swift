import Diagnostics
import Foundation

/// The user's own lists: names to always catch, phrases to let through.
///
/// Both are plain text, one entry per line, `#` starting a comment. The
/// names file holds real names, so it stays on the therapist's machine
/// (`.attune/` by default) and is only ever read.
package struct PrivacyRules: Sendable {
    /// Private names, each with where it was listed.
    package var names: [String]
    /// Allowed phrases, each with the place that allows it, e.g. `.attune/allow.txt:3`.
    package var allowed: [(phrase: String, source: String)]

    package init(names: [String] = [], allowed: [(phrase: String, source: String)] = []) {
        self.names = names
        self.allowed = allowed
    }

    package static let defaultNamesPath = ".attune/names.txt"
    package static let defaultAllowPath = ".attune/allow.txt"

    /// Reads the lists' text; a missing file is simply an empty list.
    package static func parse(names: SourceFile?, allow: SourceFile?) -> PrivacyRules {
        func entries(_ file: SourceFile?) -> [(String, Int)] {
            guard let file else { return [] }
            return file.text.split(separator: "\n", omittingEmptySubsequences: false).enumerated().compactMap { index, line in
                let text = line.trimmingCharacters(in: .whitespacesAndNewlines)
                return text.isEmpty || text.hasPrefix("#") ? nil : (text, index + 1)
            }
        }
        return PrivacyRules(
            names: entries(names).map(\.0),
            allowed: entries(allow).map { ($0.0, "\(allow!.path):\($0.1)") }
        )
    }

    func allowance(for text: String) -> String? {
        allowed.first { $0.phrase.caseInsensitiveCompare(text) == .orderedSame }?.source
    }
}
