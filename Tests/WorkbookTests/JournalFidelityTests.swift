import ContentModel
import Diagnostics
import Files
import Foundation
import GFM
import Journal
import Privacy
import Testing
import Workbook

/// The journal reader's promise, probed at the edges: every answer comes out
/// exactly where it was typed, anything that would leave its answer is
/// refused where it starts, and no input `check` passes can stop `build`.
@Suite("Every word stays where it was typed")
struct JournalFidelityTests {
    typealias F = JournalFidelity

    /// Constructs that run on past the end of their answer, each with the
    /// column it starts at. Every CommonMark HTML block start that ends
    /// only at a closing string (types 1 to 5), fences, and a type 6/7
    /// block with no blank line before the next prompt. (A table directly
    /// above a marker ends there: the spec suite's tight run covers it.)
    static let runaways: [(name: String, text: String, tight: Bool)] = [
        ("pre", "Before.\n\n<pre>\nwords", false),
        ("script", "<script>\nwords", false),
        ("style", "<style type=\"x\">\nwords", false),
        // cmark-gfm 0.29 follows spec 0.29, where <textarea> is not yet a
        // type 1 start: it is a type 7 block, ending at a blank line.
        ("textarea without blank line", "<TEXTAREA>\nwords", true),
        ("comment", "<!-- open\nwords", false),
        ("processing", "<?php\nwords", false),
        ("declaration", "<!DOCTYPE html\nwords", false),
        ("cdata", "<![CDATA[\nwords", false),
        ("backtick fence", "```\nwords", false),
        ("tilde fence", "~~~~ text\nwords\n~~~", false),
        ("div without blank line", "<div>\nwords", true),
        ("custom tag without blank line", "<my-tag>\nwords", true),
    ]

    @Test("refuses each construct that would run past its answer, at its opening line", arguments: 0..<runaways.count)
    func runawayRefused(index: Int) throws {
        let (name, text, tight) = Self.runaways[index]
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        let opening = lines.firstIndex { !$0.isEmpty && $0 != "Before." }!
        switch F.build(F.journal(text + "\n", tight: tight)) {
        case .built(let workbook):
            Issue.record("\(name) was accepted")
            _ = workbook
        case .refused(let diagnostics):
            #expect(diagnostics.map(\.location.line) == [F.answerLine + opening], "\(name)")
            #expect(diagnostics.allSatisfy { $0.severity == .error && $0.location.column == 1 }, "\(name)")
        }
    }

    @Test("reports every runaway in one journal, in the text before the prompts too, and writes nothing")
    func everyRunawayInOneRun() throws {
        let text = """
        ---
        therapist: "Sam Rivera"
        week: 2026-W47
        focus: noticing-withdrawal
        ---

        <script>
        preamble left open

        <!-- prompt: reflect-usual-response -->
        ## First

        <pre>
        first left open

        <!-- prompt: reflect-noticed-in-myself -->
        ## Second

        ```
        second left open

        <!-- prompt: wish-uncomfortable-moments -->
        ## Third

        <?
        third left open

        """
        let fileSystem = InMemoryFileSystem(files: ["j.md": text])
        #expect(throws: BuildError.self) { try BuildPipeline(fileSystem: fileSystem).run(BuildRequest(inputs: ["j.md"])) }
        do {
            _ = try BuildPipeline(fileSystem: fileSystem).run(BuildRequest(inputs: ["j.md"]))
        } catch {
            #expect(error.diagnostics.map { "\($0.location.line):\($0.location.column)" } == ["7:1", "13:1", "19:1", "25:1"])
        }
        #expect(!fileSystem.directoryExists(at: "out"))
        #expect(throws: BuildError.self) {
            try Checker(fileSystem: fileSystem, resources: Fixtures.resources).check(journals: ["j.md"])
        }
    }

    /// A table under a line of text, first in an answer: cmark-gfm reports
    /// the paragraph at 0:0, which once pulled the journal from line 1 in.
    @Test("keeps a table written right under a line of text, and every answer around it")
    func tableUnderText() throws {
        let answer = "Here is how it went:\n| felt | did |\n| --- | --- |\n| small | explained |\n"
        guard case .built(let workbook) = F.build(F.journal(answer)) else { Issue.record("refused"); return }
        #expect(F.answerRegion(workbook.markdown, control: F.control.markdown, marker: "CONTROL") == F.kept(answer))
        let html = try #require(F.answerRegion(workbook.html, control: F.control.html, marker: "<p>CONTROL</p>\n"))
        #expect(html == (try F.cmarkGFM(answer)))
        #expect(html.contains("<table>"))
    }

    @Test("keeps link reference definitions in the Markdown and resolves them in their own answer only")
    func linkDefinitions() throws {
        let first = "[3rs]: https://example.org/3rs\n\nSee [3rs] and [other].\n"
        let second = "[other]: https://example.org/other\n"
        let text = F.header.replacingOccurrences(of: "Alpha answer stays put.", with: first) + second + "\n" + F.trailer
        guard case .built(let workbook) = F.build(text) else { Issue.record("refused"); return }
        #expect(workbook.markdown.contains("[3rs]: https://example.org/3rs\n\nSee [3rs] and [other]."))
        #expect(workbook.markdown.contains("[other]: https://example.org/other"))
        #expect(workbook.html.contains(#"See <a href="https://example.org/3rs">3rs</a> and [other]."#))
        // An answer made only of a definition is an answer, not an open prompt.
        let journal = try JournalParser(content: Fixtures.resources.content).parse(SourceFile(path: "j.md", name: "j.md", text: text))
        #expect(journal.answer(to: "reflect-noticed-in-myself")?.markdown == "[other]: https://example.org/other")
    }

    @Test("keeps the last line of a closed <pre> block, words after the closing tag included")
    func lastLineOfHTMLBlock() throws {
        let answer = "<pre>\nfirst\nlast</pre> and after\n"
        let journal = try JournalParser(content: Fixtures.resources.content)
            .parse(SourceFile(path: "j.md", name: "j.md", text: F.journal(answer)))
        #expect(journal.answer(to: "reflect-noticed-in-myself")?.markdown == "<pre>\nfirst\nlast</pre> and after")
        guard case .built(let workbook) = F.build(F.journal(answer)) else { Issue.record("refused"); return }
        let page = try #require(F.answerRegion(workbook.html, control: F.control.html, marker: "<p>CONTROL</p>\n"))
        #expect(F.visibleText(page).contains("last</pre> and after"))
    }

    @Test("adds no comment of its own after a comment between two lists")
    func noEndListComment() throws {
        guard case .built(let workbook) = F.build(F.journal("- a\n- b\n\n<!-- -->\n\n- c\n")) else { Issue.record("refused"); return }
        #expect(!workbook.markdown.contains("end list"))
        #expect(!workbook.html.contains("end list"))
    }

    // MARK: Structure probes

    @Test("answers at the journal's edges: first after the front matter, last with no line break at the end")
    func edges() throws {
        let text = """
        ---
        therapist: "Sam Rivera"
        week: 2026-W47
        focus: noticing-withdrawal
        ---
        <!-- prompt: reflect-usual-response -->
        ## First
        First words.
        <!-- prompt: wish-uncomfortable-moments -->
        ## Last
        Last words, *no* line break after.
        """
        let journal = try JournalParser(content: Fixtures.resources.content).parse(SourceFile(path: "j.md", name: "j.md", text: text))
        #expect(journal.preamble == nil)
        #expect(journal.answers.map(\.markdown) == ["First words.", "Last words, *no* line break after."])
        #expect(journal.answers.map(\.firstLine) == [8, 11])
        guard case .built(let workbook) = F.build(text) else { Issue.record("refused"); return }
        #expect(workbook.markdown.contains("\nFirst words.\n\n"))
        #expect(workbook.markdown.contains("\nLast words, *no* line break after.\n\n"))
    }

    @Test("an answer between the rupture log and a prompt keeps its lines, and the log keeps its own")
    func afterRuptureLog() throws {
        let text = F.header.replacingOccurrences(of: "<!-- prompt: reflect-noticed-in-myself -->", with: """
        <!-- prompt: rupture-log -->
        ## Rupture log

        No ruptures I could see this week.
        [log]: https://example.org/log

        <!-- prompt: reflect-noticed-in-myself -->
        """) + "Between the log and the last prompt.\n[x]: https://example.org/x\n" + F.trailer
        let journal = try JournalParser(content: Fixtures.resources.content).parse(SourceFile(path: "j.md", name: "j.md", text: text))
        #expect(journal.answer(to: "rupture-log")?.markdown == "No ruptures I could see this week.\n[log]: https://example.org/log")
        #expect(journal.answer(to: "reflect-noticed-in-myself")?.markdown == "Between the log and the last prompt.\n[x]: https://example.org/x")
        guard case .built(let workbook) = F.build(text) else { Issue.record("refused"); return }
        #expect(workbook.markdown.contains("Between the log and the last prompt.\n[x]: https://example.org/x\n"))
    }

    @Test("CRLF line endings and a byte-order mark give the same answers and workbooks as LF")
    func crlfAndBOM() throws {
        let answer = "Line one  \nline two\n\n- [ ] task\n\n```\ncode\n```\n[d]: https://example.org/d\n"
        let lf = F.journal(answer)
        for variant in [lf.replacingOccurrences(of: "\n", with: "\r\n"), "\u{FEFF}" + lf, "\u{FEFF}" + lf.replacingOccurrences(of: "\n", with: "\r\n")] {
            guard case .built(let expected) = F.build(lf), case .built(let got) = F.build(variant) else {
                Issue.record("refused")
                return
            }
            #expect(got.markdown == expected.markdown)
            #expect(got.html == expected.html)
        }
        // A runaway is found at the same place whatever the line endings.
        let broken = F.journal("<pre>\nopen\n")
        guard case .refused(let lfProblems) = F.build(broken),
              case .refused(let crlfProblems) = F.build("\u{FEFF}" + broken.replacingOccurrences(of: "\n", with: "\r\n"))
        else { Issue.record("accepted"); return }
        #expect(lfProblems == crlfProblems)
    }

    @Test("a prompt marker swallowed by the answer above is reported there, not lost")
    func swallowedMarker() throws {
        // Indented, the marker belongs to the list item above it.
        let answer = "- item\n\n  <!-- prompt: wish-uncomfortable-moments -->\n"
        guard case .refused(let problems) = F.build(F.journal(answer)) else { Issue.record("accepted"); return }
        #expect(problems.contains { $0.location.line == F.answerLine && $0.message.contains("prompt marker on line") })
    }

    // MARK: Privacy

    /// A malformed answer next to a private one must never carry the private
    /// words into a shared copy: the build is refused, or they are absent.
    @Test("a neighbour's malformed answer never carries a private answer into a shared copy",
          arguments: 0..<(runaways.count + 3))
    func privateNeighbour(index: Int) throws {
        let extra = ["Here is how it went:\n| felt | did |\n| --- | --- |\n| a | b |", "[def]: https://example.org\n[def]", "<div>\nopen"]
        let malformed = index < Self.runaways.count ? Self.runaways[index].text : extra[index - Self.runaways.count]
        let secret = "Privatissimo-Heron"
        let text = F.header
            .replacingOccurrences(of: "focus: noticing-withdrawal", with: "focus: noticing-withdrawal\nprivate: [reflect-noticed-in-myself]")
            .replacingOccurrences(of: "Alpha answer stays put.", with: malformed)
            + "Only mine: \(secret) said so.\n\n" + F.trailer
        for audience in [Audience.shared(redact: true), .shared(redact: false)] {
            let fileSystem = InMemoryFileSystem(files: ["j.md": text])
            do {
                _ = try BuildPipeline(fileSystem: fileSystem).run(BuildRequest(inputs: ["j.md"], audience: audience))
                for path in try fileSystem.files(under: "out") {
                    #expect(!(try fileSystem.readText(at: "out/" + path)).contains("Privatissimo"), "\(path) from \(malformed.debugDescription)")
                }
            } catch {
                let leftovers = fileSystem.directoryExists(at: "out") ? try fileSystem.files(under: "out") : []
                #expect(leftovers.isEmpty)
            }
        }
    }

    // MARK: Pathological shapes, built

    static let limit = InputLimits.answerBytes - 1024
    static let shapes: [String: String] = [
        "30,000 nested block quotes": String(repeating: "> ", count: 30_000) + "deep words\n",
        "block quotes to the answer limit": String(repeating: ">", count: limit) + " deep words\n",
        "63 KiB of '- '": String(repeating: "- ", count: 63 * 1024 / 2) + "deep words\n",
        "nested lists with blank lines": (0..<120).map { String(repeating: "  ", count: $0) + "- level \($0)\n\n" }.joined() + String(repeating: "  ", count: 120) + "deep words\n",
        "nested emphasis": String(repeating: "*a _b ", count: 5_000) + "deep words" + String(repeating: "_ a*", count: 5_000) + "\n",
        "nested links and brackets": String(repeating: "[", count: 20_000) + "deep words" + String(repeating: "](u)", count: 10_000) + "\n",
        "ordered lists to the limit": String(repeating: "1. ", count: limit / 3) + "deep words\n",
        "quotes and lists mixed": String(repeating: "> - ", count: limit / 4) + "deep words\n",
    ]

    @Test("builds every pathological shape under the limits, as an answer and before the prompts, and check agrees",
          arguments: Array(shapes.keys).sorted())
    func pathological(name: String) throws {
        let shape = Self.shapes[name]!
        #expect(shape.utf8.count <= InputLimits.answerBytes)
        let asAnswer = F.journal(shape)
        let beforePrompts = F.header.replacingOccurrences(of: "Before the prompts: a line of my own.", with: shape) + "fine\n\n" + F.trailer
        for text in [asAnswer, beforePrompts] {
            let fileSystem = InMemoryFileSystem(files: ["j.md": text])
            let checked = Result { try Checker(fileSystem: fileSystem, resources: Fixtures.resources).check(journals: ["j.md"]) }
            let built = Result { try BuildPipeline(fileSystem: fileSystem).run(BuildRequest(inputs: ["j.md"], audience: .shared(redact: true))) }
            // Whatever check passes, build builds.
            if case .success = checked { #expect((try? built.get()) != nil, "\(name): check passed but build failed") }
            let written = InMemoryFileSystem(files: ["j.md": text])
            let personal = try BuildPipeline(fileSystem: written).run(BuildRequest(inputs: ["j.md"]))
            #expect(personal.written.count == 2)
            #expect(try written.readText(at: "out/2026-W47.md").contains("deep words"), "\(name)")
            #expect(try written.readText(at: "out/2026-W47.html").contains("deep words"), "\(name)")
        }
    }
}
