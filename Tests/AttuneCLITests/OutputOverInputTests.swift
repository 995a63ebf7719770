import Foundation
import Testing

/// Every command refuses an output that is, holds or sits inside one of its
/// inputs, however the path is spelled or linked, and changes nothing.
/// Run on the real binary and the real disk, where symlinks and hard links exist.
@Suite("Outputs never over inputs")
struct OutputOverInputTests {
    /// Runs `arguments` in `folder`; it must fail with `expected` in its
    /// errors and leave every file in the fixture exactly as it was.
    func refused(_ fixture: DiskFixture, _ arguments: [String], in folder: String = "", saying expected: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let before = fixture.snapshot()
        let result = try fixture.run(arguments, in: folder)
        #expect(result.status == 1, "\(arguments) exited \(result.status): \(result.stderr)", sourceLocation: sourceLocation)
        #expect(result.stderr.contains(expected), "\(arguments): \(result.stderr)", sourceLocation: sourceLocation)
        #expect(result.stderr.contains("nothing was written"), sourceLocation: sourceLocation)
        #expect(fixture.snapshot() == before, "\(arguments) changed the disk", sourceLocation: sourceLocation)
    }

    @Test("build: --out the journal folder, --out . beside the journal, a folder holding it, a folder inside it")
    func build() throws {
        let fixture = try DiskFixture()
        defer { fixture.remove() }
        try refused(fixture, ["build", "--out", "journal"], saying: "journal:1:1: error: this output is journal, which this run reads")
        try refused(fixture, ["build", "journal/2026-W47.md", "--out", "journal"], saying: "holds journal/2026-W47.md")
        try refused(fixture, ["build", "2026-W47.md", "--out", "."], in: "journal", saying: "holds 2026-W47.md")
        try refused(fixture, ["build", "2026-W47.md", "--out", "./"], in: "journal", saying: "holds 2026-W47.md")
        try refused(fixture, ["build", "journal/2026-W47.md", "--out", "."], saying: "holds journal/2026-W47.md")
        try refused(fixture, ["build", "journal", "--out", "journal/sub/deeper"], saying: "inside journal, a folder this run reads")
        try refused(fixture, ["build", "journal", "--out", "cohort/../journal/"], saying: "this run reads")
    }

    @Test("build through links: a symlinked output folder, a journal symlinked into the output, a hard link")
    func buildThroughLinks() throws {
        let fixture = try DiskFixture()
        defer { fixture.remove() }
        try FileManager.default.createSymbolicLink(atPath: fixture.path("alias"), withDestinationPath: "journal")
        try refused(fixture, ["build", "journal", "--out", "alias"], saying: "this output is journal")
        // A journal that is really a file in the output folder, reached through a symlink.
        try FileManager.default.createDirectory(atPath: fixture.path("out"), withIntermediateDirectories: true)
        try FileManager.default.moveItem(atPath: fixture.path("journal/2026-W47.md"), toPath: fixture.path("out/2026-W47.md"))
        try FileManager.default.createSymbolicLink(atPath: fixture.path("journal/2026-W47.md"), withDestinationPath: "../out/2026-W47.md")
        try refused(fixture, ["build", "journal/2026-W47.md", "--out", "out"], saying: "holds journal/2026-W47.md")
        // A hard link: two names, one file.
        try FileManager.default.removeItem(atPath: fixture.path("journal/2026-W47.md"))
        try FileManager.default.linkItem(atPath: fixture.path("out/2026-W47.md"), toPath: fixture.path("w47.md"))
        try refused(fixture, ["build", "w47.md", "--out", "out"], saying: "out/2026-W47.md:1:1: error: this output is w47.md")
    }

    @Test("form: --out a journal, a symlink to one, a page inside the journal folder")
    func form() throws {
        let fixture = try DiskFixture()
        defer { fixture.remove() }
        try refused(fixture, ["form", "--week", "2026-W47", "--out", "journal/2026-W47.md"], saying: "this output is journal/2026-W47.md")
        try FileManager.default.createSymbolicLink(atPath: fixture.path("link.md"), withDestinationPath: "journal/2026-W47.md")
        try refused(fixture, ["form", "--week", "2026-W47", "--out", "link.md"], saying: "this output is journal/2026-W47.md")
        try refused(fixture, ["form", "--week", "2026-W48", "--out", "journal/2026-W48.md"], saying: "inside journal")
        try refused(fixture, ["form", "--week", "2026-W47", "--journal", "cohort/journals", "--out", "cohort/journals/ben-okafor.md"],
                    saying: "this output is cohort/journals/ben-okafor.md")
    }

    @Test("handouts: the shared journals' folder, the roster's folder, a folder above it, a symlink to either")
    func handouts() throws {
        let fixture = try DiskFixture()
        defer { fixture.remove() }
        for roster in ["roster.yaml", "roster.csv"] {
            let extra = roster.hasSuffix(".csv") ? ["--cohort", "B", "--supervisor", "M", "--week", "2026-W47"] : ["--week", "2026-W47"]
            try refused(fixture, ["handouts", roster, "--out", "journals"] + extra, in: "cohort", saying: "holds journals/")
            try refused(fixture, ["handouts", roster, "--out", "."] + extra, in: "cohort", saying: "holds \(roster)")
            try refused(fixture, ["handouts", "cohort/\(roster)", "--out", "."] + extra, saying: "holds cohort/\(roster)")
        }
        try FileManager.default.createSymbolicLink(atPath: fixture.path("shared"), withDestinationPath: "cohort/journals")
        try refused(fixture, ["handouts", "cohort/roster.yaml", "--week", "2026-W47", "--out", "shared"], saying: "holds cohort/journals/")
        try FileManager.default.createDirectory(atPath: fixture.path("templates"), withIntermediateDirectories: true)
        try refused(fixture, ["handouts", "cohort/roster.yaml", "--week", "2026-W47", "--out", "templates/h", "--templates", "templates"], saying: "inside templates")
    }

    @Test("site and trends: overlays and the journal folder are inputs too")
    func siteAndTrends() throws {
        let fixture = try DiskFixture()
        defer { fixture.remove() }
        try FileManager.default.createDirectory(atPath: fixture.path("mine/content"), withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: fixture.path("out/content"), withIntermediateDirectories: true)
        try refused(fixture, ["site", "--content", "mine/content", "--out", "mine"], saying: "holds mine/content")
        try refused(fixture, ["site", "--templates", "mine", "--out", "mine/site"], saying: "inside mine")
        try refused(fixture, ["trends", "journal", "--out", "journal"], saying: "this output is journal")
        try refused(fixture, ["trends", "journal", "--out", "."], saying: "holds journal")
        try refused(fixture, ["build", "journal", "--content", "out/content", "--out", "out"], saying: "this run reads")
    }

    @Test("import: the file imported is never the one written, even through a symlink")
    func importLinked() throws {
        let fixture = try DiskFixture()
        defer { fixture.remove() }
        try FileManager.default.createSymbolicLink(atPath: fixture.path("download.md"), withDestinationPath: "journal/2026-W47.md")
        let before = fixture.snapshot()
        let result = try fixture.run(["import", "download.md", "--keep", "both"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(fixture.snapshot() == before)
    }

    @Test("the same commands with outputs apart from their inputs still work")
    func allowed() throws {
        let fixture = try DiskFixture()
        defer { fixture.remove() }
        #expect(try fixture.run(["build", "journal", "--out", "out"]).status == 0)
        #expect(try fixture.run(["build", "2026-W47.md", "--out", "../out2"], in: "journal").status == 0)
        #expect(try fixture.run(["handouts", "roster.yaml", "--week", "2026-W47", "--out", "handouts"], in: "cohort").status == 0)
        #expect(try fixture.run(["trends", "journal", "--out", "out"]).status == 0)
        #expect(try fixture.run(["form", "--week", "2026-W48", "--out", "forms/w48.html"]).status == 0)
    }
}
