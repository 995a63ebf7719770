import ContentModel

/// The workbook's HTML step, opened up so that other outputs (cohort
/// handouts, the form) render Markdown exactly as a workbook does, rather
/// than with a second, subtly different Markdown path. (Text for Markdown
/// goes through `MarkdownSafety`, shared by every output.)
package enum SafeMarkdown {
    /// Markdown to an HTML fragment through cmark-gfm in safe mode, with the
    /// same `<!-- attune:NAME -->` directives (writing space) a workbook has.
    package static func html(_ markdown: String) -> String {
        HTMLRenderer.render(markdown)
    }
}
