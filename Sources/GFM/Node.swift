import CCmarkGFM

/// A node in a `MarkdownDocument`'s tree. Holds its document alive, so a node
/// never outlives the memory it points into.
public struct MarkdownNode {
    let pointer: OpaquePointer
    let document: MarkdownDocument

    /// The node's kind, as cmark-gfm names it (`heading`, `paragraph`,
    /// `html_block`, `table`, `tasklist`, ...). Extension nodes report their own names.
    public var typeName: String { String(cString: cmark_node_get_type_string(pointer)) }

    public var kind: Kind { Kind(typeName) }

    public var children: [MarkdownNode] {
        var result: [MarkdownNode] = []
        var child = cmark_node_first_child(pointer)
        while let current = child {
            result.append(MarkdownNode(pointer: current, document: document))
            child = cmark_node_next(current)
        }
        return result
    }

    public var parent: MarkdownNode? {
        cmark_node_parent(pointer).map { MarkdownNode(pointer: $0, document: document) }
    }

    /// Text of a leaf (code, HTML, text) node; `nil` for containers.
    public var literal: String? { cmark_node_get_literal(pointer).map { String(cString: $0) } }

    /// 1–6 for headings, 0 otherwise.
    public var headingLevel: Int { Int(cmark_node_get_heading_level(pointer)) }

    /// For links and images.
    public var url: String? { cmark_node_get_url(pointer).map { String(cString: $0) } }

    /// For fenced code blocks: whether it started with a fence.
    public var isFencedCode: Bool {
        var length: Int32 = 0, offset: Int32 = 0
        var character: CChar = 0
        return cmark_node_get_fenced(pointer, &length, &offset, &character) != 0
    }

    /// Where the node starts and ends in the source: 1-based lines, and 1-based
    /// columns counted in UTF-8 bytes, as cmark reports them.
    public var range: SourceRange {
        SourceRange(
            startLine: Int(cmark_node_get_start_line(pointer)),
            startColumn: Int(cmark_node_get_start_column(pointer)),
            endLine: Int(cmark_node_get_end_line(pointer)),
            endColumn: Int(cmark_node_get_end_column(pointer))
        )
    }

    /// The concatenated text of every text and code descendant, as a reader sees it.
    public var plainText: String {
        switch kind {
        case .text, .code: return literal ?? ""
        case .softBreak, .lineBreak: return " "
        default: return children.map(\.plainText).joined()
        }
    }

    /// Every descendant, depth first, in document order.
    public var descendants: [MarkdownNode] {
        children.flatMap { [$0] + $0.descendants }
    }

    /// Swaps this node for a block of trusted, pre-rendered HTML.
    ///
    /// Used for the few structural markers Attune's own templates emit; the HTML
    /// comes from the caller's code, never from the document.
    /// An inline node becomes inline HTML; a node nothing can stand in for
    /// (the document, a list item) is left as it is.
    public func replace(withTrustedHTML html: String) {
        let isInline = cmark_node_get_type(pointer).rawValue & UInt32(CMARK_NODE_TYPE_MASK) == UInt32(CMARK_NODE_TYPE_INLINE)
        let block = cmark_node_new(isInline ? CMARK_NODE_CUSTOM_INLINE : CMARK_NODE_CUSTOM_BLOCK)!
        cmark_node_set_on_enter(block, html)
        cmark_node_set_on_exit(block, "")
        guard cmark_node_replace(pointer, block) != 0 else {
            cmark_node_free(block)
            return
        }
        cmark_node_free(pointer)
    }

    /// Removes the node (and its subtree) from the document. The document
    /// node itself cannot be removed: it belongs to its `MarkdownDocument`.
    public func remove() {
        guard cmark_node_parent(pointer) != nil else { return }
        cmark_node_unlink(pointer)
        cmark_node_free(pointer)
    }

    public enum Kind: Equatable, Sendable {
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
public struct SourceRange: Equatable, Sendable {
    public var startLine: Int
    public var startColumn: Int
    public var endLine: Int
    public var endColumn: Int

    public init(startLine: Int, startColumn: Int, endLine: Int, endColumn: Int) {
        self.startLine = startLine
        self.startColumn = startColumn
        self.endLine = endLine
        self.endColumn = endColumn
    }
}
