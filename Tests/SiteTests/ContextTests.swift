import Testing
@testable import Site

@Suite("Template contexts")
struct ContextTests {
    /// Mustache looks a name up the context stack: an optional nested field
    /// that is `nil` falls through to an outer field of the same name.
    @Test("optional fields below a page share no names with any page or the layout")
    func noShadowing() {
        let link = LinkContext(href: "", text: "")
        let pages: [Any] = [
            SiteLayoutContext(lang: "", title: "", siteName: "", description: "", logoPNG: nil, logoJPEG: nil, logoWebP: nil, root: "", baseHref: nil, canonical: nil, breadcrumbs: [],
                          hasBreadcrumbs: false, current: "", sections: [], body: "", fingerprint: "", materialVersion: "", contentSecurityPolicy: ""),
            HomeContext(title: "", description: "", weeks: [], sections: [], searchHref: ""),
            SectionContext(title: "", introHTML: nil, codebook: nil, cards: [], pager: nil),
            PromptsContext(title: "", intro: "", prompts: [], pager: nil),
            SourcesContext(title: "", sources: [], groups: [], pager: nil),
            WeekContext(title: "", summary: "", downloads: [], cards: [], reflections: [], wishes: [], pager: nil),
            SearchContext(title: "", entries: [], indexJSON: "", script: ""),
            NotFoundContext(title: "", homeHref: "", curriculumHref: "", searchHref: ""),
        ]
        let nested: [Any] = [
            SiteCardContext(id: "", number: 1, heading: "", title: "", summary: "", bodyHTML: "", points: [], hasPoints: false,
                        groupName: nil, linkGroups: [], hasLinks: false),
            PromptItemContext(id: "", number: 1, heading: "", text: "", hint: nil, linkGroups: [], hasLinks: false),
            PagerContext(label: "", previous: link, next: link),
            SearchEntryContext(href: "", title: "", kind: "", snippet: nil),
        ]
        let pageNames = Set(pages.flatMap { Mirror(reflecting: $0).children.compactMap(\.label) })
        let optionalNested = nested.flatMap { value in
            Mirror(reflecting: value).children.filter { Mirror(reflecting: $0.value).displayStyle == .optional }.compactMap(\.label)
        }
        #expect(optionalNested.sorted() == ["groupName", "hint", "next", "previous", "snippet"])
        #expect(pageNames.intersection(optionalNested).isEmpty)
    }
}

@Suite("Markdown in the content")
struct MarkdownFragmentTests {
    @Test("headings move below the heading that holds them, keeping their steps")
    func headings() {
        #expect(MarkdownFragment.html("# A\n\n## B\n\ntext", headingsBelow: 2) == "<h3>A</h3>\n<h4>B</h4>\n<p>text</p>\n")
        #expect(MarkdownFragment.html("### Only", headingsBelow: 1) == "<h2>Only</h2>\n")
        #expect(MarkdownFragment.html("# 1 < 2 & \"q\"", headingsBelow: 5) == "<h6>1 &lt; 2 &amp; &quot;q&quot;</h6>\n")
    }
}
