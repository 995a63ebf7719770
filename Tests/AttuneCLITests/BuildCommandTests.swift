import Testing

@Suite("attune build and attune check")
struct BuildCommandTests {
    static let journal = """
    ---
    therapist: "Sam Rivera"
    week: 2026-W47
    focus: noticing-withdrawal
    ---

    <!-- prompt: reflect-usual-response -->
    ## What I do

    I go quiet.

    """

    @Test("builds the journal folder by default and lists what it wrote")
    func buildsDefaultFolder() throws {
        let cli = CLIHarness(files: ["journal/2026-W47.md": Self.journal])
        #expect(cli.run("build") == 0)
        #expect(cli.stdout == "Wrote out/2026-W47.html\nWrote out/2026-W47.md")
        #expect(try cli.fileSystem.readText(at: "out/2026-W47.md").contains("\n\nI go quiet.\n\n"))
    }

    @Test("--format and --out choose what is written where")
    func formatAndOut() {
        let cli = CLIHarness(files: ["j.md": Self.journal])
        #expect(cli.run("build", "j.md", "--out", "books", "--format", "md") == 0)
        #expect(cli.stdout == "Wrote books/2026-W47.md")
    }

    @Test("rejects an unknown format before doing anything")
    func unknownFormat() {
        let cli = CLIHarness(files: ["j.md": Self.journal])
        #expect(cli.run("build", "j.md", "--format", "docx") == 64)
        #expect(cli.stderr.hasPrefix("Error: The value 'docx' is invalid for '--format <formats>'"))
        #expect(cli.fileSystem.snapshot.keys.sorted() == ["j.md"])
    }

    @Test("--format pdf without Chromium says what to install, in one line, and writes nothing")
    func pdfWithoutChromium() {
        let cli = CLIHarness(files: ["j.md": Self.journal])
        #expect(cli.run("build", "j.md", "--format", "html,pdf") == 1)
        #expect(cli.stderr == "attune: PDF output needs Chromium, which is not installed: install the Debian package 'chromium' (apt-get install chromium), or set ATTUNE_CHROMIUM to a Chromium binary. Nothing was written.")
        #expect(cli.fileSystem.snapshot.keys.sorted() == ["j.md"])
    }

    @Test("--format pdf prints the workbook's HTML once, headed with the week and the therapist")
    func pdfPrinted() throws {
        let printer = FakePrinter()
        let cli = CLIHarness(files: ["j.md": Self.journal], printer: printer)
        #expect(cli.run("build", "j.md", "--format", "pdf,md") == 0)
        #expect(cli.stdout == "Wrote out/2026-W47.md\nWrote out/2026-W47.pdf")
        #expect(printer.printed.count == 1)
        #expect(printer.printed.first?.runningHead?.hasPrefix("2026-W47 · ") == true)
        #expect(printer.printed.first?.runningHead?.hasSuffix(" · Sam Rivera") == true)
        #expect(try cli.fileSystem.readText(at: "out/2026-W47.pdf").hasPrefix("%PDF-fake 2026-W47"))
    }

    @Test("prints every problem as path:line:column, then a summary, and exits 1")
    func reportsProblems() {
        let bad = Self.journal
            .replacingOccurrences(of: "week: 2026-W47", with: "week: 2026-W99")
            .replacingOccurrences(of: "prompt: reflect-usual-response", with: "prompt: reflect-usual-respons")
        let cli = CLIHarness(files: ["j.md": bad])
        #expect(cli.run("build", "j.md") == 1)
        #expect(cli.stderr == """
        j.md:3:7: error: week '2026-W99' is not an ISO week such as 2026-W47
        j.md:7:1: error: unknown prompt 'reflect-usual-respons'; did you mean 'reflect-usual-response'?
        attune: 2 errors while trying to read journals; nothing was written.
        """)
        #expect(cli.fileSystem.snapshot.keys.sorted() == ["j.md"])
    }

    @Test("check validates everything and writes nothing")
    func check() {
        let cli = CLIHarness(files: ["journal/2026-W47.md": Self.journal])
        #expect(cli.run("check") == 0)
        #expect(cli.stdout.hasPrefix("No problems: "))
        #expect(cli.stdout.hasSuffix(" templates, 1 journal."))
        #expect(cli.fileSystem.snapshot.keys.sorted() == ["journal/2026-W47.md"])
    }

    @Test("check exits 1 on a bad journal")
    func checkFails() {
        let cli = CLIHarness(files: ["j.md": "no front matter"])
        #expect(cli.run("check", "j.md") == 1)
        #expect(cli.stderr == """
        j.md:1:1: error: a journal starts with front matter: a '---' line, then therapist, week and focus, then '---'
        attune: 1 error while checking.
        """)
    }

    @Test("an unknown command is a usage error")
    func unknownCommand() {
        let cli = CLIHarness()
        #expect(cli.run("publish") == 64)
    }

    @Test("check warns about an overlay card without a source and a partial reference, and still succeeds")
    func checkWarnsAboutUnsourcedOverlay() {
        let cli = CLIHarness(files: [
            "journal/2026-W47.md": Self.journal,
            "mine/extra.yaml": """
            section: blindspots
            title: Blindspots
            cards:
              - id: blindspot-haste
                title: Haste
                summary: Hurrying to fix things.
                body: Slow down.
            """,
            "mine/more-sources.yaml": """
            sources:
              - id: my-notes
                short: My notes
                citation: Notes from a workshop.
            """,
        ])
        #expect(cli.run("check", "--content", "mine") == 0)
        #expect(cli.stderr == """
        mine/extra.yaml:4:5: warning: card 'blindspot-haste' cites no source; add 'sources: [...]' naming entries of sources.yaml, or mark it 'basis: synthesis' and cite what it draws on
        mine/more-sources.yaml:2:5: warning: source 'my-notes' is not a full reference: missing 'kind', 'authors', 'year', 'title', 'venue'
        """)
        #expect(cli.stdout.hasPrefix("No errors, 2 warnings (above): "))
        // The bundled material alone is complete: no warnings at all.
        let plain = CLIHarness(files: ["journal/2026-W47.md": Self.journal])
        #expect(plain.run("check") == 0)
        #expect(plain.stderr == "")
        #expect(plain.stdout.hasPrefix("No problems: "))
    }

    @Test("check counts a single overlay warning in the singular")
    func checkCountsOneWarning() {
        let cli = CLIHarness(files: [
            "mine/more-sources.yaml": """
            sources:
              - id: my-notes
                short: My notes
                citation: Notes from a workshop.
            """,
        ])
        #expect(cli.run("check", "--content", "mine") == 0)
        #expect(cli.stdout.hasPrefix("No errors, 1 warning (above): "))
    }
}
