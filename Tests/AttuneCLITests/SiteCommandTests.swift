import Foundation
import Testing

@Suite("attune site")
struct SiteCommandTests {
    @Test("builds the bundled material into site/ by default and says where to open it")
    func defaultFolder() throws {
        let cli = CLIHarness()
        #expect(cli.run("site") == 0)
        #expect(cli.stdout.hasPrefix("Wrote the site to site/: 36 pages, "))
        #expect(cli.stdout.hasSuffix(" files.\nOpen site/index.html in a browser, or publish the folder as it is."))
        #expect(cli.fileSystem.fileExists(at: "site/index.html"))
        #expect(cli.fileSystem.fileExists(at: "site/.attune-site"))
        #expect(!cli.fileSystem.fileExists(at: "site/sitemap.xml"))
    }

    @Test("without --pdf no browser is needed; --pdf without Chromium says what to install, in one line, and writes nothing")
    func pdfWithoutChromium() {
        let plain = CLIHarness()
        #expect(plain.run("site", "--out", "s") == 0)
        #expect(!plain.fileSystem.snapshot.keys.contains { $0.hasSuffix(".pdf") })
        let cli = CLIHarness()
        #expect(cli.run("site", "--out", "s", "--pdf") == 1)
        #expect(cli.stderr == "attune: PDF output needs Chromium, which is not installed: install the Debian package 'chromium' (apt-get install chromium), or set ATTUNE_CHROMIUM to a Chromium binary. Nothing was written.")
        #expect(cli.fileSystem.snapshot.isEmpty)
    }

    @Test("--pdf adds each week's blank workbook as a PDF, printed by the run's one printer")
    func pdfPrinted() throws {
        let printer = FakePrinter()
        let cli = CLIHarness(printer: printer)
        #expect(cli.run("site", "--out", "s", "--pdf") == 0)
        #expect(cli.fileSystem.fileExists(at: "s/downloads/five-repair-steps-workbook.pdf"))
        #expect(printer.printed.count == cli.fileSystem.snapshot.keys.filter { $0.hasSuffix("-workbook.html") }.count)
    }

    @Test("--out and --base-url choose the folder and add a sitemap")
    func outAndBaseURL() throws {
        let cli = CLIHarness()
        #expect(cli.run("site", "--out", "public/", "--base-url", "https://example.org/training") == 0)
        #expect(cli.stdout.hasPrefix("Wrote the site to public/: "))
        #expect(try cli.fileSystem.readText(at: "public/sitemap.xml").contains("<loc>https://example.org/training/</loc>"))
    }

    @Test("rejects a --base-url that is not a web address before doing anything")
    func badBaseURL() {
        let cli = CLIHarness()
        #expect(cli.run("site", "--base-url", "example.org") == 64)
        #expect(cli.stderr.hasPrefix("Error: The value 'example.org' is invalid for '--base-url <url>'"))
        #expect(cli.fileSystem.snapshot.isEmpty)
    }

    @Test("refuses a folder it did not make, and leaves it as it was")
    func foreignFolder() {
        let cli = CLIHarness(files: ["site/index.html": "my page"])
        #expect(cli.run("site") == 1)
        #expect(cli.stderr == """
        site:1:1: error: this folder already has files in it (such as 'index.html') and was not made by 'attune site' (it has no .attune-site file); Attune never overwrites or removes files it did not write, so choose a new or empty folder with --out
        attune: 1 error while trying to check the output folder; nothing was written.
        """)
        #expect(cli.fileSystem.snapshot == ["site/index.html": "my page"])
    }

    @Test("says how many stale pages a rebuild removed")
    func removed() {
        let cli = CLIHarness(files: ["site/.attune-site": "weeks/gone.html\n", "site/weeks/gone.html": "old"])
        #expect(cli.run("site") == 0)
        #expect(cli.stdout.contains(" files, removed 1 it no longer has.\n"))
        #expect(!cli.fileSystem.fileExists(at: "site/weeks/gone.html"))
    }

    /// The real binary on the real disk: the marker, stale-page removal and
    /// byte-identical rebuilds through `LocalFileSystem`.
    @Test("the binary rebuilds into its own folder byte for byte, removes a stale page and keeps the user's file")
    func binaryOnDisk() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("attune-site-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let site = folder.appendingPathComponent("site")

        #expect(try run(["site"], in: folder) == 0)
        let first = try contents(of: site)
        #expect(first["index.html"] != nil)
        let attributes = try FileManager.default.attributesOfItem(atPath: site.appendingPathComponent("index.html").path)
        #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o644)

        try "old".write(to: site.appendingPathComponent("weeks/gone.html"), atomically: true, encoding: .utf8)
        try "training.example.org".write(to: site.appendingPathComponent("CNAME"), atomically: true, encoding: .utf8)
        let marker = site.appendingPathComponent(".attune-site")
        try (String(contentsOf: marker, encoding: .utf8) + "weeks/gone.html\n").write(to: marker, atomically: true, encoding: .utf8)

        #expect(try run(["site"], in: folder) == 0)
        var second = try contents(of: site)
        #expect(second.removeValue(forKey: "CNAME") == Data("training.example.org".utf8))
        #expect(second == first)

        let other = folder.appendingPathComponent("mine")
        try FileManager.default.createDirectory(at: other, withIntermediateDirectories: true)
        try "notes".write(to: other.appendingPathComponent("notes.txt"), atomically: true, encoding: .utf8)
        #expect(try run(["site", "--out", "mine"], in: folder) == 1)
        #expect(try FileManager.default.contentsOfDirectory(atPath: other.path) == ["notes.txt"])
    }

    private func run(_ arguments: [String], in directory: URL) throws -> Int32 {
        try AttuneBinary.run(arguments, in: directory).status
    }

    /// Every file below `folder`, hidden ones included, by relative path.
    private func contents(of folder: URL) throws -> [String: Data] {
        var result: [String: Data] = [:]
        let enumerator = FileManager.default.enumerator(atPath: folder.path)!
        while let path = enumerator.nextObject() as? String {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: folder.appendingPathComponent(path).path, isDirectory: &isDirectory), !isDirectory.boolValue {
                result[path] = FileManager.default.contents(atPath: folder.appendingPathComponent(path).path)
            }
        }
        return result
    }
}
