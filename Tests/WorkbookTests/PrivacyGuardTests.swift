import Diagnostics
import Files
import Journal
import Privacy
import Sharing
import Testing
import Workbook

@Suite("The privacy guard in builds")
struct PrivacyGuardTests {
    static let identifying = "I met Maria Lopez on 12 March 2026."

    static func disk(_ journal: String) -> InMemoryFileSystem {
        InMemoryFileSystem(files: ["j.md": journal])
    }

    @Test("a personal workbook is written, with each finding as a warning")
    func personalWarns() throws {
        let disk = Self.disk(Fixtures.journal(answer: Self.identifying))
        let report = try BuildPipeline(fileSystem: disk).run(BuildRequest(inputs: ["j.md"]))
        #expect(report.written == ["out/2026-W47.html", "out/2026-W47.md"])
        #expect(report.warnings.map(\.description) == [
            #"j.md:12:7: privacy: name: "Maria Lopez""#,
            #"j.md:12:22: privacy: date: "12 March 2026""#,
        ])
        #expect(try disk.readText(at: "out/2026-W47.md").contains(Self.identifying))
    }

    @Test("a shared workbook refuses to be written while anything identifying is in it")
    func sharedRefuses() throws {
        let disk = Self.disk(Fixtures.journal(answer: Self.identifying))
        let error = try #require(throws: BuildError.self) {
            try BuildPipeline(fileSystem: disk).run(BuildRequest(inputs: ["j.md"], audience: .shared(redact: false)))
        }
        #expect(error.step == .guardPrivacy)
        #expect(error.diagnostics.map(\.description) == [
            #"j.md:12:7: privacy: name: "Maria Lopez""#,
            #"j.md:12:22: privacy: date: "12 March 2026""#,
        ])
        #expect(disk.snapshot.keys.sorted() == ["j.md"])
    }

    @Test("--redact replaces each finding with its category, counts them, and names the copy .shared")
    func redacts() throws {
        let disk = Self.disk(Fixtures.journal(answer: Self.identifying))
        let report = try BuildPipeline(fileSystem: disk).run(BuildRequest(inputs: ["j.md"], audience: .shared(redact: true)))
        #expect(report.written == ["out/2026-W47.shared.html", "out/2026-W47.shared.md"])
        #expect(report.redactions == 2)
        let markdown = try disk.readText(at: "out/2026-W47.shared.md")
        #expect(markdown.contains("\n\nI met [name] on [date].\n\n"))
        #expect(!markdown.contains("Maria"))
        #expect(disk.permissions(at: "out/2026-W47.shared.md") == .sharedFile)
    }

    @Test("--redact reaches the text before the first prompt as it reaches answers")
    func redactsPreamble() throws {
        let journal = Fixtures.journal(answer: "Nothing identifying here.").replacingOccurrences(
            of: "<!-- prompt: reflect-usual-response -->",
            with: "Notes before supervision: Maria Lopez rang on 12 March 2026.\n\n<!-- prompt: reflect-usual-response -->")
        let disk = Self.disk(journal)
        let report = try BuildPipeline(fileSystem: disk).run(BuildRequest(inputs: ["j.md"], audience: .shared(redact: true)))
        #expect(report.redactions == 2)
        for path in ["out/2026-W47.shared.md", "out/2026-W47.shared.html"] {
            let text = try disk.readText(at: path)
            #expect(text.contains("Notes before supervision: [name] rang on [date]."), "\(path)")
            #expect(!text.contains("Maria") && !text.contains("12 March"), "\(path)")
        }
    }

    @Test("a redaction never adds a link, a picture or a definition: placeholders stay text", arguments: [
        "I saw Maria Lopez(https://evil.example/x) again.",
        "Maria Lopez: https://evil.example/x\n\nThen Maria Lopez left.",
        "[Maria Lopez]: https://evil.example/x\n\nSee [Maria Lopez].",
        "![Maria Lopez](https://evil.example/x.png) and [Maria Lopez][ref]",
        "Maria Lopez [Maria Lopez](Maria Lopez) !Maria Lopez",
    ])
    func redactionStaysText(answer: String) throws {
        func elements(_ html: String, _ tag: String) -> Int { html.components(separatedBy: "<\(tag) ").count - 1 }
        let personal = Self.disk(Fixtures.journal(answer: answer))
        _ = try BuildPipeline(fileSystem: personal).run(BuildRequest(inputs: ["j.md"]))
        let before = try personal.readText(at: "out/2026-W47.html")
        let disk = Self.disk(Fixtures.journal(answer: answer))
        _ = try BuildPipeline(fileSystem: disk).run(BuildRequest(inputs: ["j.md"], audience: .shared(redact: true)))
        let html = try disk.readText(at: "out/2026-W47.shared.html")
        let markdown = try disk.readText(at: "out/2026-W47.shared.md")
        #expect(!html.contains("evil") && !markdown.contains("evil") && !markdown.contains("Maria"))
        #expect(elements(html, "a") <= elements(before, "a"), "\(html)")
        #expect(elements(html, "img") <= elements(before, "img"))
        #expect(html.contains("[name]"))
    }

    @Test("allowed phrases pass, and the allowance is reported")
    func allowances() throws {
        let disk = Self.disk(Fixtures.journal(answer: "<!-- privacy: allow \"River Song\" -->\nRiver Song is the pseudonym."))
        let report = try BuildPipeline(fileSystem: disk).run(BuildRequest(inputs: ["j.md"], audience: .shared(redact: false)))
        #expect(report.warnings.map(\.description) == [
            #"j.md:13:1: note: privacy: name: "River Song" allowed by the inline marker at j.md:12"#,
        ])
    }

    @Test("answers marked private never reach a shared copy, however identifying")
    func privateAnswers() throws {
        let journal = Fixtures.journal(answer: Self.identifying)
            .replacingOccurrences(of: "focus: noticing-withdrawal\n", with: "focus: noticing-withdrawal\nprivate: [reflect-usual-response]\n")
        let disk = Self.disk(journal)
        _ = try BuildPipeline(fileSystem: disk).run(BuildRequest(inputs: ["j.md"], audience: .shared(redact: false)))
        let markdown = try disk.readText(at: "out/2026-W47.shared.md")
        #expect(!markdown.contains("Maria"))
        #expect(markdown.contains(PrivacyGuard.keptPrivate))
    }

    @Test("a journal marked private: true is left out of shared builds, and alone it builds nothing")
    func privateJournal() throws {
        let journal = Fixtures.journal(answer: Self.identifying)
            .replacingOccurrences(of: "focus: noticing-withdrawal\n", with: "focus: noticing-withdrawal\nprivate: true\n")
        let disk = Self.disk(journal)
        let error = try #require(throws: BuildError.self) {
            try BuildPipeline(fileSystem: disk).run(BuildRequest(inputs: ["j.md"], audience: .shared(redact: false)))
        }
        #expect(error.diagnostics.map(\.description) == [
            "j.md:1:1: error: every journal given is marked private: true, so there is nothing to share",
        ])
        #expect(disk.snapshot.keys.sorted() == ["j.md"])
    }

    @Test("'private' must be true, false or known prompt IDs")
    func privateValidation() throws {
        let journal = Fixtures.journal(answer: "x")
            .replacingOccurrences(of: "focus: noticing-withdrawal\n", with: "focus: noticing-withdrawal\nprivate: [reflect-usual-respons]\n")
        let error = try #require(throws: BuildError.self) {
            try BuildPipeline(fileSystem: Self.disk(journal)).run(BuildRequest(inputs: ["j.md"]))
        }
        #expect(error.diagnostics.map(\.description) == [
            "j.md:5:11: error: unknown prompt 'reflect-usual-respons' in 'private'; did you mean 'reflect-usual-response'?",
        ])
    }
}
