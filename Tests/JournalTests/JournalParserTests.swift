import ContentModel
import Diagnostics
import Foundation
import Journal
import Testing

/// The 1-based number of the first line of `text` that is exactly `line`.
private func lineNumber(of line: String, in text: String) throws -> Int {
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    return try #require(lines.firstIndex { $0 == line }) + 1
}

@Suite("Parsing a journal")
struct JournalParserTests {
    let content: ContentModel

    init() throws {
        content = try TestJournal.content()
    }

    func promptText(_ id: String) throws -> String {
        try #require(content.prompt(id)).text
    }

    // MARK: Reading answers

    /// A journal that uses every kind of Markdown a therapist might write.
    func richJournal() throws -> String {
        TestJournal.header + """

        Pseudonyms this week: **Harbour** and **Kestrel**.

        <!-- prompt: reflect-questioned-process -->
        ## When Harbour asked what the point was

        <!-- Guidance from the scaffold, which is not part of the answer. -->

        - a *hot* flush and the thought _I'm not good at this_;
        - an urge to **prove** the approach works.

        | Moment | What I did |
        | --- | --- |
        | "no point" | explained the evidence |

        - [ ] take it to supervision
        - [x] write it down

        ```text
        ## not a heading
        ```

        > He said: "fine".
        > Then nothing.


        <!-- prompt: reflect-what-i-did -->
        ## \(try promptText("reflect-what-i-did"))

        <!-- Describe your own words and actions. -->

        <!-- prompt: reflect-what-i-wish -->
        ## Reworded: what I wish

        ### What I would try next time

        1. Pause.
        2. Name it.

        ## \(try promptText("wish-uncomfortable-moments").uppercased())

        ~~I think it went fine~~ It did not.

        """
    }

    @Test("reads the front matter")
    func frontMatter() throws {
        let journal = try TestJournal.parse(richJournal())
        #expect(journal.path == "journal/2026-W47.md")
        #expect(journal.therapist == "Sam Rivera")
        #expect(journal.week == ISOWeek(year: 2026, week: 47))
        #expect(journal.weekLocation == SourceLocation(path: "journal/2026-W47.md", line: 3, column: 7))
        #expect(journal.focus == "when-therapy-is-questioned")
    }

    @Test("keeps each answer's Markdown exactly as written, without the guidance comment or blank edges")
    func verbatimAnswers() throws {
        let text = try richJournal()
        let journal = try TestJournal.parse(text)
        #expect(journal.answers.map(\.promptID) == [
            "reflect-questioned-process", "reflect-what-i-did", "reflect-what-i-wish", "wish-uncomfortable-moments",
        ])
        let first = try #require(journal.answer(to: "reflect-questioned-process"))
        #expect(first.markdown == """
        - a *hot* flush and the thought _I'm not good at this_;
        - an urge to **prove** the approach works.

        | Moment | What I did |
        | --- | --- |
        | "no point" | explained the evidence |

        - [ ] take it to supervision
        - [x] write it down

        ```text
        ## not a heading
        ```

        > He said: "fine".
        > Then nothing.
        """)
        #expect(journal.answer(to: "reflect-what-i-wish")?.markdown == """
        ### What I would try next time

        1. Pause.
        2. Name it.
        """)
        #expect(journal.answer(to: "wish-uncomfortable-moments")?.markdown == "~~I think it went fine~~ It did not.")
    }

    @Test("ties a reworded heading to its prompt through the marker")
    func rewordedHeading() throws {
        let text = try richJournal()
        let answer = try #require(try TestJournal.parse(text).answer(to: "reflect-questioned-process"))
        #expect(answer.heading == "When Harbour asked what the point was")
        let line = try lineNumber(of: "## When Harbour asked what the point was", in: text)
        #expect(answer.location == SourceLocation(path: "journal/2026-W47.md", line: line, column: 1))
    }

    @Test("accepts a heading without a marker when it is the prompt's text, in any case")
    func headingMatchesText() throws {
        let text = try richJournal()
        let answer = try #require(try TestJournal.parse(text).answer(to: "wish-uncomfortable-moments"))
        #expect(answer.heading == (try promptText("wish-uncomfortable-moments")).uppercased())
    }

    @Test("treats an answer with nothing but comments as empty")
    func emptyAnswer() throws {
        let journal = try TestJournal.parse(richJournal())
        let answer = try #require(journal.answer(to: "reflect-what-i-did"))
        #expect(answer.isEmpty)
        #expect(answer.markdown == "")
        #expect(journal.answer(to: "reflect-what-i-wish")?.isEmpty == false)
        #expect(journal.answer(to: "wish-ruptures-teach") == nil)
    }

    @Test("keeps text before the first prompt as the preamble, without the title")
    func preamble() throws {
        let journal = try TestJournal.parse(richJournal())
        #expect(journal.preamble == "Pseudonyms this week: **Harbour** and **Kestrel**.")
    }

    @Test("has no preamble when nothing but the title comes before the first prompt")
    func noPreamble() throws {
        let journal = try TestJournal.parse(TestJournal.header + """

        <!-- The scaffold's guidance. -->

        <!-- prompt: reflect-what-i-did -->
        ## What I did

        Explained.
        """)
        #expect(journal.preamble == nil)
        #expect(journal.answers.map(\.markdown) == ["Explained."])
    }

    @Test("reads a journal with CRLF line endings and a byte-order mark as it reads one with LF")
    func crlfAndBOM() throws {
        let text = try richJournal()
        let lf = try TestJournal.parse(text)
        for variant in ["\u{FEFF}" + text, text.replacingOccurrences(of: "\n", with: "\r\n"),
                        "\u{FEFF}" + text.replacingOccurrences(of: "\n", with: "\r\n")] {
            let journal = try TestJournal.parse(variant)
            #expect(journal.therapist == lf.therapist)
            #expect(journal.week == lf.week)
            #expect(journal.weekLocation == lf.weekLocation)
            #expect(journal.focus == lf.focus)
            #expect(journal.preamble == lf.preamble)
            #expect(journal.answers.map(\.promptID) == lf.answers.map(\.promptID))
            #expect(journal.answers.map(\.heading) == lf.answers.map(\.heading))
            #expect(journal.answers.map(\.markdown) == lf.answers.map(\.markdown))
            #expect(journal.answers.map(\.location) == lf.answers.map(\.location))
            #expect(!journal.answers.contains { $0.markdown.contains("\r") })
        }
    }

    // MARK: Headings copied with their number

    /// A journal without markers whose headings were copied from a workbook,
    /// a handout or the site: "Prompt N · words", a closing prompt with
    /// "What I wish I'd known:" as the workbook leads it.
    func copiedJournal(separator: String = "·") throws -> String {
        let did = try #require(content.prompt("reflect-what-i-did"))
        let wish = try #require(content.prompt("wish-ruptures-teach"))
        return TestJournal.header + """

        ## Prompt \(did.number) \(separator) \(did.text)

        I said *"let's look at the evidence"*, and   kept talking.

        ## Prompt \(wish.number) · What I wish I'd known: \(wish.text)

        That the pause is the repair.

        """
    }

    @Test("matches a heading copied with its prompt's number to that prompt, keeping the heading and every word of the answer", arguments: [
        "·", ":", "-", "–", ".",
    ])
    func numberedHeading(separator: String) throws {
        let journal = try TestJournal.parse(copiedJournal(separator: separator))
        let did = try #require(journal.answer(to: "reflect-what-i-did"))
        #expect(did.heading == "Prompt 6 \(separator) What did I actually say or do when the strain appeared?")
        #expect(did.markdown == #"I said *"let's look at the evidence"*, and   kept talking."#)
        #expect(did.location == SourceLocation(path: TestJournal.path, line: 9, column: 1))
        let wish = try #require(journal.answer(to: "wish-ruptures-teach"))
        #expect(wish.heading == "Prompt 19 · What I wish I'd known: What has a rupture taught me that a smooth session never could?")
        #expect(wish.markdown == "That the pause is the repair.")
        #expect(journal.answers.map(\.promptID) == ["reflect-what-i-did", "wish-ruptures-teach"])
    }

    @Test("matches a heading without a number by its words in any case and spacing, with a typographic apostrophe, and a closing prompt led by 'What I wish I'd known:'")
    func unnumberedHeadingSpellings() throws {
        let text = TestJournal.header + """

        ## what did  I actually say or do when the STRAIN appeared?

        One.

        ## What I wish I’d known: What has a rupture taught me that a smooth session never could?

        Two.

        """
        let journal = try TestJournal.parse(text)
        #expect(journal.answer(to: "reflect-what-i-did")?.markdown == "One.")
        #expect(journal.answer(to: "wish-ruptures-teach")?.markdown == "Two.")
    }

    @Test("refuses a heading whose number is another prompt's than its words, naming both")
    func numberDisagrees() throws {
        let text = TestJournal.header + """

        ## Prompt 7 · What did I actually say or do when the strain appeared?

        Text.
        """
        #expect(try TestJournal.diagnostics(text) == [
            "journal/2026-W47.md:9:1: error: heading 'Prompt 7 · What did I actually say or do when the strain appeared?' has the words of prompt 6 but the number 7 (prompt 7 is 'Looking back, what do I wish I had done differently?'); write 'Prompt 6' before these words, or no number",
        ])
    }

    @Test("refuses a heading whose number is no prompt's, saying how prompts are numbered", arguments: [0, 23, 999_999])
    func numberOfNoPrompt(number: Int) throws {
        let text = TestJournal.header + """

        ## Prompt \(number) · What did I actually say or do when the strain appeared?

        Text.
        """
        #expect(try TestJournal.diagnostics(text) == [
            "journal/2026-W47.md:9:1: error: heading 'Prompt \(number) · What did I actually say or do when the strain appeared?' has the words of prompt 6 but the number \(number) (there is no prompt \(number); prompts are numbered 1 to 22); write 'Prompt 6' before these words, or no number",
        ])
    }

    @Test("refuses a heading with a prompt's number but not its words, saying what that prompt reads")
    func numberWithOtherWords() throws {
        let text = TestJournal.header + """

        ## Prompt 6 · What did I say?

        Text.
        """
        #expect(try TestJournal.diagnostics(text) == [
            "journal/2026-W47.md:9:1: error: heading 'Prompt 6 · What did I say?' does not match a prompt: prompt 6 reads 'What did I actually say or do when the strain appeared?', and a number is matched only with its prompt's own words; keep the '<!-- prompt: ID -->' line above each prompt's '##' heading",
        ])
    }

    @Test("refuses a heading with no prompt's number and no prompt's words, saying both")
    func numberAndWordsOfNoPrompt() throws {
        let text = TestJournal.header + """

        ## Prompt 23 · Something else

        Text.
        """
        #expect(try TestJournal.diagnostics(text) == [
            "journal/2026-W47.md:9:1: error: heading 'Prompt 23 · Something else' does not match a prompt: there is no prompt 23 (prompts are numbered 1 to 22), and the words are no prompt's; keep the '<!-- prompt: ID -->' line above each prompt's '##' heading",
        ])
    }

    @Test("reads 'Prompt' followed by more than six digits as words, which match no prompt")
    func numberTooLong() throws {
        let text = TestJournal.header + """

        ## Prompt 1000000 · What did I actually say or do when the strain appeared?

        Text.
        """
        #expect(try TestJournal.diagnostics(text) == [
            "journal/2026-W47.md:9:1: error: heading 'Prompt 1000000 · What did I actually say or do when the strain appeared?' does not match a prompt: keep the '<!-- prompt: ID -->' line above each prompt's '##' heading, and use '###' for headings inside an answer",
        ])
    }

    @Test("under a marker, a heading with any number is the therapist's wording: the marker decides, and the heading is kept as written")
    func numberUnderMarker() throws {
        let text = TestJournal.header + """

        <!-- prompt: reflect-what-i-did -->
        ## Prompt 7 · Looking back, what do I wish I had done differently?

        Text.
        """
        let answer = try #require(try TestJournal.parse(text).answer(to: "reflect-what-i-did"))
        #expect(answer.heading == "Prompt 7 · Looking back, what do I wish I had done differently?")
        #expect(answer.markdown == "Text.")
    }

    @Test("a heading copied with its number is the same prompt, answered twice, as one without")
    func numberedAnsweredTwice() throws {
        let text = TestJournal.header + """

        ## What did I actually say or do when the strain appeared?

        One.

        ## Prompt 6 · What did I actually say or do when the strain appeared?

        Two.
        """
        #expect(try TestJournal.diagnostics(text) == [
            "journal/2026-W47.md:13:1: error: prompt 'reflect-what-i-did' is answered twice (first at line 9)",
        ])
    }

    // MARK: Front matter errors

    @Test("requires front matter")
    func noFrontMatter() throws {
        #expect(try TestJournal.diagnostics("# 2026-W47\n\nSome thoughts.\n") == [
            "journal/2026-W47.md:1:1: error: a journal starts with front matter: a '---' line, then therapist, week and focus, then '---'",
        ])
    }

    @Test("requires the front matter to be closed")
    func unclosedFrontMatter() throws {
        #expect(try TestJournal.diagnostics("---\ntherapist: Sam\nweek: 2026-W47\n\n# 2026-W47\n") == [
            "journal/2026-W47.md:1:1: error: the front matter that starts here is never closed with a '---' line",
        ])
    }

    @Test("reports malformed front matter YAML at the file's line")
    func malformedFrontMatter() throws {
        let text = """
        ---
        therapist: Sam Rivera
          week: 2026-W47
        focus: when-therapy-is-questioned
        ---
        """
        #expect(try TestJournal.diagnostics(text) == [
            "journal/2026-W47.md:3:7: error: this key is indented under a value that cannot hold it: start it in the same column as the keys beside it (YAML: mapping values are not allowed in this context)",
        ])
    }

    @Test("reports a front matter key written twice at the file's line")
    func duplicateFrontMatterKey() throws {
        let text = """
        ---
        therapist: Sam Rivera
        week: 2026-W47
        week: 2026-W48
        focus: when-therapy-is-questioned
        ---
        """
        #expect(try TestJournal.diagnostics(text) == [
            "journal/2026-W47.md:3:1: error: duplicate key 'week' in one mapping",
        ])
    }

    @Test("requires therapist, week and focus", arguments: ["therapist", "week", "focus"])
    func missingKey(key: String) throws {
        let lines = ["therapist: Sam Rivera", "week: 2026-W47", "focus: when-therapy-is-questioned"]
            .filter { !$0.hasPrefix(key + ":") }
        let text = (["---"] + lines + ["---", ""]).joined(separator: "\n")
        #expect(try TestJournal.diagnostics(text) == [
            "journal/2026-W47.md:2:1: error: the front matter is missing required field '\(key)'",
        ])
    }

    @Test("reports empty front matter")
    func emptyFrontMatter() throws {
        #expect(try TestJournal.diagnostics("---\n---\n") == [
            "journal/2026-W47.md:2:1: error: the front matter is empty: it needs therapist, week and focus",
        ])
    }

    @Test("reports an unknown front matter key, suggesting a close one when there is one")
    func unknownKeys() throws {
        let text = """
        ---
        therapst: Sam Rivera
        week: 2026-W47
        focus: when-therapy-is-questioned
        supervisor: Dr Lee
        ---
        """
        let keys = JournalParser.frontMatterKeys.joined(separator: ", ")
        #expect(try TestJournal.diagnostics(text) == [
            "journal/2026-W47.md:2:1: error: unknown field 'therapst' in the front matter; did you mean 'therapist'?",
            "journal/2026-W47.md:2:1: error: the front matter is missing required field 'therapist'",
            "journal/2026-W47.md:5:1: error: unknown field 'supervisor' in the front matter (expected one of: \(keys))",
        ])
    }

    @Test("rejects a week that is not an ISO week", arguments: ["2026-W54", "2025-W53", "2026-W5", "next week", "2026"])
    func badWeek(week: String) throws {
        let text = "---\ntherapist: Sam\nweek: \(week)\nfocus: when-therapy-is-questioned\n---\n"
        #expect(try TestJournal.diagnostics(text) == [
            "journal/2026-W47.md:3:7: error: week '\(week)' is not an ISO week such as 2026-W47",
        ])
    }

    @Test("reports an unknown focus, suggesting a close one when there is one", arguments: [
        ("noticing-withdrawl", "unknown focus 'noticing-withdrawl'; did you mean 'noticing-withdrawal'?"),
        ("gardening", "unknown focus 'gardening' (see 'attune new --help' for the curriculum's weeks)"),
    ])
    func unknownFocus(focus: String, message: String) throws {
        let text = "---\ntherapist: Sam\nweek: 2026-W47\nfocus: \(focus)\n---\n"
        #expect(try TestJournal.diagnostics(text) == ["journal/2026-W47.md:4:8: error: \(message)"])
    }

    @Test("counts columns in Unicode scalars, not bytes")
    func scalarColumns() throws {
        // "Zoë Ångström" takes 12 columns but 15 bytes, so week's value is at column 35, not 38.
        let text = "---\n{therapist: \"Zo\u{EB} \u{C5}ngstr\u{F6}m\", week: 2026-W99, focus: when-therapy-is-questioned}\n---\n"
        #expect(try TestJournal.diagnostics(text) == [
            "journal/2026-W47.md:2:35: error: week '2026-W99' is not an ISO week such as 2026-W47",
        ])
    }

    // MARK: Body errors

    @Test("reports an unknown prompt in a marker, suggesting a close one when there is one", arguments: [
        ("reflect-what-i-dd", "unknown prompt 'reflect-what-i-dd'; did you mean 'reflect-what-i-did'?"),
        ("gardening", "unknown prompt 'gardening'"),
    ])
    func unknownPrompt(id: String, message: String) throws {
        let text = TestJournal.header + """

        <!-- prompt: \(id) -->
        ## What did I do?

        Explained.
        """
        #expect(try TestJournal.diagnostics(text) == ["journal/2026-W47.md:9:1: error: \(message)"])
    }

    @Test("reports a prompt answered twice at the second heading, naming the first")
    func answeredTwice() throws {
        let text = TestJournal.header + """

        <!-- prompt: reflect-what-i-did -->
        ## First go

        One.

        <!-- prompt: reflect-what-i-did -->
        ## Second go

        Two.
        """
        #expect(try TestJournal.diagnostics(text) == [
            "journal/2026-W47.md:15:1: error: prompt 'reflect-what-i-did' is answered twice (first at line 10)",
        ])
    }

    @Test("reports a heading that matches no prompt and has no marker")
    func unmatchedHeading() throws {
        let text = TestJournal.header + """

        ## Something else entirely

        Text.
        """
        #expect(try TestJournal.diagnostics(text) == [
            "journal/2026-W47.md:9:1: error: heading 'Something else entirely' does not match a prompt: keep the '<!-- prompt: ID -->' line above each prompt's '##' heading, and use '###' for headings inside an answer",
        ])
    }

    @Test("explains a heading made by '---' right under a paragraph")
    func setextHeading() throws {
        let text = TestJournal.header + """

        <!-- prompt: reflect-what-i-did -->
        ## What did I do?

        I said the evidence was good
        ---

        More.
        """
        #expect(try TestJournal.diagnostics(text) == [
            "journal/2026-W47.md:12:1: error: heading 'I said the evidence was good' does not match a prompt: keep the '<!-- prompt: ID -->' line above each prompt's '##' heading, and use '###' for headings inside an answer (a line of '---' right under text makes it a heading; leave a blank line above '---' for a rule)",
        ])
    }

    @Test("accepts '---' as a rule after a blank line")
    func thematicBreak() throws {
        let journal = try TestJournal.parse(TestJournal.header + """

        <!-- prompt: reflect-what-i-did -->
        ## What did I do?

        I said the evidence was good

        ---

        More.
        """)
        #expect(journal.answers.first?.markdown == "I said the evidence was good\n\n---\n\nMore.")
    }

    @Test("reports a level-1 heading inside an answer")
    func topLevelHeadingInAnswer() throws {
        let text = TestJournal.header + """

        <!-- prompt: reflect-what-i-did -->
        ## What did I do?

        # Big thoughts

        More.
        """
        #expect(try TestJournal.diagnostics(text) == [
            "journal/2026-W47.md:12:1: error: '# Big thoughts' is a top-level heading; inside an answer, start headings at '###'",
        ])
    }

    @Test("reports a marker that is not directly above a '##' heading", arguments: [
        "<!-- prompt: reflect-what-i-did -->\n\nSome text.\n",
        "<!-- prompt: reflect-what-i-did -->\n",
        "<!-- prompt: reflect-what-i-did -->\n\n<!-- prompt: reflect-what-i-wish -->\n## Looking back\n",
        "<!-- prompt: reflect-what-i-did -->\n\n### What I did\n",
    ])
    func danglingMarker(body: String) throws {
        let text = TestJournal.header + "\n" + body
        #expect(try TestJournal.diagnostics(text) == [
            "journal/2026-W47.md:9:1: error: the marker for prompt 'reflect-what-i-did' must sit directly above that prompt's '##' heading",
        ])
    }

    @Test("reports a fenced code block that is never closed")
    func unclosedFence() throws {
        let text = TestJournal.header + """

        <!-- prompt: reflect-what-i-did -->
        ## What did I do?

        ```text
        code

        <!-- prompt: reflect-what-i-wish -->
        ## Looking back

        """
        #expect(try TestJournal.diagnostics(text) == [
            "journal/2026-W47.md:12:1: error: this code block is never closed, so the rest of the journal is read as code; add a closing '```' line",
        ])
    }

    @Test("accepts a fenced code block closed on the journal's last line")
    func fenceClosedAtEnd() throws {
        let journal = try TestJournal.parse(TestJournal.header + """

        <!-- prompt: reflect-what-i-did -->
        ## What did I do?

        ~~~
        code
        ~~~
        """)
        #expect(journal.answers.first?.markdown == "~~~\ncode\n~~~")
    }

    @Test("reports an HTML comment that is never closed")
    func unclosedComment() throws {
        let text = TestJournal.header + """

        <!-- prompt: reflect-what-i-did -->
        ## What did I do?

        <!-- I will finish this later
        and this too

        """
        #expect(try TestJournal.diagnostics(text) == [
            "journal/2026-W47.md:12:1: error: this comment is never closed with '-->', so the rest of the journal is hidden inside it",
        ])
    }

    @Test("reports a heading's position in scalar columns when it is indented")
    func indentedHeading() throws {
        let text = TestJournal.header + "\n   ## Something else\n"
        #expect(try TestJournal.diagnostics(text) == [
            "journal/2026-W47.md:9:4: error: heading 'Something else' does not match a prompt: keep the '<!-- prompt: ID -->' line above each prompt's '##' heading, and use '###' for headings inside an answer",
        ])
    }

    @Test("reports every problem in one journal, sorted by position")
    func severalErrors() throws {
        // The dangling marker on line 9 is only known once line 13 is read,
        // after the heading error on line 11 was found.
        let text = """
        ---
        therapist: Sam Rivera
        week: 2026-W47
        focus: when-therapy-is-questiond
        ---

        # 2026-W47

        <!-- prompt: reflect-what-i-did -->

        # Another title

        Text.

        ## Something else entirely
        """
        #expect(try TestJournal.diagnostics(text) == [
            "journal/2026-W47.md:4:8: error: unknown focus 'when-therapy-is-questiond'; did you mean 'when-therapy-is-questioned'?",
            "journal/2026-W47.md:9:1: error: the marker for prompt 'reflect-what-i-did' must sit directly above that prompt's '##' heading",
            "journal/2026-W47.md:11:1: error: '# Another title' is a top-level heading; inside an answer, start headings at '###'",
            "journal/2026-W47.md:15:1: error: heading 'Something else entirely' does not match a prompt: keep the '<!-- prompt: ID -->' line above each prompt's '##' heading, and use '###' for headings inside an answer",
        ])
    }

    @Test("reports errors at the same lines and columns with CRLF line endings and a byte-order mark")
    func crlfErrors() throws {
        let text = TestJournal.header + """

        <!-- prompt: reflect-what-i-did -->
        ## First go

        <!-- prompt: reflect-what-i-did -->
        ## Second go

        # Big thoughts
        """
        let lf = try TestJournal.diagnostics(text)
        #expect(lf == [
            "journal/2026-W47.md:13:1: error: prompt 'reflect-what-i-did' is answered twice (first at line 10)",
            "journal/2026-W47.md:15:1: error: '# Big thoughts' is a top-level heading; inside an answer, start headings at '###'",
        ])
        #expect(try TestJournal.diagnostics("\u{FEFF}" + text.replacingOccurrences(of: "\n", with: "\r\n")) == lf)
    }
}
