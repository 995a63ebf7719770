import CCmarkGFM

extension MarkdownNode {
    /// Turns a raw HTML node into plain text that shows the same characters,
    /// so markup someone typed is displayed, never interpreted, by any
    /// renderer, including the CommonMark one, which keeps raw HTML as is.
    public func replaceWithLiteralText() {
        guard kind == .htmlBlock || kind == .htmlInline else { return }
        let literal = self.literal ?? ""
        let text = cmark_node_new(CMARK_NODE_TEXT)!
        cmark_node_set_literal(text, literal.hasSuffix("\n") ? String(literal.dropLast()) : literal)
        if kind == .htmlBlock {
            let paragraph = cmark_node_new(CMARK_NODE_PARAGRAPH)!
            cmark_node_append_child(paragraph, text)
            cmark_node_replace(pointer, paragraph)
        } else {
            cmark_node_replace(pointer, text)
        }
        cmark_node_free(pointer)
    }
}
