import Foundation
import Testing

/// The README's handouts commands on the example cohort, run as a supervisor
/// would: the roster as it is (the CSV as a spreadsheet exports it), the
/// week they meant, and notes whose card and prompt numbers are the ones
/// each trainee's handout shows.
@Suite("The example cohort, as the README runs it")
struct ExampleCohortTests {
    /// "Card 29", "card 30", "prompt 10": every number a note names.
    static func references(in note: String) -> [(kind: String, number: Int)] {
        let pattern = try! NSRegularExpression(pattern: #"\b(card|prompt) (\d+)\b"#, options: [.caseInsensitive])
        let text = note as NSString
        return pattern.matches(in: note, range: NSRange(location: 0, length: text.length)).map { match in
            (text.substring(with: match.range(at: 1)).lowercased(), Int(text.substring(with: match.range(at: 2)))!)
        }
    }

    @Test("both rosters give the same week, and every card or prompt a note names is in that trainee's handout")
    func notesMatchHandouts() throws {
        let fixture = try DiskFixture()
        defer { fixture.remove() }
        let yaml = try fixture.run(["handouts", "cohort/roster.yaml", "--week", "2026-W47", "--out", "from-yaml"])
        #expect(yaml.status == 0, "\(yaml.stderr)")
        let csv = try fixture.run(["handouts", "cohort/roster.csv", "--cohort", "Group B", "--supervisor", "Dr Ellery", "--week", "2026-W47", "--out", "from-csv"])
        #expect(csv.status == 0, "\(csv.stderr)")
        for run in [yaml, csv] {
            #expect(run.stdout.hasPrefix("Focus for 2026-W47: When the therapy itself is questioned (when-therapy-is-questioned), week 7 of the course, which began 2026-10-05 (from "))
            #expect(run.stdout.contains("\n2 trainees have their own focus in the roster.\nWrote 12 handouts (28 files) to "))
        }

        let checked: [(stem: String, note: String)] = [
            ("ana-lópez", "You asked about staying with a client's doubt without defending the work. Card 29 is for you, then prompt 10."),
            ("chiara-bianchi", "Start with card 30, on reassurance, then card 31, on your own material."),
        ]
        var references = 0
        for (stem, note) in checked {
            for folder in ["from-yaml", "from-csv"] {
                let handout = try #require(fixture.read("\(folder)/\(stem).md"), "\(folder)/\(stem).md")
                #expect(handout.contains(note), "\(folder)/\(stem)")
                for (kind, number) in Self.references(in: note) {
                    let heading = kind == "card" ? "\n### Card \(number) · " : "\n## Prompt \(number) · "
                    #expect(handout.contains(heading), "\(folder)/\(stem): \(kind) \(number)")
                    references += 1
                }
            }
        }
        #expect(references == 8)
        // Every note in the roster is one of those checked, or names no number.
        let roster = try #require(fixture.read("cohort/roster.yaml"))
        #expect(Self.references(in: roster).count == 4)

        // Jonas's note names his focus, which his handout shows.
        let jonas = try #require(fixture.read("from-csv/jonas-weiß.md"))
        #expect(jonas.contains("- **Focus:** Noticing withdrawal\n"))
        #expect(jonas.contains("Catching up on Noticing withdrawal, since you missed it."))

        // The CSV and the YAML roster give every trainee the same focus and material.
        for stem in ["ana-lópez", "ben-okafor", "chiara-bianchi", "jonas-weiß", "kiri-tane"] {
            let a = try #require(fixture.read("from-yaml/\(stem).md")), b = try #require(fixture.read("from-csv/\(stem).md"))
            #expect(a.components(separatedBy: "## Teaching cards")[1].replacingOccurrences(of: "Dr Morgan Ellery", with: "Dr Ellery")
                == b.components(separatedBy: "## Teaching cards")[1], "\(stem)")
        }
    }

    @Test("the summary shows figures: 6 trainees on the week's trigger, type and markers (each with its card's number), journals as a band")
    func summaryFigures() throws {
        let fixture = try DiskFixture()
        defer { fixture.remove() }
        let run = try fixture.run(["handouts", "cohort/roster.yaml", "--week", "2026-W47", "--out", "out"])
        #expect(run.status == 0, "\(run.stderr)")
        let summary = try #require(fixture.read("out/cohort-summary.html"))
        #expect(summary.contains("Shared journals counted: 5–9 "))
        for topic in [
            "Card 29 · When a client questions whether therapy is worth it", "Card 9 · Confrontation ruptures",
            "Marker: Card 20 · Complaints/concerns about the activities of therapy",
            "Marker: Card 21 · Complaints/concerns about the parameters of therapy",
            "Marker: Card 22 · Complaints/concerns about progress in therapy",
        ] {
            #expect(summary.contains("<tr><td>\(topic)</td><td>6</td></tr>"), "\(topic)")
        }
    }
}
