import ContentModel
import Diagnostics
import Foundation
import Journal
import Testing

/// Inputs built to break parsers: each is parsed quickly or refused with
/// a precise error, never a crash or a hang.
@Suite("Hostile and broken journals", .timeLimit(.minutes(1)))
struct HostileJournalTests {
    static let prompt = "<!-- prompt: reflect-questioned-process -->\n## When a client questions the point of therapy\n\n"

    /// The shapes cmark's own pathological tests use, sized to just under
    /// the per-answer limit: parsed, in well under the time limit.
    static let pathological: [(String, String)] = [
        ("nested strong emphasis", String(repeating: "*a **a ", count: 3_000) + "b" + String(repeating: " a** a*", count: 3_000)),
        ("many emphasis closers", String(repeating: "a_ ", count: 20_000)),
        ("many emphasis openers", String(repeating: "_a ", count: 20_000)),
        ("many link closers", String(repeating: "a]", count: 30_000)),
        ("many link openers", String(repeating: "[a", count: 30_000)),
        ("mismatched openers and closers", String(repeating: "*a_ ", count: 15_000)),
        ("nested brackets", String(repeating: "[", count: 30_000) + "a" + String(repeating: "]", count: 30_000)),
        ("nested block quotes", String(repeating: "> ", count: 30_000) + "a"),
        ("deeply nested lists", (0..<240).map { String(repeating: "  ", count: $0) + "* a\n" }.joined()),
        ("backtick runs", (1..<300).map { "e" + String(repeating: "`", count: $0) }.joined()),
        ("unclosed links", String(repeating: "[a](<b", count: 10_000)),
        ("unclosed link destinations", String(repeating: "[a](b", count: 12_000)),
        ("many autolinks", String(repeating: "www.a.b ", count: 8_000)),
        ("a long table", "| a | b |\n| - | - |\n" + String(repeating: "| x | y |\n", count: 6_000)),
        ("a 200-cell table", String(repeating: "|a", count: 199) + "|\n" + String(repeating: "|-", count: 199) + "|\n"
            + String(repeating: String(repeating: "|a", count: 199) + "|\n", count: 70)),
        ("strikethrough runs", String(repeating: "~~a ", count: 15_000)),
        ("reference definitions", String(repeating: "[a]: u\n", count: 5_000) + String(repeating: "[a]", count: 5_000)),
    ]

    @Test("cmark's pathological shapes parse, up to the answer limit", arguments: pathological)
    func pathologicalShapes(name: String, answer: String) throws {
        #expect(answer.utf8.count <= InputLimits.answerBytes, "\(name) is over the answer limit")
        let journal = try TestJournal.parse(TestJournal.header + Self.prompt + answer + "\n")
        #expect(journal.answers.count == 1)
    }

    @Test("the quadratic shapes Debian's cmark-gfm has are refused before parsing")
    func quadraticShapes() throws {
        let wide = TestJournal.header + Self.prompt + String(repeating: "|a", count: 250) + "|\n"
        #expect(try TestJournal.diagnostics(wide) == [
            "journal/2026-W47.md:11:1: error: this line has 251 '|' characters; a table row may have at most 200 cells",
        ])
        let openers = TestJournal.header + Self.prompt + String(repeating: "a <?", count: 1_000) + "\n"
        #expect(try TestJournal.diagnostics(openers) == [
            "journal/2026-W47.md:11:3999: error: more than 1000 '<!' or '<?' sequences in one journal; Attune stops here rather than risk a very slow parse",
        ])
    }

    @Test("a table of 50,000 cells (short rows filled out to the header's width) is parsed; one row more is refused at its delimiter row")
    func tableCellsBoundary() throws {
        let head = String(repeating: "|a", count: 100) + "|\n" + String(repeating: "|-", count: 100) + "|\n"
        // 100 columns × (the header and 499 rows) = 50,000 cells.
        let exact = head + String(repeating: "a\n", count: 499)
        #expect(try TestJournal.parse(TestJournal.header + Self.prompt + exact).answers.count == 1)
        #expect(try TestJournal.diagnostics(TestJournal.header + Self.prompt + exact + "a\n") == [
            "journal/2026-W47.md:12:1: error: this table has 100 columns and at least 500 rows; cmark-gfm fills out every row to 100 cells, and a table may have at most 50000 cells: split it, or leave a blank line after it",
        ])
        // A blank line ends the table: the same rows after one count for nothing.
        #expect(try TestJournal.parse(TestJournal.header + Self.prompt + exact + "\n" + String(repeating: "a\n", count: 600)).answers.count == 1)
    }

    @Test("a journal or an answer over its size limit is refused, naming the limit")
    func sizeLimits() throws {
        let huge = TestJournal.header + Self.prompt + String(repeating: "x", count: 10 * 1024 * 1024) + "\n"
        #expect(try TestJournal.diagnostics(huge) == [
            "journal/2026-W47.md:1:1: error: this journal is 10.0 MiB, over Attune's limit of 256 KiB",
        ])
        let long = TestJournal.header + Self.prompt + String(repeating: "word ", count: 14_000) + "\n"
        #expect(try TestJournal.diagnostics(long) == [
            "journal/2026-W47.md:9:1: error: this answer is 70000 bytes, over Attune's limit of 64 KiB for one answer",
        ])
    }

    @Test("an answer of exactly 64 KiB is kept; one byte more is refused at its heading")
    func answerBoundary() throws {
        let exact = String(repeating: "x", count: InputLimits.answerBytes)
        let journal = try TestJournal.parse(TestJournal.header + Self.prompt + exact + "\n")
        #expect(journal.answers.first?.markdown.utf8.count == 65_536)
        #expect(try TestJournal.diagnostics(TestJournal.header + Self.prompt + exact + "y\n") == [
            "journal/2026-W47.md:9:1: error: this answer is 65537 bytes, over Attune's limit of 64 KiB for one answer",
        ])
    }

    @Test("the text before the first prompt has the same bound as an answer, checked before it is rendered")
    func preambleBoundary() throws {
        let exact = String(repeating: "x", count: InputLimits.answerBytes)
        let journal = try TestJournal.parse(TestJournal.header + exact + "\n\n" + Self.prompt + "An answer.\n")
        #expect(journal.preamble?.utf8.count == 65_536)
        #expect(try TestJournal.diagnostics(TestJournal.header + exact + "y\n\n" + Self.prompt + "An answer.\n") == [
            "journal/2026-W47.md:8:1: error: the text before the first prompt is 65537 bytes, over Attune's limit of 64 KiB",
        ])
    }

    @Test("a journal of exactly 256 KiB is parsed; one byte more is refused before parsing")
    func journalBoundary() throws {
        // Four answers of 64 KiB less a little, and before them a comment
        // that pads the file to the byte.
        let prompts = try TestJournal.content().week("when-therapy-is-questioned")!.prompts
        let answers = prompts.prefix(4).map { "<!-- prompt: \($0) -->\n## Prompt\n\n" + String(repeating: "x", count: 60_000) + "\n\n" }.joined()
        let padding = InputLimits.journalBytes - TestJournal.header.utf8.count - answers.utf8.count - 9
        let text = TestJournal.header + "<!--" + String(repeating: "x", count: padding) + "-->\n\n" + answers
        #expect(text.utf8.count == 262_144)
        #expect(try TestJournal.parse(text).answers.count == 4)
        #expect(try TestJournal.diagnostics(text + "x") == [
            "journal/2026-W47.md:1:1: error: this journal is 262145 bytes, over Attune's limit of 256 KiB",
        ])
    }

    @Test("empty, binary and NUL-carrying files get a clear error at the right spot")
    func brokenFiles() throws {
        #expect(try TestJournal.diagnostics("") == [
            "journal/2026-W47.md:1:1: error: a journal starts with front matter: a '---' line, then therapist, week and focus, then '---'",
        ])
        #expect(try TestJournal.diagnostics(TestJournal.header + "ab\u{0}cd\n") == [
            "journal/2026-W47.md:8:3: error: this journal contains a NUL byte, so it looks like a binary file, not text",
        ])
    }

    @Test("CRLF, lone CR and a BOM give the same answers and the same error positions", arguments: ["\r\n", "\r"])
    func lineEndings(ending: String) throws {
        let text = TestJournal.header + Self.prompt + "First line.\nSecond line.\n\n## Not a prompt\n"
        let expected = ["journal/2026-W47.md:14:1: error: heading 'Not a prompt' does not match a prompt: keep the '<!-- prompt: ID -->' line above each prompt's '##' heading, and use '###' for headings inside an answer"]
        #expect(try TestJournal.diagnostics(text) == expected)
        let converted = "\u{FEFF}" + text.replacingOccurrences(of: "\n", with: ending)
        #expect(try TestJournal.diagnostics(converted) == expected)
        let fine = "\u{FEFF}" + (TestJournal.header + Self.prompt + "First line.\nSecond line.\n").replacingOccurrences(of: "\n", with: ending)
        #expect(try TestJournal.parse(fine).answers.first?.markdown == "First line.\nSecond line.")
    }

    @Test("front matter that is deeply nested, an alias bomb, has duplicate keys or wrong types is refused", arguments: [
        ("---\ntherapist: " + String(repeating: "[", count: 10_000) + "\n---\n",
         "journal/2026-W47.md:2:13: error: malformed YAML: Maximum nesting level reached, set with yaml_set_max_nest_level())"),
        ("---\na: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\ntherapist: [*c, *c, *c, *c, *c, *c, *c, *c, *c]\n---\n",
         "journal/2026-W47.md:2:4: error: YAML anchors and aliases (&name, *name) are not supported; write the value out in full"),
        ("---\ntherapist: Sam\ntherapist: Ann\nweek: 2026-W47\nfocus: your-triggers\n---\n",
         "journal/2026-W47.md:2:1: error: duplicate key 'therapist' in one mapping"),
        ("---\ntherapist: [Sam]\nweek: 2026-W47\nfocus: your-triggers\n---\n",
         "journal/2026-W47.md:2:12: error: field 'therapist' must be text, not a list"),
    ])
    func brokenFrontMatter(text: String, expected: String) throws {
        #expect(try TestJournal.diagnostics(text).first == expected)
    }
}
