import ContentModel
import Diagnostics
import Files
import Foundation
import Handouts
import Privacy
import Sharing
import Testing

@Suite("Making a cohort's handouts")
struct HandoutsPipelineTests {
    static let roster = Fixtures.yaml("""
          - name: Ana López
            note: Card 29 is for you.
            journal: journals/ana.md
          - name: Ben Okafor
            focus: your-triggers
          - Chiara Bianchi
        """, extra: "notes: Bring **one** moment.\n")

    static let files = [
        "cohort/roster.yaml": roster,
        "cohort/journals/ana.md": Fixtures.journal(answers: [("reflect-questioned-process", "ANA-PRIVATE-ANSWER")]),
    ]

    @Test("writes all.html as it goes, each handout in both formats, then the summary, the index and the manifest")
    func writesEverything() throws {
        let (report, fileSystem) = try Fixtures.run(Self.files)
        #expect(report.files == [
            "out/all.html",
            "out/ana-lópez.html", "out/ana-lópez.md", "out/ben-okafor.html", "out/ben-okafor.md",
            "out/chiara-bianchi.html", "out/chiara-bianchi.md",
            "out/cohort-summary.html", "out/index.html", "out/manifest.json",
        ])
        #expect(report.handouts == 3)
        #expect(report.index == "out/index.html")
        #expect(fileSystem.permissions(at: "out/ana-lópez.html") == .sharedFile)
        #expect(fileSystem.permissions(at: "out/all.html") == .sharedFile)
        #expect(fileSystem.permissions(at: "out/cohort-summary.html") == .privateFile)
        #expect(fileSystem.permissions(at: "out/index.html") == .privateFile)
    }

    @Test("personalises each handout: name on the title page, the notes, the trainee's own focus")
    func personalised() throws {
        let out = Fixtures.outputs(try Fixtures.run(Self.files).fileSystem)
        let ana = try #require(out["ana-lópez.md"])
        #expect(ana.hasPrefix("# Reflection handout for Ana López\n\n- **Focus:** "))
        #expect(ana.contains("## From your supervisor\n\nBring **one** moment.\n\n### For you\n\nCard 29 is for you.\n\n## Teaching cards\n"))
        #expect(!ana.contains("<!--"), "no raw HTML, not even Attune's markers, in a Markdown handout")
        #expect(out["ben-okafor.md"]?.contains("- **Focus:** Your triggers\n") == true)
        #expect(out["ben-okafor.md"]?.contains("### For you") == false)
        #expect(out["ana-lópez.html"]?.contains((#"<div class="writing-space" aria-hidden="true">"# + String(repeating: "<span></span>", count: 12) + "</div>")) == true)
    }

    @Test("never puts what a trainee wrote in any file: not their handout, nobody else's, not the summary")
    func noAnswerText() throws {
        let out = Fixtures.outputs(try Fixtures.run(Self.files).fileSystem)
        for (path, text) in out {
            #expect(!text.contains("ANA-PRIVATE-ANSWER"), "\(path)")
        }
        #expect(out["cohort-summary.html"]?.contains("Shared journals counted: fewer than 5 (a range") == true)
    }

    @Test("reports every problem and writes nothing, leaving what was in the folder")
    func nothingWritten() {
        var files = Self.files
        files["cohort/journals/ana.md"] = Fixtures.journal(week: "2026-W46", answers: [])
        files["out/keep.txt"] = "mine"
        let fileSystem = InMemoryFileSystem(files: files)
        let error = #expect(throws: HandoutsError.self) {
            try HandoutsPipeline(fileSystem: fileSystem, policy: .screening).run(HandoutsRequest(roster: "cohort/roster.yaml", overrides: Fixtures.overrides, outputDirectory: "out"))
        }
        #expect(error?.step == .readJournals)
        #expect(error?.diagnostics.map(\.description) == [
            "cohort/journals/ana.md:3:7: error: this journal is for 2026-W46, but the handouts are for 2026-W47; share the journal for 2026-W47",
        ])
        #expect(fileSystem.snapshot.keys.filter { $0.hasPrefix("out/") } == ["out/keep.txt"])
    }

    @Test("refuses a journal its owner marked private")
    func privateJournal() {
        var files = Self.files
        files["cohort/journals/ana.md"] = Fixtures.journal(answers: [], frontMatter: "private: true\n")
        #expect(Fixtures.problems(files).lines == [
            "cohort/journals/ana.md:1:1: error: this journal is marked private, so it is not shared: take it off the roster, or its owner removes 'private'",
        ])
    }

    @Test("--keep-going writes the good handouts, lists the rest, and says the run failed")
    func keepGoing() throws {
        let roster = Fixtures.yaml("""
              - name: Ana
                focus: nope
              - Ben
              - name: Cy
                journal: missing.md
              - Dee
            """)
        let (report, fileSystem) = try Fixtures.run(["cohort/roster.yaml": roster], keepGoing: true)
        #expect(report.handouts == 2)
        #expect(report.skipped == 2)
        #expect(report.problems.map(\.description) == [
            "cohort/roster.yaml:6:12: error: unknown focus 'nope' (see 'attune new --help' for the curriculum's weeks)",
            "cohort/roster.yaml:9:14: error: cannot read journal 'missing.md' (cohort/missing.md): no such file",
        ])
        let out = Fixtures.outputs(fileSystem)
        #expect(out.keys.sorted() == ["all.html", "ben.html", "ben.md", "dee.html", "dee.md", "index.html", "manifest.json"])
        #expect(out["index.html"]?.contains("<li>Ana</li>\n<li>Cy</li>") == true)
        let manifest = try JSONDecoder().decode(Manifest.self, from: Data(out["manifest.json"]!.utf8))
        #expect(manifest.notProduced == ["Ana", "Cy"])
    }

    @Test("stops at the first problem's step without --keep-going, with every problem of that step")
    func withoutKeepGoing() {
        let roster = Fixtures.yaml("  - name: Ana\n    focus: nope\n  - Ben\n  - name: Cy\n    journal: missing.md\n")
        let result = Fixtures.problems(["cohort/roster.yaml": roster])
        #expect(result.step == .readRoster)
        #expect(result.lines.count == 2)
        #expect(result.written.isEmpty)
    }

    @Test("screens every shared journal before anything is written; --keep-going leaves that trainee out")
    func journalCheck() throws {
        let policy = SharingPolicy(rules: PrivacyRules(names: ["ANA-PRIVATE-ANSWER"]))
        let error = #expect(throws: HandoutsError.self) { try Fixtures.run(Self.files, policy: policy) }
        #expect(error?.step == .checkJournals)
        #expect(error?.diagnostics.count == 1)
        #expect(error?.diagnostics.first?.description.hasPrefix("cohort/journals/ana.md:") == true)
        #expect(error?.diagnostics.first?.description.hasSuffix(#": privacy: name: "ANA-PRIVATE-ANSWER""#) == true)

        let (report, _) = try Fixtures.run(Self.files, keepGoing: true, policy: policy)
        #expect(report.handouts == 2)
    }

    @Test("a client named in a supervisor's note stops the run before anything is written; the cohort's own names pass")
    func notesScreened() throws {
        let leaky = Self.roster.replacingOccurrences(
            of: "note: Card 29 is for you.", with: "note: Ana, Ben and Chiara said your client Maria Lopez came up on 12 March 2026.")
        let error = #expect(throws: HandoutsError.self) { try Fixtures.run(Self.files.merging(["cohort/roster.yaml": leaky]) { $1 }) }
        #expect(error?.step == .screenNotes)
        let lines = error?.diagnostics.map(\.description) ?? []
        #expect(lines.count == 2)
        #expect(lines.allSatisfy { $0.hasPrefix("cohort/roster.yaml:") })
        #expect(lines.first?.hasSuffix(#": privacy: name: "Maria Lopez""#) == true)
        #expect(lines.last?.hasSuffix(#": privacy: date: "12 March 2026""#) == true)
        // The cohort's own people, by any part of their names, pass.
        let ownNames = Self.roster.replacingOccurrences(of: "note: Card 29 is for you.", with: "note: Ana, Ben López and Okafor will pair up.")
        #expect(throws: Never.self) { try Fixtures.run(Self.files.merging(["cohort/roster.yaml": ownNames]) { $1 }) }
    }

    @Test("reports a template problem as the render step's, naming whose handout met it, and writes nothing")
    func templateProblem() {
        let fileSystem = InMemoryFileSystem(files: Self.files.merging(["mine/handout.md.mustache": "# {{trainee}} {{nickname}}\n"]) { $1 })
        let request = HandoutsRequest(roster: "cohort/roster.yaml", overrides: Fixtures.overrides, outputDirectory: "out", templatesOverlay: "mine")
        let error = #expect(throws: HandoutsError.self) { try HandoutsPipeline(fileSystem: fileSystem, policy: .screening).run(request) }
        #expect(error?.step == .render)
        #expect(error?.diagnostics.first?.description.hasPrefix("mine/handout.md.mustache:1:15: error: 'nickname' is not in the handout.md context") == true)
        #expect(error?.diagnostics.first?.description.hasSuffix("(in the handout for 'Ana López')") == true)
        #expect(error?.diagnostics.count == 3)
        #expect(fileSystem.snapshot.keys.filter { $0.hasPrefix("out/") }.isEmpty)
    }

    @Test("--format md writes Markdown handouts, the index and the manifest, and no all.html")
    func markdownOnly() throws {
        let (report, _) = try Fixtures.run(Self.files, formats: [.md])
        #expect(report.files == [
            "out/ana-lópez.md", "out/ben-okafor.md", "out/chiara-bianchi.md",
            "out/cohort-summary.html", "out/index.html", "out/manifest.json",
        ])
    }
}

@Suite("The cohort's own files")
struct CohortFilesTests {
    @Test("all.html has one h1, then each handout as an article starting on a new printed page")
    func allHTML() throws {
        let out = Fixtures.outputs(try Fixtures.run(HandoutsPipelineTests.files).fileSystem)
        let all = try #require(out["all.html"])
        #expect(all.components(separatedBy: "<h1").count == 2)
        #expect(all.components(separatedBy: "<article class=\"handout\"").count == 4)
        #expect(all.contains("<h2>Reflection handout for Ana López</h2>"))
        #expect(all.contains(##"<li><a href="#handout-ben-okafor">Ben Okafor</a></li>"##))
        #expect(all.contains(".handout { break-before: right;"))
        for article in all.components(separatedBy: "<article").dropFirst() {
            #expect(article.components(separatedBy: "<h2").count == 2, "one title per handout")
        }
    }

    @Test("the manifest names every file for whom, the material and the hash algorithm, with correct hashes")
    func manifest() throws {
        let out = Fixtures.outputs(try Fixtures.run(HandoutsPipelineTests.files).fileSystem)
        let manifest = try JSONDecoder().decode(Manifest.self, from: Data(out["manifest.json"]!.utf8))
        #expect(manifest.cohort == "Group B")
        #expect(manifest.week == "2026-W47")
        #expect(manifest.roster == "cohort/roster.yaml")
        #expect(manifest.material.fingerprint == Fixtures.resources.fingerprint)
        #expect(manifest.hashAlgorithm.hasPrefix("FNV-1a 64-bit"))
        #expect(manifest.handouts.map(\.trainee) == ["Ana López", "Ben Okafor", "Chiara Bianchi"])
        #expect(manifest.handouts.map(\.focus)[1] == "your-triggers")
        #expect(manifest.cohortFiles.map(\.path) == ["all.html", "cohort-summary.html", "index.html"])
        for file in manifest.handouts.flatMap(\.files) + manifest.cohortFiles {
            let data = Data(try #require(out[file.path]).utf8)
            #expect(file.bytes == data.count)
            #expect(file.hash == FNV1a64.hex(data))
        }
    }

    @Test("the index links every handout and says who shared a journal")
    func index() throws {
        let out = Fixtures.outputs(try Fixtures.run(HandoutsPipelineTests.files).fileSystem)
        let index = try #require(out["index.html"])
        let focus = Fixtures.content.week(Fixtures.seventhWeek)!.title
        #expect(index.contains(#"<tr><td>Ana López</td><td>"# + focus + #"</td><td><a href="ana-lópez.html">HTML</a> <a href="ana-lópez.md">Markdown</a> </td><td>yes</td><td>yes</td></tr>"#))
        #expect(index.contains(#"<tr><td>Ben Okafor</td><td>Your triggers</td>"#))
        #expect(index.contains(#"<a href="cohort-summary.html">"#))
        #expect(index.contains(#"<a href="all.html">"#))
    }
}

@Suite("Hostile input in a roster")
struct HostileRosterTests {
    @Test("names, notes and cohort are printed, never run: no script, handler or javascript: link reaches a page")
    func safeHTML() throws {
        let roster = """
        cohort: "<script>alert('c')</script>"
        supervisor: "Dr <b>Bold</b>"
        week: 2026-W47
        notes: "<img src=x onerror=alert(1)> and [click](javascript:alert(2))"
        trainees:
          - name: "<script>alert(1)</script>"
            note: "<iframe src=https://evil.example></iframe> ~~old~~ <a href='javascript:x'>y</a>"
          - name: "../../etc/passwd"
          - name: "CON"
        """
        let (report, fileSystem) = try Fixtures.run(["cohort/roster.yaml": roster])
        #expect(report.files.allSatisfy { $0.hasPrefix("out/") && !$0.dropFirst(4).contains("/") })
        #expect(report.files.dropFirst().prefix(6) == [
            "out/script-alert-1-script.html", "out/script-alert-1-script.md", "out/etc-passwd.html", "out/etc-passwd.md",
            "out/con-trainee.html", "out/con-trainee.md",
        ])
        for (path, text) in Fixtures.outputs(fileSystem) where path.hasSuffix(".html") {
            // Typed markup is shown as text (`&lt;img ... onerror=...&gt;`),
            // never as a tag, a handler or a link.
            for bad in ["<script", "<iframe", "<img", "<b>"] {
                #expect(!text.contains(bad), "\(path) contains \(bad)")
            }
            #expect(text.range(of: #"<[^<>]*\son[a-z]+\s*="#, options: .regularExpression) == nil, "\(path) has a handler")
            #expect(text.range(of: #"<a\s[^<>]*href\s*=\s*["']?\s*javascript:"#, options: .regularExpression) == nil, "\(path) has a script link")
        }
        let markdown = try fileSystem.readText(at: "out/script-alert-1-script.md")
        #expect(markdown.hasPrefix(#"# Reflection handout for \<script\>alert(1)\</script\>"#))
    }
}

@Suite("Staging: all or nothing")
struct StagingTests {
    /// Memory that refuses to write one file, as a full disk would.
    final class Refusing: FileSystem, @unchecked Sendable {
        let inner: InMemoryFileSystem
        let refused: String
        init(_ files: [String: String], refusing refused: String) {
            inner = InMemoryFileSystem(files: files)
            self.refused = refused
        }
        func readText(at path: String) throws -> String { try inner.readText(at: path) }
        func fileExists(at path: String) -> Bool { inner.fileExists(at: path) }
        func directoryExists(at path: String) -> Bool { inner.directoryExists(at: path) }
        func files(under path: String) throws -> [String] { try inner.files(under: path) }
        func writeAtomically(_ data: Data, to path: String, permissions: FilePermissions) throws {
            if path.contains(refused) { throw FileSystemError.io(path, "no space left on device") }
            try inner.writeAtomically(data, to: path, permissions: permissions)
        }
        func write(_ data: Data, to path: String, permissions: FilePermissions) throws {
            if path.contains(refused) { throw FileSystemError.io(path, "no space left on device") }
            try inner.write(data, to: path, permissions: permissions)
        }
        func createDirectory(at path: String, permissions: FilePermissions) throws { try inner.createDirectory(at: path, permissions: permissions) }
        func removeFile(at path: String) throws { try inner.removeFile(at: path) }
        func moveFile(from source: String, to destination: String) throws { try inner.moveFile(from: source, to: destination) }
        func removeDirectory(at path: String) throws { try inner.removeDirectory(at: path) }
        func append(_ data: Data, to path: String, permissions: FilePermissions) throws {
            if path.contains(refused) { throw FileSystemError.io(path, "no space left on device") }
            try inner.append(data, to: path, permissions: permissions)
        }
    }

    @Test("a file that cannot be written leaves the folder as it was, staged files removed")
    func writeFailure() throws {
        var files = HandoutsPipelineTests.files
        files["out/ana-lópez.html"] = "last week's"
        files["out/.attune-handouts"] = "ana-lópez.html\n"
        let fileSystem = Refusing(files, refusing: "index.html")
        let error = #expect(throws: HandoutsError.self) {
            try HandoutsPipeline(fileSystem: fileSystem, policy: .screening).run(HandoutsRequest(roster: "cohort/roster.yaml", overrides: Fixtures.overrides, outputDirectory: "out"))
        }
        #expect(error?.step == .write)
        #expect(error?.diagnostics.map(\.description) == [
            "out/index.html:1:1: error: cannot write: out/index.html: no space left on device",
        ])
        #expect(fileSystem.inner.snapshot.keys.filter { $0.hasPrefix("out/") }.sorted() == ["out/.attune-handouts", "out/ana-lópez.html"])
        #expect(try fileSystem.inner.readText(at: "out/ana-lópez.html") == "last week's")
    }

    @Test("a handout that fails to render stops the run, or with --keep-going only costs that trainee")
    func renderFailure() throws {
        // Only a trainee with a note reaches the misspelt name.
        let files = HandoutsPipelineTests.files.merging(["mine/handout.md.mustache": "# {{trainee}}\n\n{{#note}}{{nickname}}{{/note}}\n"]) { $1 }
        let request = HandoutsRequest(roster: "cohort/roster.yaml", overrides: Fixtures.overrides, outputDirectory: "out", templatesOverlay: "mine")
        let strict = InMemoryFileSystem(files: files)
        let error = #expect(throws: HandoutsError.self) { try HandoutsPipeline(fileSystem: strict, policy: .screening).run(request) }
        #expect(error?.step == .render)
        #expect(error?.diagnostics.count == 1)
        #expect(error?.diagnostics.first?.description.hasSuffix("(in the handout for 'Ana López')") == true)
        #expect(strict.snapshot.keys.filter { $0.hasPrefix("out/") }.isEmpty)

        var lenient = request
        lenient.keepGoing = true
        let fileSystem = InMemoryFileSystem(files: files)
        let report = try HandoutsPipeline(fileSystem: fileSystem, policy: .screening).run(lenient)
        #expect(report.handouts == 2)
        #expect(report.problems.count == 1)
        #expect(!fileSystem.fileExists(at: "out/ana-lópez.md"))
        #expect(fileSystem.fileExists(at: "out/ben-okafor.md"))
        let all = try fileSystem.readText(at: "out/all.html")
        #expect(!all.contains("Ana López"))
        #expect(all.components(separatedBy: "<article").count == 3)
        #expect(all.contains(##"<li><a href="#handout-ben-okafor">Ben Okafor</a></li>"##))
        #expect(all.contains("<p>2 handouts from Dr Morgan Ellery"))
        // Ana's journal is not counted: she got no handout.
        #expect(!fileSystem.fileExists(at: "out/cohort-summary.html"))
        // The index's head was streamed before Ana failed; it was swapped for the final one.
        let index = try fileSystem.readText(at: "out/index.html")
        #expect(index.contains("<li><strong>Handouts:</strong> 2</li>"))
        #expect(!index.contains("cohort-summary.html"))
        #expect(index.components(separatedBy: "<tr><td>").count == 3)
        let manifest = try JSONDecoder().decode(Manifest.self, from: Data(fileSystem.readText(at: "out/manifest.json").utf8))
        #expect(manifest.cohortFiles.first { $0.path == "index.html" }?.hash == FNV1a64.hex(Data(index.utf8)))
    }
}

@Suite("What attune handouts asks for and says")
struct HandoutsCommandLineTests {
    static let today = Date(timeIntervalSince1970: 1_795_003_200)  // 2026-11-18, in 2026-W47

    static func request(week: String? = nil, start: String? = nil, workers: Int? = nil) -> HandoutsRequest {
        HandoutsRequest(
            roster: "r.yaml", cohort: "B", supervisor: nil, week: week, start: start, today: today, summaryThreshold: 7,
            outputDirectory: "hb", formats: [.md], keepGoing: true, contentOverlay: nil, templatesOverlay: "look",
            workers: workers, printer: nil)
    }

    @Test("flags become the roster's overrides: --week, --start (named as the flag), today's week when neither is given")
    func overrides() throws {
        let flagged = Self.request(week: "2026-W48", start: "2026-10-05").overrides
        #expect(flagged.week == ISOWeek("2026-W48"))
        #expect(flagged.start == CourseStart(date: "2026-10-05", origin: "--start"))
        #expect(flagged.currentWeek == ISOWeek(containing: Self.today))
        #expect(flagged.cohort == "B")
        #expect(flagged.supervisor == nil)
        #expect(flagged.summaryThreshold == 7)
        let plain = Self.request().overrides
        #expect(plain.week == nil)
        #expect(plain.start == nil)
    }

    @Test("--jobs: one worker per core when not given, at least one when given")
    func workers() {
        #expect(Self.request().workers == max(1, ProcessInfo.processInfo.activeProcessorCount))
        #expect(Self.request(workers: 3).workers == 3)
        #expect(Self.request(workers: 0).workers == 1)
        let request = Self.request()
        #expect(request.outputDirectory == "hb" && request.formats == [.md] && request.keepGoing && request.templatesOverlay == "look")
    }

    @Test("the closing line: how many, where (with its slash), how long to a tenth, and where to start")
    func summary() throws {
        var (report, _) = try Fixtures.run(HandoutsPipelineTests.files)
        #expect(report.summary(seconds: 12.34) == "Wrote 3 handouts (10 files) to out/ in 12.3 s; start at out/index.html")
        report.handouts = 1
        report.outputDirectory = "out/"
        #expect(report.summary(seconds: 0) == "Wrote 1 handout (10 files) to out/ in 0.0 s; start at out/index.html")
        #expect(report.leftOutSummary == nil)
    }

    @Test("with --keep-going and someone left out, the line under their problems counts both")
    func leftOut() throws {
        var (report, _) = try Fixtures.run(HandoutsPipelineTests.files)
        let problem = Diagnostic.error("no such trainee", at: SourceLocation(path: "r.yaml", line: 3, column: 5))
        report.problems = [problem]
        report.skipped = 1
        #expect(report.leftOutSummary == "attune: 1 problem left 1 trainee without a handout (--keep-going); the others were written.")
        report.problems = [problem, problem]
        report.skipped = 2
        #expect(report.leftOutSummary == "attune: 2 problems left 2 trainees without a handout (--keep-going); the others were written.")
    }
}
