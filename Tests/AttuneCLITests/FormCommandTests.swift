import Files
import Foundation
import Testing

@Suite("attune form")
struct FormCommandTests {
    @Test("writes this week's page to fill in, private to its owner, and says what to do next")
    func writesTheForm() throws {
        let cli = CLIHarness()
        #expect(cli.run("form", "--therapist", "Sam Rivera") == 0)
        let page = try cli.fileSystem.readText(at: "out/2026-W47-form.html")
        #expect(page.hasPrefix("<!DOCTYPE html>"))
        #expect(page.contains("<li><strong>Therapist:</strong> Sam Rivera</li>"))
        #expect(cli.fileSystem.permissions(at: "out/2026-W47-form.html") == .privateFile)
        #expect(cli.stdout.hasPrefix("""
        Focus for 2026-W47: The working alliance (the-working-alliance), week 1 of the course, taken to begin 2026-11-16 because no start was set and the folder 'journal' has no journals yet; if it began earlier, pass --start or write its first day in journal/course.yaml.
        Wrote out/2026-W47-form.html: 2026-W47 · The working alliance, 3 prompts to fill in.
        Recorded the course's start, 2026-11-16, in journal/course.yaml; later weeks count from it.
        Open it in a browser;
        """))
        // As `attune new` does: the start is written down for next week.
        #expect(cli.fileSystem.snapshot.keys.sorted() == ["journal/course.yaml", "out/2026-W47-form.html"])
        #expect(try cli.fileSystem.readText(at: "journal/course.yaml").contains("\nstart: 2026-11-16\n"))
        #expect(cli.stdout.hasSuffix("""
         later weeks count from it.
        Open it in a browser; your answers are saved there as you type. Then choose
        'Download answers' and run:
          attune import 2026-W47.md
        """))
        #expect(cli.stderr.isEmpty)
    }

    @Test("with no start and no journals, next week's form counts from the start the first one recorded")
    func firstFormRecordsTheStart() throws {
        let cli = CLIHarness()
        #expect(cli.run("form", "--therapist", "Sam Rivera", "--week", "2026-W47") == 0)
        #expect(cli.run("form", "--week", "2026-W48", "--therapist", "Sam Rivera", "--out", "out/next.html") == 0)
        #expect(cli.stdout.contains("""
        Focus for 2026-W48: Reflecting safely on real clients (reflecting-safely), week 2 of the course, which began 2026-11-16 (from journal/course.yaml).
        Wrote out/next.html: 2026-W48
        """))
        // Recorded once: the second run leaves the file alone and says nothing of it.
        #expect(cli.stdout.components(separatedBy: "Recorded the course's start").count == 2)
        // A start given with --start is recorded too; an existing course.yaml never changes.
        let given = CLIHarness()
        #expect(given.run("form", "--therapist", "Sam", "--start", "2026-10-05") == 0)
        #expect(given.stdout.contains("Recorded the course's start, 2026-10-05, in journal/course.yaml; later weeks count from it."))
        let kept = CLIHarness(files: ["journal/course.yaml": "start: 2026-10-05\n"])
        #expect(kept.run("form", "--therapist", "Sam") == 0)
        #expect(!kept.stdout.contains("Recorded"))
        #expect(try kept.fileSystem.readText(at: "journal/course.yaml") == "start: 2026-10-05\n")
    }

    @Test("a folder with a journal that does not parse still has journals: no start is guessed, and the message says how to set one")
    func brokenJournalIsNotAnEmptyFolder() {
        let cli = CLIHarness(files: ["journal/2026-W46.md": "not a journal"])
        #expect(cli.run("form", "--therapist", "Sam") == 1)
        #expect(cli.stderr.contains(
            "journal/course.yaml:1:1: error: the folder 'journal' has journals but no course start, so which curriculum week 2026-W47 is cannot be known: write the first day of the course in journal/course.yaml as 'start: 2026-10-05', or pass --start"))
        #expect(cli.fileSystem.snapshot.keys.sorted() == ["journal/2026-W46.md"])
    }

    @Test("takes the week, focus and output file it is given, and names the journal folder for import")
    func explicitOptions() throws {
        let cli = CLIHarness()
        #expect(cli.run("form", "--week", "2027-W01", "--focus", "noticing-withdrawal", "--therapist", "Sam",
                        "--journal", "notes", "--out", "pages/week.html") == 0)
        let page = try cli.fileSystem.readText(at: "pages/week.html")
        #expect(page.contains("<h1>2027-W01 · "))
        #expect(page.contains("focus: noticing-withdrawal\\n"))
        #expect(cli.stdout.hasSuffix("  attune import 2027-W01.md --journal notes"))
    }

    @Test("matches the week's journal when there is one: its name and focus")
    func followsTheJournal() throws {
        let cli = CLIHarness()
        #expect(cli.run("new", "--week", "2026-W47", "--focus", "noticing-withdrawal", "--therapist", "Noor Haddad") == 0)
        #expect(cli.run("form", "--week", "2026-W47") == 0)
        let page = try cli.fileSystem.readText(at: "out/2026-W47-form.html")
        #expect(page.contains("therapist: \\\"Noor Haddad\\\"\\nweek: 2026-W47\\nfocus: noticing-withdrawal\\n"))
    }

    @Test("refuses a focus or name its week's journal does not have: the download could never be imported")
    func conflictsWithTheJournal() throws {
        let cli = CLIHarness()
        #expect(cli.run("new", "--week", "2026-W47", "--focus", "noticing-withdrawal", "--therapist", "Noor") == 0)
        #expect(cli.run("form", "--week", "2026-W47", "--focus", "when-therapy-is-questioned", "--therapist", "Sam") == 1)
        #expect(cli.stderr == """
        journal/2026-W47.md:4:1: error: the journal for 2026-W47 is on focus 'noticing-withdrawal', so a form on 'when-therapy-is-questioned' could not be imported into it; leave out --focus
        journal/2026-W47.md:2:1: error: the journal for 2026-W47 is 'Noor''s, so a form for 'Sam' could not be imported into it; leave out --therapist
        attune: 2 errors while writing the form; nothing was written.
        """)
        #expect(!cli.fileSystem.fileExists(at: "out/2026-W47-form.html"))
    }

    @Test("asks for a name the first time, then reuses the latest journal's")
    func therapistName() throws {
        let cli = CLIHarness()
        #expect(cli.run("form") == 64)
        #expect(cli.stderr.contains("Attune needs your name for the form the first time: attune form --therapist \"Your Name\". Later weeks reuse it."))
        #expect(cli.run("new", "--week", "2026-W40", "--therapist", "Noor Haddad") == 0)
        #expect(cli.run("form") == 0)
        #expect(try cli.fileSystem.readText(at: "out/2026-W47-form.html").contains("<li><strong>Therapist:</strong> Noor Haddad</li>"))
    }

    @Test("rejects a malformed week, an unknown focus and a folder for --out")
    func validation() {
        let cli = CLIHarness()
        #expect(cli.run("form", "--week", "2026-47", "--therapist", "Sam") == 64)
        #expect(cli.stderr.contains("Error: '2026-47' is not an ISO week; write it like 2026-W47."))
        let focus = CLIHarness()
        #expect(focus.run("form", "--focus", "noticing-withdrawl", "--therapist", "Sam") == 64)
        #expect(focus.stderr.contains("Error: Unknown focus 'noticing-withdrawl'. Did you mean 'noticing-withdrawal'?"))
        let out = CLIHarness()
        #expect(out.run("form", "--therapist", "Sam", "--out", "pages/") == 64)
        #expect(out.stderr.contains("Error: --out names the page to write, such as out/form.html."))
        #expect(cli.fileSystem.snapshot.isEmpty && focus.fileSystem.snapshot.isEmpty && out.fileSystem.snapshot.isEmpty)
    }

    @Test("carries open ruptures forward as `attune new` does: joined with no answers, its layout is the journal `new` writes")
    func carriesRupturesForward() throws {
        let cli = CLIHarness()
        #expect(cli.run("new", "--week", "2026-W46", "--therapist", "Sam") == 0)
        var earlier = try cli.fileSystem.readText(at: "journal/2026-W46.md")
        let log = try #require(earlier.range(of: "<!-- prompt: rupture-log -->\n## Rupture log\n"))
        earlier.insert(contentsOf: """

            ```rupture
            client: Harbour
            markers: [marker-complaints-about-progress]
            tension: 4
            resolution: 2
            ```

            """, at: log.upperBound)
        try cli.fileSystem.writeAtomically(earlier, to: "journal/2026-W46.md")

        #expect(cli.run("form", "--week", "2026-W47") == 0)
        #expect(cli.run("new", "--week", "2026-W47") == 0)
        let page = try cli.fileSystem.readText(at: "out/2026-W47-form.html")
        let start = try #require(page.range(of: #"<script type="application/json" id="form-data">"#)).upperBound
        let end = try #require(page[start...].range(of: "</script>")).lowerBound
        let data = try #require(try JSONSerialization.jsonObject(with: Data(page[start..<end].utf8)) as? [String: Any])
        let pieces = try #require(data["layout"] as? [[String: Any]])
        // An answer slot holds its line break; the log's slots hold nothing.
        let empty = pieces.map { $0["text"] as? String ?? ($0["answer"] != nil ? "\n" : "") }.joined()
        #expect(empty.contains("### What happened next with Harbour?"))
        #expect(pieces.compactMap { $0["followUp"] as? String } == ["Harbour"])
        #expect(page.contains("<label for=\"follow-up-1\">What happened next with Harbour?</label>"))
        #expect(empty == (try cli.fileSystem.readText(at: "journal/2026-W47.md")))
    }
}
