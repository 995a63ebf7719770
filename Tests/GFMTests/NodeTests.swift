import GFM
import Testing

@Suite("MarkdownNode walks the syntax tree")
struct NodeWalkingTests {
    let document = MarkdownDocument("""
        # Title with *emphasis* and `code`

        A paragraph
        over two lines.

        <div class="x">raw</div>

        ```swift
        let fenced = true
        ```

            let indented = true

        - one
        - two

        | a |
        | - |
        | 1 |

        """)

    @Test("blocks are the top-level nodes in document order, with cmark's kind names")
    func blocks() {
        #expect(document.blocks.map(\.kind) == [
            .heading, .paragraph, .htmlBlock, .codeBlock, .codeBlock, .list, .other("table"),
        ])
        #expect(document.blocks.map(\.typeName) == [
            "heading", "paragraph", "html_block", "code_block", "code_block", "list", "table",
        ])
    }

    @Test("a heading's children are its inline nodes")
    func headingChildren() throws {
        let heading = try #require(document.blocks.first)
        #expect(heading.children.map(\.kind) == [.text, .emphasis, .text, .code])
        #expect(heading.children.map(\.literal) == ["Title with ", nil, " and ", "code"])
    }

    @Test("plainText of a heading joins its text, emphasis and code as a reader sees them")
    func headingPlainText() {
        #expect(document.blocks[0].plainText == "Title with emphasis and code")
    }

    @Test("plainText turns a soft line break into a space")
    func paragraphPlainText() {
        #expect(document.blocks[1].plainText == "A paragraph over two lines.")
        #expect(document.blocks[1].children.map(\.kind) == [.text, .softBreak, .text])
    }

    @Test("plainText of a hard line break is a space too")
    func hardBreak() {
        let paragraph = MarkdownDocument("one  \ntwo\n").blocks[0]
        #expect(paragraph.children.map(\.kind) == [.text, .lineBreak, .text])
        #expect(paragraph.plainText == "one two")
    }

    @Test("headingLevel is the number of #s, and 0 for anything but a heading")
    func headingLevel() {
        let levels = MarkdownDocument("# one\n\n### three\n\n###### six\n\nSetext\n---\n\ntext\n").blocks.map(\.headingLevel)
        #expect(levels == [1, 3, 6, 2, 0])
    }

    @Test("literal of an HTML block is its source, line break included; containers have none")
    func htmlBlockLiteral() {
        #expect(document.blocks[2].literal == "<div class=\"x\">raw</div>\n")
        #expect(document.blocks[0].literal == nil)
        #expect(document.blocks[5].literal == nil)
    }

    @Test("literal of a code block is its code")
    func codeBlockLiteral() {
        #expect(document.blocks[3].literal == "let fenced = true\n")
        #expect(document.blocks[4].literal == "let indented = true\n")
    }

    @Test("isFencedCode tells a fenced code block from an indented one, and is false for other nodes")
    func fencedCode() {
        #expect(document.blocks[3].isFencedCode)
        #expect(!document.blocks[4].isFencedCode)
        #expect(!document.blocks[0].isFencedCode)
        #expect(MarkdownDocument("~~~\nx\n~~~\n").blocks[0].isFencedCode)
    }

    @Test("a list's children are items, each holding a paragraph")
    func listItems() {
        let list = document.blocks[5]
        #expect(list.children.map(\.kind) == [.item, .item])
        #expect(list.children.map(\.plainText) == ["one", "two"])
        #expect(list.children[0].children.map(\.kind) == [.paragraph])
    }

    @Test("extension nodes report their own type names")
    func extensionNodes() {
        let table = document.blocks[6]
        #expect(table.children.map(\.typeName) == ["table_header", "table_row"])
        #expect(table.children[0].children.map(\.typeName) == ["table_cell"])
        let tasks = MarkdownDocument("- [x] done\n\n~~gone~~\n").blocks
        #expect(tasks[0].children.map(\.typeName) == ["tasklist"])
        #expect(tasks[1].children.map(\.kind) == [.other("strikethrough")])
    }

    @Test("parent leads back up to the document, which has none")
    func parent() throws {
        let emphasis = document.blocks[0].children[1]
        let heading = try #require(emphasis.parent)
        #expect(heading.kind == .heading)
        #expect(heading.parent?.kind == .document)
        #expect(document.node.parent == nil)
    }

    @Test("descendants are every node below, depth first, in document order")
    func descendants() {
        let heading = MarkdownDocument("# a *b* c\n").blocks[0]
        #expect(heading.descendants.map(\.kind) == [.text, .emphasis, .text, .text])
        #expect(heading.descendants.map(\.literal) == ["a ", nil, "b", " c"])
    }

    @Test("url of a link and an image; nil for other nodes")
    func url() {
        let paragraph = MarkdownDocument("[x](https://a.example/p) ![y](pic.png)\n").blocks[0]
        let links = paragraph.children.filter { $0.kind == .link || $0.kind == .image }
        #expect(links.map(\.url) == ["https://a.example/p", "pic.png"])
        #expect(paragraph.url == nil)
    }

    @Test("inline HTML is its own node kind with its tag as the literal")
    func inlineHTML() {
        let paragraph = MarkdownDocument("a <b>c</b>\n").blocks[0]
        #expect(paragraph.children.map(\.kind) == [.text, .htmlInline, .text, .htmlInline])
        #expect(paragraph.children[1].literal == "<b>")
    }
}

@Suite("MarkdownNode reports source positions")
struct SourcePositionTests {
    @Test("a heading spans its line, columns counted in bytes from 1")
    func headingRange() {
        let heading = MarkdownDocument("# Hello\n").blocks[0]
        #expect(heading.range == SourceRange(startLine: 1, startColumn: 1, endLine: 1, endColumn: 7))
    }

    @Test("a list spans from its first marker to the end of its last item")
    func listRange() {
        let list = MarkdownDocument("# Hi\n\n- a\n- b\n").blocks[1]
        #expect(list.range == SourceRange(startLine: 3, startColumn: 1, endLine: 4, endColumn: 3))
        #expect(list.children.map(\.range) == [
            SourceRange(startLine: 3, startColumn: 1, endLine: 3, endColumn: 3),
            SourceRange(startLine: 4, startColumn: 1, endLine: 4, endColumn: 3),
        ])
    }

    @Test("line numbers count the blank lines before a block")
    func afterBlankLines() {
        let blocks = MarkdownDocument("first\n\n\n\nfifth\nsixth\n\n\n## ninth\n").blocks
        #expect(blocks.map(\.range.startLine) == [1, 5, 9])
        #expect(blocks[1].range == SourceRange(startLine: 5, startColumn: 1, endLine: 6, endColumn: 5))
    }

    @Test("columns are UTF-8 byte offsets: é is two bytes, an emoji four")
    func byteColumns() {
        let heading = MarkdownDocument("# é🙂\n").blocks[0]
        #expect(heading.range == SourceRange(startLine: 1, startColumn: 1, endLine: 1, endColumn: 8))
        #expect(heading.children[0].range.startColumn == 3)
    }

    @Test("an indented block starts at its indented column")
    func indentedItem() {
        let item = MarkdownDocument("- a\n\n  second paragraph\n").blocks[0].children[0]
        #expect(item.children.map(\.range) == [
            SourceRange(startLine: 1, startColumn: 3, endLine: 1, endColumn: 3),
            SourceRange(startLine: 3, startColumn: 3, endLine: 3, endColumn: 18),
        ])
    }

    @Test("inline nodes have positions too")
    func inlineRange() {
        let emphasis = MarkdownDocument("# Title *x*\n").blocks[0].children[1]
        #expect(emphasis.range == SourceRange(startLine: 1, startColumn: 9, endLine: 1, endColumn: 11))
    }
}

@Suite("MarkdownNode edits the tree")
struct NodeEditingTests {
    @Test("replace(withTrustedHTML:) puts the given HTML in the output where the node was")
    func replaceWithTrustedHTML() {
        let document = MarkdownDocument("before\n\n<!-- attune:marker -->\n\nafter\n", options: [])
        let comment = document.blocks[1]
        #expect(comment.kind == .htmlBlock)
        comment.replace(withTrustedHTML: "<div class=\"space\"></div>\n")
        #expect(document.blocks.map(\.kind) == [.paragraph, .customBlock, .paragraph])
        #expect(document.renderHTML() == "<p>before</p>\n<div class=\"space\"></div>\n<p>after</p>\n")
    }

    @Test("trusted HTML survives safe mode, while the rest of the document stays safe")
    func trustedHTMLInSafeMode() {
        let document = MarkdownDocument("<i>typed</i>\n\n<!-- m -->\n", options: [])
        document.blocks[1].replace(withTrustedHTML: "<hr class=\"ours\">\n")
        #expect(document.renderHTML() == """
            <p><!-- raw HTML omitted -->typed<!-- raw HTML omitted --></p>
            <hr class="ours">

            """)
    }

    @Test("remove() takes a node and its subtree out of the document")
    func remove() {
        let document = MarkdownDocument("# Keep\n\n- drop\n- these\n\nKeep too\n", options: [])
        document.blocks[1].remove()
        #expect(document.blocks.map(\.kind) == [.heading, .paragraph])
        #expect(document.renderHTML() == "<h1>Keep</h1>\n<p>Keep too</p>\n")
        #expect(document.renderCommonMark() == "# Keep\n\nKeep too\n")
    }

    @Test("remove() works on inline nodes")
    func removeInline() {
        let document = MarkdownDocument("a *b* c\n", options: [])
        document.blocks[0].children[1].remove()
        #expect(document.renderHTML() == "<p>a  c</p>\n")
    }
}

@Suite("MarkdownNode replaces inline nodes and refuses impossible replacements")
struct InlineReplacementTests {
    @Test("replace(withTrustedHTML:) on an inline node puts the HTML inline, in the node's place")
    func replaceInline() {
        let document = MarkdownDocument("a *b* c\n", options: [])
        let emphasis = document.blocks[0].children[1]
        #expect(emphasis.kind == .emphasis)
        emphasis.replace(withTrustedHTML: "<mark>B</mark>")
        #expect(document.blocks[0].children.map(\.kind) == [.text, .customInline, .text])
        #expect(document.renderHTML() == "<p>a <mark>B</mark> c</p>\n")
    }

    @Test("a node that no custom node can stand in for, like a list item, is left as it was")
    func impossibleReplacement() {
        let document = MarkdownDocument("- a\n- b\n", options: [])
        document.blocks[0].children[0].replace(withTrustedHTML: "<hr>\n")
        #expect(document.renderHTML() == "<ul>\n<li>a</li>\n<li>b</li>\n</ul>\n")
    }
}

@Suite("The document node stays owned by its MarkdownDocument")
struct DocumentNodeOwnershipTests {
    @Test("remove() on the document node leaves the document whole")
    func removeDocumentNode() {
        let document = MarkdownDocument("# Still here\n", options: [])
        document.node.remove()
        #expect(document.renderHTML() == "<h1>Still here</h1>\n")
    }

    @Test("replace(withTrustedHTML:) on the document node leaves the document whole")
    func replaceDocumentNode() {
        let document = MarkdownDocument("# Still here\n", options: [])
        document.node.replace(withTrustedHTML: "<p>gone</p>")
        #expect(document.renderHTML() == "<h1>Still here</h1>\n")
    }
}
