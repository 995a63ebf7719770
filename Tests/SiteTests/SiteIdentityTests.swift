import Foundation
import Testing
@testable import Site

@Suite("The programme's own name, description and version (site.yaml)")
struct SiteIdentityTests {
    static let hostile = """
    title: '<script>alert(1)</script> "Harbour" & **Group**'
    description: 'Our <b>material</b> " onmouseover="alert(1) [x](javascript:alert(1)) # not a heading'
    version: 2027-01-31
    """

    @Test("the bundled site names itself from the bundled site.yaml, and its footer says the version in words")
    func bundled() {
        let home = Support.page("index.html")
        #expect(home.contains("<title>Rupture and repair in the therapeutic alliance</title>"))
        #expect(home.contains("<meta name=\"description\" content=\"Teaching material for therapists in training on alliance ruptures: how to notice them, what stirs in you when they happen, and how to repair them.\">"))
        #expect(home.contains("<p class=\"lead\">Teaching material for therapists in training on alliance ruptures:"))
        #expect(home.contains("<p>Material version of 5 December 2026 (fingerprint \(Support.resources.fingerprint)). Made with Attune.</p>"))
        #expect(Support.page("sections/markers.html").contains("<title>Rupture markers · Rupture and repair in the therapeutic alliance</title>"))
    }

    @Test("a hostile title and description are text on every page: escaped in the title, the header, attributes and the lead")
    func hostile() throws {
        let (fileSystem, _) = try Support.build(
            SiteRequest(outputDirectory: "out", contentOverlay: "mine"), files: ["mine/site.yaml": Self.hostile])
        let title = "&lt;script&gt;alert(1)&lt;/script&gt; &quot;Harbour&quot; &amp; **Group**"
        let description = "Our &lt;b&gt;material&lt;/b&gt; &quot; onmouseover=&quot;alert(1) [x](javascript:alert(1)) # not a heading"
        for page in ["out/index.html", "out/sections/markers.html", "out/search.html", "out/404.html"] {
            let html = try fileSystem.readText(at: page)
            #expect(html.contains("<meta name=\"description\" content=\"\(description)\">"), "\(page)")
            #expect(html.contains("index.html\">\(title)</a></p>"), "\(page)")
            #expect(html.contains("<p>Material version of 31 January 2027 (fingerprint "), "\(page)")
            #expect(!html.contains("<script>alert") && !html.contains("<b>material") && !html.contains(" onmouseover=\"alert"), "\(page)")
        }
        let home = try fileSystem.readText(at: "out/index.html")
        #expect(home.contains("<title>\(title)</title>"))
        #expect(home.contains("<h1>\(title)</h1>"))
        #expect(home.contains("<p class=\"lead\">\(description)</p>"))
        #expect(try fileSystem.readText(at: "out/sections/markers.html").contains("<title>Rupture markers · \(title)</title>"))
    }

    @Test("without a version date the footer says so, and still names the fingerprint")
    func noVersion() throws {
        let (fileSystem, _) = try Support.build(
            SiteRequest(outputDirectory: "out", contentOverlay: "mine"), files: ["mine/site.yaml": "title: Ours\ndescription: Our material.\n"])
        #expect(try fileSystem.readText(at: "out/index.html").contains(
            "<p>Material without a version date (fingerprint \(Support.resources.fingerprint)). Made with Attune.</p>"))
    }

    @Test("a broken site.yaml stops the build while loading, with every problem, and nothing is written")
    func broken() throws {
        let files = ["mine/site.yaml": "titel: Ours\ndescription: \(String(repeating: "d", count: 301))\nversion: someday\n"]
        let request = SiteRequest(outputDirectory: "out", contentOverlay: "mine")
        let error = try #require(throws: SiteError.self) { try Support.build(request, files: files) }
        #expect(error.step == .loadResources)
        #expect(error.diagnostics.map(\.description) == [
            "mine/site.yaml:1:1: error: unknown field 'titel' in the site file; did you mean 'title'?",
            "mine/site.yaml:1:1: error: the site file is missing required field 'title'",
            "mine/site.yaml:2:14: error: the description is 301 characters; a site's description is at most 300",
            "mine/site.yaml:3:10: error: version must be a date such as 2026-12-05: the day this version of the material was made",
        ])
        #expect(InMemoryFileSystemProbe.after(request, files: files).snapshot.keys.sorted() == ["mine/site.yaml"])
    }

    @Test("the title and description are screened with the rest of the material before anything is written")
    func screened() throws {
        let files = ["mine/site.yaml": "title: Ours\ndescription: Call me on 07700 900123 about the material.\n"]
        let request = SiteRequest(outputDirectory: "out", contentOverlay: "mine")
        let error = try #require(throws: SiteError.self) { try Support.build(request, files: files, policy: .screening) }
        #expect(error.step == .screen)
        #expect(error.diagnostics.contains { $0.location.path == "mine/site.yaml" && $0.location.line == 2 })
        #expect(InMemoryFileSystemProbe.after(request, files: files).snapshot.keys.sorted() == ["mine/site.yaml"])
    }
}
