import CCmarkGFM

/// A node in a `MarkdownDocument`'s tree. Holds its document alive, so a node
/// never outlives the memory it points into.
package struct MarkdownNode {
    let pointer: OpaquePointer
    let document: MarkdownDocument

    /// The node's kind, as cmark-gfm names it (`heading`, `paragraph`,
    /// `html_block`, `table`, `tasklist`, ...). Extension nodes report their own names.
    package var typeName: String { String(cString: cmark_node_get_type_string(pointer)) }

    package var kind: Kind { Kind(typeName) }

    package var children: [MarkdownNode] {
        var result: [MarkdownNode] = []
        var child = cmark_node_first_child(pointer)
        while let current = child {
            result.append(MarkdownNode(pointer: current, document: document))
            child = cmark_node_next(current)
        }
        return result
    }

    package var previous: MarkdownNode? {
        cmark_node_previous(pointer).map { MarkdownNode(pointer: $0, document: document) }
    }

    package var next: MarkdownNode? {
        cmark_node_next(pointer).map { MarkdownNode(pointer: $0, document: document) }
    }

    package var parent: MarkdownNode? {
        cmark_node_parent(pointer).map { MarkdownNode(pointer: $0, document: document) }
    }

    /// Text of a leaf (code, HTML, text) node; `nil` for containers.
    package var literal: String? { cmark_node_get_literal(pointer).map { String(cString: $0) } }

    /// 1–6 for headings, 0 otherwise.
    package var headingLevel: Int { Int(cmark_node_get_heading_level(pointer)) }

    /// For links and images.
    package var url: String? { cmark_node_get_url(pointer).map { String(cString: $0) } }

    /// For fenced code blocks: whether it started with a fence.
    package var isFencedCode: Bool {
        var length: Int32 = 0, offset: Int32 = 0
        var character: CChar = 0
        return cmark_node_get_fenced(pointer, &length, &offset, &character) != 0
    }

    /// Where the node starts and ends in the source: 1-based lines, and 1-based
    /// columns counted in UTF-8 bytes, as cmark reports them.
    package var range: SourceRange {
        SourceRange(
            startLine: Int(cmark_node_get_start_line(pointer)),
            startColumn: Int(cmark_node_get_start_column(pointer)),
            endLine: Int(cmark_node_get_end_line(pointer)),
            endColumn: Int(cmark_node_get_end_column(pointer))
        )
    }

    /// The concatenated text of every text and code descendant, as a reader sees it.
    ///
    /// Walked with a loop over cmark's own links, never by recursion: an
    /// answer may nest 60,000 block quotes, and each Swift frame would cost
    /// a stack the thread does not have.
    package var plainText: String {
        var text = ""
        walk { node in
            switch node.kind {
            case .text, .code: text += node.literal ?? ""
            case .softBreak, .lineBreak: text += " "
            default: break
            }
        }
        return text
    }

    /// Every descendant, depth first, in document order (not the node itself).
    package var descendants: [MarkdownNode] {
        var result: [MarkdownNode] = []
        walk { result.append($0) }
        return result
    }

    /// Visits every descendant, depth first, in document order, in constant
    /// stack space: down through first children, along next siblings, and
    /// back up through parents until a sibling is found.
    package func walk(_ visit: (MarkdownNode) -> Void) {
        guard var current = cmark_node_first_child(pointer) else { return }
        while true {
            visit(MarkdownNode(pointer: current, document: document))
            if let child = cmark_node_first_child(current) {
                current = child
                continue
            }
            while cmark_node_next(current) == nil {
                guard let up = cmark_node_parent(current), up != pointer else { return }
                current = up
            }
            current = cmark_node_next(current)!
        }
    }

    /// How deeply containers nest below this node (0 for a leaf), counted
    /// without recursion.
    package var depth: Int {
        var deepest = 0
        var level = 0
        guard var current = cmark_node_first_child(pointer) else { return 0 }
        level = 1
        while true {
            deepest = max(deepest, level)
            if let child = cmark_node_first_child(current) {
                current = child
                level += 1
                continue
            }
            while cmark_node_next(current) == nil {
                guard let up = cmark_node_parent(current), up != pointer else { return deepest }
                current = up
                level -= 1
            }
            current = cmark_node_next(current)!
        }
    }

    /// Swaps this node for a block of trusted, pre-rendered HTML.
    ///
    /// Used for the few structural markers Attune's own templates emit; the HTML
    /// comes from the caller's code, never from the document.
    /// An inline node becomes inline HTML; a node nothing can stand in for
    /// (the document, a list item) is left as it is.
    package func replace(withTrustedHTML html: String) {
        let isInline = cmark_node_get_type(pointer).rawValue & UInt32(CMARK_NODE_TYPE_MASK) == UInt32(CMARK_NODE_TYPE_INLINE)
        let block = cmark_node_new(isInline ? CMARK_NODE_CUSTOM_INLINE : CMARK_NODE_CUSTOM_BLOCK)!
        cmark_node_set_on_enter(block, html)
        cmark_node_set_on_exit(block, "")
        replace(with: block)
    }

    /// Removes the node (and its subtree) from the document. The document
    /// node itself cannot be removed: it belongs to its `MarkdownDocument`.
    package func remove() {
        guard cmark_node_parent(pointer) != nil else { return }
        cmark_node_unlink(pointer)
        document.retire(pointer)
    }

    /// Puts `replacement` (a new, unattached node) where this node is. This
    /// node leaves the tree but not memory: its document keeps it until it
    /// is freed itself, so a `MarkdownNode` still holding it (from an earlier
    /// `descendants`, say) reads a detached node, never freed memory.
    func replace(with replacement: OpaquePointer) {
        guard cmark_node_parent(pointer) != nil, cmark_node_replace(pointer, replacement) != 0 else {
            cmark_node_free(replacement)
            return
        }
        document.retire(pointer)
    }

    package enum Kind: Equatable, Sendable {
        case document, blockQuote, list, item, codeBlock, htmlBlock, customBlock
        case paragraph, heading, thematicBreak
        case text, softBreak, lineBreak, code, htmlInline, customInline
        case emphasis, strong, link, image
        case other(String)

        init(_ name: String) {
            switch name {
            case "document": self = .document
            case "block_quote": self = .blockQuote
            case "list": self = .list
            case "item": self = .item
            case "code_block": self = .codeBlock
            case "html_block": self = .htmlBlock
            case "custom_block": self = .customBlock
            case "paragraph": self = .paragraph
            case "heading": self = .heading
            case "thematic_break": self = .thematicBreak
            case "text": self = .text
            case "softbreak": self = .softBreak
            case "linebreak": self = .lineBreak
            case "code": self = .code
            case "html_inline": self = .htmlInline
            case "custom_inline": self = .customInline
            case "emph": self = .emphasis
            case "strong": self = .strong
            case "link": self = .link
            case "image": self = .image
            default: self = .other(name)
            }
        }
    }
}

/// A span of source text. Lines are 1-based; columns are 1-based UTF-8 byte offsets.
package struct SourceRange: Equatable, Sendable {
    package var startLine: Int
    package var startColumn: Int
    package var endLine: Int
    package var endColumn: Int

    package init(startLine: Int, startColumn: Int, endLine: Int, endColumn: Int) {
        self.startLine = startLine
        self.startColumn = startColumn
        self.endLine = endLine
        self.endColumn = endColumn
    }
}
