import Testing

@Suite("attune check --privacy and build --share")
struct PrivacyCommandTests {
    static let journal = """
    ---
    therapist: "Sam Rivera"
    week: 2026-W47
    focus: noticing-withdrawal
    ---

    <!-- prompt: reflect-usual-response -->
    ## What I do

    Spoke with Okafor, then emailed sam@example.org.

    """

    @Test("lists each likely identifier as path:line:column: privacy: and exits 1")
    func checkPrivacy() {
        let cli = CLIHarness(files: ["j.md": Self.journal, ".attune/names.txt": "# my clients\nOkafor\n"])
        #expect(cli.run("check", "--privacy", "j.md") == 1)
        #expect(cli.stderr == """
        j.md:10:12: privacy: name: "Okafor"
        j.md:10:33: privacy: email: "sam@example.org"
        attune: 2 possible client identifiers while checking.
        """)
    }

    @Test("passes, saying so, when the allow-list covers everything")
    func allowListed() {
        let cli = CLIHarness(files: [
            "j.md": Self.journal, ".attune/names.txt": "Okafor\n", ".attune/allow.txt": "Okafor\nsam@example.org\n",
        ])
        #expect(cli.run("check", "--privacy", "j.md") == 0)
        #expect(cli.stdout.hasSuffix(", no likely client identifiers."))
        #expect(cli.stderr == """
        j.md:10:12: note: privacy: name: "Okafor" allowed by .attune/allow.txt:1
        j.md:10:33: note: privacy: email: "sam@example.org" allowed by .attune/allow.txt:2
        """)
    }

    @Test("build --share refuses; --share --redact writes the .shared copy and says how many it replaced")
    func shareAndRedact() throws {
        let cli = CLIHarness(files: ["j.md": Self.journal, ".attune/names.txt": "Okafor\n"])
        #expect(cli.run("build", "--share", "j.md") == 1)
        #expect(cli.stderr.hasSuffix("attune: 2 possible client identifiers while trying to check privacy; nothing was written."))
        #expect(cli.run("build", "--share", "--redact", "j.md") == 0)
        #expect(cli.stdout == "Wrote out/2026-W47.shared.html\nWrote out/2026-W47.shared.md\nRedacted 2 possible identifiers.")
        #expect(try cli.fileSystem.readText(at: "out/2026-W47.shared.md").contains("Spoke with [name], then emailed [email]."))
    }

    @Test("--redact without --share is a usage error")
    func redactNeedsShare() {
        let cli = CLIHarness(files: ["j.md": Self.journal])
        #expect(cli.run("build", "--redact", "j.md") == 64)
        #expect(cli.stderr.contains("--redact only applies to a shared copy: add --share."))
    }
}

@Suite("attune handouts and the privacy guard")
struct HandoutsPrivacyTests {
    static let roster = """
    cohort: "Group B"
    supervisor: "Morgan Ellery"
    start: 2026-10-05
    trainees:
      - name: "Ana"
        journal: ana.md
      - name: "Ben"

    """

    static let journal = """
    ---
    therapist: "Ana"
    week: 2026-W47
    focus: when-therapy-is-questioned
    ---

    <!-- prompt: reflect-what-i-did -->
    ## What I did

    I phoned the client on 020 7946 0958 afterwards.

    """

    @Test("a shared journal with an identifier stops the run before any handout is written")
    func refuses() {
        let cli = CLIHarness(files: ["c/roster.yaml": Self.roster, "c/ana.md": Self.journal])
        #expect(cli.run("handouts", "c/roster.yaml", "--out", "h") == 1)
        #expect(cli.stderr == """
        c/ana.md:10:24: privacy: phone: "020 7946 0958"
        attune: 1 possible client identifier while trying to check shared journals; nothing was written.
        """)
        #expect(cli.fileSystem.snapshot.keys.sorted() == ["c/ana.md", "c/roster.yaml"])
    }

    @Test("the journal shared without identifiers makes the handouts")
    func passes() {
        let clean = Self.journal.replacingOccurrences(of: " on 020 7946 0958", with: "")
        let cli = CLIHarness(files: ["c/roster.yaml": Self.roster, "c/ana.md": clean])
        #expect(cli.run("handouts", "c/roster.yaml", "--out", "h") == 0)
    }
}
