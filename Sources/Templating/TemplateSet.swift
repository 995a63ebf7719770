import Diagnostics
import Foundation
import Mustache

/// The Mustache templates of `Templates/` (and any overlay folders), parsed
/// once and rendered with a strict context.
///
/// Names drop the `.mustache` suffix: `workbook.md.mustache` renders as
/// `workbook.md`, and other templates include it as `{{> workbook.md}}`.
/// Files without the suffix (a stylesheet, say) are assets: plain text the
/// pipeline passes into a context, never parsed as Mustache.
public struct TemplateSet: Sendable {
    private let library: MustacheLibrary
    private let sources: [String: SourceFile]
    private let assets: [String: SourceFile]

    public static let suffix = ".mustache"

    public init(layers: [[SourceFile]]) throws(DiagnosticError) {
        var library = MustacheLibrary()
        var sources: [String: SourceFile] = [:]
        var assets: [String: SourceFile] = [:]
        var diagnostics: [Diagnostic] = []
        for (file, _) in SourceFile.overlay(layers) {
            guard file.name.hasSuffix(Self.suffix) else {
                assets[file.name] = file
                continue
            }
            let name = Self.templateName(for: file.name)
            do {
                library.register(try MustacheTemplate(string: Self.prepare(file, name: name)), named: name)
                sources[name] = file
            } catch let error as MustacheTemplate.ParserError {
                diagnostics.append(.error(
                    "template cannot be parsed: \(Self.describe(error.error))",
                    at: SourceLocation(path: file.path, line: error.context.lineNumber, column: error.context.columnNumber)
                ))
            } catch {
                diagnostics.append(.error("template cannot be parsed: \(error)", at: SourceLocation(path: file.path, line: 1, column: 1)))
            }
        }
        if diagnostics.hasErrors { throw DiagnosticError(diagnostics) }
        self.library = library
        self.sources = sources
        self.assets = assets
    }

    /// A non-template file's text, e.g. `workbook.css`.
    public func asset(_ name: String) -> String? { assets[name]?.text }

    public var names: [String] { sources.keys.sorted() }

    public func contains(_ name: String) -> Bool { sources[name] != nil }

    /// Renders template `name` with `context`, a tree of structs, arrays and
    /// strings. Any name a template asks for that no value in the context
    /// provides is an error rather than an empty string: Mustache alone
    /// would hide the typo.
    public func render(_ name: String, context: Any) throws(DiagnosticError) -> String {
        guard let source = sources[name] else {
            throw DiagnosticError([.error("no template named '\(name)\(Self.suffix)'", at: SourceLocation(path: "Templates", line: 1, column: 1))])
        }
        let root = StrictRoot(context)
        let output = library.render(root, withTemplate: name) ?? ""
        let missing = root.missing
        guard missing.isEmpty else {
            throw DiagnosticError(missing.map { key in
                .error(
                    "'\(key)' is not in the \(name) context (\(root.available.joined(separator: ", ")))",
                    at: location(ofTag: key) ?? SourceLocation(path: source.path, line: 1, column: 1)
                )
            })
        }
        return output
    }

    /// Where a tag naming `key` first appears, searching every template.
    private func location(ofTag key: String) -> SourceLocation? {
        let pattern = "\\{\\{\\{?[#^/&]?\\s*" + NSRegularExpression.escapedPattern(for: key) + "\\s*\\}?\\}\\}"
        guard let regex = try? NSRegularExpression(pattern: pattern) else { return nil }
        for name in names {
            let file = sources[name]!
            let lines = file.text.split(separator: "\n", omittingEmptySubsequences: false)
            for (number, line) in lines.enumerated() {
                let text = String(line)
                if let match = regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)),
                   let range = Range(match.range, in: text) {
                    let column = text.unicodeScalars.distance(
                        from: text.unicodeScalars.startIndex, to: range.lowerBound.samePosition(in: text.unicodeScalars)!
                    ) + 1
                    return SourceLocation(path: file.path, line: number + 1, column: column)
                }
            }
        }
        return nil
    }

    static func templateName(for fileName: String) -> String {
        fileName.hasSuffix(suffix) ? String(fileName.dropLast(suffix.count)) : fileName
    }

    /// Markdown and plain-text templates must not HTML-escape: `&` in a
    /// therapist's answer is an ampersand, not `&amp;`. swift-mustache resets
    /// the content type in every partial, so each one gets the pragma.
    static func prepare(_ file: SourceFile, name: String) -> String {
        name.hasSuffix(".html") ? file.text : "{{% CONTENT_TYPE: TEXT}}" + file.text
    }

    static func describe(_ error: Error) -> String {
        guard let error = error as? MustacheTemplate.Error else { return "\(error)" }
        switch error {
        case .sectionCloseNameIncorrect: return "a section is closed with a different name than it was opened with"
        case .unfinishedName: return "a tag is not closed with '}}'"
        case .expectedSectionEnd: return "a section is opened but never closed"
        case .invalidSetDelimiter: return "invalid set-delimiter tag"
        case .invalidConfigVariableSyntax, .unrecognisedConfigVariable: return "invalid pragma"
        default: return "\(error)"
        }
    }
}
