import Testing
@testable import Handouts

@Suite("Rendering one handout")
struct HandoutRendererTests {
    @Test("moves cmark's headings a level down for all.html, and nothing else")
    func demote() {
        let html = "<h1>a</h1>\n<h2>b</h2>\n<h5>e</h5>\n<h6>f</h6>\n<p>&lt;h1&gt; typed</p>\n<hr />\n<header>"
        #expect(HeadingLevels.demote(html) == "<h2>a</h2>\n<h3>b</h3>\n<h6>e</h6>\n<h6>f</h6>\n<p>&lt;h1&gt; typed</p>\n<hr />\n<header>")
        #expect(HeadingLevels.demote("<h3>Zoë’s 😀</h3><h7>x</h7><h5>y</h5><h0></h") == "<h4>Zoë’s 😀</h4><h7>x</h7><h6>y</h6><h0></h")
    }

    @Test("a note cannot swallow the week's material, even with an unclosed code fence")
    func unclosedFence() throws {
        let roster = Fixtures.yaml("  - name: Ana\n    note: \"```\\nstill code\"\n")
        let out = Fixtures.outputs(try Fixtures.run(["cohort/roster.yaml": roster]).fileSystem)
        let html = try #require(out["ana.html"])
        #expect(html.contains("<pre><code>still code\n</code></pre>\n<h2>Teaching cards</h2>"))
    }
}
