import ContentModel
import Files
import Foundation
import Rendering
import Site
import Testing

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

    @Test("without a version date the footer says so; a --content folder adds its own fingerprint, which follows every change")
    func noVersion() throws {
        func footer(_ siteYAML: String) throws -> String {
            let (fileSystem, _) = try Support.build(
                SiteRequest(outputDirectory: "out", contentOverlay: "mine"), files: ["mine/site.yaml": siteYAML])
            let home = try fileSystem.readText(at: "out/index.html")
            return String(home[home.range(of: "<p>Material")!.lowerBound...].prefix { $0 != "\n" })
        }
        // FNV-1a 64 of "site.yaml\0<text>\0", worked out by hand (Python).
        #expect(try footer("title: Ours\ndescription: Our material.\n") ==
            "<p>Material without a version date (fingerprint \(Support.resources.fingerprint), local content d47e2a866416e323). Made with Attune.</p>")
        #expect(try footer("title: Ours\ndescription: Our material!\n").contains("local content 97a56d864190b9e6)"))
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

@Suite("The programme's logo")
struct SiteLogoTests {
    static let pngHeader: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]

    static func build(logo: Data, named name: String = "logo.png") -> (InMemoryFileSystem, Result<SiteReport, SiteError>) {
        let fileSystem = InMemoryFileSystem(files: ["mine/site.yaml": "title: Ours\ndescription: Our material.\nlogo: \(name)\n"])
        if name.contains("/") { try! fileSystem.createDirectory(at: "mine/images", permissions: .privateFile) }
        try! fileSystem.writeAtomically(logo, to: "mine/\(name)", permissions: .privateFile)
        let request = SiteRequest(outputDirectory: "out", contentOverlay: "mine")
        let result = Result { () throws(SiteError) in try SitePipeline(fileSystem: fileSystem, policy: .screening).run(request) }
        return (fileSystem, result)
    }

    @Test("a PNG is embedded in every page's header, with no alternative text beside the title, under the same policy")
    func embedded() throws {
        let png = Data(Self.pngHeader + Array(repeating: 0x2B, count: 40))
        let (fileSystem, result) = Self.build(logo: png)
        let report = try result.get()
        let home = try fileSystem.readText(at: "out/index.html")
        let image = "<img class=\"site-logo\" src=\"data:image/png;base64,\(png.base64EncodedString())\" alt=\"\">Ours</a></p>"
        #expect(home.contains(image))
        #expect(try fileSystem.readText(at: "out/sections/markers.html").contains(image))
        #expect(home.contains("img-src data:;"))
        #expect(!report.written.contains { $0.value.contains("logo") })
    }

    @Test("JPEG and WebP are known by their bytes, whatever the file is called")
    func formats() throws {
        let jpeg = Data([0xFF, 0xD8, 0xFF, 0xE0, 1, 2, 3])
        let (jpegSite, jpegResult) = Self.build(logo: jpeg, named: "mark.webp")
        _ = try jpegResult.get()
        #expect(try jpegSite.readText(at: "out/index.html").contains("src=\"data:image/jpeg;base64,\(jpeg.base64EncodedString())\""))
        let webp = Data(Array("RIFF\u{4}\u{0}\u{0}\u{0}WEBPVP8 ".utf8))
        let (webpSite, webpResult) = Self.build(logo: webp, named: "images/mark.jpg")
        _ = try webpResult.get()
        #expect(try webpSite.readText(at: "out/index.html").contains("src=\"data:image/webp;base64,\(webp.base64EncodedString())\""))
    }

    @Test("an SVG (or anything else) under a picture's name is refused at the logo key, and nothing is written")
    func disguised() throws {
        let svg = Data(#"<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>"#.utf8)
        let (fileSystem, result) = Self.build(logo: svg)
        #expect(throws: SiteError.self) { try result.get() }
        guard case .failure(let error) = result else { return }
        #expect(error.step == .loadResources)
        #expect(error.diagnostics.map(\.description) == [
            "mine/site.yaml:3:7: error: logo 'logo.png' is not a PNG, JPEG or WebP image: its first bytes are none of theirs",
        ])
        #expect(fileSystem.snapshot.keys.sorted() == ["mine/logo.png", "mine/site.yaml"])
    }

    @Test("32 KiB is the most a logo may be; a missing logo is named")
    func limits() throws {
        let limit = LogoFormat.maximumBytes
        _ = try Self.build(logo: Data(Self.pngHeader + Array(repeating: 0, count: limit - 8))).1.get()
        guard case .failure(let error) = Self.build(logo: Data(Self.pngHeader + Array(repeating: 0, count: limit - 7))).1 else {
            Issue.record("a logo over the limit was accepted")
            return
        }
        #expect(error.diagnostics.map(\.description) == [
            "mine/site.yaml:3:7: error: logo 'logo.png' is 32769 bytes; a logo is at most 32768 bytes (32 KiB), as every page carries it",
        ])
        let fileSystem = InMemoryFileSystem(files: ["mine/site.yaml": "title: Ours\ndescription: Our material.\nlogo: logo.png\n"])
        let missing = Result { () throws(SiteError) in
            try SitePipeline(fileSystem: fileSystem, policy: .screening).run(SiteRequest(outputDirectory: "out", contentOverlay: "mine"))
        }
        guard case .failure(let absent) = missing else { Issue.record("a missing logo was accepted"); return }
        #expect(absent.diagnostics.map(\.description) == [
            "mine/site.yaml:3:7: error: logo 'logo.png' is not in the content folder (there is no mine/logo.png)",
        ])
    }
}
