import Files
import Foundation
import Site
import Testing

@Suite("A supervisor's own content and look")
struct OverlayTests {
    static let card = """
    section: practices
    title: Practices for maintaining the alliance
    cards:
      - id: practice-check-in
        title: Check in at the end
        summary: Ask, before the session ends, how today's work felt.
        body: |
          # How

          A short question is enough.
        sources: [safran-muran-2000]
    """

    @Test("--content adds a card to its section page, with its anchor, sources and search entry")
    func contentOverlay() throws {
        let (fileSystem, _) = try Support.build(
            SiteRequest(outputDirectory: "out", contentOverlay: "mine"), files: ["mine/extra.yaml": Self.card])
        let page = try fileSystem.readText(at: "out/sections/practices.html")
        let article = HTML.article("practice-check-in", in: page)
        // Numbered after every bundled card, so none of theirs moves.
        #expect(article.contains("<h2>Card \(Support.content.cards.count + 1) · Check in at the end</h2>"))
        let after = try fileSystem.readText(at: "out/sections/repair-marks.html")
        for card in Support.content.cards(in: .repairMarks) {
            #expect(HTML.article(card.id, in: after).contains("<h2>Card \(card.number) · "), "\(card.id)")
        }
        #expect(article.contains("<h3>How</h3>"))
        #expect(HTML.linkGroup("Sources", in: article) == ["../sections/sources.html#safran-muran-2000"])
        #expect(try fileSystem.readText(at: "out/search.html").contains("sections/practices.html#practice-check-in"))
        #expect(try fileSystem.readText(at: "out/sections/sources.html").contains("../sections/practices.html#practice-check-in"))
    }

    @Test("--templates with site/site.css replaces the stylesheet and nothing else")
    func stylesheetOverlay() throws {
        let (fileSystem, _) = try Support.build(
            SiteRequest(outputDirectory: "out", templatesOverlay: "look"),
            files: ["look/site/site.css": "body { color: #000000; }\n"])
        #expect(try fileSystem.readText(at: "out/assets/site.css") == "body { color: #000000; }\n")
        #expect(try fileSystem.readText(at: "out/index.html") == Support.page("index.html"))
    }

    @Test("a site template naming something its context lacks fails at that tag, once, with nothing written")
    func strictTemplates() throws {
        let files = ["look/site/card.html.mustache": "<article id=\"{{id}}\">\n<h2>{{title}}</h2>\n{{sumary}}\n</article>\n"]
        let error = try #require(throws: SiteError.self) {
            try Support.build(SiteRequest(outputDirectory: "out", templatesOverlay: "look"), files: files)
        }
        #expect(error.step == .render)
        #expect(error.diagnostics.count == 1)
        #expect(error.diagnostics[0].description.hasPrefix("look/site/card.html.mustache:3:1: error: 'sumary' is not in the site/"))
        let fileSystem = InMemoryFileSystemProbe.after(SiteRequest(outputDirectory: "out", templatesOverlay: "look"), files: files)
        #expect(fileSystem.snapshot.keys.sorted() == ["look/site/card.html.mustache"])
    }

    @Test("raw HTML and script links in a supervisor's card never reach the page")
    func safeMarkdown() throws {
        let hostile = Self.card.replacingOccurrences(
            of: "A short question is enough.",
            with: "<script>alert(1)</script> [x](javascript:alert(1)) <img src=x onerror=alert(1)>")
        let (fileSystem, _) = try Support.build(
            SiteRequest(outputDirectory: "out", contentOverlay: "mine"), files: ["mine/extra.yaml": hostile])
        let article = HTML.article("practice-check-in", in: try fileSystem.readText(at: "out/sections/practices.html"))
        // Shown as text, never as a tag, a handler or a link.
        for needle in ["<script", "href=\"javascript:", "<img"] { #expect(!article.contains(needle), "\(needle)") }
        #expect(article.range(of: #"<[^<>]*\son[a-z]+\s*="#, options: .regularExpression) == nil)
        #expect(article.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
    }
}

/// Runs a build that is expected to fail and returns the disk afterwards.
enum InMemoryFileSystemProbe {
    static func after(_ request: SiteRequest, files: [String: String]) -> InMemoryFileSystem {
        let fileSystem = InMemoryFileSystem(files: files)
        _ = try? SitePipeline(fileSystem: fileSystem, policy: .screening).run(request)
        return fileSystem
    }
}
