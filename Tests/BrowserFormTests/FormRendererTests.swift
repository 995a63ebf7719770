@testable import BrowserForm
import ContentModel
import Diagnostics
import Files
import Foundation
import Journal
import Templating
import Testing
import Workbook

@Suite("The fillable form page")
struct FormRendererTests {
    func render(therapist: String = "Sam Rivera", focus: String = Fixtures.focusID, resources: Resources? = nil) throws -> String {
        try FormRenderer(resources: resources ?? Fixtures.resources())
            .render(therapist: therapist, week: Fixtures.week, focus: try Fixtures.focus(focus))
    }

    /// The text between the first `open` and the `close` after it.
    func between(_ open: String, _ close: String, in page: String) throws -> String {
        let start = try #require(page.range(of: open)).upperBound
        let end = try #require(page[start...].range(of: close)).lowerBound
        return String(page[start..<end])
    }

    func policy(_ page: String) throws -> String {
        try between(#"<meta http-equiv="Content-Security-Policy" content=""#, "\">", in: page)
            .replacingOccurrences(of: "&#39;", with: "'")
    }

    @Test("allows exactly its own inline script and stylesheet, by SHA-256, and no request of any kind")
    func contentSecurityPolicy() throws {
        let page = try render()
        let script = try between("<script>", "</script>", in: page)
        let style = try between("<style>", "</style>", in: page)
        #expect(try policy(page) == """
        default-src 'none'; script-src \(CSPHash.source(for: script)); style-src \(CSPHash.source(for: style)); \
        img-src data:; base-uri 'none'; form-action 'none'
        """)
        let resources = try Fixtures.resources()
        #expect(script == resources.templates.asset("form.js"))
        #expect(style == ["workbook.css", "form.css"].compactMap(resources.templates.asset).joined(separator: "\n"))
        #expect(page.components(separatedBy: "<script>").count == 2, "one executable script, no more")
    }

    @Test("never loads anything: no external stylesheet, script, frame or picture")
    func selfContained() throws {
        let page = try render()
        for tag in ["<link", "<iframe", "<img", "<object", "<embed", " src="] {
            #expect(!page.contains(tag), "\(tag)")
        }
    }

    @Test("gives every prompt a box with a label, its hint as the box's description, in the journal's order")
    func labelledFields() throws {
        let page = try render()
        let layout = try Fixtures.layout()
        let content = try Fixtures.content()
        var reflections = 0
        for (index, id) in layout.promptIDs.enumerated() {
            let prompt = try #require(content.prompt(id))
            let number = index + 1
            let heading: String
            if prompt.kind == .wish {
                heading = "What I wish I&#39;d known: \(prompt.text)"
            } else {
                reflections += 1
                heading = "\(reflections). \(prompt.text)"
            }
            let hint = try #require(prompt.hint)
            #expect(page.contains("""
            <h3><label for="answer-\(number)">\(heading.replacingOccurrences(of: "'", with: "&#39;").replacingOccurrences(of: "&amp;#39;", with: "&#39;"))</label></h3>
            <p class="hint" id="hint-\(number)">\(hint.replacingOccurrences(of: "'", with: "&#39;"))</p>
            <textarea id="answer-\(number)" name="\(id)" data-prompt="\(id)" rows="8" spellcheck="true" aria-describedby="hint-\(number)"></textarea>
            """), "\(id)")
        }
        #expect(page.components(separatedBy: "<textarea").count - 1 == layout.promptIDs.count)
        #expect(page.components(separatedBy: "<label for=").count - 1 == layout.promptIDs.count)
    }

    @Test("shows the week's teaching cards through the workbook's card template")
    func cards() throws {
        let page = try render()
        let content = try Fixtures.content()
        for id in try Fixtures.focus().cards {
            let card = try #require(content.card(id))
            #expect(page.contains("<h3>\(card.title.replacingOccurrences(of: "'", with: "&#39;"))</h3>") || page.contains("<h3>\(card.title)</h3>"), "\(id)")
        }
        #expect(try between("<h2>Teaching cards</h2>", "<h2 id=\"answers\"", in: page).contains("<p>Sources: "))
    }

    @Test("carries the journal layout to the script: joined with no answers, it is the scaffold, byte for byte")
    func layoutData() throws {
        let page = try render(therapist: "Zoë \"Q\" </script><script>alert(1)</script> & co")
        let json = try between(#"<script type="application/json" id="form-data">"#, "</script>", in: page)
        #expect(!json.contains("<") && !json.contains(">") && !json.contains("&"))
        let data = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        #expect(data["fileName"] as? String == "2026-W47.md")
        #expect(data["storageKey"] as? String == "attune-form:v1:2026-W47:Zoë \"Q\" </script><script>alert(1)</script> & co")
        let pieces = try #require(data["layout"] as? [[String: String]])
        let joined = pieces.map { $0["text"] ?? "" }.joined()
        let scaffold = JournalScaffold.render(
            therapist: "Zoë \"Q\" </script><script>alert(1)</script> & co", week: Fixtures.week,
            focus: try Fixtures.focus(), content: try Fixtures.content()
        )
        // Each answer slot adds its line break, as JournalLayout.filled does.
        let slots = pieces.compactMap { $0["answer"] }
        #expect(slots == (try Fixtures.layout()).promptIDs)
        var filled = ""
        for piece in pieces { filled += piece["text"] ?? "\n" }
        #expect(filled == scaffold)
        #expect(joined.count == scaffold.count - slots.count)
    }

    @Test("shows a hostile name only as text")
    func hostileName() throws {
        let page = try render(therapist: "</script><script>alert(1)</script> <b>Sam</b>")
        #expect(page.components(separatedBy: "<script>").count == 2)
        #expect(!page.contains("<b>Sam</b>"))
        #expect(page.contains("<li><strong>Therapist:</strong> &lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt; &lt;b&gt;Sam&lt;/b&gt;</li>"))
    }

    @Test("renders the same page every time")
    func deterministic() throws {
        #expect(try render() == render())
    }

    @Test("renders for every week of the curriculum")
    func everyWeek() throws {
        for week in try Fixtures.content().weeks {
            let page = try render(focus: week.id)
            #expect(page.hasPrefix("<!DOCTYPE html>\n<html lang=\"en\">"), "\(week.id)")
            #expect(page.components(separatedBy: "<textarea").count - 1 == week.prompts.count, "\(week.id)")
        }
    }

    @Test("refuses a script or stylesheet that would end its own element early, and a missing script")
    func unsafeOverlay() throws {
        func resources(_ files: [String: String]) throws -> Resources {
            try Resources.load(templatesOverlay: "mine", fileSystem: InMemoryFileSystem(files: files))
        }
        // Every command loads templates the same way, so the overlay is
        // refused before the form is drawn, at the place in the file.
        let hostile = [
            "mine/form.js": "var a = '</SCRIPT><script>alert(1)</script>';",
            "mine/form.css": "p { color: red } </style><script>",
        ]
        #expect(Self.problems { _ = try resources(hostile); return "" } == [
            "mine/form.css:1:18: error: cannot be placed inside the page's <style> element: it contains '</style'",
            "mine/form.js:1:10: error: cannot be placed inside the page's <script> element: it contains '</script'",
            "mine/form.js:1:19: error: cannot be placed inside the page's <script> element: it contains '<script'",
            "mine/form.js:1:35: error: cannot be placed inside the page's <script> element: it contains '</script'",
        ])
        let empty = try resources(["mine/form.js": ""])
        #expect(Self.problems { try render(resources: empty) } == [
            "Templates/form.js:1:1: error: the form needs its script, form.js",
        ])
    }

    /// What `body` reports, as the user sees it; empty if it succeeds.
    static func problems(_ body: () throws -> String) -> [String] {
        do {
            _ = try body()
            return []
        } catch let error as DiagnosticError {
            return error.diagnostics.map(\.description)
        } catch {
            return ["\(error)"]
        }
    }
}
