import Testing
@testable import Handouts

@Suite("Rendering one handout")
struct HandoutRendererTests {
    @Test("moves cmark's headings a level down for all.html, and nothing else")
    func demote() {
        let html = "<h1>a</h1>\n<h2>b</h2>\n<h5>e</h5>\n<h6>f</h6>\n<p>&lt;h1&gt; typed</p>\n<hr />\n<header>"
        #expect(HeadingLevels.demote(html) == "<h2>a</h2>\n<h3>b</h3>\n<h6>e</h6>\n<h6>f</h6>\n<p>&lt;h1&gt; typed</p>\n<hr />\n<header>")
    }

    @Test("a note cannot swallow the week's material, even with an unclosed code fence")
    func unclosedFence() throws {
        let roster = Fixtures.yaml("  - name: Ana\n    note: \"```\\nstill code\"\n")
        let out = Fixtures.outputs(try Fixtures.run(["cohort/roster.yaml": roster]).fileSystem)
        let html = try #require(out["ana.html"])
        #expect(html.contains("<pre><code>still code\n</code></pre>\n<h2>Teaching cards</h2>"))
    }
}
