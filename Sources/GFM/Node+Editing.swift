import CCmarkGFM

extension MarkdownNode {
    /// Turns a raw HTML node into plain text that shows the same characters,
    /// so markup someone typed is displayed, never interpreted, by any
    /// renderer, including the CommonMark one, which keeps raw HTML as is.
    package func replaceWithLiteralText() {
        guard kind == .htmlBlock || kind == .htmlInline, cmark_node_parent(pointer) != nil else { return }
        let literal = self.literal ?? ""
        let text = cmark_node_new(CMARK_NODE_TEXT)!
        cmark_node_set_literal(text, literal.hasSuffix("\n") ? String(literal.dropLast()) : literal)
        if kind == .htmlBlock {
            let paragraph = cmark_node_new(CMARK_NODE_PARAGRAPH)!
            cmark_node_append_child(paragraph, text)
            replace(with: paragraph)
        } else {
            replace(with: text)
        }
    }
}

extension MarkdownNode {
    /// Turns an image into a link to the same address with the same text,
    /// so opening a page never fetches anything by itself.
    package func replaceImageWithLink() {
        guard kind == .image, cmark_node_parent(pointer) != nil else { return }
        let link = cmark_node_new(CMARK_NODE_LINK)!
        cmark_node_set_url(link, url ?? "")
        if let title = cmark_node_get_title(pointer) { cmark_node_set_title(link, title) }
        while let child = cmark_node_first_child(pointer) {
            cmark_node_unlink(child)
            cmark_node_append_child(link, child)
        }
        replace(with: link)
    }
}
