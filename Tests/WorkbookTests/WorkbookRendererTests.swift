import ContentModel
import Diagnostics
import Journal
import Testing
@testable import Workbook

@Suite("Rendering one workbook")
struct WorkbookRendererTests {
    func render(_ answer: String, therapist: String = "Sam Rivera") throws -> RenderedWorkbook {
        let file = SourceFile(path: "j.md", name: "j.md", text: Fixtures.journal(therapist: therapist, answer: answer))
        let journal = try JournalParser(content: Fixtures.resources.content).parse(file)
        return try WorkbookRenderer(resources: Fixtures.resources).render(journal)
    }

    @Test("puts the therapist's answer into the Markdown exactly as written")
    func verbatimAnswer() throws {
        let answer = "- one *two*\n- [ ] three & <four>\n\n| a | b |\n| - | - |\n| 1 | 2 |"
        let workbook = try render(answer)
        #expect(workbook.markdown.contains("\n\n" + answer + "\n\n"))
    }

    @Test("shows unanswered prompts as open, with writing space in the HTML")
    func openPrompts() throws {
        let workbook = try render("")
        #expect(workbook.markdown.contains("*Open: not answered yet.*\n\n<!-- attune:writing-space -->"))
        #expect(workbook.html.contains(#"<p><em>Open: not answered yet.</em></p>"# + "\n" + #"<div class="writing-space" aria-hidden="true"></div>"#))
    }

    @Test("prints a therapist's name literally, never as formatting", arguments: [
        ("A_B*C", #"A\_B\*C"#),
        ("<b>Jo</b>", #"\<b\>Jo\</b\>"#),
        ("1. Lee", #"1\. Lee"#),
    ])
    func escapesPlainText(name: String, markdown: String) throws {
        let workbook = try render("x", therapist: name)
        #expect(workbook.markdown.contains("- **Therapist:** \(markdown)\n"))
        #expect(!workbook.html.contains("<b>Jo"))
    }

    @Test("gives the HTML one h1, a language, landmarks and a skip link")
    func accessibleStructure() throws {
        let html = try render("### My own sub-heading\n\ntext").html
        #expect(html.components(separatedBy: "<h1").count == 2)
        #expect(html.contains(#"<html lang="en">"#))
        for landmark in ["<header", "<main id=\"workbook\"", "<footer"] { #expect(html.contains(landmark)) }
        #expect(html.contains(##"<a class="skip-link" href="#workbook">"##))
        #expect(html.contains("<h3>My own sub-heading</h3>"))
    }

    @Test("forbids scripts and remote loads in the page's own policy")
    func contentSecurityPolicy() throws {
        #expect(try render("x").html.contains(#"content="default-src 'none'; style-src 'unsafe-inline'; img-src data:""#))
    }
}

@Suite("Safe HTML")
struct SafeHTMLTests {
    static let hostile = [
        "<script>alert(1)</script>",
        "<img src=x onerror=alert(1)>",
        "[click](javascript:alert(1))",
        "[click](JaVaScRiPt:alert(1))",
        "[click](vbscript:msgbox(1))",
        "<a href=\"javascript:alert(1)\">x</a>",
        "<iframe src=\"https://example.org\"></iframe>",
        "<svg onload=alert(1)>",
        "<div onclick=\"alert(1)\">text</div>",
        "![x](javascript:alert(1))",
        "<style>body{display:none}</style>",
    ]

    @Test("nothing typed in an answer reaches the HTML as markup or script", arguments: hostile)
    func hostileAnswer(answer: String) throws {
        let file = SourceFile(path: "j.md", name: "j.md", text: Fixtures.journal(answer: answer))
        let journal = try JournalParser(content: Fixtures.resources.content).parse(file)
        let html = try WorkbookRenderer(resources: Fixtures.resources).render(journal).html
        let main = html.components(separatedBy: "<main")[1]
        for needle in ["<script", "onerror", "onload", "onclick", "javascript:", "vbscript:", "<iframe", "<svg", "<div onclick", "<style>body"] {
            #expect(!main.lowercased().contains(needle), "found \(needle)")
        }
    }
}

@Suite("Template contexts")
struct WorkbookContextTests {
    /// Mustache looks a name up the context stack: a nested field that is
    /// `nil` falls through to a page field of the same name. No optional
    /// nested field may reuse a page-level name.
    @Test("optional nested fields share no names with the page")
    func noShadowing() {
        let page = Set(Mirror(reflecting: WorkbookContext.sample).children.compactMap(\.label))
        let optionalNested = [
            Mirror(reflecting: CardContext(id: "", title: "", section: "", summary: "", body: "", points: [], hasPoints: false, citedAs: nil)),
            Mirror(reflecting: PromptContext(id: "", number: 1, text: "", hint: nil, answer: nil)),
            Mirror(reflecting: SourceContext(short: "", citation: "")),
        ].flatMap { mirror in
            mirror.children.filter { Mirror(reflecting: $0.value).displayStyle == .optional }.compactMap(\.label)
        }
        #expect(optionalNested.sorted() == ["answer", "citedAs", "hint"])
        #expect(page.intersection(optionalNested).isEmpty)
    }

    @Test("dates a week from Monday to Sunday, across months and years", arguments: [
        ("2026-W47", "16–22 November 2026"),
        ("2026-W49", "30 November – 6 December 2026"),
        ("2026-W53", "28 December 2026 – 3 January 2027"),
    ])
    func dateRange(week: String, expected: String) throws {
        #expect(try #require(ISOWeek(week)).dateRange == expected)
    }
}

extension WorkbookContext {
    static let sample = WorkbookContext(
        title: "", therapist: "", week: "", dates: "", focusTitle: "", focusSummary: "", cards: [],
        reflections: [], wishes: [], preamble: nil, references: [], codebook: nil
    )
}
