import Files
import Testing

@Suite("attune import")
struct ImportCommandTests {
    static let prompt = "reflect-questioned-process"

    /// `attune new`'s journal for 2026-W47 in `folder`, focus
    /// when-therapy-is-questioned, with `answer` typed under `prompt`.
    static func journal(in cli: CLIHarness, folder: String, answer: String?) throws -> String {
        #expect(cli.run("new", "--week", "2026-W47", "--focus", "when-therapy-is-questioned", "--therapist", "Sam Rivera", "--journal", folder) == 0)
        let path = "\(folder)/2026-W47.md"
        var text = try cli.fileSystem.readText(at: path)
        if let answer {
            let marker = try #require(text.range(of: "<!-- prompt: \(prompt) -->"))
            let slot = try #require(text[marker.upperBound...].range(of: "-->\n\n\n"))
            text.replaceSubrange(slot, with: "-->\n\n\(answer)\n")
            try cli.fileSystem.writeAtomically(text, to: path)
        }
        return text
    }

    @Test("adds a new week as is, and the journal then builds")
    func newWeek() throws {
        let cli = CLIHarness()
        let download = try Self.journal(in: cli, folder: "Downloads", answer: "Typed in a browser: <b>not bold</b> & 李.")
        #expect(cli.run("import", "Downloads/2026-W47.md") == 0)
        #expect(cli.stdout.hasSuffix("Added journal/2026-W47.md, copied from Downloads/2026-W47.md as it is.\nNext: attune build journal/2026-W47.md"))
        #expect(try cli.fileSystem.readText(at: "journal/2026-W47.md") == download)
        #expect(cli.fileSystem.permissions(at: "journal/2026-W47.md") == .privateFile)
        #expect(cli.run("build") == 0)
        #expect(try cli.fileSystem.readText(at: "out/2026-W47.md").contains("Typed in a browser: \\<b\\>not bold\\</b\\> & 李."))
    }

    @Test("finds nothing to do when the journal already says the same")
    func unchanged() throws {
        let cli = CLIHarness()
        let journal = try Self.journal(in: cli, folder: "journal", answer: "Same.")
        _ = try Self.journal(in: cli, folder: "Downloads", answer: "Same.")
        #expect(cli.run("import", "Downloads/2026-W47.md") == 0)
        #expect(cli.stdout.hasSuffix("journal/2026-W47.md already has every answer in Downloads/2026-W47.md; nothing to import."))
        #expect(try cli.fileSystem.readText(at: "journal/2026-W47.md") == journal)
    }

    @Test("stops at a differing answer, showing both, and writes nothing")
    func differs() throws {
        let cli = CLIHarness()
        let journal = try Self.journal(in: cli, folder: "journal", answer: "At my desk.")
        _ = try Self.journal(in: cli, folder: "Downloads", answer: "In the browser.")
        let before = cli.fileSystem.snapshot
        #expect(cli.run("import", "Downloads/2026-W47.md") == 1)
        let line = journal.split(separator: "\n", omittingEmptySubsequences: false).firstIndex(of: "At my desk.")! + 1
        #expect(cli.stderr == """
        journal/2026-W47.md:\(line - 4):1: error: the answer to '\(Self.prompt)' differs from Downloads/2026-W47.md's; Attune never overwrites an answer
        journal/2026-W47.md:\(line):1: note: in your journal:
            | At my desk.
        Downloads/2026-W47.md:\(line):1: note: in 2026-W47.md:
            | In the browser.
        attune: 1 error while importing Downloads/2026-W47.md; nothing was written.
        To keep both versions under each prompt, each clearly marked, run: attune import Downloads/2026-W47.md --keep both
        """)
        #expect(cli.fileSystem.snapshot == before)
    }

    @Test("with --keep both, writes both versions under the prompt, marked, and the journal still builds")
    func keepBoth() throws {
        let cli = CLIHarness()
        _ = try Self.journal(in: cli, folder: "notes", answer: "At my desk.")
        _ = try Self.journal(in: cli, folder: "Downloads", answer: "In the browser.")
        #expect(cli.run("import", "Downloads/2026-W47.md", "--journal", "notes") == 1)
        #expect(cli.stderr.hasSuffix("run: attune import Downloads/2026-W47.md --journal notes --keep both"))
        #expect(cli.run("import", "Downloads/2026-W47.md", "--journal", "notes", "--keep", "both") == 0)
        #expect(cli.stdout.hasSuffix("Kept both versions of 1 answer in notes/2026-W47.md (\(Self.prompt)), each under a line starting 'Kept by attune import --keep both'."))
        let merged = try cli.fileSystem.readText(at: "notes/2026-W47.md")
        #expect(merged.contains("""
        **Kept by attune import --keep both · the answer already in this journal:**

        At my desk.

        **Kept by attune import --keep both · the answer from 2026-W47.md:**

        In the browser.

        """))
        #expect(cli.run("build", "notes") == 0)
        #expect(cli.run("import", "Downloads/2026-W47.md", "--journal", "notes") == 0)
        #expect(cli.stdout.hasSuffix("notes/2026-W47.md already has every answer in Downloads/2026-W47.md; nothing to import."))
    }

    @Test("reports an invalid file, a missing one and a mistyped --keep")
    func errors() throws {
        let cli = CLIHarness(files: ["Downloads/x.md": "---\ntherapist: Sam\nweek: 2026-W47\n---\n"])
        #expect(cli.run("import", "Downloads/x.md") == 1)
        #expect(cli.stderr == """
        Downloads/x.md:2:1: error: the front matter is missing required field 'focus'
        attune: 1 error while importing Downloads/x.md; nothing was written.
        """)
        let missing = CLIHarness()
        #expect(missing.run("import", "nowhere.md") == 1)
        #expect(missing.stderr == "nowhere.md:1:1: error: no such file or folder\nattune: 1 error while importing nowhere.md; nothing was written.")
        let keep = CLIHarness()
        #expect(keep.run("import", "x.md", "--keep", "all") == 64)
        #expect(missing.fileSystem.snapshot.isEmpty && keep.fileSystem.snapshot.isEmpty)
    }

    @Test("warns when the imported file sits inside the journal folder: build would see the week twice")
    func fileInsideTheFolder() throws {
        let cli = CLIHarness()
        let download = try Self.journal(in: cli, folder: "Downloads", answer: "x")
        try cli.fileSystem.createDirectory(at: "journal", permissions: .privateDirectory)
        try cli.fileSystem.writeAtomically(download, to: "journal/2026-W47 (1).md")
        #expect(cli.run("import", "journal/2026-W47 (1).md") == 0)
        #expect(cli.stderr == "journal/2026-W47 (1).md:1:1: warning: this file is inside journal/, so 'attune build' will find two journals for its week; move it out of the folder")
        #expect(try cli.fileSystem.readText(at: "journal/2026-W47.md") == download)
    }
}
