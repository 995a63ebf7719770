import BrowserForm
import ContentModel
import Diagnostics
import Files
import Foundation
import Journal
import Rendering
import Templating
import Testing

@Suite("The fillable form page")
struct FormRendererTests {
    func render(
        therapist: String = "Sam Rivera", focus: String = Fixtures.focusID, resources: Resources? = nil, carried: [CarriedRupture] = []
    ) throws -> String {
        try FormRenderer(resources: resources ?? Fixtures.resources())
            .render(therapist: therapist, week: Fixtures.week, focus: try Fixtures.focus(focus), carried: carried)
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
        for (index, id) in layout.promptIDs.enumerated() {
            let prompt = try #require(content.prompt(id))
            let number = index + 1
            // The content model's number, as the workbook shows it.
            let heading = prompt.kind == .wish
                ? "Prompt \(prompt.number) · What I wish I&#39;d known: \(prompt.text)"
                : "Prompt \(prompt.number) · \(prompt.text)"
            let hint = try #require(prompt.hint)
            #expect(page.contains("""
            <h3><label for="answer-\(number)">\(heading.replacingOccurrences(of: "'", with: "&#39;").replacingOccurrences(of: "&amp;#39;", with: "&#39;"))</label></h3>
            <p class="hint" id="hint-\(number)">\(hint.replacingOccurrences(of: "'", with: "&#39;"))</p>
            <textarea id="answer-\(number)" name="\(id)" data-prompt="\(id)" rows="8" spellcheck="true" aria-describedby="hint-\(number)"></textarea>
            """), "\(id)")
        }
        #expect(page.components(separatedBy: "<textarea id=\"answer-").count - 1 == layout.promptIDs.count)
        #expect(page.components(separatedBy: "<label for=\"answer-").count - 1 == layout.promptIDs.count)
    }

    @Test("shows the week's teaching cards through the workbook's card template")
    func cards() throws {
        let page = try render()
        let content = try Fixtures.content()
        for id in try Fixtures.focus().cards {
            let card = try #require(content.card(id))
            let title = "Card \(card.number) · \(card.title)"
            #expect(page.contains("<h3>\(title.replacingOccurrences(of: "'", with: "&#39;"))</h3>") || page.contains("<h3>\(title)</h3>"), "\(id)")
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
        let pieces = try #require(data["layout"] as? [[String: Any]])
        let joined = pieces.map { $0["text"] as? String ?? "" }.joined()
        let scaffold = JournalScaffold.render(
            therapist: "Zoë \"Q\" </script><script>alert(1)</script> & co", week: Fixtures.week,
            focus: try Fixtures.focus(), content: try Fixtures.content()
        )
        // Each answer slot adds its line break, as JournalLayout.filled does.
        let slots = pieces.compactMap { $0["answer"] as? String }
        #expect(slots == (try Fixtures.layout()).promptIDs)
        // The log's entries have one slot, right after its comment; with
        // nothing carried forward, no question has one.
        #expect(pieces.filter { $0["entries"] as? Bool == true }.count == 1)
        #expect(!pieces.contains { $0["followUp"] != nil })
        var filled = ""
        for piece in pieces { filled += piece["text"] as? String ?? (piece["answer"] != nil ? "\n" : "") }
        #expect(filled == scaffold)
        #expect(joined.count == scaffold.count - slots.count)
    }

    @Test("offers the rupture log's choices: markers grouped by rupture type, each card labelled 'Card N · title' with its summary, its ID as the value")
    func logChoices() throws {
        let page = try render()
        let content = try Fixtures.content()
        let entry = try between(#"<template id="rupture-template">"#, "</template>", in: page)
        for type in content.cards(in: .ruptureTypes) {
            let group = try between("<fieldset class=\"choice-group\" data-type=\"\(type.id)\">\n<legend>Card \(type.number) · \(type.title)</legend>", "</fieldset>", in: entry)
            let markers = content.cards(in: .markers).filter { $0.ruptureType == type.id }
            #expect(group.components(separatedBy: "<input type=\"checkbox\"").count - 1 == markers.count)
            for marker in markers {
                #expect(group.contains("value=\"\(marker.id)\" data-field=\"markers\" data-type=\"\(type.id)\""), "\(marker.id)")
                #expect(group.contains(">Card \(marker.number) · \(Self.escaped(marker.title))</label>\n<p class=\"summary\""), "\(marker.id)")
                #expect(group.contains(">\(Self.escaped(marker.summary))</p>"), "\(marker.id)")
            }
        }
        for section in SectionID.repairSections {
            let title = try #require(content.section(section)?.title)
            let group = try between("<fieldset class=\"choice-group\">\n<legend>\(title)</legend>", "</fieldset>", in: entry)
            for card in content.cards(in: section) {
                #expect(group.contains("value=\"\(card.id)\" data-field=\"repairs\""), "\(card.id)")
                #expect(group.contains(">Card \(card.number) · \(Self.escaped(card.title))</label>"), "\(card.id)")
            }
        }
        for card in content.cards(in: .triggers) {
            #expect(entry.contains("<option value=\"\(card.id)\" data-summary=\"\(Self.escaped(card.summary))\">Card \(card.number) · \(Self.escaped(card.title))</option>"), "\(card.id)")
        }
        // One literal label, so the format itself is pinned, not only its parts.
        #expect(entry.contains(">Card 12 · Minimal response</label>"))
        #expect(entry.contains("<legend>Card 10 · Withdrawal ruptures</legend>"))
        // An alliance component is a rating, not a card: its label has no number.
        for component in AllianceComponent.allCases {
            #expect(entry.contains("<option value=\"\(component.rawValue)\" data-summary="), "\(component)")
            #expect(entry.contains(">\(component.title)</option>"), "\(component)")
        }
        for field in ["salience", "tension", "resolution"] {
            let select = try between("<select id=\"entry-X-\(field)\" data-field=\"\(field)\">", "</select>", in: entry)
            #expect(select.components(separatedBy: "<option value=").count - 1 == 6, "\(field): empty and 1 to 5")
        }
        // This week, then the eight before it, newest first.
        let weeks = try between("<select id=\"entry-X-week\" data-field=\"week\">", "</select>", in: entry)
        #expect(weeks.hasPrefix("\n<option value=\"\">This week (2026-W47)</option>\n<option value=\"2026-W46\">2026-W46 ("))
        #expect(weeks.contains("<option value=\"2026-W39\">") && !weeks.contains("2026-W38"))
        // Every control in an entry is labelled, and the alias carries its reminder.
        #expect(entry.contains("<label for=\"entry-X-client\">Client (a pseudonym or case label)</label>"))
        #expect(entry.contains("aria-describedby=\"entry-X-client-hint entry-X-client-warning\""))
        let ids = entry.components(separatedBy: " id=\"").dropFirst().map { String($0.prefix { $0 != "\"" }) }
        let labelled = Set(entry.components(separatedBy: "<label for=\"").dropFirst().map { String($0.prefix { $0 != "\"" }) })
        for id in ids where entry.contains("<input type=\"checkbox\" id=\"\(id)\"") || entry.contains("<select id=\"\(id)\"") {
            #expect(labelled.contains(id), "\(id) has no label")
        }
        #expect(Set(ids).count == ids.count, "element IDs in the entry template repeat")
    }

    @Test("asks each carried-forward question in a labelled box described by what was tried and the steps not yet tried")
    func carriedQuestions() throws {
        let content = try Fixtures.content()
        let last = try Fixtures.parse("""
        ---
        therapist: "Sam Rivera"
        week: 2026-W46
        focus: when-therapy-is-questioned
        ---

        <!-- prompt: rupture-log -->
        ## Rupture log

        ```rupture
        client: <Harbour & "co">
        markers: [marker-complaints-about-progress]
        repairs: [practice-pause-breathe]
        tension: 4
        resolution: 2
        ```

        """, path: "journal/2026-W46.md")
        let carried = RuptureCarryForward.unresolved(in: [last], before: Fixtures.week, content: content)
        let page = try render(carried: carried)
        #expect(page.contains("""
        <h4><label for="follow-up-1">What happened next with &lt;Harbour &amp; &quot;co&quot;&gt;?</label></h4>
        <div class="hint" id="follow-up-1-about">
        <p>From 2026-W46: a confrontation rupture (Complaints/concerns about progress in therapy), tension 4, resolution 2 of 5.</p>
        <p>Tried so far: Pause and breathe.</p>
        <p>Repair steps not yet tried: Recognise and name the rupture; Regulate yourself first; Listen actively and validate; Take accountability; Re-establish shared goals and alignment.</p>
        """))
        #expect(page.contains("<textarea id=\"follow-up-1\" data-follow-up=\"&lt;Harbour &amp; &quot;co&quot;&gt;\" rows=\"4\" spellcheck=\"true\" aria-describedby=\"follow-up-1-about\"></textarea>"))
        let json = try between(#"<script type="application/json" id="form-data">"#, "</script>", in: page)
        let data = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let pieces = try #require(data["layout"] as? [[String: Any]])
        #expect(pieces.compactMap { $0["followUp"] as? String } == ["<Harbour & \"co\">"])
        #expect(try render().contains("<h3>What happened next?</h3>") == false)
    }

    static func escaped(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "'", with: "&#39;")
            .replacingOccurrences(of: "\"", with: "&quot;").replacingOccurrences(of: "<", with: "&lt;")
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
            #expect(page.components(separatedBy: "<textarea id=\"answer-").count - 1 == week.prompts.count, "\(week.id)")
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
        #expect(Fixtures.problems { try resources(hostile) } == [
            "mine/form.css:1:18: error: cannot be placed inside the page's <style> element: it contains '</style'",
            "mine/form.js:1:10: error: cannot be placed inside the page's <script> element: it contains '</script'",
            "mine/form.js:1:19: error: cannot be placed inside the page's <script> element: it contains '<script'",
            "mine/form.js:1:35: error: cannot be placed inside the page's <script> element: it contains '</script'",
        ])
        let empty = try resources(["mine/form.js": ""])
        #expect(Fixtures.problems { try render(resources: empty) } == [
            "Templates/form.js:1:1: error: the form needs its script, form.js",
        ])
    }
}
