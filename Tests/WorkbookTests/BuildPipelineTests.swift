import Diagnostics
import Files
import Foundation
import Rendering
import Testing

import Workbook

@Suite("Building workbooks")
struct BuildPipelineTests {
    @Test("writes one HTML and one Markdown file per journal, owner-only")
    func writesBothFormats() throws {
        let fileSystem = InMemoryFileSystem(files: [
            "j/2026-W47.md": Fixtures.journal(answer: "I go quiet."),
            "j/2026-W48.md": Fixtures.journal(week: "2026-W48", answer: "I talk faster."),
        ])
        let written = try BuildPipeline(fileSystem: fileSystem).run(BuildRequest(inputs: ["j"], outputDirectory: "out")).written
        #expect(written == ["out/2026-W47.html", "out/2026-W47.md", "out/2026-W48.html", "out/2026-W48.md"])
        for path in written {
            #expect(fileSystem.permissions(at: path) == .privateFile)
        }
    }

    @Test("--format md writes only Markdown")
    func onlyMarkdown() throws {
        let fileSystem = InMemoryFileSystem(files: ["j.md": Fixtures.journal(answer: "x")])
        let written = try BuildPipeline(fileSystem: fileSystem).run(
            BuildRequest(inputs: ["j.md"], outputDirectory: "out", formats: [.md])).written
        #expect(written == ["out/2026-W47.md"])
    }

    @Test("reports every bad journal at once and writes nothing")
    func everyProblemNothingWritten() throws {
        let broken = Fixtures.journal(answer: "fine").replacingOccurrences(of: "focus: noticing-withdrawal", with: "focus: noticing-withdrawl")
        let fileSystem = InMemoryFileSystem(files: [
            "j/2026-W46.md": broken.replacingOccurrences(of: "2026-W47", with: "2026-W46"),
            "j/2026-W47.md": Fixtures.journal(answer: "# A second title"),
            "out/2026-W47.html": "my own file",
        ])
        let error = try #require(throws: BuildError.self) {
            try BuildPipeline(fileSystem: fileSystem).run(BuildRequest(inputs: ["j"], outputDirectory: "out"))
        }
        #expect(error.step == .readJournals)
        #expect(error.diagnostics.map(\.description) == [
            "j/2026-W46.md:4:8: error: unknown focus 'noticing-withdrawl'; did you mean 'noticing-withdrawal'?",
            "j/2026-W47.md:12:1: error: '# A second title' is a top-level heading; inside an answer, start headings at '###'",
        ])
        #expect(fileSystem.snapshot.keys.sorted() == ["j/2026-W46.md", "j/2026-W47.md", "out/2026-W47.html"])
        #expect(try fileSystem.readText(at: "out/2026-W47.html") == "my own file")
    }

    @Test("refuses two journals for the same week, pointing at the second's week line")
    func duplicateWeek() throws {
        let fileSystem = InMemoryFileSystem(files: [
            "a.md": Fixtures.journal(answer: "one"),
            "b.md": Fixtures.journal(answer: "two"),
        ])
        let error = try #require(throws: BuildError.self) {
            try BuildPipeline(fileSystem: fileSystem).run(BuildRequest(inputs: ["a.md", "b.md"]))
        }
        #expect(error.diagnostics.map(\.description) == [
            "b.md:3:7: error: a second journal for 2026-W47 (the first is a.md); both would write the same workbook",
        ])
    }

    @Test("names inputs that do not exist, and folders with no journals")
    func missingInputs() throws {
        let fileSystem = InMemoryFileSystem(files: ["empty/notes.txt": "x"])
        let error = try #require(throws: BuildError.self) {
            try BuildPipeline(fileSystem: fileSystem).run(BuildRequest(inputs: ["nope.md", "empty"]))
        }
        #expect(error.diagnostics.map(\.description) == [
            "nope.md:1:1: error: no such file or folder",
            "empty:1:1: error: no journals (.md files) in this folder",
        ])
    }

    @Test("stops at loading when a content overlay is broken, naming the file and spot")
    func brokenOverlay() throws {
        let fileSystem = InMemoryFileSystem(files: [
            "j.md": Fixtures.journal(answer: "x"),
            "mine/extra.yaml": "section: markers\ntitle: Mine\ncards:\n  - id: Bad ID\n",
        ])
        let error = try #require(throws: BuildError.self) {
            try BuildPipeline(fileSystem: fileSystem).run(BuildRequest(inputs: ["j.md"], contentOverlay: "mine"))
        }
        #expect(error.step == .loadResources)
        #expect(error.diagnostics.map(\.description) == [
            "mine/extra.yaml:4:9: error: ID 'Bad ID' must be kebab-case: lowercase letters and digits joined by single hyphens",
        ])
        #expect(fileSystem.snapshot.keys.sorted() == ["j.md", "mine/extra.yaml"])
    }

    @Test("a template overlay replaces the bundled template of the same name")
    func templateOverlay() throws {
        let fileSystem = InMemoryFileSystem(files: [
            "j.md": Fixtures.journal(answer: "x"),
            "look/workbook.css": "body { color: #000000; }",
        ])
        _ = try BuildPipeline(fileSystem: fileSystem).run(BuildRequest(inputs: ["j.md"], templatesOverlay: "look"))
        let html = try fileSystem.readText(at: "out/2026-W47.html")
        #expect(html.contains("<style>\nbody { color: #000000; }\n</style>"))
    }

    @Test("a template naming something the context lacks fails the build at that tag")
    func strictTemplates() throws {
        let fileSystem = InMemoryFileSystem(files: [
            "j.md": Fixtures.journal(answer: "x"),
            "look/prompt.md.mustache": "## {{number}}. {{text}}\n\n{{answr}}\n",
        ])
        let error = try #require(throws: BuildError.self) {
            try BuildPipeline(fileSystem: fileSystem).run(BuildRequest(inputs: ["j.md"], templatesOverlay: "look"))
        }
        #expect(error.step == .render)
        #expect(error.diagnostics.count == 1)
        #expect(error.diagnostics[0].description.hasPrefix("look/prompt.md.mustache:3:1: error: 'answr' is not in the workbook.md context"))
    }
}

/// A disk that fails on the n-th write, to show a build that fails midway
/// leaves every existing file as it was.
final class FailingFileSystem: FileSystem, @unchecked Sendable {
    let base: InMemoryFileSystem
    let failOnWrite: Int
    private var writes = 0

    init(_ base: InMemoryFileSystem, failOnWrite: Int) {
        self.base = base
        self.failOnWrite = failOnWrite
    }

    func readText(at path: String) throws -> String { try base.readText(at: path) }
    func fileExists(at path: String) -> Bool { base.fileExists(at: path) }
    func directoryExists(at path: String) -> Bool { base.directoryExists(at: path) }
    func files(under path: String) throws -> [String] { try base.files(under: path) }
    func createDirectory(at path: String, permissions: FilePermissions) throws { try base.createDirectory(at: path, permissions: permissions) }
    func removeFile(at path: String) throws { try base.removeFile(at: path) }
    func moveFile(from source: String, to destination: String) throws { try base.moveFile(from: source, to: destination) }
    func removeDirectory(at path: String) throws { try base.removeDirectory(at: path) }
    func append(_ data: Data, to path: String, permissions: FilePermissions) throws { try base.append(data, to: path, permissions: permissions) }
    func writeAtomically(_ data: Data, to path: String, permissions: FilePermissions) throws {
        try countWrite(to: path)
        try base.writeAtomically(data, to: path, permissions: permissions)
    }
    func write(_ data: Data, to path: String, permissions: FilePermissions) throws {
        try countWrite(to: path)
        try base.write(data, to: path, permissions: permissions)
    }
    private func countWrite(to path: String) throws {
        writes += 1
        if writes == failOnWrite { throw FileSystemError.io(path, "No space left on device") }
    }
}

@Suite("A build that fails while writing")
struct PartialWriteTests {
    @Test("leaves every existing output as it was and no temporary files behind")
    func nothingLost() throws {
        let disk = InMemoryFileSystem(files: [
            "j/2026-W47.md": Fixtures.journal(answer: "new answer"),
            "j/2026-W48.md": Fixtures.journal(week: "2026-W48", answer: "another"),
            "out/2026-W47.html": "yesterday's workbook",
            "out/2026-W47.md": "yesterday's markdown",
        ])
        let error = try #require(throws: BuildError.self) {
            try BuildPipeline(fileSystem: FailingFileSystem(disk, failOnWrite: 3)).run(BuildRequest(inputs: ["j"], outputDirectory: "out"))
        }
        #expect(error.step == .write)
        #expect(error.diagnostics.map(\.description) == ["out:1:1: error: cannot write: out/2026-W48.html: No space left on device"])
        #expect(disk.snapshot == [
            "j/2026-W47.md": Fixtures.journal(answer: "new answer"),
            "j/2026-W48.md": Fixtures.journal(week: "2026-W48", answer: "another"),
            "out/2026-W47.html": "yesterday's workbook",
            "out/2026-W47.md": "yesterday's markdown",
        ])
    }
}

@Suite("What attune build says")
struct BuildReportLinesTests {
    @Test("a personal build with likely identifiers says the shared copy would refuse them; a clean one says nothing")
    func findingsLine() throws {
        let disk = InMemoryFileSystem(files: ["j.md": Fixtures.journal(answer: "I met Maria Lopez on 12 March 2026.")])
        let report = try BuildPipeline(fileSystem: disk).run(BuildRequest(inputs: ["j.md"]))
        #expect(report.findingsLine == "attune: 2 possible client identifiers in your personal workbook; 'attune build --share' will refuse them.")
        #expect(report.redactionLine == nil)
        let clean = try BuildPipeline(fileSystem: InMemoryFileSystem(files: ["j.md": Fixtures.journal(answer: "I go quiet.")]))
            .run(BuildRequest(inputs: ["j.md"]))
        #expect(clean.findingsLine == nil)
    }

    @Test("a redacted shared build counts what it replaced, in the singular for one; an unredacted one says nothing")
    func redactionLine() throws {
        let one = try BuildPipeline(fileSystem: InMemoryFileSystem(files: ["j.md": Fixtures.journal(answer: "I met Maria Lopez.")]))
            .run(BuildRequest(inputs: ["j.md"], audience: .shared(redact: true)))
        #expect(one.redactionLine == "Redacted 1 possible identifier.")
        #expect(one.findingsLine == nil)
        let none = try BuildPipeline(fileSystem: InMemoryFileSystem(files: ["j.md": Fixtures.journal(answer: "I go quiet.")]))
            .run(BuildRequest(inputs: ["j.md"], audience: .shared(redact: false)))
        #expect(none.redactionLine == nil)
    }
}
