import Files
import Foundation
import Handouts
import Testing

/// Output must not depend on the number of cores or on scheduling. Debian's
/// cmark-gfm loses `<del>` and links when strikethrough or autolink parse on
/// two threads at once; `GFM` serialises parsing, and these tests keep it so.
@Suite("Deterministic output")
struct DeterminismTests {
    /// `count` trainees over several focuses, each with a note that uses
    /// strikethrough and an autolink unique to them.
    static func roster(_ count: Int) -> String {
        let focuses = ["noticing-withdrawal", "your-triggers", "five-repair-steps", "when-therapy-is-questioned"]
        let rows = (0..<count).map { index in
            """
              - name: Trainee \(index)
                focus: \(focuses[index % focuses.count])
                note: "~~gone-\(index)~~ kept, see https://example.org/\(index)"
            """
        }
        return Fixtures.yaml(rows.joined(separator: "\n"), extra: "notes: \"Read ~~all~~ the cards: www.example.org\"\n")
    }

    func outputs(_ count: Int, workers: Int) throws -> [String: String] {
        Fixtures.outputs(try Fixtures.run(["cohort/roster.yaml": Self.roster(count)], workers: workers).fileSystem)
    }

    @Test("is byte-identical with 1, 2 and 8 workers, and from run to run")
    func acrossWorkers() throws {
        let one = try outputs(40, workers: 1)
        #expect(one.count == 40 * 2 + 3)
        #expect(try outputs(40, workers: 2) == one)
        #expect(try outputs(40, workers: 8) == one)
        #expect(try outputs(40, workers: 8) == one)
    }

    @Test("keeps every strikethrough and link when many handouts render at once")
    func concurrentGFM() throws {
        let out = try outputs(200, workers: 8)
        for index in 0..<200 {
            let html = try #require(out["trainee-\(index).html"])
            #expect(html.contains("<del>gone-\(index)</del> kept, see <a href=\"https://example.org/\(index)\">https://example.org/\(index)</a>"))
            #expect(html.contains("Read <del>all</del> the cards: <a href=\"http://www.example.org\">www.example.org</a>"))
        }
        #expect(try outputs(200, workers: 1) == out)
    }
}

@Suite("CSV and YAML rosters")
struct RosterFormatTests {
    @Test("give the same handouts, all.html and summary; the index and manifest differ only in the roster's name")
    func sameOutput() throws {
        let yaml = Fixtures.yaml("""
              - name: "López, Ana"
                note: "She said \\"enough\\", then left."
                journal: ana.md
              - name: Ben Okafor
                focus: your-triggers
                note: |
                  Two lines,
                  one note.
              - Chiara Bianchi
            """)
        let csv = "\u{FEFF}name,focus,note,journal\r\n"
            + "\"López, Ana\",,\"She said \"\"enough\"\", then left.\",ana.md\r\n"
            + "Ben Okafor,your-triggers,\"Two lines,\r\none note.\",\r\n"
            + "Chiara Bianchi,,,\r\n"
        let journal = Fixtures.journal(answers: [("reflect-questioned-process", "x")])
        let fromYAML = Fixtures.outputs(try Fixtures.run(["cohort/roster.yaml": yaml, "cohort/ana.md": journal]).fileSystem)
        let flags = RosterOverrides(cohort: "Group B", supervisor: "Dr Morgan Ellery", week: Fixtures.week, start: Fixtures.start, currentWeek: Fixtures.week)
        let fromCSV = Fixtures.outputs(try Fixtures.run(
            ["cohort/roster.csv": csv, "cohort/ana.md": journal], roster: "cohort/roster.csv", overrides: flags).fileSystem)

        #expect(fromYAML.keys.sorted() == fromCSV.keys.sorted())
        for (path, text) in fromYAML where path != "manifest.json" {
            let other = try #require(fromCSV[path])
            if path == "index.html" {
                #expect(text.replacingOccurrences(of: "cohort/roster.yaml", with: "cohort/roster.csv") == other)
            } else {
                #expect(text == other, "\(path)")
            }
        }
        let manifests = try [fromYAML, fromCSV].map { try JSONDecoder().decode(Manifest.self, from: Data($0["manifest.json"]!.utf8)) }
        #expect(manifests[0].handouts == manifests[1].handouts)
        #expect(manifests[0].cohortFiles.filter { $0.path != "index.html" } == manifests[1].cohortFiles.filter { $0.path != "index.html" })
    }
}
