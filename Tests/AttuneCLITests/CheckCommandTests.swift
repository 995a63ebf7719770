import Testing

/// `attune check` runs the build without its write step, so it says what
/// `attune build` (with `--privacy`, `attune build --share`) would say.
@Suite("attune check, beside attune build")
struct CheckCommandTests {
    static func journal(_ answer: String, week: String = "2026-W47") -> String {
        """
        ---
        therapist: "Sam Rivera"
        week: \(week)
        focus: noticing-withdrawal
        ---

        <!-- prompt: reflect-usual-response -->
        ## What I do

        \(answer)

        """
    }

    /// Everything but the summary line, which names the command's own step.
    static func diagnostics(_ stderr: String) -> [Substring] {
        stderr.split(separator: "\n").filter { !$0.hasPrefix("attune: ") }
    }

    @Test("two journals for one week: build refuses them, and so does check, with the same line")
    func twoJournalsForOneWeek() {
        let files = ["journal/a.md": Self.journal("one"), "journal/b.md": Self.journal("two")]
        let check = CLIHarness(files: files)
        #expect(check.run("check") == 1)
        #expect(
            check.stderr == """
                journal/b.md:3:7: error: a second journal for 2026-W47 (the first is journal/a.md); both would write the same workbook
                attune: 1 error while checking.
                """)
        let build = CLIHarness(files: files)
        #expect(build.run("build") == 1)
        #expect(Self.diagnostics(build.stderr) == Self.diagnostics(check.stderr))
        #expect(check.fileSystem.snapshot == files)
    }

    @Test("check --privacy and build --share list the same findings, allowances among them, and refuse")
    func privacyRefusalListsAllowances() {
        let files = [
            "j.md": Self.journal("<!-- privacy: allow \"Maria Lopez\" -->\nI met Maria Lopez on 12 March 2026.")
        ]
        let check = CLIHarness(files: files)
        #expect(check.run("check", "--privacy", "j.md") == 1)
        #expect(
            check.stderr == """
                j.md:11:7: note: privacy: name: "Maria Lopez" allowed by the inline marker at j.md:10
                j.md:11:22: privacy: date: "12 March 2026"
                attune: 1 possible client identifier while checking.
                """)
        let build = CLIHarness(files: files)
        #expect(build.run("build", "--share", "j.md") == 1)
        #expect(Self.diagnostics(build.stderr) == Self.diagnostics(check.stderr))
        #expect(build.stderr.hasSuffix("attune: 1 possible client identifier while trying to check privacy; nothing was written."))
        #expect(check.fileSystem.snapshot == files)
        #expect(build.fileSystem.snapshot == files)
    }

    @Test("what check passes, build builds; check writes nothing and build writes both workbooks")
    func passesThenBuilds() {
        let files = ["journal/2026-W47.md": Self.journal("I go quiet."), "journal/2026-W48.md": Self.journal("I talk.", week: "2026-W48")]
        let cli = CLIHarness(files: files)
        #expect(cli.run("check") == 0)
        #expect(cli.stdout.hasSuffix(" templates, 2 journals."))
        #expect(cli.fileSystem.snapshot == files)
        #expect(cli.run("build") == 0)
        #expect(
            cli.fileSystem.snapshot.keys.sorted() == [
                "journal/2026-W47.md", "journal/2026-W48.md",
                "out/2026-W47.html", "out/2026-W47.md", "out/2026-W48.html", "out/2026-W48.md",
            ])
    }
}
