import GFM
import MarkdownSafety
import TestSupport

/// What a hostile viewer sees: the text re-parsed with cmark-gfm and every
/// GitHub extension (table, strikethrough, autolink, tagfilter, tasklist).
struct Reparse {
    let document: MarkdownDocument

    init(_ markdown: String) {
        document = MarkdownDocument(markdown, options: [.sourcePositions, .validateUTF8], extensions: GFMExtension.github)
    }

    var nodes: [MarkdownNode] { document.node.descendants }

    /// Raw HTML a viewer that renders HTML would pass through.
    var rawHTML: [String] {
        nodes.filter { $0.kind == .htmlBlock || $0.kind == .htmlInline }.map { $0.literal ?? "" }
    }

    /// Links and pictures the policy refuses.
    var refusedLinks: [String] {
        nodes.compactMap { node in
            switch node.kind {
            case .link: return LinkPolicy.allowsLink(node.url ?? "") ? nil : node.url ?? ""
            case .image: return LinkPolicy.allowsImage(node.url ?? "") ? nil : node.url ?? ""
            default: return nil
            }
        }
    }

    var links: [MarkdownNode] { nodes.filter { $0.kind == .link || $0.kind == .image } }

    /// Links and pictures whose address is not the text shown. GFM links
    /// an address typed as text by itself (`www.x.example`, `a@b.example`):
    /// text that was inside raw HTML becomes text, and may become such a
    /// link, to exactly what is shown (documented, allowed by the policy).
    var typedLinks: [MarkdownNode] {
        links.filter { link in
            guard link.kind == .link, let url = link.url else { return true }
            let text = link.plainText
            return ![text, "mailto:" + text, "http://" + text].contains(url)
        }
    }

    /// Every text a reader sees, in order: text and code literals, raw HTML
    /// as its characters, a break as a space.
    var visibleText: String {
        var result = ""
        func visit(_ node: MarkdownNode) {
            switch node.kind {
            case .text, .code, .htmlInline, .htmlBlock, .codeBlock: result += node.literal ?? ""
            case .softBreak, .lineBreak: result += " "
            default: node.children.forEach(visit)
            }
        }
        visit(document.node)
        return result
    }

    /// The HTML cmark-gfm makes of it with raw HTML allowed, as a viewer
    /// that trusts the file would.
    var unsafeHTML: String { document.renderHTML(options: [.unsafe]) }
}

/// Random strings over the alphabets that start markup: CommonMark
/// punctuation, HTML tags and comments, GFM autolink triggers, entities,
/// schemes, blanks and line breaks, plus a few letters and non-ASCII text.
enum HostileStrings {
    static let pieces: [String] = [
        "<", ">", "</", "<!--", "-->", "<!-->", "<!--->", "--!>", "<![CDATA[", "]]>", "<?", "?>", "<!DOCTYPE", "<a ", "<img src=x onerror=alert(1)>",
        "<script>", "</script>", "<svg/onload=alert(1)>", "<math>", "<style>", "</style>", "<div>", "</div>", "<b>", "<x:y>",
        "&", "&amp;", "&lt;", "&#60;", "&#x3C;", "&#106;", "&colon;", ";", "#", "\\", "`", "``", "```", "~~~", "*", "**", "_", "__", "~", "~~",
        "[", "]", "[x]", "[ ]", "(", ")", "![", "](", "]:", "[^1]", "!", "|", "-", "+", "=", "1.", "2)", ">", "    ", "\t", " ", "  ",
        "\n", "\n\n", "\r\n", "\r",
        "http://", "https://", "ftp://", "www.", "WWW.", "mailto:", "xmpp:", "javascript:", "vscode:", "search-ms:", "data:",
        "@", "a@b.example", "x.example", "/", "//", ":", ".", "\"", "'", "=",
        "a", "b", "Sam", "é", "日本", "👋🏽", "\u{00A0}", "\u{2028}",
    ]

    static func make(_ generator: inout SplitMix64, maxPieces: Int = 12) -> String {
        let count = Int.random(in: 1...maxPieces, using: &generator)
        return (0..<count).map { _ in pieces.randomElement(using: &generator)! }.joined()
    }
}
