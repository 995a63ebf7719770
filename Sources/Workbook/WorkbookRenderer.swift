import ContentModel
import Diagnostics
import Journal
import MarkdownSafety
import Templating

/// The two files a workbook is written as.
public enum OutputFormat: String, CaseIterable, Sendable, Comparable {
    case html
    case md

    public var fileExtension: String { rawValue }

    public static func < (lhs: Self, rhs: Self) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}

/// A finished workbook, in memory.
public struct RenderedWorkbook: Sendable {
    public var week: ISOWeek
    public var markdown: String
    public var html: String

    public func text(for format: OutputFormat) -> String {
        format == .html ? html : markdown
    }
}

/// journal + content → template context → Markdown → HTML.
public struct WorkbookRenderer: Sendable {
    public let resources: Resources

    public static let markdownTemplate = "workbook.md"
    public static let htmlTemplate = "workbook.html"
    public static let stylesheet = "workbook.css"

    public init(resources: Resources) {
        self.resources = resources
    }

    public func render(_ journal: Journal) throws(DiagnosticError) -> RenderedWorkbook {
        let context = WorkbookContext(journal: journal, content: resources.content)
        let markdown = try resources.templates.render(Self.markdownTemplate, context: context)
        // The page: the same template, each answer a placeholder for its own rendering.
        let slots = AnswerSlots(placeholders: true)
        let pageContext = WorkbookContext(journal: journal, content: resources.content, slots: slots)
        let pageMarkdown = try resources.templates.render(Self.markdownTemplate, context: pageContext)
        let focus = resources.content.week(journal.focus)!
        let layout = LayoutContext(
            lang: "en",
            title: "\(journal.week) · \(focus.title) · \(journal.therapist)",
            therapist: journal.therapist,
            week: journal.week.description,
            focusTitle: focus.title,
            stylesheet: resources.templates.asset(Self.stylesheet) ?? "",
            body: HTMLRenderer.render(pageMarkdown, answers: slots.pieces ?? []),
            contentFingerprint: resources.fingerprint
        )
        let html = try resources.templates.render(Self.htmlTemplate, context: layout)
        return RenderedWorkbook(week: journal.week, markdown: MarkdownSafety.neutralise(markdown), html: html)
    }
}
