import Diagnostics
import Files
import Journal
import Privacy

/// Runs the privacy scanner over what a journal would contribute to an
/// output, and prepares the journal for sharing.
package struct PrivacyGuard: Sendable {
    package let scanner: PrivacyScanner

    /// Stands in for an answer marked private in a shared workbook.
    package static let keptPrivate = "*Kept private: not part of the shared copy.*"

    package init(rules: PrivacyRules) {
        scanner = PrivacyScanner(rules: rules)
    }

    /// Reads `.attune/names.txt` and `.attune/allow.txt` (or the files
    /// given) when they exist; missing files are empty lists.
    package static func loadRules(
        names: String = PrivacyRules.defaultNamesPath, allow: String = PrivacyRules.defaultAllowPath,
        fileSystem: FileSystem
    ) throws(DiagnosticError) -> PrivacyRules {
        func read(_ path: String) throws(DiagnosticError) -> SourceFile? {
            guard fileSystem.fileExists(at: path) else { return nil }
            do {
                return SourceFile(path: path, name: path, text: try fileSystem.readText(at: path))
            } catch {
                throw DiagnosticError([.error("cannot be read: \(error)", at: SourceLocation(path: path, line: 1, column: 1))])
            }
        }
        let lists = [try read(names), try read(allow)]
        // Bounded before each line is read as a phrase to look for.
        let unsafe = lists.compactMap { $0 }.flatMap { InputLimits.check($0, maxBytes: InputLimits.listBytes, kind: "list") }
        if !unsafe.isEmpty { throw DiagnosticError(unsafe) }
        return PrivacyRules.parse(names: lists[0], allow: lists[1])
    }

    /// Every finding in the parts of `journal` that could be shared: the
    /// answers not marked private, and the text before the first prompt.
    package func findings(in journal: Journal) -> [Finding] {
        guard !journal.isPrivate else { return [] }
        var findings: [Finding] = []
        if let preamble = journal.preamble, let line = journal.preambleLine {
            findings += scanner.scan(preamble, path: journal.path, firstLine: line)
        }
        for answer in journal.answers where !journal.privatePrompts.contains(answer.promptID) && !answer.isEmpty {
            findings += scanner.scan(answer.markdown, path: journal.path, firstLine: answer.firstLine)
        }
        return findings
    }

    /// The journal as a supervisor may see it: private answers removed and,
    /// when `redact` is set, every finding replaced by its category.
    package func shareable(_ journal: Journal, redact: Bool) -> (journal: Journal, redactions: Int) {
        var shared = journal
        var count = 0
        shared.answers = journal.answers.map { answer in
            var copy = answer
            if journal.privatePrompts.contains(answer.promptID) {
                copy.markdown = answer.isEmpty ? "" : Self.keptPrivate
                return copy
            }
            guard redact else { return answer }
            let (text, replaced) = scanner.redact(answer.markdown, markdown: true)
            copy.markdown = text
            count += replaced
            return copy
        }
        if redact, let preamble = journal.preamble {
            let (text, replaced) = scanner.redact(preamble, markdown: true)
            shared.preamble = text
            count += replaced
        }
        return (shared, count)
    }
}
