import Diagnostics
import Mustache
import TestSupport
import Testing

@testable import Templating

/// Swift Testing has a `SourceLocation` of its own; these tests mean Attune's.
typealias SourceLocation = Diagnostics.SourceLocation

/// A template file as the bundled `Templates/` folder would hand it over.
func template(_ name: String, _ text: String, folder: String = "Templates") -> SourceFile {
    SourceFile(path: "\(folder)/\(name)", name: name, text: text)
}

/// The diagnostics `body` throws, or an issue if it throws none or something else.
func diagnostics(_ body: () throws -> Void) -> [Diagnostic] {
    do {
        try body()
        Issue.record("expected a DiagnosticError")
    } catch let error as DiagnosticError {
        return error.diagnostics
    } catch {
        Issue.record("expected a DiagnosticError, got \(error)")
    }
    return []
}

struct Page: Encodable {
    var title: String
    var body: String
}

struct Card: Encodable {
    var title: String
    var note: String?
}

struct Deck: Encodable {
    var title: String
    var subtitle: String?
    var cards: [Card]
}

@Suite("TemplateSet renders Markdown as text and HTML escaped")
struct TemplateRenderingTests {
    let page = Page(title: #"Tom & Jerry <b>"quoted"</b> 'single'"#, body: "a & b")

    @Test(".md.mustache templates do not HTML-escape: &, <, > and quotes stay as they are")
    func markdownIsNotEscaped() throws {
        let set = try TemplateSet(layers: [[template("page.md.mustache", "# {{title}}\n\n{{body}}\n")]])
        let output = try set.render("page.md", context: page)
        #expect(output == "# Tom & Jerry <b>\"quoted\"</b> 'single'\n\na & b\n")
    }

    @Test("a partial included from a Markdown template does not escape either")
    func markdownPartialIsNotEscaped() throws {
        let set = try TemplateSet(layers: [[
            template("page.md.mustache", "Page: {{> heading.md}}\n{{body}}\n"),
            template("heading.md.mustache", "## {{title}}\n"),
        ]])
        let output = try set.render("page.md", context: page)
        #expect(output == "Page: ## Tom & Jerry <b>\"quoted\"</b> 'single'\n\na & b\n")
    }

    @Test("a Markdown partial inside a section over an array does not escape")
    func markdownPartialInSection() throws {
        let set = try TemplateSet(layers: [[
            template("deck.md.mustache", "{{#cards}}{{> card.md}}{{/cards}}"),
            template("card.md.mustache", "- {{title}}\n"),
        ]])
        let deck = Deck(title: "d", subtitle: nil, cards: [Card(title: "A & B", note: nil), Card(title: "<C>", note: nil)])
        let output = try set.render("deck.md", context: deck)
        #expect(output == "- A & B\n- <C>\n")
    }

    @Test(".html.mustache templates escape &, <, > and quotes in {{name}}, and not in {{{name}}}")
    func htmlIsEscaped() throws {
        let set = try TemplateSet(layers: [[template("page.html.mustache", "<h1>{{title}}</h1>\n{{{body}}}\n")]])
        let output = try set.render("page.html", context: Page(title: #"A & <b> "q" 'a'"#, body: "<p>trusted & raw</p>"))
        #expect(output == "<h1>A &amp; &lt;b&gt; &quot;q&quot; &#39;a&#39;</h1>\n<p>trusted & raw</p>\n")
    }

    @Test("names drop the .mustache suffix, and files without it are assets")
    func namesAndAssets() throws {
        let set = try TemplateSet(layers: [[
            template("workbook.md.mustache", "{{title}}"),
            template("workbook.html.mustache", "{{title}}"),
            template("workbook.css", "body { color: red; }\n"),
        ]])
        #expect(set.names == ["workbook.html", "workbook.md"])
        #expect(set.contains("workbook.md"))
        #expect(!set.contains("workbook.md.mustache"))
        #expect(!set.contains("workbook.css"))
        #expect(set.asset("workbook.css") == "body { color: red; }\n")
        #expect(set.asset("workbook.md.mustache") == nil)
        #expect(set.asset("missing.css") == nil)
    }

    @Test("an asset is never parsed: Mustache syntax in it, even broken, stays as written")
    func assetsAreNotParsed() throws {
        let css = "/* {{#unclosed}} {{not a tag */\n.a { content: \"{{x}}\"; }\n"
        let set = try TemplateSet(layers: [[template("workbook.css", css)]])
        #expect(set.asset("workbook.css") == css)
        #expect(set.names == [])
    }

    @Test("a later layer replaces a template with the same file name, and adds new ones")
    func overlayReplacesTemplate() throws {
        let set = try TemplateSet(layers: [
            [template("page.md.mustache", "bundled {{title}}"), template("other.md.mustache", "other"),
             template("style.css", "bundled css")],
            [template("page.md.mustache", "mine {{title}}", folder: "my-templates"),
             template("style.css", "my css", folder: "my-templates"),
             template("extra.md.mustache", "extra", folder: "my-templates")],
        ])
        #expect(set.names == ["extra.md", "other.md", "page.md"])
        let mine = try set.render("page.md", context: page)
        #expect(mine == "mine Tom & Jerry <b>\"quoted\"</b> 'single'")
        let other = try set.render("other.md", context: page)
        #expect(other == "other")
        #expect(set.asset("style.css") == "my css")
    }

    @Test("a partial replaced in a later layer is the one included")
    func overlayReplacesPartial() throws {
        let set = try TemplateSet(layers: [
            [template("page.md.mustache", "[{{> part.md}}]"), template("part.md.mustache", "bundled")],
            [template("part.md.mustache", "mine", folder: "my-templates")],
        ])
        let output = try set.render("page.md", context: page)
        #expect(output == "[mine]")
    }

    @Test("an optional field that is nil is not an error: {{field}} is empty and {{^field}} renders")
    func nilFieldIsNotAnError() throws {
        let set = try TemplateSet(layers: [[template(
            "deck.md.mustache",
            "{{title}}[{{subtitle}}]{{^subtitle}}(no subtitle){{/subtitle}}{{#subtitle}}(has {{.}}){{/subtitle}}\n"
        )]])
        let withoutSubtitle = try set.render("deck.md", context: Deck(title: "T", subtitle: nil, cards: []))
        #expect(withoutSubtitle == "T[](no subtitle)\n")
        let withSubtitle = try set.render("deck.md", context: Deck(title: "T", subtitle: "S", cards: []))
        #expect(withSubtitle == "T[S](has S)\n")
    }

    @Test("a nil field of an array element is not an error either")
    func nilFieldInSection() throws {
        let set = try TemplateSet(layers: [[template(
            "deck.md.mustache", "{{#cards}}{{title}}: {{note}}{{^note}}none{{/note}};{{/cards}}"
        )]])
        let deck = Deck(title: "d", subtitle: nil, cards: [Card(title: "a", note: "n"), Card(title: "b", note: nil)])
        let output = try set.render("deck.md", context: deck)
        #expect(output == "a: n;b: none;")
    }

    @Test("inside a section, a name the element lacks is looked up in the enclosing context")
    func sectionFallsBackToParent() throws {
        let set = try TemplateSet(layers: [[template(
            "deck.md.mustache", "{{#cards}}{{title}} of {{subtitle}}; {{/cards}}"
        )]])
        let deck = Deck(title: "d", subtitle: "S", cards: [Card(title: "a", note: nil), Card(title: "b", note: nil)])
        let output = try set.render("deck.md", context: deck)
        #expect(output == "a of S; b of S; ")
    }
}

@Suite("TemplateSet reports mistakes with their place in the template file")
struct TemplateErrorTests {
    @Test("a name the context lacks is an error naming the key and the tag's line and column")
    func unknownKey() throws {
        let set = try TemplateSet(layers: [[template("page.md.mustache", "# Heading\n\nBy   {{titel}}\n")]])
        let found = diagnostics { _ = try set.render("page.md", context: Page(title: "t", body: "b")) }
        #expect(found.map(\.description) == [
            "Templates/page.md.mustache:3:6: error: 'titel' is not in the page.md context (title, body)",
        ])
    }

    @Test("an unknown name inside a section over an array of structs is reported at its tag")
    func unknownKeyInSection() throws {
        let set = try TemplateSet(layers: [[template(
            "deck.md.mustache", "# {{title}}\n{{#cards}}\n- {{title}}: {{nte}}\n{{/cards}}\n"
        )]])
        let deck = Deck(title: "d", subtitle: nil, cards: [Card(title: "a", note: "n")])
        let found = diagnostics { _ = try set.render("deck.md", context: deck) }
        #expect(found.map(\.description) == [
            "Templates/deck.md.mustache:3:14: error: 'nte' is not in the deck.md context (title, subtitle, cards)",
        ])
    }

    @Test("an unknown section name is reported at its opening tag, once")
    func unknownSection() throws {
        let set = try TemplateSet(layers: [[template(
            "page.md.mustache", "{{title}}\n{{#items}}\n- {{.}}\n{{/items}}\n{{^items}}none{{/items}}\n"
        )]])
        let found = diagnostics { _ = try set.render("page.md", context: Page(title: "t", body: "b")) }
        #expect(found.map(\.description) == [
            "Templates/page.md.mustache:2:1: error: 'items' is not in the page.md context (title, body)",
        ])
    }

    @Test("every unknown name is reported, in the order the template uses them")
    func severalUnknownKeys() throws {
        let set = try TemplateSet(layers: [[template("page.md.mustache", "{{titel}} {{bdy}}\n{{titel}}\n")]])
        let found = diagnostics { _ = try set.render("page.md", context: Page(title: "t", body: "b")) }
        #expect(found.map(\.description) == [
            "Templates/page.md.mustache:1:1: error: 'titel' is not in the page.md context (title, body)",
            "Templates/page.md.mustache:1:11: error: 'bdy' is not in the page.md context (title, body)",
        ])
    }

    @Test("an unknown name used in a partial is reported in the partial's file")
    func unknownKeyInPartial() throws {
        let set = try TemplateSet(layers: [[
            template("page.md.mustache", "{{title}}\n{{> footer.md}}\n"),
            template("footer.md.mustache", "---\n  {{{autor}}}\n", folder: "my-templates"),
        ]])
        let found = diagnostics { _ = try set.render("page.md", context: Page(title: "t", body: "b")) }
        #expect(found.map(\.description) == [
            "my-templates/footer.md.mustache:2:3: error: 'autor' is not in the page.md context (title, body)",
        ])
    }

    @Test("rendering a template that does not exist throws, naming the file")
    func unknownTemplate() throws {
        let set = try TemplateSet(layers: [[template("page.md.mustache", "x")]])
        let found = diagnostics { _ = try set.render("pages.md", context: Page(title: "t", body: "b")) }
        #expect(found.map(\.description) == ["Templates:1:1: error: no template named 'pages.md.mustache'"])
    }

    @Test("an asset cannot be rendered as a template")
    func assetIsNotATemplate() throws {
        let set = try TemplateSet(layers: [[template("workbook.css", "x")]])
        let found = diagnostics { _ = try set.render("workbook.css", context: Page(title: "t", body: "b")) }
        #expect(found.map(\.description) == ["Templates:1:1: error: no template named 'workbook.css.mustache'"])
    }
}

@Suite("TemplateSet reports templates it cannot parse")
struct TemplateParseErrorTests {
    func parseErrors(_ files: [SourceFile]) -> [String] {
        diagnostics { _ = try TemplateSet(layers: [files]) }.map(\.description)
    }

    @Test("a section that is never closed is reported at its opening tag")
    func unclosedSection() {
        #expect(parseErrors([template("page.md.mustache", "# {{title}}\n\n{{#cards}}\n- {{title}}\n")]) == [
            "Templates/page.md.mustache:3:1: error: template cannot be parsed: section 'cards' is opened but never closed",
        ])
    }

    @Test("an unclosed section on the first line of a Markdown template is placed where it is in the file")
    func unclosedSectionOnFirstLine() {
        #expect(parseErrors([template("page.md.mustache", "Title: {{#a}} x")]) == [
            "Templates/page.md.mustache:1:8: error: template cannot be parsed: section 'a' is opened but never closed",
        ])
    }

    @Test("a section closed with another name is reported at the closing tag")
    func mismatchedClose() {
        #expect(parseErrors([template("page.html.mustache", "<ul>\n{{#cards}}\n<li>{{title}}</li>\n{{/card}}\n</ul>\n")]) == [
            "Templates/page.html.mustache:4:1: error: template cannot be parsed: a section is closed with a different name than it was opened with",
        ])
    }

    @Test("a tag that is not closed is reported on its line")
    func unfinishedTag() {
        #expect(parseErrors([template("page.md.mustache", "one\ntwo {{title\nthree\n")]) == [
            "Templates/page.md.mustache:2:5: error: template cannot be parsed: a tag is not closed with '}}'",
        ])
    }

    @Test("with an inner section left open, the outer section's closing tag is reported, or else the inner section")
    func innerSectionUnclosed() {
        #expect(parseErrors([template("page.md.mustache", "{{#cards}}\n  {{^note}}\n{{/cards}}\n")]) == [
            "Templates/page.md.mustache:3:1: error: template cannot be parsed: a section is closed with a different name than it was opened with",
        ])
        #expect(parseErrors([template("page.md.mustache", "{{#cards}}\n{{#points}}{{/points}}\n  {{^note}}x\n")]) == [
            "Templates/page.md.mustache:3:3: error: template cannot be parsed: section 'note' is opened but never closed",
        ])
    }

    @Test("an unclosed tag on the first line of a Markdown template is placed where it is in the file")
    func unfinishedTagOnFirstLine() {
        #expect(parseErrors([template("page.md.mustache", "# {{title\n")]) == [
            "Templates/page.md.mustache:1:3: error: template cannot be parsed: a tag is not closed with '}}'",
        ])
    }

    @Test("an unclosed triple mustache is reported at its first brace")
    func unfinishedTripleMustache() {
        #expect(parseErrors([template("page.html.mustache", "<main>\n{{{body}}\n</main>\n")]) == [
            "Templates/page.html.mustache:2:1: error: template cannot be parsed: a tag is not closed with '}}'",
        ])
    }

    @Test("columns count Unicode scalars, so text before the tag in any script does not shift it")
    func scalarColumns() {
        #expect(parseErrors([template("page.md.mustache", "intro\n🙂 café 日本 {{title\n")]) == [
            "Templates/page.md.mustache:2:11: error: template cannot be parsed: a tag is not closed with '}}'",
        ])
    }

    @Test("in a template with CRLF line endings the line and column are those of the tag")
    func crlfTemplate() {
        #expect(parseErrors([template("page.md.mustache", "one\r\ntwo\r\nsee {{title\r\nfour\r\n")]) == [
            "Templates/page.md.mustache:3:5: error: template cannot be parsed: a tag is not closed with '}}'",
        ])
        #expect(parseErrors([template("page.md.mustache", "one\r\nsee {{title {{x}}\r\n")]) == [
            "Templates/page.md.mustache:2:5: error: template cannot be parsed: a tag is not closed with '}}'",
        ])
        #expect(parseErrors([template("page.md.mustache", "one\r\n{{#a}}\r\n{{/b}}\r\n")]) == [
            "Templates/page.md.mustache:3:1: error: template cannot be parsed: a section is closed with a different name than it was opened with",
        ])
    }

    @Test("every template that cannot be parsed is reported, in the order of the files, and no set is made")
    func severalBrokenTemplates() {
        #expect(parseErrors([
            template("b.md.mustache", "{{#x}}"),
            template("fine.md.mustache", "{{title}}"),
            template("a.html.mustache", "{{#y}}{{/z}}"),
        ]) == [
            "Templates/b.md.mustache:1:1: error: template cannot be parsed: section 'x' is opened but never closed",
            "Templates/a.html.mustache:1:7: error: template cannot be parsed: a section is closed with a different name than it was opened with",
        ])
    }

    @Test("a broken template in a lower layer is fine when a later layer replaces it")
    func replacedBrokenTemplate() throws {
        let set = try TemplateSet(layers: [
            [template("page.md.mustache", "{{#broken}}")],
            [template("page.md.mustache", "fixed", folder: "my-templates")],
        ])
        let output = try set.render("page.md", context: Page(title: "t", body: "b"))
        #expect(output == "fixed")
    }
}

@Suite("Escaping in HTML templates")
struct HTMLEscapingTests {
    @Test("escapes exactly what swift-mustache's HTML content type escapes, to the same entities", arguments: [
        "", "plain", #"Tom & Jerry <b>"quoted"</b> 'single'"#, "Zoë’s 😀 <&>", "&amp; already", "<<>>&&\"\"''",
    ])
    func sameAsMustache(text: String) throws {
        let mustache = try MustacheTemplate(string: "{{x}}").render(["x": text])
        #expect(HTMLEscaping().escapeText(text) == mustache)
    }

    @Test("each of the five characters alone, and beside plain text, is escaped: the fast path that returns text untouched knows them all",
          arguments: ["<", ">", "&", "\"", "'"])
    func eachSpecialAlone(special: String) throws {
        for text in [special, "a\(special)b", "plain words then \(special)"] {
            let mustache = try MustacheTemplate(string: "{{x}}").render(["x": text])
            #expect(HTMLEscaping().escapeText(text) == mustache, "\(text)")
            #expect(HTMLText.escape(text) != text)
        }
    }

    @Test("equals swift-mustache's own escaping for 2,000 random strings over an alphabet weighted to the special characters")
    func randomStrings() throws {
        // A fixed seed: a failure names the string and replays the same way.
        var random = SplitMix64(seed: 0x5EED_A77E)
        let alphabet: [Character] = ["<", ">", "&", "\"", "'", "a", "Z", " ", "\n", "é", "😀", "#", ";", "\\", "`", "=", "/"]
        for _ in 0..<2_000 {
            let length = Int(random.next() % 12)
            let text = String((0..<length).map { _ in alphabet[Int(random.next() % UInt64(alphabet.count))] })
            let mustache = try MustacheTemplate(string: "{{x}}").render(["x": text])
            #expect(HTMLEscaping().escapeText(text) == mustache, "\(text.debugDescription)")
        }
    }
}


@Suite("Template and stylesheet size limits")
struct TemplateLimitTests {
    /// A stylesheet of exactly `size` bytes: one rule, then a comment.
    func stylesheet(size: Int) -> SourceFile {
        let rule = "body { color: #222; }\n"
        return template("extra.css", rule + "/*" + String(repeating: "x", count: size - rule.utf8.count - 5) + "*/\n", folder: "overlay")
    }

    @Test("a stylesheet of exactly 256 KiB is read; one byte more is refused before anything reads it")
    func stylesheetSize() throws {
        #expect(stylesheet(size: InputLimits.templateBytes).text.utf8.count == 262_144)
        _ = try TemplateSet(layers: [[stylesheet(size: InputLimits.templateBytes)]])
        #expect(diagnostics { _ = try TemplateSet(layers: [[stylesheet(size: InputLimits.templateBytes + 1)]]) }.map(\.description) == [
            "overlay/extra.css:1:1: error: this stylesheet is 262145 bytes, over Attune's limit of 256 KiB",
        ])
    }

    @Test("a template one byte over 256 KiB is refused before Mustache parses it")
    func templateSize() {
        let text = "{{! " + String(repeating: "x", count: InputLimits.templateBytes - 6) + " }}"
        #expect(text.utf8.count == InputLimits.templateBytes + 1)
        #expect(diagnostics { _ = try TemplateSet(layers: [[template("page.html.mustache", text, folder: "overlay")]]) }.map(\.description) == [
            "overlay/page.html.mustache:1:1: error: this template is 262145 bytes, over Attune's limit of 256 KiB",
        ])
    }
}
