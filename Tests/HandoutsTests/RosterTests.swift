import ContentModel
import Diagnostics
import Files
import Testing
@testable import Handouts

@Suite("Reading a roster")
struct RosterTests {
    func read(_ files: [String: String], path: String = "cohort/roster.yaml", overrides: RosterOverrides = Fixtures.overrides) -> RosterReader.Reading {
        RosterReader(fileSystem: InMemoryFileSystem(files: files), content: Fixtures.content).read(path, overrides: overrides)
    }

    @Test("reads the cohort, the supervisor, the week, notes and every trainee's fields")
    func readsYAML() throws {
        let roster = try #require(read(["cohort/roster.yaml": Fixtures.yaml("""
              - name: Ana López
                focus: your-triggers
                note: Start with *reassurance*.
                journal: journals/ana.md
              - Ben   Okafor
            """, extra: "notes: |\n  Bring one moment.\n  Just one.\n"), "cohort/journals/ana.md": "x"]).roster)
        #expect(roster.cohort == "Group B")
        #expect(roster.supervisor == "Dr Morgan Ellery")
        #expect(roster.week == Fixtures.week)
        #expect(roster.notes == "Bring one moment.\nJust one.")
        #expect(roster.trainees.map(\.name) == ["Ana López", "Ben Okafor"])
        #expect(roster.trainees.map(\.focus) == ["your-triggers", Fixtures.seventhWeek])
        #expect(roster.trainees[0].note == "Start with *reassurance*.")
        #expect(roster.trainees[0].journal == "cohort/journals/ana.md")
        #expect(roster.trainees[1].journal == nil)
    }

    @Test("takes the curriculum week from the cohort's start date")
    func startDate() throws {
        // 2026-10-05 is the Monday of 2026-W41, so 2026-W47 is the seventh week.
        let text = Fixtures.yaml("  - Ana").replacingOccurrences(of: "week: 2026-W47", with: "start: 2026-10-05")
        let roster = try #require(read(["cohort/roster.yaml": text], overrides: Fixtures.noStart).roster)
        #expect(roster.trainees[0].focus == Fixtures.content.weeks[6].id)
        #expect(roster.trainees[0].focus == "when-therapy-is-questioned")
        #expect(roster.focusChoice?.line(for: roster.week)
            == "Focus for 2026-W47: When the therapy itself is questioned (when-therapy-is-questioned), week 7 of the course, which began 2026-10-05 (from cohort/roster.yaml).")
    }

    @Test("takes the start from course.yaml beside the roster when the roster has none")
    func courseFile() throws {
        let files = ["cohort/roster.yaml": Fixtures.yaml("  - Ana"), "cohort/course.yaml": "start: 2026-10-05\n"]
        let roster = try #require(read(files, overrides: Fixtures.noStart).roster)
        #expect(roster.trainees[0].focus == "when-therapy-is-questioned")
        #expect(roster.focusChoice?.reason == "week 7 of the course, which began 2026-10-05 (from cohort/course.yaml)")
        // Past the curriculum's end it starts again, and says so.
        let later = RosterOverrides(week: ISOWeek("2027-W07")!, currentWeek: Fixtures.week)
        let again = try #require(read(files, overrides: later).roster)
        #expect(again.focusChoice?.reason
            == "week 20 of the course, which began 2026-10-05 (from cohort/course.yaml); the 17-week curriculum has started again, so this is its week 3")
        #expect(again.trainees[0].focus == Fixtures.content.weeks[2].id)
    }

    @Test("takes the summary threshold from course.yaml: 2 is refused where it is written, 3 is taken, --summary-threshold wins")
    func summaryThreshold() throws {
        func files(_ threshold: String) -> [String: String] {
            ["cohort/roster.yaml": Fixtures.yaml("  - Ana"), "cohort/course.yaml": "start: 2026-10-05\nsummary-threshold: \(threshold)\n"]
        }
        let rule = "must be a whole number from 3 to 1000: below 3, a trainee could tell from a count what another wrote"
        for refused in ["2", "0", "-4", "1001", "five", "3.5"] {
            #expect(Fixtures.problems(files(refused), overrides: Fixtures.noStart).lines == [
                "cohort/course.yaml:2:20: error: summary-threshold \(rule)",
            ], "\(refused)")
        }
        let three = try #require(read(files("3"), overrides: Fixtures.noStart).roster)
        #expect(three.summaryThreshold == 3)
        #expect(three.summaryThresholdOrigin == "cohort/course.yaml")
        let most = try #require(read(files("1000"), overrides: Fixtures.noStart).roster)
        #expect(most.summaryThreshold == 1000)
        var flag = Fixtures.noStart
        flag.summaryThreshold = 7
        let flagged = try #require(read(files("3"), overrides: flag).roster)
        #expect(flagged.summaryThreshold == 7)
        #expect(flagged.summaryThresholdOrigin == "--summary-threshold")
        // Neither: the default, and the page says so.
        let none = try #require(read(["cohort/roster.yaml": Fixtures.yaml("  - Ana")]).roster)
        #expect(none.summaryThreshold == 5)
        #expect(none.summaryThresholdOrigin == "Attune’s default")
    }

    @Test("refuses a roster with no start when a trainee needs the cohort's focus: the week would be a guess")
    func noStart() throws {
        let result = Fixtures.problems(["cohort/roster.yaml": Fixtures.yaml("  - Ana")], overrides: Fixtures.noStart)
        #expect(result.lines == [
            "cohort/roster.yaml:3:7: error: the roster gives no start, so which curriculum week 2026-W47 is cannot be known: add 'start: 2026-10-05' (the first day of the course) to the roster or to course.yaml beside it, or pass --start",
        ])
        // Every trainee with their own focus: nothing to guess.
        let own = try #require(read(["cohort/roster.yaml": Fixtures.yaml("  - name: Ana\n    focus: your-triggers")], overrides: Fixtures.noStart).roster)
        #expect(own.focusChoice == nil)
        #expect(own.trainees[0].focus == "your-triggers")
        // A course file with a mistake in it is reported where it is.
        let bad = Fixtures.problems(
            ["cohort/roster.yaml": Fixtures.yaml("  - Ana"), "cohort/course.yaml": "start: 5 October\nsumary-threshold: 4\n"],
            overrides: Fixtures.noStart)
        #expect(bad.lines == [
            "cohort/course.yaml:1:8: error: start must be a date such as 2026-10-05, the first day of the course",
            "cohort/course.yaml:2:1: error: unknown field 'sumary-threshold' in the course file; did you mean 'summary-threshold'?",
            "cohort/roster.yaml:3:7: error: the roster gives no start, so which curriculum week 2026-W47 is cannot be known: add 'start: 2026-10-05' (the first day of the course) to the roster or to course.yaml beside it, or pass --start",
        ])
    }

    @Test("lets the flags win over the roster's own cohort, supervisor and week")
    func flagsWin() throws {
        let overrides = RosterOverrides(cohort: "Group C", supervisor: "Dr Lee", week: ISOWeek("2026-W48")!, start: Fixtures.start, currentWeek: Fixtures.week)
        let roster = try #require(read(["cohort/roster.yaml": Fixtures.yaml("  - Ana")], overrides: overrides).roster)
        #expect(roster.cohort == "Group C")
        #expect(roster.supervisor == "Dr Lee")
        #expect(roster.week == ISOWeek("2026-W48"))
    }

    @Test("points at every bad row: unknown focus, duplicate, missing name, unreadable journal")
    func traineeProblems() {
        let result = Fixtures.problems(["cohort/roster.yaml": Fixtures.yaml("""
              - name: Ana López
                focus: your-trigers
              - name: Ben Okafor
              - name: ana lópez
              - focus: noticing-withdrawal
              - name: Dev Patel
                journal: journals/dev.md
              - name: Eve
                journal: journals
            """), "cohort/journals/other.md": "x"])
        #expect(result.step == .readRoster)
        #expect(result.lines == [
            "cohort/roster.yaml:6:12: error: unknown focus 'your-trigers'; did you mean 'your-triggers'?",
            "cohort/roster.yaml:8:11: error: trainee 'ana lópez' is listed twice (first at line 5); add something to tell them apart, such as an initial",
            "cohort/roster.yaml:9:5: error: this trainee has no name",
            "cohort/roster.yaml:11:14: error: cannot read journal 'journals/dev.md' (cohort/journals/dev.md): no such file",
            "cohort/roster.yaml:13:14: error: cannot read journal 'journals' (cohort/journals): it is a folder; name the journal file",
        ])
        #expect(result.written.isEmpty)
    }

    @Test("refuses one journal shared by two trainees: it would be counted twice")
    func journalSharedTwice() {
        let result = Fixtures.problems(["cohort/roster.yaml": Fixtures.yaml("""
              - name: Ana
                journal: j.md
              - name: Ben
                journal: ./j.md
              - name: Cy
                journal: j.md
            """), "cohort/j.md": "x"])
        #expect(result.lines == [
            "cohort/roster.yaml:8:14: error: journal './j.md' (cohort/./j.md) is already shared by 'Ana' (line 6); each trainee shares their own",
            "cohort/roster.yaml:10:14: error: journal 'j.md' (cohort/j.md) is already shared by 'Ana' (line 6); each trainee shares their own",
        ])
    }

    @Test("--start counts the curriculum from the flag's date")
    func startFlag() throws {
        let overrides = RosterOverrides(week: Fixtures.week, start: CourseStart(date: "2026-10-05", origin: "--start"), currentWeek: Fixtures.week)
        let roster = try #require(read(["cohort/roster.yaml": Fixtures.yaml("  - Ana")], overrides: overrides).roster)
        #expect(roster.trainees[0].focus == "when-therapy-is-questioned")
        #expect(RosterOverrides.week(ofDate: "2026-10-05") == ISOWeek("2026-W41"))
        #expect(RosterOverrides.week(ofDate: "2027-01-01") == ISOWeek("2026-W53"))
        #expect(RosterOverrides.week(ofDate: "2026-13-01") == nil)
    }

    @Test("reports roster-wide problems with the rows' problems, all at once")
    func rosterProblems() {
        let text = """
        cohort: Group B
        week: 2026-W99
        start: 2026-02-30
        trainee:
          - Ana
        """
        let result = Fixtures.problems(["cohort/roster.yaml": text], overrides: Fixtures.noStart)
        #expect(result.lines == [
            "cohort/roster.yaml:1:1: error: the roster is missing required field 'trainees'",
            "cohort/roster.yaml:1:1: error: the roster is missing required field 'supervisor' (or give it with --supervisor)",
            "cohort/roster.yaml:2:7: error: week '2026-W99' is not an ISO week such as 2026-W47",
            "cohort/roster.yaml:3:8: error: start '2026-02-30' is not a date such as 2026-09-07",
            "cohort/roster.yaml:4:1: error: unknown field 'trainee' in the roster; did you mean 'trainees'?",
        ])
        #expect(result.written.isEmpty)
    }

    @Test("refuses a week before the cohort starts, and headings that would break the handout")
    func startAndHeadings() {
        let text = Fixtures.yaml("""
              - name: Ana
                note: |
                  ## My plan
                  text
            """, extra: "start: 2026-12-07\nnotes: \"# Hello\"\n")
        let result = Fixtures.problems(["cohort/roster.yaml": text], overrides: Fixtures.noStart)
        #expect(result.lines == [
            "cohort/roster.yaml:4:8: error: the handouts are for 2026-W47, before the course began (2026-12-07, in 2026-W50)",
            "cohort/roster.yaml:5:8: error: '# Hello' is a top-level heading; in a note, start headings at '###'",
            "cohort/roster.yaml:8:11: error: '## My plan' is a top-level heading; in a note, start headings at '###'",
        ])
    }

    @Test("says what is wrong with a file that is not a roster")
    func notARoster() {
        #expect(Fixtures.problems([:], roster: "missing.yaml").lines == ["missing.yaml:1:1: error: cannot read the roster: no such file"])
        #expect(Fixtures.problems(["r.txt": "x"], roster: "r.txt").lines == ["r.txt:1:1: error: a roster is a .yaml, .yml or .csv file"])
        #expect(Fixtures.problems(["r.yaml": ""], roster: "r.yaml").lines == [
            "r.yaml:1:1: error: the roster is empty: it needs a cohort, a supervisor and trainees",
        ])
        #expect(Fixtures.problems(["r.yaml": "cohort: [a\n"], roster: "r.yaml").lines == [
            "r.yaml:1:9: error: a '[' at the start of a value opens an inline list that is never closed: if it is text, put the whole value in quotes (YAML: did not find expected ',' or ']')",
        ])
    }

    @Test("refuses a misspelt or unknown key in a trainee's entry, with the nearest field")
    func unknownTraineeKeys() {
        let result = Fixtures.problems(["cohort/roster.yaml": Fixtures.yaml("""
              - name: Ana López
                notes: Card 4 is for you.
              - name: Ben Okafor
                jornal: journals/ben.md
              - name: Chiara Bianchi
                email: chiara@example.org
            """)])
        #expect(result.step == .readRoster)
        #expect(result.lines == [
            "cohort/roster.yaml:6:5: error: unknown field 'notes' in a trainee; did you mean 'note'?",
            "cohort/roster.yaml:8:5: error: unknown field 'jornal' in a trainee; did you mean 'journal'?",
            "cohort/roster.yaml:10:5: error: unknown field 'email' in a trainee (expected one of: name, focus, note, journal)",
        ])
        #expect(result.written.isEmpty)
    }

    @Test("says in plain words what a YAML slip is, and where to fix it", arguments: [
        (
            "    note: Card 4: for you\n",
            "cohort/roster.yaml:6:17: error: a colon followed by a space can only end a key: if it is part of the text, put the whole value in quotes, like note: \"Card 4: read it first\" (YAML: mapping values are not allowed in this context)"
        ),
        (
            "   note: misaligned\n",
            "cohort/roster.yaml:6:4: error: this line is indented differently from the lines above it: keys of one entry start in the same column, and each list item starts with '- ' (YAML: did not find expected '-' indicator)"
        ),
        (
            "\tnote: a tab\n",
            "cohort/roster.yaml:6:1: error: a tab cannot indent YAML: use spaces (YAML: found a tab character that violates indentation)"
        ),
        (
            "    note: \"never closed\n",
            "cohort/roster.yaml:6:11: error: this quote is never closed: end the value with the same quote mark, and double a single quote inside single quotes ('') (YAML: found unexpected end of stream)"
        ),
        (
            "    note: \"C:\\q\"\n",
            "cohort/roster.yaml:6:14: error: inside double quotes a backslash starts an escape: use single quotes, or write \\\\ for a backslash (YAML: found unknown escape character)"
        ),
        (
            "    note: [see card 4\n",
            "cohort/roster.yaml:6:11: error: a '[' at the start of a value opens an inline list that is never closed: if it is text, put the whole value in quotes (YAML: did not find expected ',' or ']')"
        ),
    ])
    func syntaxHints(row: String, expected: String) {
        let result = Fixtures.problems(["cohort/roster.yaml": Fixtures.yaml("  - name: Ana\n" + row)])
        #expect(result.lines == [expected])
        #expect(result.written.isEmpty)
    }

    @Test("says where a key lost its colon, and when a key is indented under a value")
    func keyHints() {
        #expect(Fixtures.problems(["r.yaml": "cohort: G\nsupervisor Dr Ellery\ntrainees: [Ana]\n"], roster: "r.yaml").lines == [
            "r.yaml:2:1: error: this line has no ':' after its key: write it as key: value (YAML: could not find expected ':')",
        ])
        #expect(Fixtures.problems(["r.yaml": "cohort: G\n  supervisor: S\n"], roster: "r.yaml").lines == [
            "r.yaml:2:13: error: this key is indented under a value that cannot hold it: start it in the same column as the keys beside it (YAML: mapping values are not allowed in this context)",
        ])
    }
}

@Suite("Reading a CSV roster")
struct CSVRosterTests {
    let overrides = RosterOverrides(cohort: "Group B", supervisor: "Dr Morgan Ellery", start: Fixtures.start, currentWeek: Fixtures.week)

    func roster(_ text: String) throws -> Roster {
        let files = ["cohort/roster.csv": text, "cohort/j.md": "x"]
        let reading = RosterReader(fileSystem: InMemoryFileSystem(files: files), content: Fixtures.content)
            .read("cohort/roster.csv", overrides: overrides)
        #expect(reading.rosterProblems.isEmpty && reading.traineeProblems.isEmpty, "\(reading.rosterProblems + reading.traineeProblems)")
        return try #require(reading.roster)
    }

    @Test("reads what spreadsheets export: a BOM, CRLF, quoted commas, doubled quotes, line breaks in quotes")
    func spreadsheetExport() throws {
        let text = "\u{FEFF}Name,Focus,Note,Journal\r\n"
            + "\"López, Ana\",your-triggers,\"She said \"\"enough\"\", then left\",j.md\r\n"
            + "\r\n"
            + "Ben Okafor,,\"Two\r\nlines\",\r\n"
        let roster = try roster(text)
        #expect(roster.trainees.map(\.name) == ["López, Ana", "Ben Okafor"])
        #expect(roster.trainees[0].focus == "your-triggers")
        #expect(roster.trainees[0].note == "She said \"enough\", then left")
        #expect(roster.trainees[0].journal == "cohort/j.md")
        #expect(roster.trainees[1].note == "Two\nlines")
        #expect(roster.trainees[1].location == SourceLocation(path: "cohort/roster.csv", line: 4, column: 1))
    }

    @Test("needs only a name column, in any position; takes ';' where a locale uses it")
    func onlyNames() throws {
        #expect(try roster("name\nAna\nBen\n").trainees.map(\.name) == ["Ana", "Ben"])
        #expect(try roster("journal;name\n;Ana\n").trainees.map(\.name) == ["Ana"])
    }

    @Test("points at the cell: unknown column, unknown focus, missing name, unreadable journal, duplicate")
    func cellPositions() {
        let text = "name,focus,notes,journal\n"
            + "Ana,your-trigers,,\n"
            + ",noticing-withdrawal,,\n"
            + "\"Ben \"\"B\"\" Okafor\",,,missing.md\n"
            + "ana,,,\n"
        let result = Fixtures.problems(["cohort/roster.csv": text], roster: "cohort/roster.csv", overrides: overrides)
        #expect(result.lines == [
            "cohort/roster.csv:1:12: error: unknown column 'notes'; did you mean 'note'?",
            "cohort/roster.csv:2:5: error: unknown focus 'your-trigers'; did you mean 'your-triggers'?",
            "cohort/roster.csv:3:1: error: this trainee has no name",
            "cohort/roster.csv:4:22: error: cannot read journal 'missing.md' (cohort/missing.md): no such file",
            "cohort/roster.csv:5:1: error: trainee 'ana' is listed twice (first at line 2); add something to tell them apart, such as an initial",
        ])
        #expect(result.written.isEmpty)
    }

    @Test("reads a spreadsheet export as it is: other columns are ignored and named in one note")
    func otherColumns() throws {
        let files = ["cohort/roster.csv": "Name,Email,Focus,Note,Journal,Phone\nAna,ana@example.org,,Card 4 is for you.,j.md,0123\nBen,,,,,\n", "cohort/j.md": "x"]
        let reading = RosterReader(fileSystem: InMemoryFileSystem(files: files), content: Fixtures.content)
            .read("cohort/roster.csv", overrides: overrides)
        #expect(reading.rosterProblems.isEmpty && reading.traineeProblems.isEmpty)
        let roster = try #require(reading.roster)
        #expect(roster.trainees.map(\.name) == ["Ana", "Ben"])
        #expect(roster.trainees[0].note == "Card 4 is for you.")
        #expect(roster.notices.map(\.description) == [
            "cohort/roster.csv:1:6: note: ignored columns 'Email' and 'Phone': Attune reads only name, focus, note and journal",
        ])
        let one = try #require(RosterReader(fileSystem: InMemoryFileSystem(files: ["r.csv": "name,Year\nAna,2\n"]), content: Fixtures.content)
            .read("r.csv", overrides: overrides).roster)
        #expect(one.notices.map(\.description) == ["r.csv:1:6: note: ignored column 'Year': Attune reads only name, focus, note and journal"])
        let (report, _) = try Fixtures.run(["r.csv": "name,Year\nAna,2\n"], roster: "r.csv", overrides: overrides)
        #expect(report.notices == one.notices)
    }

    @Test("needs the cohort and supervisor from the command line, and a name column")
    func needsFlags() {
        let result = Fixtures.problems(["r.csv": "nom\nAna\n"], roster: "r.csv")
        #expect(result.lines == [
            "r.csv:1:1: note: ignored column 'nom': Attune reads only name, focus, note and journal",
            "r.csv:1:1: error: the header row needs a 'name' column",
            "r.csv:1:1: error: a CSV roster does not name its cohort: give it with --cohort",
            "r.csv:1:1: error: a CSV roster does not name its supervisor: give it with --supervisor",
        ])
    }

    @Test("says which row has a stray quote or an extra cell")
    func malformed() {
        let unbalanced = Fixtures.problems(["r.csv": "name\nAna\nB\"en\nCy\n"], roster: "r.csv", overrides: overrides)
        #expect(unbalanced.lines == [
            "r.csv:3:1: error: the CSV cannot be read: a quote inside a cell must be doubled (\"\"), and a quoted cell must end with a quote",
        ])
        let extra = Fixtures.problems(["r.csv": "name,focus\nAna,,oops\n"], roster: "r.csv", overrides: overrides)
        #expect(extra.lines == ["r.csv:2:6: error: this row has a value in column 3, but the header names only 2 columns"])
    }
}

@Suite("Journal paths compared by spelling")
struct JournalPathKeyTests {
    @Test("two spellings of one path give one key", arguments: [
        ("cohort/./j.md", "cohort/j.md"), ("cohort//j.md", "cohort/j.md"), ("cohort/x/../j.md", "cohort/j.md"),
        ("/a/b/../../c", "/c"), ("/../c", "/c"), ("../j.md", "../j.md"), ("a/../../j.md", "../j.md"), ("./", "."),
    ])
    func normalised(path: String, expected: String) {
        #expect(RosterReader.lexicallyNormalised(path) == expected)
    }
}
