import Files
import Foundation
import Handouts
import Testing

/// A small cohort's handouts, compared byte for byte with reviewed copies in
/// `Golden/`. Set ATTUNE_UPDATE_GOLDEN=1 to rewrite them, then read the diff.
///
/// The material's fingerprint changes whenever any bundled content or
/// template does, so it is written as `FINGERPRINT` here; the manifest test
/// checks the real one. The manifest itself holds hashes of the other files,
/// so it is checked by `CohortFilesTests` rather than kept as a golden copy.
@Suite("A small cohort's handouts")
struct GoldenTests {
    static let roster = """
    cohort: Autumn 2026, group B
    supervisor: Dr Morgan Ellery
    start: 2026-10-05
    notes: |
      Read the cards before Thursday, and bring **one** moment from this week.
    trainees:
      - name: Ana López
        note: You asked about staying with doubt. Start with the ~~first~~ third card.
        journal: journals/ana.md
      - name: Ben Okafor
        focus: your-triggers
        journal: journals/ben.md
      - Chiara Bianchi
    """

    static func render() throws -> [String: String] {
        let files = [
            "cohort/roster.yaml": roster,
            "cohort/journals/ana.md": Fixtures.journal(therapist: "Ana López", answers: [
                ("reflect-questioned-process", "ANA WROTE THIS"), ("reflect-what-i-did", ""),
            ]),
            "cohort/journals/ben.md": Fixtures.journal(therapist: "Ben Okafor", focus: "your-triggers", answers: [
                ("reflect-reassurance", "BEN WROTE THIS"),
            ]),
        ]
        let outputs = Fixtures.outputs(try Fixtures.run(files).fileSystem)
        return outputs.filter { $0.key != "manifest.json" }
            .mapValues { $0.replacingOccurrences(of: Fixtures.resources.fingerprint, with: "FINGERPRINT") }
    }

    @Test("renders exactly as the reviewed golden files")
    func matchesGolden() throws {
        let actual = try Self.render()
        #expect(actual.keys.sorted() == [
            "all.html", "ana-lópez.html", "ana-lópez.md", "ben-okafor.html", "ben-okafor.md",
            "chiara-bianchi.html", "chiara-bianchi.md", "cohort-summary.html", "index.html",
        ])
        if ProcessInfo.processInfo.environment["ATTUNE_UPDATE_GOLDEN"] == "1" {
            try FileManager.default.createDirectory(at: Fixtures.goldenFolder, withIntermediateDirectories: true)
            for (name, text) in actual {
                try text.write(to: Fixtures.goldenFolder.appendingPathComponent(name), atomically: true, encoding: .utf8)
            }
        }
        for (name, text) in actual.sorted(by: { $0.key < $1.key }) {
            let golden = Fixtures.goldenFolder.appendingPathComponent(name)
            let expected = try String(contentsOf: golden, encoding: .utf8)
            #expect(text == expected, "differs from \(golden.path); rerun with ATTUNE_UPDATE_GOLDEN=1 and review the diff")
        }
    }
}
