import GFM

/// The one way Attune makes text safe to place in Markdown, for every
/// Markdown output (workbooks, shared workbooks, handouts, trends, the
/// site's downloads) and for the Markdown the HTML pages are rendered from.
///
/// "Safe" is checked the way a hostile viewer reads the file: re-parsed with
/// cmark-gfm and GitHub's extensions (table, strikethrough, autolink,
/// tagfilter, tasklist), the result has no raw HTML node (`html_block`,
/// `html_inline`), so a viewer that passes raw HTML through has nothing to
/// pass; no link or picture to an address `LinkPolicy` refuses; and, for
/// plain text, no link at all, so the reader sees exactly the characters
/// typed.
///
/// Two entry points, for the two kinds of text:
/// - `escapeText` for plain text (a name, a title, a prompt): every
///   character that could start markup in CommonMark, in GFM's autolink
///   extension or in HTML gets a backslash (or, for leading and trailing
///   blanks, an entity), so it is printed, never read as formatting.
/// - `neutralise` for Markdown a person or an overlay wrote (answers, notes,
///   card bodies, whole rendered documents): it is left byte for byte as
///   written, except that each raw-HTML span gets a backslash before its `<`
///   (so the tag is shown as text with every character visible), each link
///   or picture the policy refuses gets one before its `[`, `<` or `!`, and
///   a plain comment on a line of its own (`<!-- a note to self -->`),
///   invisible by intent, is left out.
package enum MarkdownSafety {
    /// Plain text, escaped so that a Markdown parser prints every character
    /// as typed. Line breaks become spaces: plain fields are one line.
    package static func escapeText(_ text: String) -> String {
        TextEscaper.escape(text)
    }

    /// Markdown made safe in place. `keeping` names raw-HTML blocks to leave
    /// alone: Attune's own `<!-- attune:NAME -->` markers on the way to HTML,
    /// which the HTML renderer replaces with markup it writes itself.
    package static func neutralise(_ markdown: String, keeping keep: @escaping (String) -> Bool = { _ in false }) -> String {
        Neutraliser(keep: keep).run(markdown)
    }

    /// How many parse-and-fix rounds `neutralise` tries before it gives up on
    /// editing in place and prints the whole text literally. Each round
    /// fixes every problem the parse shows; a second round is needed only
    /// when a fix uncovers markup inside the first (an HTML block whose inner
    /// lines become a paragraph with inline tags), so real text converges in
    /// two or three.
    static let maxRounds = 16
}
