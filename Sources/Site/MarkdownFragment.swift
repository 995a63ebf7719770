import GFM
import MarkdownSafety
import Templating

/// Renders the content's Markdown fields (`body`, `intro`, `citation`) as
/// HTML fragments for a page.
///
/// The same cmark-gfm path as the workbook: safe mode, GitHub's extensions,
/// so raw HTML or a `javascript:` link in a supervisor's content never
/// reaches the site. Headings inside a fragment are moved below the heading
/// that holds it (a `#` in a card body becomes an `h3` under the card's
/// `h2`), so every page keeps one `h1` and an unbroken heading order.
enum MarkdownFragment {
    static func html(_ markdown: String, headingsBelow level: Int) -> String {
        // Raw HTML shown as text, refused links as text: the workbook's rule.
        let document = MarkdownDocument(MarkdownSafety.neutralise(markdown), options: [.validateUTF8])
        let headings = document.node.descendants.filter { $0.kind == .heading }
        if let top = headings.map(\.headingLevel).min() {
            for heading in headings {
                let shifted = min(6, level + 1 + heading.headingLevel - top)
                heading.replace(withTrustedHTML: "<h\(shifted)>\(HTMLText.escape(heading.plainText))</h\(shifted)>\n")
            }
        }
        return document.renderHTML()
    }
}
