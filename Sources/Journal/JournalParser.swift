import ContentModel
import Diagnostics
import GFM
import Yams

/// Reads a journal file: YAML front matter, then one `##` section per prompt.
///
/// Sections are found in cmark-gfm's syntax tree rather than with regular
/// expressions, so a `##` inside a code block or a list is never mistaken
/// for a prompt. A `<!-- prompt: ID -->` comment above each heading ties the
/// answer to its prompt, so the therapist may reword the heading freely.
/// A heading without one is matched by the prompt's words, with or without
/// the number outputs print before them (see `PromptHeading`).
package struct JournalParser: Sendable {
    package let content: ContentModel

    package init(content: ContentModel) {
        self.content = content
    }

    package static let frontMatterKeys = ["therapist", "week", "focus", "private"]

    package func parse(_ file: SourceFile) throws(DiagnosticError) -> Journal {
        var diagnostics = InputLimits.check(file, maxBytes: InputLimits.journalBytes, kind: "journal")
        if !diagnostics.isEmpty { throw DiagnosticError(diagnostics) }
        var text = file.text.normalizingLineEndings
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        let lines = LineIndex(text)
        diagnostics = SlowInputGuard.check(lines, path: file.path)
        if !diagnostics.isEmpty { throw DiagnosticError(diagnostics) }
        func at(_ line: Int, _ column: Int = 1) -> SourceLocation {
            SourceLocation(path: file.path, line: line, column: column)
        }

        // Front matter: from a first line of `---` to the next `---`.
        guard lines.line(1) == "---" else {
            throw DiagnosticError([.error(
                "a journal starts with front matter: a '---' line, then therapist, week and focus, then '---'",
                at: at(1)
            )])
        }
        guard let close = (2...max(2, lines.lines.count)).first(where: { lines.line($0) == "---" }) else {
            throw DiagnosticError([.error("the front matter that starts here is never closed with a '---' line", at: at(1))])
        }
        let yaml = (2..<close).map { String(lines.line($0)) }.joined(separator: "\n")
        let header = readFrontMatter(yaml, path: file.path, firstLine: 2, closingLine: close, diagnostics: &diagnostics)

        // The body, with the front matter blanked so cmark's line numbers are the file's.
        let body = String(repeating: "\n", count: close) + lines.lines.dropFirst(close).joined(separator: "\n")
        let document = MarkdownDocument(body)
        let sections = SectionSplitter(lines: lines, path: file.path, content: content).split(document, firstLine: close + 1, diagnostics: &diagnostics)
        // Each answer, and the text before the prompts, is rendered on its own.
        if let preamble = sections.preamble, let line = sections.preambleLine, let problem = InputLimits.tooLarge(
            preamble, limit: InputLimits.answerBytes, what: "the text before the first prompt",
            at: at(line)) {
            diagnostics.append(problem)
        }
        for answer in sections.answers {
            if let problem = InputLimits.tooLarge(answer.markdown, limit: InputLimits.answerBytes, what: "this answer", per: "one answer", at: answer.location) {
                diagnostics.append(problem)
            }
        }

        let ruptureLog = readRuptureLog(sections.answers, document: document, lines: lines, path: file.path,
                                        week: header?.week, diagnostics: &diagnostics)

        if diagnostics.hasErrors { throw DiagnosticError(diagnostics.sortedByLocation) }
        guard let header else { throw DiagnosticError(diagnostics) }
        var journal = Journal(
            path: file.path, therapist: header.therapist, week: header.week, weekLocation: header.weekLocation,
            focus: header.focus,
            preamble: sections.preamble, answers: sections.answers,
            isPrivate: header.isPrivate, privatePrompts: header.privatePrompts
        )
        journal.preambleLine = sections.preambleLine
        journal.ruptureLog = ruptureLog
        return journal
    }

    struct FrontMatter {
        var therapist: String
        var week: ISOWeek
        var weekLocation: SourceLocation
        var focus: String
        var isPrivate = false
        var privatePrompts: Set<String> = []
    }

    private func readFrontMatter(
        _ yaml: String, path: String, firstLine: Int, closingLine: Int, diagnostics: inout [Diagnostic]
    ) -> FrontMatter? {
        var fields = YAMLFields(path: path, lineOffset: firstLine - 1)
        defer { diagnostics += fields.diagnostics }
        guard let root = fields.parse(yaml) else {
            if fields.diagnostics.isEmpty {
                fields.error("the front matter is empty: it needs therapist, week and focus", at: nil)
            }
            return nil
        }
        guard let entries = fields.mapping(root, named: "the front matter", allowed: Self.frontMatterKeys) else { return nil }
        let therapist = fields.string(entries, "therapist", in: "the front matter")
        var week: ISOWeek?
        if let value = fields.string(entries, "week", in: "the front matter") {
            week = ISOWeek(value)
            if week == nil {
                fields.error("week '\(value)' is not an ISO week such as 2026-W47", at: entries["week"])
            }
        }
        var focus: String?
        if let value = fields.string(entries, "focus", in: "the front matter") {
            if content.week(value) != nil {
                focus = value
            } else {
                let hint = Suggestion.closest(to: value, in: content.weeks.map(\.id)).map { "; did you mean '\($0)'?" }
                    ?? " (see 'attune new --help' for the curriculum's weeks)"
                fields.error("unknown focus '\(value)'\(hint)", at: entries["focus"])
            }
        }
        let (isPrivate, privatePrompts) = readPrivate(entries["private"], fields: &fields)
        guard let therapist, let week, let focus else { return nil }
        return FrontMatter(
            therapist: therapist, week: week, weekLocation: fields.location(of: entries["week"]), focus: focus,
            isPrivate: isPrivate, privatePrompts: privatePrompts
        )
    }

    /// `private: true`, `private: false`, or a list of prompt IDs.
    private func readPrivate(_ node: Node?, fields: inout YAMLFields) -> (Bool, Set<String>) {
        guard let node else { return (false, []) }
        if case .scalar = node, let flag = node.bool { return (flag, []) }
        guard case .sequence(let items) = node else {
            fields.error("'private' must be true, false, or a list of prompt IDs", at: node)
            return (false, [])
        }
        var ids: Set<String> = []
        for item in items {
            guard let id = fields.string(item, field: "private") else { continue }
            if content.prompt(id) == nil && id != RuptureLog.sectionID {
                let hint = Suggestion.closest(to: id, in: content.prompts.map(\.id)).map { "; did you mean '\($0)'?" } ?? ""
                fields.error("unknown prompt '\(id)' in 'private'\(hint)", at: item)
            } else {
                ids.insert(id)
            }
        }
        return (false, ids)
    }
}
