import AttuneCLI
import Foundation
import Testing

@Suite("attune handouts")
struct HandoutsCommandTests {
    static let roster = """
    cohort: Group B
    supervisor: Dr Morgan Ellery
    start: 2026-10-05
    trainees:
      - name: Ana López
        focus: your-triggers
      - Ben Okafor
      - Chiara Bianchi
    """

    /// Progress goes here instead of the real terminal.
    static let quiet = ProgressDisplay(isTerminal: false, write: { _ in })

    /// Runs `body` (which runs the CLI) with progress going to `display`.
    func run(_ display: ProgressDisplay = quiet, _ body: () -> Int32) -> Int32 {
        ProgressDisplay.$current.withValue(display, operation: body)
    }

    @Test("writes the handouts to handouts/ and says how many, where and how long")
    func success() throws {
        let cli = CLIHarness(files: ["roster.yaml": Self.roster])
        #expect(run { cli.run("handouts", "roster.yaml") } == 0)
        #expect(cli.stdout == """
        Focus for 2026-W47: When the therapy itself is questioned (when-therapy-is-questioned), week 7 of the course, which began 2026-10-05 (from roster.yaml).
        1 trainee has their own focus in the roster.
        Wrote 3 handouts (9 files) to handouts/ in 0.0 s; start at handouts/index.html
        """)
        #expect(cli.stderr.isEmpty)
        #expect(cli.fileSystem.snapshot.keys.filter { $0.hasPrefix("handouts/") }.sorted() == [
            "handouts/.attune-handouts", "handouts/all.html", "handouts/ana-lópez.html", "handouts/ana-lópez.md", "handouts/ben-okafor.html",
            "handouts/ben-okafor.md", "handouts/chiara-bianchi.html", "handouts/chiara-bianchi.md",
            "handouts/index.html", "handouts/manifest.json",
        ])
    }

    @Test("takes a CSV roster with the cohort, supervisor and week from flags; --out and --format choose the files")
    func csv() throws {
        let cli = CLIHarness(files: ["r.csv": "name\r\nAna\r\n"])
        #expect(run { cli.run("handouts", "r.csv", "--cohort", "B", "--supervisor", "Dr E", "--week", "2026-W48", "--start", "2026-10-05", "--out", "hb", "--format", "md") } == 0)
        #expect(cli.stdout == """
        Focus for 2026-W48: Nonverbal and unspoken ruptures (nonverbal-and-unspoken), week 8 of the course, which began 2026-10-05 (from --start).
        Wrote 1 handout (3 files) to hb/ in 0.0 s; start at hb/index.html
        """)
        #expect(try cli.fileSystem.readText(at: "hb/ana.md").contains("- **Week:** 2026-W48 (23–29 November 2026)\n"))
    }

    @Test("a spreadsheet export with columns Attune does not use works as it is, with one note naming them")
    func csvOtherColumns() throws {
        let cli = CLIHarness(files: ["r.csv": "Name,Email,Note\r\nAna,ana@example.org,Card 4 is for you.\r\n"])
        #expect(run { cli.run("handouts", "r.csv", "--cohort", "B", "--supervisor", "Dr E", "--week", "2026-W48", "--start", "2026-10-05") } == 0)
        #expect(cli.stderr == "r.csv:1:6: note: ignored column 'Email': Attune reads only name, focus, note and journal")
        #expect(try cli.fileSystem.readText(at: "handouts/ana.md").contains("Card 4 is for you."))
    }

    @Test("a misspelt key in a trainee's entry is an error, not a lost note")
    func misspeltTraineeKey() {
        let cli = CLIHarness(files: ["roster.yaml": Self.roster.replacingOccurrences(of: "focus: your-triggers", with: "notes: Card 4 is for you.")])
        #expect(run { cli.run("handouts", "roster.yaml") } == 1)
        #expect(cli.stderr == """
        roster.yaml:6:5: error: unknown field 'notes' in a trainee; did you mean 'note'?
        attune: 1 error while trying to read the roster; nothing was written.
        """)
    }

    @Test("prints every problem as path:line:column, then a summary, writes nothing and exits 1")
    func problems() {
        let bad = Self.roster.replacingOccurrences(of: "focus: your-triggers", with: "focus: your-trigers") + "\n  - ben okafor\n"
        let cli = CLIHarness(files: ["roster.yaml": bad])
        #expect(run { cli.run("handouts", "roster.yaml") } == 1)
        #expect(cli.stderr == """
        roster.yaml:6:12: error: unknown focus 'your-trigers'; did you mean 'your-triggers'?
        roster.yaml:9:5: error: trainee 'ben okafor' is listed twice (first at line 7); add something to tell them apart, such as an initial
        attune: 2 errors while trying to read the roster; nothing was written.
        """)
        #expect(cli.stdout.isEmpty)
        #expect(cli.fileSystem.snapshot.keys.sorted() == ["roster.yaml"])
    }

    @Test("a CSV roster without --cohort and --supervisor is an input error")
    func csvNeedsFlags() {
        let cli = CLIHarness(files: ["r.csv": "name\nAna\n"])
        #expect(run { cli.run("handouts", "r.csv") } == 1)
        #expect(cli.stderr == """
        r.csv:1:1: error: a CSV roster does not name its cohort: give it with --cohort
        r.csv:1:1: error: a CSV roster does not name its supervisor: give it with --supervisor
        r.csv:1:1: error: the roster gives no start, so which curriculum week 2026-W47 is cannot be known: add 'start: 2026-10-05' (the first day of the course) to the roster or to course.yaml beside it, or pass --start
        attune: 3 errors while trying to read the roster; nothing was written.
        """)
    }

    @Test("--keep-going writes the others, lists the problems and still exits 1")
    func keepGoing() {
        let bad = Self.roster.replacingOccurrences(of: "focus: your-triggers", with: "focus: nope")
        let cli = CLIHarness(files: ["roster.yaml": bad])
        #expect(run { cli.run("handouts", "roster.yaml", "--keep-going") } == 1)
        #expect(cli.stdout == """
        Focus for 2026-W47: When the therapy itself is questioned (when-therapy-is-questioned), week 7 of the course, which began 2026-10-05 (from roster.yaml).
        Wrote 2 handouts (7 files) to handouts/ in 0.0 s; start at handouts/index.html
        """)
        #expect(cli.stderr == """
        roster.yaml:6:12: error: unknown focus 'nope' (see 'attune new --help' for the curriculum's weeks)
        attune: 1 problem left 1 trainee without a handout (--keep-going); the others were written.
        """)
    }

    @Test("--summary-threshold 3 is taken, and the summary page names it and where it came from")
    func summaryThreshold() throws {
        let journal = """
        ---
        therapist: "Ben Okafor"
        week: 2026-W47
        focus: when-therapy-is-questioned
        ---

        # 2026-W47

        """
        let roster = Self.roster.replacingOccurrences(of: "  - Ben Okafor", with: "  - name: Ben Okafor\n    journal: ben.md")
        let cli = CLIHarness(files: ["roster.yaml": roster, "ben.md": journal])
        #expect(run { cli.run("handouts", "roster.yaml", "--summary-threshold", "3") } == 0)
        let page = try #require(cli.fileSystem.snapshot["handouts/cohort-summary.html"])
        #expect(page.contains("Shared journals counted: fewer than 3 (a range"))
        #expect(page.contains("The threshold of 3 comes from --summary-threshold;"))
    }

    @Test("rejects a mistyped command line with exit 64 before reading anything")
    func usage() {
        let cli = CLIHarness(files: ["r.yaml": Self.roster])
        #expect(run { cli.run("handouts") } == 64)
        #expect(run { cli.run("handouts", "r.yaml", "--week", "2026-W99") } == 64)
        #expect(run { cli.run("handouts", "r.yaml", "--start", "5 October") } == 64)
        #expect(run { cli.run("handouts", "r.yaml", "--jobs", "0") } == 64)
        #expect(run { cli.run("handouts", "r.yaml", "--format", "docx") } == 64)
        #expect(run { cli.run("handouts", "r.yaml", "--cohort", " ") } == 64)
        #expect(run { cli.run("handouts", "r.yaml", "--summary-threshold", "2") } == 64)
        #expect(cli.stderr.contains(
            "Error: --summary-threshold must be a whole number from 3 to 1000: below 3, a trainee could tell from a count what another wrote."))
        #expect(cli.stderr.contains("Error: '2026-W99' is not an ISO week; write it like 2026-W47."))
        #expect(cli.stderr.contains("Error: '5 October' is not a date; write it like 2026-10-05."))
        #expect(cli.fileSystem.snapshot.keys.sorted() == ["r.yaml"])
    }

    @Test("draws a progress bar on a terminal and clears it before the summary")
    func progressBar() {
        let cli = CLIHarness(files: ["roster.yaml": Self.roster])
        let captured = Captured()
        #expect(run(.init(isTerminal: true, write: captured.append)) { cli.run("handouts", "roster.yaml", "--jobs", "1") } == 0)
        let bar = String(repeating: "#", count: 30)
        #expect(captured.text == "\rRendering [\(bar)] 3/3\r" + String(repeating: " ", count: 60) + "\r")
    }

    @Test("prints a plain line per tenth of a long run when not on a terminal")
    func plainProgress() {
        let trainees = (1...100).map { "  - Trainee \($0)" }.joined(separator: "\n")
        let roster = "cohort: B\nsupervisor: E\nstart: 2026-10-05\ntrainees:\n" + trainees + "\n"
        let cli = CLIHarness(files: ["roster.yaml": roster])
        let captured = Captured()
        #expect(run(.init(isTerminal: false, write: captured.append)) { cli.run("handouts", "roster.yaml", "--jobs", "1", "--format", "md") } == 0)
        // --jobs 1 renders in batches of 8: a line when a batch crosses a tenth.
        #expect(captured.text == [16, 24, 32, 40, 56, 64, 72, 80, 96, 100].map { "Rendered \($0) of 100 handouts\n" }.joined())
    }

    /// Collects what a progress display writes.
    final class Captured: @unchecked Sendable {
        private let lock = NSLock()
        private var parts: [String] = []
        var text: String { lock.withLock { parts.joined() } }
        func append(_ part: String) { lock.withLock { parts.append(part) } }
    }
}
