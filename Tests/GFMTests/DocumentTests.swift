import GFM
import Testing

/// Renders `markdown` the way Attune's HTML renderer does: no source
/// positions (they would add `data-sourcepos` attributes), GitHub's
/// extensions, safe mode.
func html(
    _ markdown: String,
    options: MarkdownOptions = [.validateUTF8],
    extensions: [GFMExtension] = GFMExtension.github,
    render extra: MarkdownOptions = []
) -> String {
    MarkdownDocument(markdown, options: options, extensions: extensions).renderHTML(options: extra)
}

@Suite("MarkdownDocument renders GitHub Flavored Markdown")
struct GitHubExtensionTests {
    @Test("a pipe table becomes a <table> with a header row and column alignment")
    func table() {
        #expect(html("| a | b |\n| --- | :-: |\n| 1 | 2 |\n") == """
            <table>
            <thead>
            <tr>
            <th>a</th>
            <th align="center">b</th>
            </tr>
            </thead>
            <tbody>
            <tr>
            <td>1</td>
            <td align="center">2</td>
            </tr>
            </tbody>
            </table>

            """)
    }

    @Test("without the table extension a pipe table stays a paragraph")
    func tableNeedsItsExtension() {
        #expect(html("| a | b |\n| --- | --- |\n| 1 | 2 |\n", extensions: []) == """
            <p>| a | b |
            | --- | --- |
            | 1 | 2 |</p>

            """)
    }

    @Test("task list items become disabled checkboxes, checked for [x]")
    func taskList() {
        #expect(html("- [ ] todo\n- [x] done\n") == """
            <ul>
            <li><input type="checkbox" disabled="" /> todo</li>
            <li><input type="checkbox" checked="" disabled="" /> done</li>
            </ul>

            """)
    }

    @Test("~~text~~ becomes <del>")
    func strikethrough() {
        #expect(html("a ~~gone~~ b\n") == "<p>a <del>gone</del> b</p>\n")
    }

    @Test("bare www., https:// and e-mail addresses become links")
    func autolinks() {
        #expect(html("see www.example.com and https://example.org/x and me@example.com\n") == """
            <p>see <a href="http://www.example.com">www.example.com</a> and \
            <a href="https://example.org/x">https://example.org/x</a> and \
            <a href="mailto:me@example.com">me@example.com</a></p>

            """)
    }

    @Test("without the autolink extension bare addresses stay text")
    func autolinkNeedsItsExtension() {
        #expect(html("see www.example.com\n", extensions: []) == "<p>see www.example.com</p>\n")
    }

    @Test("tagfilter escapes <script> and <iframe> even when raw HTML is allowed, and leaves other tags")
    func tagFilter() {
        let source = "<script>alert(1)</script>\n\nx <iframe src=\"a\"></iframe> y <b>ok</b>\n"
        #expect(html(source, render: .unsafe) == """
            &lt;script>alert(1)&lt;/script>
            <p>x &lt;iframe src="a">&lt;/iframe> y <b>ok</b></p>

            """)
    }

    @Test("without tagfilter, unsafe rendering lets <script> through, which is what tagfilter prevents")
    func withoutTagFilter() {
        let extensions = GFMExtension.github.filter { $0 != .tagfilter }
        #expect(html("<script>alert(1)</script>\n", extensions: extensions, render: .unsafe)
            == "<script>alert(1)</script>\n")
    }
}

@Suite("MarkdownDocument renders in safe mode unless told otherwise")
struct SafeModeTests {
    @Test("a raw HTML block is omitted")
    func htmlBlock() {
        #expect(html("<div>hi</div>\n") == "<!-- raw HTML omitted -->\n")
    }

    @Test("inline HTML tags are omitted and the text between them kept")
    func inlineHTML() {
        #expect(html("x <b>bold</b> y\n") == "<p>x <!-- raw HTML omitted -->bold<!-- raw HTML omitted --> y</p>\n")
    }

    @Test("a script block is omitted, not merely escaped")
    func script() {
        #expect(html("<script>alert(1)</script>\n") == "<!-- raw HTML omitted -->\n")
    }

    @Test("a javascript: link keeps its text and gets an empty href")
    func javascriptLink() {
        #expect(html("[x](javascript:alert(1))\n") == "<p><a href=\"\">x</a></p>\n")
    }

    @Test("a JavaScript: link in mixed case gets an empty href too")
    func javascriptLinkMixedCase() {
        #expect(html("[x](JavaScript:alert(1))\n") == "<p><a href=\"\">x</a></p>\n")
    }

    @Test("a vbscript: link gets an empty href")
    func vbscriptLink() {
        #expect(html("[y](vbscript:msgbox)\n") == "<p><a href=\"\">y</a></p>\n")
    }

    @Test("a data:text/html link gets an empty href but a data: image is kept")
    func dataLinks() {
        #expect(html("[t](data:text/html,x) [d](data:image/png;base64,AA)\n")
            == "<p><a href=\"\">t</a> <a href=\"data:image/png;base64,AA\">d</a></p>\n")
    }

    @Test("an image with a javascript: source gets an empty src")
    func javascriptImage() {
        #expect(html("![alt](javascript:alert(1))\n") == "<p><img src=\"\" alt=\"alt\" /></p>\n")
    }

    @Test("ordinary https links are kept")
    func httpsLink() {
        #expect(html("[z](https://ok.example)\n") == "<p><a href=\"https://ok.example\">z</a></p>\n")
    }

    @Test(".unsafe at render time lets raw HTML and javascript: links through")
    func unsafeRendering() {
        #expect(html("<div>hi</div>\n\nx <b>bold</b> [x](javascript:alert(1))\n", render: .unsafe) == """
            <div>hi</div>
            <p>x <b>bold</b> <a href="javascript:alert(1)">x</a></p>

            """)
    }

    @Test(".unsafe among the parse options does not make rendering unsafe")
    func unsafeParseOptionIsIgnoredWhenRendering() {
        let document = MarkdownDocument("<div>hi</div>\n", options: [.unsafe])
        #expect(document.options == [.unsafe])
        #expect(document.renderHTML() == "<!-- raw HTML omitted -->\n")
    }
}

@Suite("MarkdownDocument as a whole")
struct DocumentTests {
    @Test("an empty document renders as an empty string and has no blocks")
    func empty() {
        let document = MarkdownDocument("")
        #expect(document.blocks.isEmpty)
        #expect(document.renderHTML() == "")
        #expect(document.node.kind == .document)
    }

    @Test("the default options record source positions and validate UTF-8")
    func defaultOptions() {
        #expect(MarkdownDocument("x").options == [.sourcePositions, .validateUTF8])
    }

    @Test("a document parsed with source positions carries them into the HTML as data-sourcepos")
    func sourcePositionsInHTML() {
        #expect(MarkdownDocument("# Hi\n\n- a\n- b\n").renderHTML() == """
            <h1 data-sourcepos="1:1-1:4">Hi</h1>
            <ul data-sourcepos="3:1-4:3">
            <li data-sourcepos="3:1-3:3">a</li>
            <li data-sourcepos="4:1-4:3">b</li>
            </ul>

            """)
    }

    @Test("renderCommonMark gives back a simple document's text, with cmark's list indentation")
    func commonMarkRoundTrip() {
        let source = """
            # Title

            Some *emphasis*, **strong** and `code`.

            - one
            - two

            > quoted

            """
        let document = MarkdownDocument(source, options: [])
        let rendered = document.renderCommonMark()
        #expect(rendered == """
            # Title

            Some *emphasis*, **strong** and `code`.

              - one
              - two

            > quoted

            """)
        #expect(MarkdownDocument(rendered, options: []).renderHTML() == document.renderHTML())
        #expect(MarkdownDocument(rendered, options: []).renderCommonMark() == rendered)
    }

    @Test("renderCommonMark keeps GFM extension syntax")
    func commonMarkKeepsExtensions() {
        let source = "- [x] done\n- [ ] open\n\n~~gone~~\n"
        #expect(MarkdownDocument(source).renderCommonMark() == source)
    }

    @Test("renderCommonMark wraps at the given width")
    func commonMarkWidth() {
        let document = MarkdownDocument("one two three four five six\n")
        #expect(document.renderCommonMark(width: 10) == "one two\nthree four\nfive six\n")
    }

    @Test("invalid UTF-8 bytes come out as U+FFFD and the HTML is valid UTF-8")
    func invalidUTF8() throws {
        let text = String(decoding: [0x61, 0xFF, 0x62, 0xC3, 0x28, 0x0A] as [UInt8], as: UTF8.self)
        let output = MarkdownDocument(text, options: [.validateUTF8]).renderHTML()
        #expect(output == "<p>a\u{FFFD}b\u{FFFD}(</p>\n")
        let bytes = Array(output.utf8)
        #expect(String(validating: bytes, as: UTF8.self) == output)
    }

    @Test("non-ASCII text passes through unchanged")
    func unicode() {
        #expect(html("# Café 日本 🙂\n") == "<h1>Café 日本 🙂</h1>\n")
    }

    @Test("documents parsed from many tasks at once render exactly as when parsed one by one")
    func concurrentParsing() async {
        let sources = (0..<50).map { index in
            """
            # Document \(index)

            | n | square |
            | - | - |
            | \(index) | \(index * index) |

            - [x] item ~~\(index)~~ at www.example.com/\(index)

            <script>x</script>

            """ + String(repeating: "Some ~~struck~~ text at https://example.org/\(index) and *more*.\n", count: 200)
        }
        let sequential = sources.map { html($0) }
        // Several rounds: a race, if there were one, would not show every time.
        for _ in 0..<4 {
            let concurrent = await withTaskGroup(of: (Int, String).self) { group in
                for (index, source) in sources.enumerated() {
                    group.addTask { (index, html(source)) }
                }
                var results = [String](repeating: "", count: sources.count)
                for await (index, output) in group { results[index] = output }
                return results
            }
            #expect(concurrent == sequential)
        }
        #expect(sequential[7].contains("<td>49</td>"))
        #expect(sequential[7].contains("<del>7</del>"))
        #expect(sequential[7].contains(#"<a href="http://www.example.com/7">"#))
    }

    @Test("creating, walking, editing and rendering thousands of documents frees everything exactly once")
    func manyDocuments() {
        for index in 0..<3000 {
            let document = MarkdownDocument("# \(index)\n\n<!-- c -->\n\n- a\n- [ ] b\n\nend\n", options: [.validateUTF8])
            let blocks = document.blocks
            blocks[1].replace(withTrustedHTML: "<hr>\n")
            blocks[3].remove()
            let output = document.renderHTML()
            let expected = "<h1>\(index)</h1>\n<hr>\n<ul>\n<li>a</li>\n<li><input type=\"checkbox\" disabled=\"\" /> b</li>\n</ul>\n"
            if output != expected {
                Issue.record("document \(index) rendered \(output)")
                break
            }
        }
        // A node keeps its document alive after the document's last other reference is gone.
        let heading = MarkdownDocument("# kept\n").blocks[0]
        #expect(heading.plainText == "kept")
    }
}
