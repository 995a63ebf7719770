import Testing
@testable import Site

/// What linkchecker checks in `make site-check`, here in a second: every
/// link resolves, offline, from the folder itself.
@Suite("Links and anchors")
struct LinkTests {
    @Test("every relative link names a file of the site, and every #anchor an id in it")
    func everyLinkResolves() {
        var broken: [String] = []
        for (page, html) in Support.site where page.hasSuffix(".html") && !page.hasPrefix("downloads/") {
            for link in HTML.links(in: html) where !Self.isPublishedWork(link, on: page) {
                let parts = link.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
                let target = parts[0].isEmpty ? page : HTML.resolve(parts[0], from: page)
                guard let text = Support.site[target] else { broken.append("\(page): \(link)"); continue }
                if parts.count > 1, !HTML.ids(in: text).contains(parts[1]) { broken.append("\(page): \(link)") }
            }
        }
        #expect(broken.isEmpty, "\(broken.sorted())")
    }

    /// The sources page links each reference to the published work (its DOI
    /// or stable address): the only links that leave the site, all https.
    /// linkchecker does not follow them either (offline, no --check-extern).
    static func isPublishedWork(_ link: String, on page: String) -> Bool {
        page == "sections/sources.html" && link.hasPrefix("https://")
    }

    @Test("the sources page links out only over https, and only to the works in sources.yaml")
    func externalLinks() {
        let addresses = Set(Support.content.sources.compactMap { $0.doi.map { "https://doi.org/\($0)" } ?? $0.url })
        let external = HTML.links(in: Support.page("sections/sources.html")).filter { $0.contains("://") }
        #expect(Set(external) == addresses)
        #expect(external.allSatisfy { $0.hasPrefix("https://") })
    }

    @Test("every link is relative and names a file, so the site works from file://, a sub-folder or a domain root")
    func relativeLinks() {
        for page in Support.pages {
            for link in HTML.links(in: Support.page(page)) where !Self.isPublishedWork(link, on: page) {
                #expect(!link.hasPrefix("/") && !link.contains("://") && !link.hasPrefix("//"), "\(page): \(link)")
                #expect(!link.hasSuffix("/") && !link.contains("/#"), "\(page): \(link) names a folder")
            }
        }
    }

    @Test("no page repeats an id")
    func uniqueIDs() {
        for page in Support.pages {
            let ids = HTML.ids(in: Support.page(page))
            #expect(Set(ids).count == ids.count, "\(page)")
        }
    }

    @Test("every card, prompt and source has an anchor named by its ID on its section page")
    func stableAnchors() {
        for card in Support.content.cards {
            #expect(HTML.ids(in: Support.page("sections/\(card.section.rawValue).html")).contains(card.id), "\(card.id)")
        }
        for prompt in Support.content.prompts {
            let page = prompt.kind == .reflection ? "sections/reflection-questions.html" : "sections/what-i-wish-id-known.html"
            #expect(HTML.ids(in: Support.page(page)).contains(prompt.id), "\(prompt.id)")
        }
        for source in Support.content.sources {
            #expect(HTML.ids(in: Support.page("sections/sources.html")).contains(source.id), "\(source.id)")
        }
    }

    @Test("links from a page one folder down climb back with ../", arguments: [
        ("index.html", "sections/markers.html", "sections/markers.html"),
        ("weeks/a.html", "sections/markers.html", "../sections/markers.html"),
        ("sections/markers.html", "index.html", "../index.html"),
    ])
    func relativePaths(from page: String, to target: String, href: String) {
        #expect(SitePath(target).href(from: SitePath(page)) == href)
    }
}
