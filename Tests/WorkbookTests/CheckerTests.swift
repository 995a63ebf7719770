import Diagnostics
import Files
import Privacy
import Rendering
import Testing
import Workbook

/// `attune check` is the build with its write step left out: for the same
/// inputs it refuses what `attune build` refuses (and, with `--privacy`,
/// what `attune build --share` refuses), with the same diagnostics from the
/// same step, and it leaves every file as it was.
@Suite("Checking is building without writing")
struct CheckerTests {
    /// One set of inputs: files on disk, what is checked and built, and the
    /// client names the privacy lists hold.
    struct Case: Sendable, CustomStringConvertible {
        var description: String
        var files: [String: String]
        var inputs: [String]
        var names: [String] = []
        var templatesOverlay: String?
        /// The step `build` stops in, or nil when it builds; then with
        /// `--share` (check `--privacy`).
        var refusedIn: (personal: BuildStep?, shared: BuildStep?) = (.readJournals, .readJournals)
    }

    static let identifying = "I met Maria Lopez on 12 March 2026."

    static let cases: [Case] = [
        Case(description: "no front matter", files: ["j.md": "no front matter"], inputs: ["j.md"]),
        Case(
            description: "an unknown focus in one journal, a top-level heading in another's answer",
            files: [
                "j/2026-W46.md": Fixtures.journal(week: "2026-W46", answer: "fine")
                    .replacingOccurrences(of: "focus: noticing-withdrawal", with: "focus: noticing-withdrawl"),
                "j/2026-W47.md": Fixtures.journal(answer: "# A second title"),
            ],
            inputs: ["j"]),
        Case(
            description: "a prompt answered twice",
            files: [
                "j.md": Fixtures.journal(answer: "once")
                    + "<!-- prompt: reflect-usual-response -->\n## What do I tend to do?\n\ntwice\n"
            ],
            inputs: ["j.md"]),
        Case(
            description: "two journals for one week",
            files: ["a.md": Fixtures.journal(answer: "one"), "b.md": Fixtures.journal(answer: "two")],
            inputs: ["a.md", "b.md"]),
        Case(
            description: "a missing file and a folder with no journals",
            files: ["empty/notes.txt": "x"], inputs: ["nope.md", "empty"]),
        Case(
            description: "a journal one byte over the size limit",
            files: [
                "j.md": Fixtures.journal(answer: "x")
                    + String(repeating: "y", count: InputLimits.journalBytes + 1 - Fixtures.journal(answer: "x").utf8.count)
            ],
            inputs: ["j.md"]),
        Case(
            description: "a table row one cell over the limit",
            files: ["j.md": Fixtures.journal(answer: String(repeating: "| a ", count: InputLimits.tableCells + 1) + "|")],
            inputs: ["j.md"]),
        Case(
            description: "hostile markup in an answer, which both render as text",
            files: ["j.md": Fixtures.journal(answer: "<script>alert(1)</script> [x](javascript:alert(1)) <img src=x onerror=alert(1)>")],
            inputs: ["j.md"], refusedIn: (nil, nil)),
        Case(
            description: "likely client identifiers, one on the names list",
            files: ["j.md": Fixtures.journal(answer: Self.identifying + " Okafor rang.")], inputs: ["j.md"], names: ["Okafor"],
            refusedIn: (nil, .guardPrivacy)),
        Case(
            description: "an identifier allowed in place beside one that is not",
            files: ["j.md": Fixtures.journal(answer: "<!-- privacy: allow \"Maria Lopez\" -->\n" + Self.identifying)],
            inputs: ["j.md"], refusedIn: (nil, .guardPrivacy)),
        Case(
            description: "an identifier in an answer marked private",
            files: [
                "j.md": Fixtures.journal(answer: Self.identifying)
                    .replacingOccurrences(of: "focus: noticing-withdrawal", with: "focus: noticing-withdrawal\nprivate: [reflect-usual-response]")
            ],
            inputs: ["j.md"], refusedIn: (nil, nil)),
        Case(
            description: "a template naming what its context lacks",
            files: ["j.md": Fixtures.journal(answer: "x"), "t/prompt.md.mustache": "## {{number}}. {{text}}\n\n{{answr}}\n"],
            inputs: ["j.md"], templatesOverlay: "t", refusedIn: (.render, .render)),
        Case(
            description: "a well-formed journal", files: ["j.md": Fixtures.journal(answer: "I go quiet.")], inputs: ["j.md"],
            refusedIn: (nil, nil)),
    ]

    @Test("check refuses what build refuses, with the same diagnostics, and writes nothing", arguments: cases, [false, true])
    func sameAsBuild(inputs: Case, privacy: Bool) throws {
        let rules = PrivacyRules(names: inputs.names)
        let disk = InMemoryFileSystem(files: inputs.files)
        let resources = try Resources.load(templatesOverlay: inputs.templatesOverlay, fileSystem: disk)
        let checked = Result<CheckReport, BuildError> { () throws(BuildError) in
            try Checker(fileSystem: disk, resources: resources).check(journals: inputs.inputs, privacy: privacy ? rules : nil)
        }
        #expect(disk.snapshot == inputs.files, "check wrote or changed a file")
        #expect(!disk.directoryExists(at: "out"))

        let built = Result<BuildReport, BuildError> { () throws(BuildError) in
            try BuildPipeline(fileSystem: InMemoryFileSystem(files: inputs.files)).run(
                BuildRequest(
                    inputs: inputs.inputs, templatesOverlay: inputs.templatesOverlay,
                    audience: privacy ? .shared(redact: false) : .personal, privacyRules: rules))
        }
        let expected = privacy ? inputs.refusedIn.shared : inputs.refusedIn.personal
        #expect(built.error?.step == expected)
        #expect(!(built.error?.diagnostics.isEmpty ?? false))
        switch (checked, built) {
        case (.success, .success): break
        case (.failure(let check), .failure(let build)):
            #expect(check.step == build.step)
            #expect(check.diagnostics.map(\.description) == build.diagnostics.map(\.description))
        case (.success, .failure(let build)):
            Issue.record("check passed, build refused: \(build)")
        case (.failure(let check), .success):
            Issue.record("build built, check refused: \(check)")
        }
    }

    @Test("a passing check has also rendered the redacted shared copy: build --share --redact builds it")
    func sharedRedactedCopy() throws {
        let files = ["j.md": Fixtures.journal(answer: Self.identifying)]
        let disk = InMemoryFileSystem(files: files)
        let report = try Checker(fileSystem: disk, resources: Fixtures.resources).check(journals: ["j.md"])
        #expect(report.journals == 1)
        #expect(!report.privacyChecked)
        #expect(disk.snapshot == files)
        let shared = try BuildPipeline(fileSystem: disk).run(BuildRequest(inputs: ["j.md"], audience: .shared(redact: true)))
        #expect(shared.written == ["out/2026-W47.shared.html", "out/2026-W47.shared.md"])
    }

    @Test("with privacy, allowances are notes in the report and findings fail it; without, neither is looked for")
    func privacyNotes() throws {
        let files = ["j.md": Fixtures.journal(answer: "<!-- privacy: allow \"Maria Lopez\" -->\nI met Maria Lopez.")]
        let checker = Checker(fileSystem: InMemoryFileSystem(files: files), resources: Fixtures.resources)
        let report = try checker.check(journals: ["j.md"], privacy: PrivacyRules())
        #expect(report.privacyChecked)
        #expect(report.notes.map(\.description) == [#"j.md:13:7: note: privacy: name: "Maria Lopez" allowed by the inline marker at j.md:12"#])
        #expect(report.summary.hasSuffix(", 1 journal, no likely client identifiers."))
        #expect(try checker.check(journals: ["j.md"]).notes.isEmpty)
    }

    @Test("journals all marked private pass a privacy check: there is no shared copy to screen")
    func allPrivate() throws {
        let files = [
            "j.md": Fixtures.journal(answer: Self.identifying)
                .replacingOccurrences(of: "focus: noticing-withdrawal", with: "focus: noticing-withdrawal\nprivate: true")
        ]
        let report = try Checker(fileSystem: InMemoryFileSystem(files: files), resources: Fixtures.resources)
            .check(journals: ["j.md"], privacy: PrivacyRules())
        #expect(report.journals == 1)
        // `build --share` says so instead of building nothing.
        let error = try #require(throws: BuildError.self) {
            try BuildPipeline(fileSystem: InMemoryFileSystem(files: files)).run(BuildRequest(inputs: ["j.md"], audience: .shared(redact: false)))
        }
        #expect(
            error.diagnostics.map(\.description) == [
                "j.md:1:1: error: every journal given is marked private: true, so there is nothing to share"
            ])
    }

    @Test("no journals at all: the templates and content are still checked")
    func noJournals() throws {
        let disk = InMemoryFileSystem()
        let report = try Checker(fileSystem: disk, resources: Fixtures.resources).check(journals: [])
        #expect(report.journals == 0)
        #expect(report.weeks == Fixtures.resources.content.weeks.count)
        #expect(report.summary.hasPrefix("No problems: "))
        #expect(report.summary.hasSuffix(", 0 journals."))
        #expect(disk.snapshot.isEmpty)
    }
}

extension Result {
    var error: Failure? {
        if case .failure(let error) = self { return error }
        return nil
    }
}

@Suite("The build's steps, stopped before one")
struct BuildStepsTests {
    @Test("the steps run in the order the enum lists them")
    func order() {
        #expect(BuildStep.allCases == [.loadResources, .readJournals, .guardPrivacy, .render, .print, .write])
    }

    @Test("until: .write renders everything and writes nothing")
    func untilWrite() throws {
        let files = ["j/2026-W47.md": Fixtures.journal(answer: "x"), "j/2026-W48.md": Fixtures.journal(week: "2026-W48", answer: "y")]
        let disk = InMemoryFileSystem(files: files)
        let report = try BuildPipeline(fileSystem: disk).run(BuildRequest(inputs: ["j"]), until: .write)
        #expect(report.written.isEmpty)
        #expect(report.journals == 2)
        #expect(report.shareable == 2)
        #expect(disk.snapshot == files)
    }

    @Test("until: .render stops before rendering, so a template the journal breaks is not reached")
    func untilRender() throws {
        let files = ["j.md": Fixtures.journal(answer: "x"), "t/prompt.md.mustache": "## {{number}}. {{text}}\n\n{{answr}}\n"]
        let pipeline = BuildPipeline(fileSystem: InMemoryFileSystem(files: files))
        let request = BuildRequest(inputs: ["j.md"], templatesOverlay: "t")
        #expect(try pipeline.run(request, until: .render).journals == 1)
        let error = try #require(throws: BuildError.self) { try pipeline.run(request, until: .write) }
        #expect(error.step == .render)
    }

    @Test("without privacy warnings nothing found is reported, and a shared copy still refuses what it finds")
    func noPrivacyWarnings() throws {
        let files = ["j.md": Fixtures.journal(answer: "<!-- privacy: allow \"Maria Lopez\" -->\nI met Maria Lopez on 12 March 2026.")]
        var request = BuildRequest(inputs: ["j.md"])
        request.privacyWarnings = false
        #expect(try BuildPipeline(fileSystem: InMemoryFileSystem(files: files)).run(request).warnings.isEmpty)
        request.audience = .shared(redact: true)
        let redacted = try BuildPipeline(fileSystem: InMemoryFileSystem(files: files)).run(request)
        #expect(redacted.warnings.isEmpty)
        #expect(redacted.redactions == 1)
        request.audience = .shared(redact: false)
        let error = try #require(throws: BuildError.self) { try BuildPipeline(fileSystem: InMemoryFileSystem(files: files)).run(request) }
        #expect(error.step == .guardPrivacy)
        #expect(error.diagnostics.map(\.severity) == [.note, .privacy])
    }

    @Test("until: .readJournals stops after loading: a missing journal is not looked for")
    func untilRead() throws {
        let report = try BuildPipeline(fileSystem: InMemoryFileSystem()).run(BuildRequest(inputs: ["nope.md"]), until: .readJournals)
        #expect(report.journals == 0)
    }
}
