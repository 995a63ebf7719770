import Testing
@testable import GFM

@Suite("MarkdownOptions and GFMExtension")
struct OptionsTests {
    @Test("each option is one distinct cmark flag")
    func distinctFlags() {
        let all: [MarkdownOptions] = [
            .sourcePositions, .hardBreaks, .noBreaks, .validateUTF8, .smartPunctuation, .footnotes, .unsafe,
        ]
        for option in all {
            #expect(option.rawValue.nonzeroBitCount == 1)
        }
        #expect(Set(all.map(\.rawValue)).count == all.count)
    }

    @Test("hardBreaks renders a soft line break as <br />")
    func hardBreaks() {
        #expect(html("a\nb\n", render: .hardBreaks) == "<p>a<br />\nb</p>\n")
    }

    @Test("noBreaks renders a soft line break as a space")
    func noBreaks() {
        #expect(html("a\nb\n", render: .noBreaks) == "<p>a b</p>\n")
    }

    @Test("smartPunctuation curls quotes and makes dashes")
    func smartPunctuation() {
        #expect(html("\"Hi\" -- it's ---\n", options: [.smartPunctuation]) == "<p>“Hi” – it’s —</p>\n")
    }

    @Test("footnotes render as a numbered section")
    func footnotes() {
        #expect(html("x[^1]\n\n[^1]: note\n", options: [.footnotes]) == """
            <p>x<sup class="footnote-ref"><a href="#fn-1" id="fnref-1" data-footnote-ref>1</a></sup></p>
            <section class="footnotes" data-footnotes>
            <ol>
            <li id="fn-1">
            <p>note <a href="#fnref-1" class="footnote-backref" data-footnote-backref aria-label="Back to content">↩</a></p>
            </li>
            </ol>
            </section>

            """)
    }

    @Test("the github set is the five extensions that ship with cmark-gfm, by their cmark names")
    func githubExtensions() {
        #expect(GFMExtension.github == [.table, .tasklist, .strikethrough, .autolink, .tagfilter])
        #expect(GFMExtension.allCases.map(\.rawValue) == ["table", "tasklist", "strikethrough", "autolink", "tagfilter"])
    }

    @Test("every extension is found in cmark-gfm's registry")
    func registry() {
        for ext in GFMExtension.allCases {
            #expect(ExtensionRegistry.find(ext) != nil, "\(ext.rawValue)")
        }
    }

    @Test("only the extensions asked for are attached")
    func onlyRequestedExtensions() {
        #expect(html("~~a~~ www.example.com\n", extensions: [.strikethrough])
            == "<p><del>a</del> www.example.com</p>\n")
        #expect(html("~~a~~ www.example.com\n", extensions: [.autolink])
            == "<p>~~a~~ <a href=\"http://www.example.com\">www.example.com</a></p>\n")
    }
}
