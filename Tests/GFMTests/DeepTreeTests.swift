import GFM
import Testing

/// A journal answer may hold 64 KiB of nesting. Every walk over the tree,
/// and every render, must survive it in the stack a thread has, and no
/// edit may free memory a node value still points at.
@Suite struct DeepTreeTests {
    /// 65,000 nested block quotes: the deepest tree an answer under the
    /// 64 KiB limit can make (one `>` per level).
    static let deepQuotes = String(repeating: ">", count: 65_000) + " words\n"
    static let deepList = String(repeating: "- ", count: 32_000) + "words\n"
    static let deepEmphasis = String(repeating: "*a ", count: 20_000) + String(repeating: "a*", count: 20_000) + "\n"

    /// By name, so a failure does not print 64 KiB of `>`.
    static let shapes = ["quotes": deepQuotes, "list": deepList, "emphasis": deepEmphasis]

    /// cmark-gfm's HTML renderer walks with an iterator, so it survives any
    /// depth (measured: 65,000 quotes render in 0.02 s). Its CommonMark
    /// renderer does too, but takes time quadratic in depth (10 s for the
    /// quotes, 25 s for the emphasis here), so nothing Attune renders from an
    /// answer goes through it at that depth.
    @Test(arguments: ["quotes", "list", "emphasis"])
    func walksAndRendersWithoutRecursing(_ name: String) {
        let text = Self.shapes[name]!
        let document = MarkdownDocument(text)
        #expect(document.node.plainText.contains("words") || document.node.plainText.contains("a"))
        let all = document.node.descendants
        #expect(all.count > 10_000)
        #expect(document.node.depth > 10_000 || text == Self.deepEmphasis)
        #expect(document.renderHTML().count > text.count)
    }

    @Test func depthCountsLevels() {
        #expect(MarkdownDocument("").node.depth == 0)
        #expect(MarkdownDocument("x\n").node.depth == 2)          // paragraph, text
        #expect(MarkdownDocument("> > x\n").node.depth == 4)      // quote, quote, paragraph, text
        #expect(MarkdownDocument(Self.deepQuotes).node.depth == 65_002)
    }

    @Test func walkVisitsInDocumentOrder() {
        let document = MarkdownDocument("# a *b* c\n\n- x\n  - y\n\nz\n")
        let texts = document.node.descendants.filter { $0.kind == .text }.compactMap(\.literal)
        #expect(texts == ["a ", "b", " c", "x", "y", "z"])
        #expect(document.node.plainText == "a b cxyz")
        // A walk from a node stays under it.
        let list = document.blocks[1]
        #expect(list.descendants.filter { $0.kind == .text }.compactMap(\.literal) == ["x", "y"])
    }

    /// Replacing a node whose descendants are still held must leave those
    /// values readable (the document retires, not frees, what it removes).
    @Test func editsNeverFreeHeldNodes() {
        let document = MarkdownDocument("<div>\n*x*\n</div>\n\na <b>c</b> ![i](https://a.example/p.png)\n\n> quote *deep*\n")
        let held = document.node.descendants
        for node in held.reversed() { node.remove() }
        // Every held value still reads its (now detached) node.
        #expect(held.map(\.typeName).allSatisfy { !$0.isEmpty })
        #expect(held.contains { $0.literal == "deep" })
        #expect(document.blocks.isEmpty)

        let second = MarkdownDocument("a <b>c</b> ![i](https://a.example/p.png) <!-- x -->\n\n<p>\nblock\n</p>\n")
        let nodes = second.node.descendants
        for node in nodes where node.kind == .htmlBlock || node.kind == .htmlInline { node.replaceWithLiteralText() }
        for node in nodes where node.kind == .image { node.replaceImageWithLink() }
        for node in nodes where node.kind == .paragraph { node.replace(withTrustedHTML: "<p>x</p>\n") }
        #expect(nodes.map(\.typeName).count == nodes.count)
        #expect(nodes.contains { $0.literal == "<b>" })
        #expect(second.renderHTML(options: []).hasPrefix("<p>x</p>\n"))
    }

    @Test func documentNodeCannotBeReplaced() {
        let document = MarkdownDocument("text\n", options: [])
        document.node.replace(withTrustedHTML: "<p>gone</p>")
        document.node.remove()
        #expect(document.renderHTML() == "<p>text</p>\n")
    }
}
