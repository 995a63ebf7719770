import Rendering
import Testing

/// What the handouts and the form use to render Markdown as a workbook does.
@Suite("Safe Markdown for every output")
struct SafeMarkdownTests {
    @Test("raw HTML and script links typed in Markdown are shown as text, never run", arguments: [
        ("<script>alert(1)</script>", "<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>\n"),
        ("<img src=x onerror=alert(1)>", "<p>&lt;img src=x onerror=alert(1)&gt;</p>\n"),
        ("[click](javascript:alert(1))", "<p>[click](javascript:alert(1))</p>\n"),
    ])
    func hostile(markdown: String, html: String) {
        #expect(SafeMarkdown.html(markdown) == html)
    }

    @Test("keeps the workbook's writing space, as a handout's open prompt needs")
    func writingSpace() {
        #expect(SafeMarkdown.html("<!-- attune:writing-space -->\n") == HTMLRenderer.Directive.writingSpace.html + "\n")
    }
}
