import Diagnostics
import Foundation
import Yams

/// Reads typed fields out of a Yams node tree, recording a diagnostic with
/// the exact position for every problem instead of stopping at the first.
package struct YAMLFields {
    package let path: String
    /// Added to every line number, for YAML embedded in a larger file.
    package var lineOffset = 0
    package private(set) var diagnostics: [Diagnostic] = []

    package init(path: String, lineOffset: Int = 0) {
        self.path = path
        self.lineOffset = lineOffset
    }

    package func location(of node: Node?) -> SourceLocation {
        SourceLocation(path: path, line: (node?.mark?.line ?? 1) + lineOffset, column: node?.mark?.column ?? 1)
    }

    package mutating func error(_ message: String, at node: Node?) {
        diagnostics.append(.error(message, at: location(of: node)))
    }

    /// An alias used as a mapping key (see `parse`); there is no alias without `*`.
    private static let aliasKey = try! NSRegularExpression(pattern: #"(?m)^\s*\?\s+\*|[{,]\s*\*[^\s,}]+\s*:"#)

    /// Parses `text` into its single root node, or records why it cannot.
    package mutating func parse(_ text: String) -> Node? {
        // An alias used as a mapping key makes Yams hash the whole aliased
        // tree while checking for duplicate keys: exponential for an alias
        // bomb. Refuse before composing.
        if text.utf8.contains(UInt8(ascii: "*")),
           let match = Self.aliasKey.firstMatch(in: text, range: NSRange(location: 0, length: (text as NSString).length)),
           let range = Range(match.range, in: text) {
            let line = text[..<range.lowerBound].reduce(1) { $1 == "\n" ? $0 + 1 : $0 }
            diagnostics.append(.error(Self.aliasMessage, at: SourceLocation(path: path, line: line + lineOffset, column: 1)))
            return nil
        }
        do {
            // The encoding is named: Yams's default reads the whole environment on every parse.
            guard let root = try Yams.compose(yaml: text, .default, .default, .utf8) else { return nil }
            if text.contains("*"), let anchored = Self.firstAnchored(root) {
                error(Self.aliasMessage, at: anchored)
                return nil
            }
            return root
        } catch let error as YamlError {
            let (message, line, column) = Self.describe(error, in: text)
            diagnostics.append(.error(message, at: SourceLocation(path: path, line: line + lineOffset, column: column)))
            return nil
        } catch {
            diagnostics.append(.error("malformed YAML: \(error)", at: SourceLocation(path: path, line: 1 + lineOffset, column: 1)))
            return nil
        }
    }

    /// Text or a number, read as text. Decided from the scalar's style and
    /// spelling: asking Yams for the tag runs its regular expressions on
    /// every scalar, a quarter of `attune check`'s time.
    static func isText(_ scalar: Node.Scalar) -> Bool {
        let explicitTag = scalar.tag.description
        if !explicitTag.isEmpty, explicitTag != "!" { return explicitTag == Tag.Name.str.rawValue }
        guard scalar.style == .plain else { return true }
        return !notText.contains(scalar.string)
    }

    /// Plain scalars YAML reads as null or true/false rather than text.
    static let notText: Set<String> = [
        "", "~", "null", "Null", "NULL",
        "true", "True", "TRUE", "false", "False", "FALSE",
        "yes", "Yes", "YES", "no", "No", "NO", "on", "On", "ON", "off", "Off", "OFF",
    ]

    static let aliasMessage = "YAML anchors and aliases (&name, *name) are not supported; write the value out in full"

    /// The first node met twice, depth first. Yams resolves an alias to
    /// the very node its anchor named, source position included, so a
    /// second visit to one position is an alias. Walking stops there,
    /// before any aliased copy is expanded: linear even for an alias bomb.
    private static func firstAnchored(_ node: Node) -> Node? {
        var seen: Set<String> = []
        func visit(_ node: Node) -> Node? {
            if let mark = node.mark {
                let kind: String
                switch node {
                case .mapping: kind = "m"
                case .sequence: kind = "s"
                default: kind = "v"
                }
                if !seen.insert("\(kind)\(mark.line):\(mark.column)").inserted { return node }
            }
            switch node {
            case .mapping(let mapping):
                for (key, value) in mapping {
                    if let found = visit(key) ?? visit(value) { return found }
                }
            case .sequence(let sequence):
                for item in sequence {
                    if let found = visit(item) { return found }
                }
            default: break
            }
            return nil
        }
        return visit(node)
    }

    private static func describe(_ error: YamlError, in text: String) -> (String, Int, Int) {
        switch error {
        case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _),
             .composer(let context, let problem, let mark, _):
            if let hint = YAMLSyntaxHint(problem: problem, context: context, mark: mark, text: text) {
                return ("\(hint.message) (YAML: \(problem))", hint.line, hint.column)
            }
            return ("malformed YAML: \(problem)", mark.line, mark.column)
        case .duplicatedKeysInMapping(let duplicates, let context):
            let keys = duplicates.map { "'\($0)'" }.joined(separator: ", ")
            return ("duplicate key \(keys) in one mapping", context.mark.line, context.mark.column)
        case .reader(let problem, _, _, _):
            return ("unreadable YAML: \(problem)", 1, 1)
        default:
            return ("malformed YAML: \(error)", 1, 1)
        }
    }

    /// A whole file's top-level mapping, for the small files written by hand
    /// (`course.yaml`, `site.yaml`, a roster): a file over `maximumBytes`
    /// refused before it is parsed ("a course file is at most ..."), a
    /// byte-order mark skipped (an editor on Windows may write one), an
    /// empty file told `ifEmpty` (what to write in it), keys checked against
    /// `allowed`, and each problem named after "the `kind`". `nil` when there
    /// is nothing to read; `diagnostics` then say why.
    package mutating func fileMapping(
        _ file: SourceFile, kind: String, maximumBytes: Int? = nil, allowed: [String], ifEmpty: String
    ) -> Entries? {
        if let maximumBytes, file.text.utf8.count > maximumBytes {
            error("a \(kind) is at most \(maximumBytes) bytes; this one is \(file.text.utf8.count)", at: nil)
            return nil
        }
        var text = file.text
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        guard let root = parse(text) else {
            if diagnostics.isEmpty { error(ifEmpty, at: nil) }
            return nil
        }
        return mapping(root, named: "the \(kind)", allowed: allowed)
    }

    /// A mapping's entries keyed by their string keys, in file order.
    /// Records unknown keys against `allowed`.
    package mutating func mapping(_ node: Node, named what: String, allowed: [String]) -> Entries? {
        guard case .mapping(let mapping) = node else {
            error("\(what) must be a mapping of keys to values, not \(node.kindName)", at: node)
            return nil
        }
        var entries = Entries(node: node)
        for (key, value) in mapping {
            guard let name = key.string, case .scalar = key else {
                error("keys must be plain text", at: key)
                continue
            }
            if !allowed.contains(name) {
                let hint = Suggestion.closest(to: name, in: allowed).map { "; did you mean '\($0)'?" }
                    ?? " (expected one of: \(allowed.joined(separator: ", ")))"
                error("unknown field '\(name)' in \(what)\(hint)", at: key)
                continue
            }
            entries.values[name] = value
            entries.keys[name] = key
        }
        return entries
    }

    /// A required text field; records "missing" or "wrong type".
    package mutating func string(_ entries: Entries, _ key: String, in what: String) -> String? {
        guard let value = entries.values[key] else {
            error("\(what) is missing required field '\(key)'", at: entries.node)
            return nil
        }
        return string(value, field: key)
    }

    package mutating func optionalString(_ entries: Entries, _ key: String) -> String? {
        guard let value = entries.values[key] else { return nil }
        return string(value, field: key)
    }

    package mutating func string(_ value: Node, field: String) -> String? {
        guard case .scalar(let scalar) = value, Self.isText(scalar) else {
            error("field '\(field)' must be text, not \(value.kindName)", at: value)
            return nil
        }
        let text = scalar.string.trimmingTrailingNewlines
        if text.trimmingCharacters(in: .whitespaces).isEmpty {
            error("field '\(field)' must not be empty", at: value)
            return nil
        }
        return text
    }

    /// A list of text; a missing key is an empty list unless `required`.
    package mutating func strings(_ entries: Entries, _ key: String, in what: String, required: Bool = false) -> [(String, Node)] {
        guard let value = entries.values[key] else {
            if required { error("\(what) is missing required field '\(key)'", at: entries.node) }
            return []
        }
        guard case .sequence(let sequence) = value else {
            error("field '\(key)' must be a list, not \(value.kindName)", at: value)
            return []
        }
        if required && sequence.isEmpty {
            error("field '\(key)' must list at least one item", at: value)
        }
        return sequence.compactMap { item in string(item, field: key).map { ($0, item) } }
    }

    /// The items of a list field whose items are mappings.
    package mutating func list(_ entries: Entries, _ key: String) -> [Node] {
        guard let value = entries.values[key] else { return [] }
        guard case .sequence(let sequence) = value else {
            error("field '\(key)' must be a list, not \(value.kindName)", at: value)
            return []
        }
        return Array(sequence)
    }

    package struct Entries {
        package let node: Node
        var values: [String: Node] = [:]
        var keys: [String: Node] = [:]

        init(node: Node) { self.node = node }

        package subscript(key: String) -> Node? { values[key] }
    }
}

extension Node {
    /// How a user would name this kind of YAML value in an error.
    var kindName: String {
        switch self {
        case .mapping: return "a mapping"
        case .sequence: return "a list"
        case .alias: return "an alias"
        case .scalar:
            switch tag {
            case Tag(.null): return "empty"
            case Tag(.bool): return "true/false"
            case Tag(.int), Tag(.float): return "a number"
            default: return "text"
            }
        }
    }
}

extension String {
    var trimmingTrailingNewlines: String {
        var result = self
        while result.hasSuffix("\n") { result.removeLast() }
        return result
    }
}
