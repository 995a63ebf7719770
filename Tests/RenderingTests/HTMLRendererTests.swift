import Rendering
import Testing

/// The one Markdown-to-HTML step every page goes through: cmark-gfm in safe
/// mode, with Attune's own few `<!-- attune:NAME -->` markers.
@Suite("Markdown to HTML")
struct HTMLRendererTests {
    @Test("draws writing space as 12 ruled lines, and a whole page of them where a template asks")
    func writingSpaceLines() {
        let html = HTMLRenderer.render("Before\n\n<!-- attune:writing-space -->\n\nBetween\n\n<!-- attune:writing-page -->\n")
        // Elements with a border, never a background: a browser prints no background by default.
        #expect(html.contains(#"<div class="writing-space" aria-hidden="true">"# + String(repeating: "<span></span>", count: 12) + "</div>\n<p>Between</p>"))
        #expect(html.contains(#"<div class="writing-space writing-page" aria-hidden="true">"# + String(repeating: "<span></span>", count: 34) + "</div>"))
        #expect(HTMLRenderer.Directive.promptLines >= 12)
    }

    @Test("puts each answer where its placeholder is, rendered alone: a link definition in one never reaches another")
    func answersRenderedAlone() {
        let page = "# Page\n\n" + HTMLRenderer.answerPlaceholder(0) + "\n\n" + HTMLRenderer.answerPlaceholder(1) + "\n"
        let html = HTMLRenderer.render(page, answers: ["[x]: https://example.org\n\nSee [x].", "And [x]."])
        #expect(html == "<h1>Page</h1>\n<p>See <a href=\"https://example.org\">x</a>.</p>\n<p>And [x].</p>\n")
    }

    @Test("a placeholder with no answer behind it is dropped, as any comment someone typed is")
    func strayPlaceholder() {
        let html = HTMLRenderer.render("Kept\n\n" + HTMLRenderer.answerPlaceholder(1) + "\n", answers: ["only one"])
        #expect(html == "<p>Kept</p>\n")
        #expect(HTMLRenderer.answerIndex(in: "<!-- attune:answer 123456789 -->") == nil)
        #expect(HTMLRenderer.answerIndex(in: "<!-- attune:answer -1 -->") == nil)
        #expect(HTMLRenderer.answerIndex(in: "<!-- attune:answer 12345678 -->") == 12_345_678)
    }

    @Test("a card anchor becomes an id only for a content ID's characters")
    func anchors() {
        #expect(HTMLRenderer.render("<!-- attune:anchor marker-denial -->\n") == "<div id=\"card-marker-denial\" class=\"card-anchor\"></div>\n")
        #expect(HTMLRenderer.anchor(in: "<!-- attune:anchor x\" onclick=\"y -->") == nil)
        #expect(HTMLRenderer.anchor(in: "<!-- attune:anchor Card -->") == nil)
        #expect(HTMLRenderer.anchor(in: "<!-- attune:anchor  -->") == nil)
    }

    @Test("a picture from an address becomes a link to it, so opening the page loads nothing; an embedded one stays", arguments: [
        ("![map](https://example.org/map.png)", "<p>!<a href=\"https://example.org/map.png\">map</a></p>\n"),
        ("![dot](data:image/png;base64,iVBORw0KGgo=)", "<p><img src=\"data:image/png;base64,iVBORw0KGgo=\" alt=\"dot\" /></p>\n"),
    ])
    func pictures(markdown: String, html: String) {
        #expect(HTMLRenderer.render(markdown) == html)
        #expect(HTMLRenderer.fragment(markdown) == html)
    }
}
