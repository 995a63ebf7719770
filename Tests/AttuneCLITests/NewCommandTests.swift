import Files
import Testing

@Suite("attune new")
struct NewCommandTests {
    @Test("writes this week's journal with the curriculum's focus and says what to do next")
    func scaffoldsThisWeek() throws {
        let cli = CLIHarness()
        #expect(cli.run("new", "--therapist", "Sam Rivera") == 0)
        let text = try cli.fileSystem.readText(at: "journal/2026-W47.md")
        #expect(text.hasPrefix("---\ntherapist: \"Sam Rivera\"\nweek: 2026-W47\nfocus: the-working-alliance\n"))
        // The first journal, with no start given: the course begins this week, and the start is recorded.
        #expect(cli.stdout.hasPrefix("""
        Focus for 2026-W47: The working alliance (the-working-alliance), week 1 of the course, taken to begin 2026-11-16 because no start was set and the folder 'journal' has no journals yet; if it began earlier, pass --start or write its first day in journal/course.yaml.
        Created journal/2026-W47.md: 2026-W47 · The working alliance, 3 prompts.
        Recorded the course's start, 2026-11-16, in journal/course.yaml; later weeks count from it.
        """))
        #expect(try cli.fileSystem.readText(at: "journal/course.yaml").hasSuffix("\nstart: 2026-11-16\n"))
        #expect(cli.stdout.hasSuffix("Write your answers under each question, then run:\n  attune build journal/2026-W47.md"))
        #expect(cli.fileSystem.permissions(at: "journal/2026-W47.md") == .privateFile)
    }

    @Test("takes the week, folder and focus it is given")
    func explicitOptions() throws {
        let cli = CLIHarness()
        #expect(cli.run("new", "--week", "2027-W01", "--journal", "notes", "--focus", "noticing-withdrawal", "--therapist", "Sam") == 0)
        let text = try cli.fileSystem.readText(at: "notes/2027-W01.md")
        #expect(text.contains("week: 2027-W01\nfocus: noticing-withdrawal\n"))
    }

    @Test("counts the focus from the course's start: --start, else course.yaml; says which and why")
    func courseStart() throws {
        let cli = CLIHarness()
        #expect(cli.run("new", "--therapist", "Sam", "--start", "2026-10-05") == 0)
        #expect(cli.stdout.hasPrefix("""
        Focus for 2026-W47: When the therapy itself is questioned (when-therapy-is-questioned), week 7 of the course, which began 2026-10-05 (from --start).
        Created journal/2026-W47.md: 2026-W47 · When the therapy itself is questioned, 4 prompts.
        Recorded the course's start, 2026-10-05, in journal/course.yaml; later weeks count from it.
        """))
        #expect(cli.run("new", "--week", "2026-W48") == 0)
        #expect(cli.stdout.contains(
            "Focus for 2026-W48: Nonverbal and unspoken ruptures (nonverbal-and-unspoken), week 8 of the course, which began 2026-10-05 (from journal/course.yaml)."))
        #expect(cli.run("new", "--week", "2026-W40") == 1)
        #expect(cli.stderr.hasPrefix("journal/course.yaml:1:1: error: 2026-W40 is before the course began (2026-10-05, in 2026-W41, from journal/course.yaml)"))
    }

    @Test("refuses to guess: journals but no course start is an error that says how to set one")
    func noStart() throws {
        let cli = CLIHarness(files: ["journal/2026-W46.md": "x"])
        #expect(cli.run("new", "--therapist", "Sam") == 1)
        #expect(cli.stderr == """
        journal/course.yaml:1:1: error: the folder 'journal' has journals but no course start, so which curriculum week 2026-W47 is cannot be known: write the first day of the course in journal/course.yaml as 'start: 2026-10-05', or pass --start
        attune: 1 error while creating the journal; nothing was written.
        """)
        #expect(cli.fileSystem.snapshot.keys.sorted() == ["journal/2026-W46.md"])
    }

    @Test("never overwrites an existing journal")
    func refusesToOverwrite() throws {
        let cli = CLIHarness(files: ["journal/2026-W47.md": "my answers"])
        #expect(cli.run("new", "--therapist", "Sam") == 1)
        #expect(cli.stderr == """
        journal/2026-W47.md:1:1: error: a journal for 2026-W47 already exists; Attune never overwrites a journal
        attune: 1 error while creating the journal; nothing was written.
        """)
        #expect(try cli.fileSystem.readText(at: "journal/2026-W47.md") == "my answers")
    }

    @Test("asks for a name the first time, then reuses the latest journal's")
    func therapistName() throws {
        let cli = CLIHarness()
        #expect(cli.run("new") == 64)
        #expect(cli.stderr.contains("Attune needs your name for the title page the first time: attune new --therapist \"Your Name\". Later weeks reuse it."))
        #expect(cli.run("new", "--therapist", "Noor Haddad") == 0)
        #expect(cli.run("new", "--week", "2026-W48") == 0)
        #expect(try cli.fileSystem.readText(at: "journal/2026-W48.md").contains("therapist: \"Noor Haddad\"\n"))
    }

    @Test("rejects a malformed week and an unknown focus, suggesting the nearest")
    func validation() {
        let cli = CLIHarness()
        #expect(cli.run("new", "--week", "2026-47", "--therapist", "Sam") == 64)
        #expect(cli.stderr.contains("Error: '2026-47' is not an ISO week; write it like 2026-W47."))
        let second = CLIHarness()
        #expect(second.run("new", "--focus", "noticing-withdrawl", "--therapist", "Sam") == 64)
        #expect(second.stderr.contains("Error: Unknown focus 'noticing-withdrawl'. Did you mean 'noticing-withdrawal'?"))
        #expect(second.fileSystem.snapshot.isEmpty)
    }
}
