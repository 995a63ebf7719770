import Files
import Foundation
import Rendering
import Testing
import Workbook

/// The example journal's workbook, compared byte for byte with a reviewed
/// copy. Set ATTUNE_UPDATE_GOLDEN=1 to rewrite the copies, then read the diff.
@Suite("The example workbook")
struct GoldenTests {
    @Test("renders exactly as the reviewed golden files", arguments: OutputFormat.defaults)
    func matchesGolden(format: OutputFormat) throws {
        let fileSystem = InMemoryFileSystem(files: ["journal/2026-W47.md": Fixtures.exampleJournalText])
        let written = try BuildPipeline(fileSystem: fileSystem).run(BuildRequest(inputs: ["journal"], outputDirectory: "out")).written
        #expect(written == ["out/2026-W47.html", "out/2026-W47.md"])

        let actual = try fileSystem.readText(at: "out/2026-W47.\(format.fileExtension)")
        let golden = Fixtures.goldenFolder.appendingPathComponent("2026-W47.\(format.fileExtension)")
        if ProcessInfo.processInfo.environment["ATTUNE_UPDATE_GOLDEN"] == "1" {
            try FileManager.default.createDirectory(at: Fixtures.goldenFolder, withIntermediateDirectories: true)
            try actual.write(to: golden, atomically: true, encoding: .utf8)
        }
        let expected = try String(contentsOf: golden, encoding: .utf8)
        #expect(actual == expected, "differs from \(golden.path); rerun with ATTUNE_UPDATE_GOLDEN=1 and review the diff")
    }

    @Test("is byte-identical when built twice")
    func deterministic() throws {
        func build() throws -> [String: String] {
            let fileSystem = InMemoryFileSystem(files: ["journal/2026-W47.md": Fixtures.exampleJournalText])
            _ = try BuildPipeline(fileSystem: fileSystem).run(BuildRequest(inputs: ["journal"], outputDirectory: "out"))
            return fileSystem.snapshot
        }
        #expect(try build() == build())
    }
}
