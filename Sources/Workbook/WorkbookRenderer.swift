import ContentModel
import Diagnostics
import Foundation
import Journal
import MarkdownSafety
import Rendering
import Templating

/// A finished workbook, in memory.
package struct RenderedWorkbook: Sendable {
    package var week: ISOWeek
    package var markdown: String
    package var html: String
    /// Printed from `html` when PDF is asked for.
    package var pdf: Data?

    /// The file's bytes in `format` (PDF only once printed).
    package func data(for format: OutputFormat) -> Data {
        switch format {
        case .html: return Data(html.utf8)
        case .md: return Data(markdown.utf8)
        case .pdf: return pdf ?? Data()
        }
    }

    /// Printed at the top of each PDF page.
    package var runningHead: String
}

/// journal + content → template context → Markdown → HTML.
package struct WorkbookRenderer: Sendable {
    package let resources: Resources

    package static let markdownTemplate = "workbook.md"
    package static let htmlTemplate = "workbook.html"
    package static let stylesheet = Resources.pageStylesheet

    package init(resources: Resources) {
        self.resources = resources
    }

    package func render(_ journal: Journal) throws(DiagnosticError) -> RenderedWorkbook {
        let context = WorkbookContext(journal: journal, content: resources.content)
        let markdown = try resources.templates.render(Self.markdownTemplate, context: context)
        // The page: the same template, each answer a placeholder for its own rendering.
        let slots = AnswerSlots(placeholders: true)
        let pageContext = WorkbookContext(journal: journal, content: resources.content, slots: slots)
        let pageMarkdown = try resources.templates.render(Self.markdownTemplate, context: pageContext)
        let focus = resources.content.week(journal.focus)!
        let layout = LayoutContext(
            title: "\(journal.week) · \(focus.title) · \(journal.therapist)",
            byline: TherapistByline(therapist: journal.therapist),
            week: journal.week.description,
            focusTitle: focus.title,
            stylesheet: resources.templates.asset(Self.stylesheet) ?? "",
            body: HTMLRenderer.render(pageMarkdown, answers: slots.pieces ?? []),
            contentFingerprint: resources.fingerprint
        )
        let html = try resources.templates.render(Self.htmlTemplate, context: layout)
        return RenderedWorkbook(
            week: journal.week, markdown: MarkdownSafety.neutralise(markdown), html: html,
            runningHead: "\(journal.week) · \(focus.title) · \(journal.therapist)")
    }
}
