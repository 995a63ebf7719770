import ContentModel
import Diagnostics
import MarkdownSafety
import Rendering

extension WorkbookRenderer {
    /// What a blank workbook prints where a journal's personal details go:
    /// a line to fill in by hand.
    package static let blankField = "________"

    /// The workbook for a curriculum week with no journal behind it (the
    /// site offers one per week to download): every prompt open, with
    /// writing space.
    ///
    /// It goes through the same week material, templates and HTML step as
    /// `render(_:)`, so a trainee who prints it gets the pages `attune build`
    /// would give them; only the therapist, week and dates are left as lines
    /// to fill in rather than a made-up name and week.
    package func renderBlank(_ week: Week) throws(DiagnosticError) -> RenderedWorkbook {
        let escape = MarkdownSafety.escapeText
        let blank = escape(Self.blankField)
        let context = WorkbookContext(
            title: escape(week.title), therapist: blank, week: blank, dates: blank,
            focusTitle: escape(week.title), focusSummary: escape(week.summary),
            material: WeekMaterial(week: week, content: resources.content), preamble: nil
        )
        let markdown = try resources.templates.render(Self.markdownTemplate, context: context)
        let layout = LayoutContext(
            title: "\(week.title) · blank workbook",
            byline: TherapistByline(therapist: Self.blankField),
            week: Self.blankField,
            focusTitle: week.title,
            stylesheet: resources.templates.asset(Self.stylesheet) ?? "",
            body: HTMLRenderer.render(markdown),
            contentFingerprint: resources.fingerprint
        )
        let html = try resources.templates.render(Self.htmlTemplate, context: layout)
        // No file is named after a blank workbook's week, and nothing shows
        // it: any real ISO week will do.
        return RenderedWorkbook(
            week: ISOWeek(year: 2026, week: 1)!, markdown: MarkdownSafety.neutralise(markdown), html: html,
            runningHead: "\(week.title) · blank workbook")
    }
}
