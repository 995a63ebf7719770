import Files
import Testing
@testable import Site

@Suite("The output folder: Attune's own, or left alone")
struct OutputFolderTests {
    @Test("refuses a folder that has files but no .attune-site marker, and touches nothing in it")
    func refusesForeignFolder() throws {
        let files = ["out/notes.txt": "mine", "out/index.html": "my own home page"]
        let error = try #require(throws: SiteError.self) { try Support.build(files: files) }
        #expect(error.step == .inspectOutput)
        #expect(error.diagnostics.map(\.description) == [
            "out:1:1: error: this folder already has files in it (such as 'index.html') and was not made by 'attune site' (it has no .attune-site file); Attune never overwrites or removes files it did not write, so choose a new or empty folder with --out",
        ])
        let fileSystem = InMemoryFileSystem(files: files)
        _ = try? SitePipeline(fileSystem: fileSystem, policy: .screening).run(SiteRequest(outputDirectory: "out"))
        #expect(fileSystem.snapshot == files)
    }

    @Test("writes into an empty folder that exists already")
    func emptyFolder() throws {
        let fileSystem = InMemoryFileSystem()
        try fileSystem.createDirectory(at: "out", permissions: .privateDirectory)
        let report = try SitePipeline(fileSystem: fileSystem, policy: .screening).run(SiteRequest(outputDirectory: "out"))
        #expect(fileSystem.fileExists(at: "out/index.html"))
        #expect(report.removed.isEmpty)
    }

    @Test("refuses an output path that is a file")
    func outputIsAFile() throws {
        let error = try #require(throws: SiteError.self) { try Support.build(files: ["out": "a file"]) }
        #expect(error.diagnostics.map(\.description) == ["out:1:1: error: is a file; the site needs a folder (choose one with --out)"])
    }

    @Test("a rebuild removes the pages its last build wrote that no longer exist, and keeps the user's own files")
    func removesStalePages() throws {
        let (fileSystem, _) = try Support.build(files: [
            "out/.attune-site": "# Made by 'attune site'.\nindex.html\nweeks/an-old-week.html\nsitemap.xml\n",
            "out/index.html": "old home",
            "out/weeks/an-old-week.html": "a week the curriculum dropped",
            "out/sitemap.xml": "from a build with --base-url",
            "out/CNAME": "training.example.org",
            "out/weeks/my-notes.html": "the user's own page",
        ])
        let kept = fileSystem.snapshot
        #expect(kept["out/weeks/an-old-week.html"] == nil)
        #expect(kept["out/sitemap.xml"] == nil)
        #expect(kept["out/CNAME"] == "training.example.org")
        #expect(kept["out/weeks/my-notes.html"] == "the user's own page")
        #expect(kept["out/index.html"]?.hasPrefix("<!DOCTYPE html>") == true)
        #expect(kept["out/.attune-site"]?.contains("an-old-week") == false)
        #expect(kept["out/.attune-site"]?.contains("CNAME") == false)
    }

    @Test("reports what it removed")
    func reportsRemoved() throws {
        let (_, report) = try Support.build(files: [
            "out/.attune-site": "weeks/an-old-week.html\n",
            "out/weeks/an-old-week.html": "old",
        ])
        #expect(report.removed == [SitePath("weeks/an-old-week.html")])
    }

    @Test("ignores marker lines that reach outside the folder", arguments: [
        "../precious.txt", "/precious.txt", "weeks/../../precious.txt", "./index.html/..", "a\\..\\precious.txt", ".attune-site",
    ])
    func unsafeMarkerLines(line: String) {
        #expect(OutputFolder.parseMarker("# comment\n\(line)\nindex.html\n") == [SitePath("index.html")])
    }

    @Test("the marker lists every file written, sorted, under a note saying what it is")
    func marker() throws {
        let (fileSystem, report) = try Support.build()
        let marker = try fileSystem.readText(at: "out/.attune-site")
        #expect(marker == "# Made by 'attune site'. A rebuild may replace or remove the files listed here, and no others.\n"
            + report.written.map { $0.value + "\n" }.joined())
    }
}
