import Foundation
import Testing
@testable import Site

@Suite("Offline search")
struct SearchTests {
    static let page = Support.page("search.html")

    static var index: [[String: String]] {
        let start = page.range(of: "<script type=\"application/json\" id=\"search-index\">")!.upperBound
        let end = page.range(of: "</script>", range: start..<page.endIndex)!.lowerBound
        return try! JSONSerialization.jsonObject(with: Data(page[start..<end].utf8)) as! [[String: String]]
    }

    @Test("indexes every week, card, prompt and source, in the order the page lists them")
    func everyEntry() {
        let content = Support.content
        let index = Self.index
        #expect(index.count == content.weeks.count + content.cards.count + content.prompts.count + content.sources.count)
        let list = Self.page.components(separatedBy: "id=\"search-results\"")[1].components(separatedBy: "</ul>")[0]
        #expect(HTML.count("<li><a href=", in: list) == index.count)
        #expect(index.first == [
            "kind": "Curriculum week", "summary": content.weeks[0].summary, "text": content.weeks[0].summary,
            "title": "Week 1: The working alliance", "url": "weeks/the-working-alliance.html",
        ])
        #expect(index.contains { $0["url"] == "sections/markers.html#marker-denial" && $0["title"] == "Denial" })
    }

    @Test("works without JavaScript: a labelled field in a form that submits to the page, which lists everything")
    func withoutJavaScript() {
        #expect(Self.page.contains("""
        <form class="search-form" id="search-form" action="search.html" method="get" role="search">
        <label for="search-query">Search the material</label>
        <input type="search" id="search-query" name="q" autocomplete="off">
        <button type="submit">Search</button>
        </form>
        """))
        #expect(Self.page.contains("<li><a href=\"sections/markers.html#marker-denial\">Denial</a> <span class=\"kind\">Rupture markers</span>"))
        // The script is inline, allowed by the page's policy by hash.
        #expect(!Self.page.contains("<script src="))
        #expect(Self.page.contains("<script>// Attune's offline search."))
    }

    @Test("the JSON cannot close its script element early")
    func safeJSON() {
        let entry = SearchEntry(title: "</script><script>alert(1)</script>", url: "x.html", kind: "k", summary: "", text: "")
        let json = SearchIndex.json([entry])
        #expect(!json.contains("<"))
        #expect(json == #"[{"kind":"k","summary":"","text":"","title":"\u003c/script>\u003cscript>alert(1)\u003c/script>","url":"x.html"}]"#)
    }
}
