import ContentModel
import Diagnostics
import Testing

@Suite("site.yaml: what the published site calls itself")
struct SiteSettingsTests {
    static func parse(_ text: String) -> (SiteSettings?, [String]) {
        let (settings, problems) = SiteSettings.parse(SourceFile(path: "mine/site.yaml", name: "site.yaml", text: text))
        return (settings, problems.map(\.description))
    }

    @Test("a title, a description, a version date and a logo")
    func full() throws {
        let (settings, problems) = Self.parse("""
        title: Harbour Clinic training
        description: >-
          Our programme's material
          on alliance ruptures.
        version: 2026-12-05
        logo: images/logo.png
        """)
        #expect(problems.isEmpty)
        let site = try #require(settings)
        #expect(site.title == "Harbour Clinic training")
        #expect(site.description == "Our programme's material on alliance ruptures.")
        #expect(site.version?.words == "5 December 2026")
        #expect(site.logo == "images/logo.png")
        #expect(site.titleLocation == SourceLocation(path: "mine/site.yaml", line: 1, column: 8))
        #expect(site.logoLocation == SourceLocation(path: "mine/site.yaml", line: 6, column: 7))
    }

    @Test("a misspelt key names the key it is near, at its line and column")
    func unknownKey() {
        let (settings, problems) = Self.parse("titel: Ours\ndescription: Material.\n")
        #expect(settings == nil)
        #expect(problems == [
            "mine/site.yaml:1:1: error: unknown field 'titel' in the site file; did you mean 'title'?",
            "mine/site.yaml:1:1: error: the site file is missing required field 'title'",
        ])
    }

    @Test("every problem of the file in one run")
    func everyProblem() {
        let (settings, problems) = Self.parse("""
        title: \(String(repeating: "t", count: 81))
        description: \(String(repeating: "d", count: 301))
        version: 2026-02-29
        logo: logo.svg
        colour: blue
        """)
        #expect(settings == nil)
        #expect(problems == [
            "mine/site.yaml:5:1: error: unknown field 'colour' in the site file (expected one of: title, description, version, logo)",
            "mine/site.yaml:1:8: error: the title is 81 characters; a site's title is at most 80",
            "mine/site.yaml:2:14: error: the description is 301 characters; a site's description is at most 300",
            "mine/site.yaml:3:10: error: version must be a date such as 2026-12-05: the day this version of the material was made",
            "mine/site.yaml:4:7: error: logo must be a PNG, JPEG or WebP image (.png, .jpg, .jpeg, .webp); SVG is refused because it can carry script",
        ])
    }

    @Test("exactly at the limits is accepted")
    func limits() {
        let (settings, problems) = Self.parse("""
        title: \(String(repeating: "t", count: 80))
        description: \(String(repeating: "d", count: 300))
        """)
        #expect(problems.isEmpty)
        #expect(settings?.title.count == 80)
        #expect(settings?.description.count == 300)
        #expect(settings?.version == nil)
        let big = "title: T\ndescription: D\n#" + String(repeating: "x", count: SiteSettings.maximumBytes)
        #expect(Self.parse(big).1 == ["mine/site.yaml:1:1: error: a site file is at most 4096 bytes; this one is 4121"])
    }

    @Test("an empty file, a title over two lines, a logo outside the folder")
    func shapes() {
        #expect(Self.parse("").1 == [
            "mine/site.yaml:1:1: error: the site file is empty: give the site a title and a description, as in title: Our programme",
        ])
        #expect(Self.parse("title: |\n  One\n  Two\ndescription: D\nlogo: ../secret.png\n").1 == [
            "mine/site.yaml:1:8: error: the title must be one line: it heads every page and names the browser tab",
            "mine/site.yaml:5:7: error: logo must name a file inside the content folder, such as logo.png (no '..', no absolute path, no hidden file)",
        ])
        #expect(Self.parse("- title\n").1 == ["mine/site.yaml:1:1: error: the site file must be a mapping of keys to values, not a list"])
    }

    @Test("dates in words, with no clock and no locale; impossible days refused")
    func dates() {
        #expect(MaterialDate("2026-12-05")?.words == "5 December 2026")
        #expect(MaterialDate("2024-02-29")?.words == "29 February 2024")
        #expect(MaterialDate("2000-02-29") != nil)
        for bad in ["2026-02-29", "1900-02-29", "2026-04-31", "2026-13-01", "2026-00-10", "2026-1-5", "26-12-05", "2026-12-05x", "２０２６-12-05"] {
            #expect(MaterialDate(bad) == nil, "\(bad)")
        }
    }

    @Test("logos are told apart by their first bytes, not their names")
    func sniff() {
        #expect(LogoFormat.sniff([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0]) == .png)
        #expect(LogoFormat.sniff([0xFF, 0xD8, 0xFF, 0xE0]) == .jpeg)
        #expect(LogoFormat.sniff(Array("RIFF\u{0}\u{0}\u{0}\u{0}WEBPVP8 ".utf8)) == .webp)
        #expect(LogoFormat.sniff(Array("<svg xmlns=\"http://www.w3.org/2000/svg\"/>".utf8)) == nil)
        #expect(LogoFormat.sniff(Array("RIFF\u{0}\u{0}\u{0}\u{0}WAVE".utf8)) == nil)
        #expect(LogoFormat.sniff([0x89, 0x50, 0x4E]) == nil)
    }

    @Test("the bundled content names its site, and site.yaml is no content file")
    func bundled() throws {
        let site = try #require(try TestContent.bundled().site)
        #expect(site.title == "Rupture and repair in the therapeutic alliance")
        #expect(site.version?.words == "5 December 2026")
        #expect(site.logo == nil)
    }
}

@Suite("site.yaml among the content files")
struct SiteSettingsLoadingTests {
    @Test("an overlay's site.yaml replaces the bundled one; its problems stop the load with the rest")
    func overlay() throws {
        let ours = SourceFile(path: "mine/site.yaml", name: "site.yaml", text: "title: Ours\ndescription: Our material.\n")
        let model = try ContentLoader.load(layers: [TestContent.bundledFiles, [ours]], bundledLayers: 1)
        #expect(model.site?.title == "Ours")
        #expect(model.cards.count == (try TestContent.bundled()).cards.count)

        let broken = SourceFile(path: "mine/site.yaml", name: "site.yaml", text: "titel: Ours\ndescription: D\n")
        let card = SourceFile(path: "mine/x.yaml", name: "x.yaml", text: "section: nope\ntitle: X\n")
        let error = try #require(throws: DiagnosticError.self) {
            try ContentLoader.load(layers: [TestContent.bundledFiles, [broken, card]], bundledLayers: 1)
        }
        #expect(error.diagnostics.map(\.description) == [
            "mine/site.yaml:1:1: error: unknown field 'titel' in the site file; did you mean 'title'?",
            "mine/site.yaml:1:1: error: the site file is missing required field 'title'",
            "mine/x.yaml:1:10: error: unknown section 'nope' (expected one of: alliance, rupture-types, markers, noticing, triggers, internal-states, repair-steps, practices, repair-marks, strategies, blindspots, lenses, ethics)",
        ])
    }
}
