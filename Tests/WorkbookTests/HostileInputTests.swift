import ContentModel
import Diagnostics
import Files
import Foundation
import Journal
import Rendering
import Testing
import Workbook

/// Known XSS filter-evasion vectors, asserted on the parsed HTML: which
/// elements exist, which attributes they carry, where their links point.
@Suite("Hostile input never becomes markup")
struct HostileInputTests {
    static let vectors: [String] = {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Corpus/xss-vectors.txt")
        return try! String(contentsOf: url, encoding: .utf8)
            .split(separator: "\n")
            .filter { !$0.hasPrefix("#") }
            .map { $0.replacingOccurrences(of: "\\n", with: "\n") }
    }()

    /// Elements Attune's layout and cmark-gfm's renderer produce.
    static let elements: Set<String> = [
        "!doctype", "html", "head", "meta", "title", "style", "body", "header", "main", "footer", "div",
        "a", "p", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "strong", "em", "del", "code", "pre",
        "blockquote", "hr", "br", "table", "thead", "tbody", "tr", "th", "td", "input", "img",
        "span", // the writing space's ruled lines
    ]

    static func assertSafe(_ html: String, _ vector: String) {
        let tags = HTMLTags.in(html)
        for tag in tags {
            #expect(elements.contains(tag.name), "<\(tag.name)> from \(vector)")
            #expect(!tag.attributes.keys.contains { $0.hasPrefix("on") }, "event handler from \(vector)")
            #expect(tag.attributes["style"] == nil, "style attribute from \(vector)")
            for url in [tag.attributes["href"], tag.attributes["src"]].compactMap({ $0 }) {
                let lower = url.lowercased().trimmingCharacters(in: .whitespaces)
                let scheme = lower.prefix { $0 != ":" && $0 != "/" && $0 != "?" && $0 != "#" }
                let safe = url.isEmpty || lower.hasPrefix("#") || !lower.contains(":")
                    || ["http", "https", "mailto"].contains(String(scheme)) || HTMLRenderer.isEmbedded(lower)
                #expect(safe, "link to \(url) from \(vector)")
            }
            if tag.name == "img" {
                #expect(HTMLRenderer.isEmbedded(tag.attributes["src"] ?? ""), "remote image from \(vector)")
            }
        }
        #expect(tags.filter { $0.name == "style" }.count == 1, "a second stylesheet from \(vector)")
        #expect(tags.filter { $0.name == "meta" }.count == 4, "an extra <meta> from \(vector)")
    }

    @Test("typed in an answer", arguments: vectors)
    func inAnswer(vector: String) throws {
        Self.assertSafe(try render(journal: Fixtures.journal(answer: vector)), vector)
    }

    @Test("typed before the first prompt", arguments: vectors)
    func inPreamble(vector: String) throws {
        let text = Fixtures.journal(answer: "fine").replacingOccurrences(
            of: "<!-- prompt: reflect-usual-response -->", with: "\(vector)\n\n<!-- prompt: reflect-usual-response -->")
        Self.assertSafe(try render(journal: text), vector)
    }

    @Test("in a supervisor's content overlay", arguments: vectors)
    func inContent(vector: String) throws {
        let indented = vector.split(separator: "\n", omittingEmptySubsequences: false).map { "      " + $0 }.joined(separator: "\n")
        let overlay = """
        section: rupture-types
        title: Rupture types
        cards:
          - id: withdrawal
            title: Withdrawal
            summary: Moving away.
            body: |
        \(indented)

        """
        let fileSystem = InMemoryFileSystem(files: ["j.md": Fixtures.journal(answer: "x"), "mine/withdrawal-card.yaml": overlay])
        _ = try BuildPipeline(fileSystem: fileSystem).run(BuildRequest(inputs: ["j.md"], contentOverlay: "mine"))
        Self.assertSafe(try fileSystem.readText(at: "out/2026-W47.html"), vector)
    }

    func render(journal text: String) throws -> String {
        let journal = try JournalParser(content: Fixtures.resources.content).parse(SourceFile(path: "j.md", name: "j.md", text: text))
        return try WorkbookRenderer(resources: Fixtures.resources).render(journal).html
    }

    @Test("the Markdown workbook carries typed markup only as escaped text")
    func markdownIsNoCarrier() throws {
        // Markdown's own image syntax is the therapist's Markdown, kept as
        // written (the HTML workbook turns remote images into links); code
        // spans show markup as code. Everything else typed as HTML must not
        // come back out as HTML.
        for vector in Self.vectors where !vector.hasPrefix("`") && !vector.hasPrefix("![") {
            let journal = try JournalParser(content: Fixtures.resources.content)
                .parse(SourceFile(path: "j.md", name: "j.md", text: Fixtures.journal(answer: vector)))
            let markdown = try WorkbookRenderer(resources: Fixtures.resources).render(journal).markdown
            // Rendered again by a GitHub-like renderer that lets HTML through,
            // the Markdown workbook still yields no element from the answer.
            let html = MarkdownDocumentHTML.unsafe(markdown)
            for tag in HTMLTags.in(html) {
                #expect(!["script", "img", "iframe", "svg", "math", "object", "embed", "base", "form", "meta", "link", "style", "body", "details", "input"].contains(tag.name) || tag.name == "input" && tag.attributes["type"] == "checkbox",
                        "<\(tag.name)> in the Markdown workbook from \(vector)")
            }
        }
    }
}
