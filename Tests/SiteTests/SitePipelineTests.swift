import ContentModel
import Files
import Foundation
import Site
import Testing

@Suite("Publishing the site")
struct SitePipelineTests {
    static let sectionPages = [
        "alliance", "rupture-types", "markers", "noticing", "triggers", "internal-states", "repair-steps",
        "practices", "repair-marks", "strategies", "blindspots", "lenses", "ethics",
        "reflection-questions", "what-i-wish-id-known", "sources",
    ].map { "sections/\($0).html" }

    @Test("writes a home page, a page per section and per week, two downloads per week, assets, search and 404")
    func everyFile() throws {
        let (fileSystem, report) = try Support.build()
        let weeks = Support.content.weeks.map(\.id)
        let expected = ["404.html", "assets/print.css", "assets/site.css", "index.html", "search.html"]
            + Self.sectionPages
            + weeks.map { "weeks/\($0).html" }
            + weeks.flatMap { ["downloads/\($0)-workbook.html", "downloads/\($0)-workbook.md"] }
        #expect(report.written.map(\.value) == expected.sorted())
        #expect(report.pages == 1 + Self.sectionPages.count + weeks.count + 2)
        #expect(report.removed.isEmpty)
        #expect(fileSystem.snapshot.keys.sorted() == (expected + [".attune-site"]).map { "out/\($0)" }.sorted())
    }

    @Test("writes the site readable by a web server: 0644 files")
    func publicPermissions() throws {
        let (fileSystem, report) = try Support.build()
        for path in report.written {
            #expect(fileSystem.permissions(at: "out/\(path)") == FilePermissions(mode: 0o644), "\(path)")
        }
    }

    @Test("is byte-identical when built twice, and when rebuilt into its own folder")
    func deterministic() throws {
        let first = try Support.build().fileSystem
        let second = try Support.build().fileSystem
        #expect(first.snapshot == second.snapshot)
        _ = try SitePipeline(fileSystem: first, policy: .screening).run(SiteRequest(outputDirectory: "out"))
        #expect(first.snapshot == second.snapshot)
    }

    @Test("without --base-url: no sitemap, no canonical links, no base element")
    func noBaseURL() {
        #expect(Support.site["sitemap.xml"] == nil)
        for (path, html) in Support.site where path.hasSuffix(".html") {
            #expect(!html.contains("rel=\"canonical\"") && !html.contains("<base "), "\(path)")
        }
    }

    @Test("with --base-url: a sitemap of every public page, and canonical links")
    func withBaseURL() throws {
        let base = try #require(BaseURL("https://example.org/training/"))
        let (fileSystem, _) = try Support.build(SiteRequest(outputDirectory: "out", baseURL: base))
        let sitemap = try fileSystem.readText(at: "out/sitemap.xml")
        let pages = ["index.html", "search.html"] + Self.sectionPages + Support.content.weeks.map { "weeks/\($0.id).html" }
        #expect(sitemap.hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n  <url><loc>https://example.org/training/</loc></url>\n"))
        #expect(HTML.count("<loc>", in: sitemap) == pages.count)
        #expect(!sitemap.contains("404"))
        #expect(try fileSystem.readText(at: "out/sections/markers.html")
            .contains(#"<link rel="canonical" href="https://example.org/training/sections/markers.html">"#))
        #expect(try fileSystem.readText(at: "out/index.html")
            .contains(#"<link rel="canonical" href="https://example.org/training/">"#))
    }

    @Test("the 404 page, served at any depth, resolves its links against --base-url")
    func notFoundPage() throws {
        let base = try #require(BaseURL("https://example.org/training"))
        let (fileSystem, _) = try Support.build(SiteRequest(outputDirectory: "out", baseURL: base))
        let html = try fileSystem.readText(at: "out/404.html")
        #expect(html.contains("<base href=\"https://example.org/training/\">"))
        #expect(!html.contains("rel=\"canonical\""))
        #expect(html.contains("<h1>Page not found</h1>"))
        #expect(html.contains("<li><a href=\"index.html\">Go to the home page</a></li>"))
    }

    @Test("--base-url takes http and https addresses only", arguments: [
        ("https://example.org", "https://example.org"),
        ("http://uni.example/~sam/training///", "http://uni.example/~sam/training"),
    ])
    func baseURLs(text: String, value: String) {
        #expect(BaseURL(text)?.value == value)
    }

    @Test("--base-url rejects anything that is not a plain web address", arguments: [
        "example.org", "file:///tmp/site", "https://", "https://example.org/?page=1", "https://example.org/#top", "https://exa mple.org",
    ])
    func badBaseURLs(text: String) {
        #expect(BaseURL(text) == nil)
    }

    @Test("the screen step reads the overlay's material and an identifier stops the build before anything is written")
    func screen() throws {
        let vignette = """
        section: practices
        title: Practices for maintaining the alliance
        cards:
          - id: practice-vignette
            title: A worked example
            summary: Maria Lopez went quiet after the holiday.
            body: |
              She had booked the room herself.
            sources: [safran-muran-2000]
        """
        let error = try #require(throws: SiteError.self) {
            try Support.build(SiteRequest(outputDirectory: "out", contentOverlay: "mine"), files: ["mine/vignette.yaml": vignette])
        }
        #expect(error.step == .screen)
        #expect(error.diagnostics.map(\.description) == [#"mine/vignette.yaml:4:5: privacy: name: "Maria Lopez""#])
        // The bundled material alone is Attune's own and publishes.
        #expect(throws: Never.self) { try Support.build() }
    }
}

@Suite("What attune site says")
struct SiteSummaryTests {
    @Test("where, how many pages and files, and what to open; the folder named once with one slash")
    func summary() throws {
        var (_, report) = try Support.build()
        #expect(
            report.summary == """
                Wrote the site to out/: \(report.pages) pages, \(report.written.count) files.
                Open out/index.html in a browser, or publish the folder as it is.
                """)
        report.outputDirectory = "public/"
        report.removed = [SitePath("old.html"), SitePath("weeks/gone.html")]
        #expect(report.summary.hasPrefix("Wrote the site to public/: \(report.pages) pages, \(report.written.count) files, removed 2 it no longer has.\n"))
        #expect(report.summary.hasSuffix("Open public/index.html in a browser, or publish the folder as it is."))
    }
}
