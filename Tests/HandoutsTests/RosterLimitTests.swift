import Diagnostics
import Files
import Testing
@testable import Handouts

/// A roster, and each note in it, is bounded before any parser sees it:
/// the file before YAML or CSV, each note before Markdown.
@Suite("Roster size limits")
struct RosterLimitTests {
    func problems(_ text: String, path: String = "cohort/roster.yaml") -> [String] {
        let reading = RosterReader(fileSystem: InMemoryFileSystem(files: [path: text]), content: Fixtures.content)
            .read(path, overrides: RosterOverrides(cohort: "Group B", supervisor: "Dr Ellery", start: Fixtures.start, currentWeek: Fixtures.week))
        return (reading.rosterProblems + reading.traineeProblems).map(\.description)
    }

    /// A YAML roster padded with a comment to exactly `size` bytes.
    func yaml(size: Int) -> String {
        let roster = Fixtures.yaml("  - Ana\n")
        return roster + "#" + String(repeating: "x", count: size - roster.utf8.count - 2) + "\n"
    }

    @Test("a YAML roster of exactly 1 MiB is read; one byte more is refused before parsing")
    func yamlFile() {
        #expect(yaml(size: InputLimits.rosterBytes).utf8.count == 1_048_576)
        #expect(problems(yaml(size: InputLimits.rosterBytes)) == [])
        #expect(problems(yaml(size: InputLimits.rosterBytes + 1)) == [
            "cohort/roster.yaml:1:1: error: this roster is 1.0 MiB, over Attune's limit of 1 MiB",
        ])
    }

    @Test("a CSV roster is bounded the same way")
    func csvFile() {
        let rows = "name\n" + (0..<80_000).map { "Trainee \($0)\n" }.joined()
        let exact = String(rows.utf8.prefix(InputLimits.rosterBytes - 1))! + "\n"
        #expect(exact.utf8.count == InputLimits.rosterBytes)
        #expect(!problems(exact, path: "cohort/roster.csv").contains { $0.contains("limit") })
        #expect(problems(exact + "x", path: "cohort/roster.csv") == [
            "cohort/roster.csv:1:1: error: this roster is 1.0 MiB, over Attune's limit of 1 MiB",
        ])
    }

    @Test("a note of exactly 64 KiB is kept; one byte more is refused at the note, naming the limit")
    func noteSize() {
        let exact = String(repeating: "x", count: InputLimits.noteBytes)
        #expect(problems(Fixtures.yaml("  - name: Ana\n    note: \(exact)\n")) == [])
        #expect(problems(Fixtures.yaml("  - name: Ana\n    note: \(exact)y\n")) == [
            "cohort/roster.yaml:6:11: error: this note is 65537 bytes, over Attune's limit of 64 KiB for one note",
        ])
        #expect(problems(Fixtures.yaml("  - Ana\n", extra: "notes: \(exact)y\n")) == [
            "cohort/roster.yaml:4:8: error: the roster's notes is 65537 bytes, over Attune's limit of 64 KiB for one note",
        ])
    }

    @Test("a table row too wide for cmark-gfm is refused in a note, even when YAML folds it from short lines")
    func wideTableInNote() {
        let wide = String(repeating: "|a", count: 250) + "|"
        #expect(problems(Fixtures.yaml("  - name: Ana\n    note: \"\(wide)\"\n")) == [
            "cohort/roster.yaml:6:11: error: line 1 of this note: this line has 251 '|' characters; a table row may have at most 200 cells",
        ])
        let folded = (0..<251).map { _ in "|a" }.joined(separator: "\n      ")
        #expect(problems(Fixtures.yaml("  - name: Ana\n    note: \"\(folded)\"\n")) == [
            "cohort/roster.yaml:6:11: error: line 1 of this note: this line has 251 '|' characters; a table row may have at most 200 cells",
        ])
        let explosive = String(repeating: "|a", count: 199) + "|\n" + String(repeating: "|-", count: 199) + "|\n" + String(repeating: "a\n", count: 300)
        let block = explosive.split(separator: "\n").map { "      " + $0 }.joined(separator: "\n")
        #expect(problems(Fixtures.yaml("  - name: Ana\n    note: |\n\(block)\n")) == [
            "cohort/roster.yaml:6:11: error: line 2 of this note: this table has 199 columns and at least 251 rows; cmark-gfm fills out every row to 199 cells, and a table may have at most 50000 cells: split it, or leave a blank line after it",
        ])
        let narrow = String(repeating: "|a", count: 199) + "|"
        #expect(problems(Fixtures.yaml("  - name: Ana\n    note: \"\(narrow)\"\n")) == [])
    }
}

extension RosterLimitTests {
    @Test("more than 1,000 '<!' openers in a note are refused, naming the note")
    func openersInNote() {
        let openers = String(repeating: "a <!", count: 1_001)
        #expect(problems(Fixtures.yaml("  - name: Ana\n    note: \"\(openers)\"\n")) == [
            "cohort/roster.yaml:6:11: error: line 1 of this note: more than 1000 '<!' or '<?' sequences in this note; Attune stops here rather than risk a very slow parse",
        ])
    }
}
