import ContentModel

/// The workbook's two text-safety tools, opened up so that other outputs
/// (cohort handouts) treat user text exactly as a workbook does, rather than
/// with a second, subtly different escaper or Markdown path.
public enum SafeMarkdown {
    /// Plain text (a name, a title) made safe to place in a Markdown template:
    /// printed literally, never read as formatting.
    public static func escape(_ text: String) -> String {
        MarkdownText.escape(text)
    }

    /// Markdown to an HTML fragment through cmark-gfm in safe mode, with the
    /// same `<!-- attune:NAME -->` directives (writing space) a workbook has.
    public static func html(_ markdown: String) -> String {
        HTMLRenderer.render(markdown)
    }
}

extension ISOWeek {
    /// The week's dates as a reader says them, e.g. "16–22 November 2026".
    public var readableDates: String { dateRange }
}
