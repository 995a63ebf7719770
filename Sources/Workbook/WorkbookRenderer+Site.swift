import ContentModel
import Diagnostics
import Journal
import MarkdownSafety
import Rendering

extension WorkbookRenderer {
    /// What a blank workbook prints where a journal's personal details go:
    /// a line to fill in by hand.
    public static let blankField = "________"

    /// The workbook for a curriculum week with no journal behind it, for the
    /// site's downloads: every prompt open, with writing space.
    ///
    /// It goes through the same context, templates and HTML step as
    /// `render(_:)`, so a trainee who prints it gets the pages `attune build`
    /// would give them; only the therapist, week and dates are left as lines
    /// to fill in rather than a made-up name and week.
    public func renderBlank(_ week: Week) throws(DiagnosticError) -> RenderedWorkbook {
        // Any real ISO week will do: every field that shows it is replaced below.
        let journal = Journal(
            path: week.location.path, therapist: Self.blankField, week: ISOWeek(year: 2026, week: 1)!,
            weekLocation: week.location, focus: week.id
        )
        let filled = WorkbookContext(journal: journal, content: resources.content)
        let blank = MarkdownSafety.escapeText(Self.blankField)
        let context = WorkbookContext(
            title: MarkdownSafety.escapeText(week.title), therapist: blank, week: blank, dates: blank,
            focusTitle: filled.focusTitle, focusSummary: filled.focusSummary, cards: filled.cards,
            reflections: filled.reflections, wishes: filled.wishes, preamble: nil,
            references: filled.references, codebook: filled.codebook
        )
        let markdown = try resources.templates.render(Self.markdownTemplate, context: context)
        let layout = LayoutContext(
            lang: "en",
            title: "\(week.title) · blank workbook",
            therapist: Self.blankField,
            week: Self.blankField,
            focusTitle: week.title,
            stylesheet: resources.templates.asset(Self.stylesheet) ?? "",
            body: HTMLRenderer.render(markdown),
            contentFingerprint: resources.fingerprint
        )
        let html = try resources.templates.render(Self.htmlTemplate, context: layout)
        return RenderedWorkbook(
            week: journal.week, markdown: MarkdownSafety.neutralise(markdown), html: html,
            runningHead: "\(week.title) · blank workbook")
    }
}
