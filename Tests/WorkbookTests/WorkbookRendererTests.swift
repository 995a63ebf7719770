import ContentModel
import Diagnostics
import Foundation
import Journal
import Rendering
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
        let answer = "- one *two*\n- [ ] three & four\n\n| a | b |\n| - | - |\n| 1 | 2 |\n\n```\n<kept> in code\n```"
        let workbook = try render(answer)
        #expect(workbook.markdown.contains("\n\n" + answer + "\n\n"))
    }

    @Test("shows unanswered prompts as open, with writing space in the HTML")
    func openPrompts() throws {
        let workbook = try render("")
        // The marker is for the HTML step; the Markdown file carries no raw HTML.
        #expect(workbook.markdown.contains("*Open: not answered yet.*\n\n"))
        #expect(!workbook.markdown.contains("<!--"))
        #expect(workbook.html.contains(#"<p><em>Open: not answered yet.</em></p>"# + "\n" + (#"<div class="writing-space" aria-hidden="true">"# + String(repeating: "<span></span>", count: 12) + "</div>")))
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

    func html(for answer: String) throws -> String {
        let file = SourceFile(path: "j.md", name: "j.md", text: Fixtures.journal(answer: answer))
        let journal = try JournalParser(content: Fixtures.resources.content).parse(file)
        return try WorkbookRenderer(resources: Fixtures.resources).render(journal).html
    }

    @Test("nothing typed in an answer becomes an element, a handler or a script link", arguments: hostile)
    func hostileAnswer(answer: String) throws {
        let tags = HTMLTags.in(try html(for: answer))
        let allowed: Set<String> = ["!doctype", "html", "head", "meta", "title", "style", "body", "a", "header", "p",
                                    "main", "h1", "h2", "h3", "ul", "li", "strong", "em", "div", "span", "footer", "code", "img"]
        for tag in tags {
            #expect(allowed.contains(tag.name), "unexpected <\(tag.name)>")
            #expect(!tag.attributes.keys.contains { $0.hasPrefix("on") }, "handler on <\(tag.name)>")
            for url in [tag.attributes["href"], tag.attributes["src"]].compactMap({ $0 }) {
                #expect(!url.lowercased().hasPrefix("javascript:") && !url.lowercased().hasPrefix("vbscript:"))
            }
        }
        // The page's own <style> is the only one.
        #expect(tags.filter { $0.name == "style" }.count == 1)
    }

    @Test("markup typed in an answer is shown as text in both workbooks, not dropped")
    func rawHTMLShownAsText() throws {
        let file = SourceFile(path: "j.md", name: "j.md", text: Fixtures.journal(answer: "I wrote <b>stop</b>.\n\n<!-- aside -->\n\n<div>block</div>"))
        let journal = try JournalParser(content: Fixtures.resources.content).parse(file)
        let workbook = try WorkbookRenderer(resources: Fixtures.resources).render(journal)
        #expect(workbook.markdown.contains("\n\nI wrote \\<b\\>stop\\</b\\>.\n\n\n\\<div\\>block\\</div\\>\n\n"))
        #expect(workbook.html.contains("<p>I wrote &lt;b&gt;stop&lt;/b&gt;.</p>\n<p>&lt;div&gt;block&lt;/div&gt;</p>"))
        #expect(!workbook.markdown.contains("aside"))
    }
}

/// The start tags of an HTML document and their attributes: enough to
/// assert on structure rather than on substrings that escaped text contains.
enum HTMLTags {
    struct Tag {
        var name: String
        var attributes: [String: String]
    }

    static func `in`(_ html: String) -> [Tag] {
        let tagPattern = try! NSRegularExpression(pattern: #"<(![Dd][Oo][Cc][Tt][Yy][Pp][Ee]|[A-Za-z][A-Za-z0-9-]*)((?:\s+[^\s=>/]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>]+))?)*)\s*/?>"#)
        let attributePattern = try! NSRegularExpression(pattern: #"([^\s=>/]+)(?:\s*=\s*("[^"]*"|'[^']*'|[^\s>]+))?"#)
        let ns = html as NSString
        return tagPattern.matches(in: html, range: NSRange(location: 0, length: ns.length)).map { match in
            let attributeText = ns.substring(with: match.range(at: 2))
            var attributes: [String: String] = [:]
            for attribute in attributePattern.matches(in: attributeText, range: NSRange(location: 0, length: (attributeText as NSString).length)) {
                let name = (attributeText as NSString).substring(with: attribute.range(at: 1)).lowercased()
                var value = attribute.range(at: 2).location == NSNotFound ? "" : (attributeText as NSString).substring(with: attribute.range(at: 2))
                if value.hasPrefix("\"") || value.hasPrefix("'") { value = String(value.dropFirst().dropLast()) }
                attributes[name] = value
            }
            return Tag(name: ns.substring(with: match.range(at: 1)).lowercased(), attributes: attributes)
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
            Mirror(reflecting: CardContext(id: "", number: 1, title: "", section: "", summary: "", body: "", points: [], hasPoints: false, citedAs: nil)),
            Mirror(reflecting: PromptContext(id: "", number: 1, text: "", hint: nil, answer: nil)),
            Mirror(reflecting: SourceContext(short: "", citation: "")),
        ].flatMap { mirror in
            mirror.children.filter { Mirror(reflecting: $0.value).displayStyle == .optional }.compactMap(\.label)
        }
        #expect(optionalNested.sorted() == ["answer", "citedAs", "hint"])
        #expect(page.intersection(optionalNested).isEmpty)
    }
}

extension WorkbookContext {
    static let sample = WorkbookContext(
        title: "", therapist: "", week: "", dates: "", focusTitle: "", focusSummary: "", cards: [],
        reflections: [], wishes: [], preamble: nil, references: [], codebook: nil
    )
}

/// A workbook shows the same card and prompt numbers as the handouts and the
/// site, while the journal it was built from keeps the prompts' own words.
@Suite("Card and prompt numbers in a workbook")
struct WorkbookNumbersTests {
    /// A journal as older versions wrote it, and as `attune new` still does:
    /// no number in any heading; one answer matched by its marker, one by its words alone.
    static let journal = """
    ---
    therapist: "Sam Rivera"
    week: 2026-W47
    focus: noticing-withdrawal
    ---

    # 2026-W47 · Noticing withdrawal

    <!-- prompt: reflect-usual-response -->
    ## What do I tend to do when I feel the connection with a client slipping?

    I lean in.

    ## What did I notice in myself in the moment before I responded?

    My shoulders rise.

    """

    func render() throws -> RenderedWorkbook {
        let file = SourceFile(path: "j.md", name: "j.md", text: Self.journal)
        let journal = try JournalParser(content: Fixtures.resources.content).parse(file)
        #expect(journal.answer(to: "reflect-usual-response")?.markdown == "I lean in.")
        #expect(journal.answer(to: "reflect-noticed-in-myself")?.markdown == "My shoulders rise.")
        return try WorkbookRenderer(resources: Fixtures.resources).render(journal)
    }

    @Test("heads each card 'Card N · title' and each prompt 'Prompt N · text', in Markdown and HTML")
    func headings() throws {
        let workbook = try render()
        let content = Fixtures.resources.content
        let week = try #require(content.week("noticing-withdrawal"))
        for card in week.cards.compactMap(content.card) {
            #expect(workbook.markdown.contains("\n### Card \(card.number) · \(card.title)\n"), "\(card.id)")
            #expect(workbook.html.contains("<h3>Card \(card.number) · \(card.title)</h3>"), "\(card.id)")
        }
        #expect(workbook.markdown.contains("\n### Card 11 · Denial\n"))
        let first = try #require(workbook.markdown.range(of: "\n## Prompt 1 · What do I tend to do when I feel the connection with a client slipping?\n"))
        let fifth = try #require(workbook.markdown.range(of: "\n## Prompt 5 · What did I notice in myself in the moment before I responded?\n"))
        let lean = try #require(workbook.markdown.range(of: "\nI lean in.\n"))
        let shoulders = try #require(workbook.markdown.range(of: "\nMy shoulders rise.\n"))
        #expect(first.upperBound <= lean.lowerBound && lean.upperBound <= fifth.lowerBound && fifth.upperBound <= shoulders.lowerBound)
        #expect(workbook.html.contains("<h2>Prompt 1 · What do I tend to do when I feel the connection with a client slipping?</h2>\n"))
        #expect(workbook.html.contains("<h2>Prompt 5 · What did I notice in myself in the moment before I responded?</h2>\n"))
        let wish = try #require(content.prompt("wish-uncomfortable-moments"))
        #expect(workbook.markdown.contains("\n## Prompt 18 · What I wish I'd known: \(wish.text)\n"))
    }

    @Test("the blank workbook the site offers carries the same numbers")
    func blank() throws {
        let week = try #require(Fixtures.resources.content.week("noticing-withdrawal"))
        let blank = try WorkbookRenderer(resources: Fixtures.resources).renderBlank(week)
        #expect(blank.markdown.contains("\n### Card 11 · Denial\n"))
        #expect(blank.markdown.contains("\n## Prompt 1 · What do I tend to do when I feel the connection with a client slipping?\n"))
    }
}
