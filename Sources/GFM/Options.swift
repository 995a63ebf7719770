import CCmarkGFM

/// Parser and renderer switches, mirroring cmark-gfm's `CMARK_OPT_*` flags.
///
/// Safe mode is cmark-gfm's default: raw HTML and `javascript:`-style links are
/// dropped unless `.unsafe` is set. Attune never sets it for anything a user typed.
package struct MarkdownOptions: OptionSet, Sendable, Hashable {
    package let rawValue: Int32
    package init(rawValue: Int32) { self.rawValue = rawValue }

    /// Record `line:column` of every block, needed for diagnostics.
    package static let sourcePositions = MarkdownOptions(rawValue: CMARK_OPT_SOURCEPOS)
    package static let hardBreaks = MarkdownOptions(rawValue: CMARK_OPT_HARDBREAKS)
    package static let noBreaks = MarkdownOptions(rawValue: CMARK_OPT_NOBREAKS)
    /// Replace invalid UTF-8 with U+FFFD instead of passing it through.
    package static let validateUTF8 = MarkdownOptions(rawValue: CMARK_OPT_VALIDATE_UTF8)
    package static let smartPunctuation = MarkdownOptions(rawValue: CMARK_OPT_SMART)
    package static let footnotes = MarkdownOptions(rawValue: CMARK_OPT_FOOTNOTES)
    /// Let raw HTML and dangerous URLs through. Only for trusted input.
    package static let unsafe = MarkdownOptions(rawValue: CMARK_OPT_UNSAFE)
}

/// The GitHub Flavored Markdown extensions that ship with cmark-gfm.
package enum GFMExtension: String, CaseIterable, Sendable {
    case table
    case tasklist
    case strikethrough
    case autolink
    /// Escapes the HTML tags GitHub disallows (`<script>`, `<iframe>`, ...).
    case tagfilter

    /// What GitHub itself enables for comments and READMEs.
    package static let github: [GFMExtension] = [.table, .tasklist, .strikethrough, .autolink, .tagfilter]
}
