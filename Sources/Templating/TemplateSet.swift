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
package struct TemplateSet: Sendable {
    private let library: MustacheLibrary
    private let sources: [String: SourceFile]
    private let assets: [String: SourceFile]

    package static let suffix = ".mustache"

    package init(layers: [[SourceFile]]) throws(DiagnosticError) {
        HTMLEscaping.register()
        var library = MustacheLibrary()
        var sources: [String: SourceFile] = [:]
        var assets: [String: SourceFile] = [:]
        var diagnostics: [Diagnostic] = []
        for (file, _) in SourceFile.overlay(layers) {
            let unsafe = InputLimits.check(file, maxBytes: InputLimits.templateBytes, kind: file.name.hasSuffix(Self.suffix) ? "template" : "stylesheet")
            guard unsafe.isEmpty else {
                diagnostics += unsafe
                continue
            }
            guard file.name.hasSuffix(Self.suffix) else {
                let escapes = InlineAssetCheck.problems(in: file)
                guard escapes.isEmpty else {
                    diagnostics += escapes
                    continue
                }
                assets[file.name] = file
                continue
            }
            let escapes = HTMLTemplateCheck.problems(in: file)
            guard escapes.isEmpty else {
                diagnostics += escapes
                continue
            }
            let name = Self.templateName(for: file.name)
            do {
                library.register(try MustacheTemplate(string: Self.prepare(file, name: name)), named: name)
                sources[name] = file
            } catch let error as MustacheTemplate.ParserError {
                diagnostics.append(Self.diagnostic(for: error, in: file, name: name))
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
    package func asset(_ name: String) -> String? { assets[name]?.text }

    package var names: [String] { sources.keys.sorted() }

    package func contains(_ name: String) -> Bool { sources[name] != nil }

    /// Renders template `name` with `context`, a tree of `Encodable` structs,
    /// arrays and strings. Any name a template asks for that no value in the context
    /// provides is an error rather than an empty string: Mustache alone
    /// would hide the typo.
    package func render(_ name: String, context: some Encodable) throws(DiagnosticError) -> String {
        guard let source = sources[name] else {
            throw DiagnosticError([.error("no template named '\(name)\(Self.suffix)'", at: SourceLocation(path: "Templates", line: 1, column: 1))])
        }
        let root: StrictRoot
        do {
            root = try StrictRoot(context)
        } catch {
            throw DiagnosticError([.error("the \(name) context cannot be read: \(error)", at: SourceLocation(path: source.path, line: 1, column: 1))])
        }
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
    /// therapist's answer is an ampersand, not `&amp;`. HTML templates escape
    /// with `HTMLEscaping`. swift-mustache resets the content type in every
    /// partial, so each one gets the pragma.
    static func prepare(_ file: SourceFile, name: String) -> String {
        pragma(for: name) + file.text
    }

    static func pragma(for name: String) -> String {
        name.hasSuffix(".html") ? "{{% CONTENT_TYPE: \(HTMLEscaping.name)}}" : "{{% CONTENT_TYPE: TEXT}}"
    }

    /// A parse error as a diagnostic at the tag that is wrong, in the file as
    /// written. swift-mustache places an unclosed section at the end of the
    /// file, counts columns in Characters from the last `"\n"` Character (a
    /// CRLF is one Character, so it never starts a line), and sees the pragma
    /// `prepare` puts in front of line 1.
    static func diagnostic(for error: MustacheTemplate.ParserError, in file: SourceFile, name: String) -> Diagnostic {
        let text = file.text
        let unclosed = (error.error as? MustacheTemplate.Error).map { if case .expectedSectionEnd = $0 { true } else { false } } ?? false
        if unclosed, let section = unclosedSection(in: text) {
            return .error(
                "template cannot be parsed: section '\(section.name)' is opened but never closed",
                at: location(of: section.start, in: file)
            )
        }
        var context = error.context
        if text.contains("\r\n") {
            let lf = SourceFile(path: file.path, name: file.name, text: text.replacingOccurrences(of: "\r\n", with: "\n"))
            do { _ = try MustacheTemplate(string: prepare(lf, name: name)) } catch let again as MustacheTemplate.ParserError {
                context = again.context
            } catch {}
        }
        let lines = LineIndex(text)
        let lineNumber = min(max(context.lineNumber, 1), lines.lines.count)
        let line = lines.line(lineNumber)
        let offset = context.columnNumber - 1 - (lineNumber == 1 ? pragma(for: name).count : 0)
        var index = line.index(line.startIndex, offsetBy: max(offset, 0), limitedBy: line.endIndex) ?? line.endIndex
        // The parser stops inside or after the tag it could not read; point at the tag's start.
        if !unclosed, let open = text[..<index].range(of: "{{", options: .backwards) {
            index = open.lowerBound
            while index > text.startIndex, text[text.index(before: index)] == "{" { index = text.index(before: index) }
        }
        return .error("template cannot be parsed: \(describe(error.error))", at: location(of: index, in: file))
    }

    /// The innermost section tag (`{{#name}}`, `{{^name}}`, ...) with no matching `{{/name}}`.
    static func unclosedSection(in text: String) -> (name: String, start: String.Index)? {
        guard let regex = try? NSRegularExpression(pattern: #"\{\{\s*([#^$</])\s*([^\s}]+)\s*\}\}"#) else { return nil }
        var open: [(name: String, start: String.Index)] = []
        for match in regex.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
            guard let tag = Range(match.range, in: text), let kind = Range(match.range(at: 1), in: text),
                  let name = Range(match.range(at: 2), in: text) else { continue }
            if text[kind] != "/" {
                open.append((String(text[name]), tag.lowerBound))
            } else if open.last?.name == String(text[name]) {
                open.removeLast()
            }
        }
        return open.last
    }

    /// 1-based line and Unicode-scalar column of `index` in `file`.
    static func location(of index: String.Index, in file: SourceFile) -> SourceLocation {
        let before = file.text.unicodeScalars[..<index]
        let lineStart = before.lastIndex(of: "\n").map { before.index(after: $0) } ?? before.startIndex
        return SourceLocation(
            path: file.path,
            line: before.reduce(1) { $1 == "\n" ? $0 + 1 : $0 },
            column: before[lineStart...].count + 1
        )
    }

    static func describe(_ error: Error) -> String {
        guard let error = error as? MustacheTemplate.Error else {
            // swift-mustache's reader runs off the end inside an unclosed tag.
            if String(reflecting: error) == "Mustache.Parser.Error.overflow" { return "a tag is not closed with '}}'" }
            return "\(error)"
        }
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
