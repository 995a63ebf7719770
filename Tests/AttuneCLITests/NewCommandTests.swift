import Files
import Testing

@Suite("attune new")
struct NewCommandTests {
    @Test("writes this week's journal with the curriculum's focus and says what to do next")
    func scaffoldsThisWeek() throws {
        let cli = CLIHarness()
        #expect(cli.run("new", "--therapist", "Sam Rivera") == 0)
        let text = try cli.fileSystem.readText(at: "journal/2026-W47.md")
        #expect(text.hasPrefix("---\ntherapist: \"Sam Rivera\"\nweek: 2026-W47\nfocus: "))
        #expect(cli.stdout.hasPrefix("Created journal/2026-W47.md: 2026-W47 · "))
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
