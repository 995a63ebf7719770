import Foundation
import Testing
@testable import Handouts

@Suite("manifest.json written as it goes")
struct ManifestJSONTests {
    /// What `JSONEncoder` writes for `manifest`: the format the streamed manifest must keep.
    static func encoded(_ manifest: Manifest) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(manifest), as: UTF8.self) + "\n"
    }

    static func written(_ manifest: Manifest) -> String {
        var shell = manifest
        shell.handouts = []
        var handouts = ManifestJSON.Handouts()
        for handout in manifest.handouts { handouts.add(entry: ManifestJSON.entry(handout)) }
        return ManifestJSON.document(shell, handouts: handouts).joined()
    }

    static let awkward = "Zoë \"Z\" O'Neill / \\ \u{01}\u{08}\u{0C}\n\r\t\u{1F}\u{7F} 😀 \u{2028}"

    @Test("is byte for byte what JSONEncoder writes, with every kind of character in a name")
    func sameBytes() throws {
        let manifest = Manifest(
            cohort: Self.awkward, supervisor: "Dr Rivera", week: "2026-W47", roster: "cohort/roster.yaml",
            material: .init(fingerprint: "abc123", contentOverlay: .init(path: "mine/content", hash: "0011"), templatesOverlay: nil),
            handouts: [
                .init(trainee: Self.awkward, focus: "your-triggers", files: [
                    .init(path: "zoe.html", bytes: 12, hash: "00ff"), .init(path: "zoe.md", bytes: 3, hash: "ff00"),
                ]),
                .init(trainee: "Ben", focus: "markers", files: []),
            ],
            cohortFiles: [.init(path: "index.html", bytes: 1, hash: "1")],
            notProduced: ["the row at line 9", Self.awkward])
        #expect(Self.written(manifest) == (try Self.encoded(manifest)))
    }

    @Test("empty lists and no overlays are written as JSONEncoder writes them", arguments: [0, 1])
    func empty(handouts: Int) throws {
        let manifest = Manifest(
            cohort: "C", supervisor: "S", week: "2026-W01", roster: "r.csv",
            material: .init(fingerprint: "f", contentOverlay: nil, templatesOverlay: .init(path: "t", hash: "h")),
            handouts: Array(repeating: .init(trainee: "A", focus: "f", files: []), count: handouts),
            cohortFiles: [], notProduced: [])
        #expect(Self.written(manifest) == (try Self.encoded(manifest)))
    }

    @Test("a cohort too large for one chunk of text is written the same")
    func manyChunks() throws {
        let handouts = (0..<600).map { index in
            Manifest.Handout(trainee: "Trainee \(index) \(Self.awkward)", focus: "week-\(index % 17)", files: [
                .init(path: "trainee-\(index).html", bytes: index * 37, hash: String(index, radix: 16)),
                .init(path: "trainee-\(index).md", bytes: index, hash: "ff"),
            ])
        }
        let manifest = Manifest(
            cohort: "C", supervisor: "S", week: "2026-W01", roster: "r.yaml",
            material: .init(fingerprint: "f", contentOverlay: nil, templatesOverlay: nil),
            handouts: handouts, cohortFiles: [], notProduced: [])
        var text = ManifestJSON.Handouts()
        for handout in handouts { text.add(entry: ManifestJSON.entry(handout)) }
        #expect(text.chunks.count > 2)
        #expect(Self.written(manifest) == (try Self.encoded(manifest)))
    }

    @Test("a pipeline's manifest reads back and re-encodes to the same bytes")
    func pipeline() throws {
        let out = Fixtures.outputs(try Fixtures.run(HandoutsPipelineTests.files).fileSystem)
        let text = try #require(out["manifest.json"])
        let manifest = try JSONDecoder().decode(Manifest.self, from: Data(text.utf8))
        #expect(text == (try Self.encoded(manifest)))
    }
}
