import ContentModel
import Handouts
import Testing

/// A supervisor's "card 29" or "prompt 10" must mean what every trainee's
/// handout shows, whatever their focus; and a handout speaks to the trainee,
/// never with a command for a shell.
@Suite("Numbers and the closing words in handouts")
struct HandoutNumbersTests {
    static let files = [
        "cohort/roster.yaml": Fixtures.yaml("""
          - name: Ana López
            note: Card 29 is for you.
          - name: Ben Okafor
            focus: your-triggers
        """),
    ]

    @Test("every card and prompt carries the content model's number, the same in Markdown, HTML and all.html")
    func numbered() throws {
        let out = Fixtures.outputs(try Fixtures.run(Self.files).fileSystem)
        let content = Fixtures.content
        for (stem, focus) in [("ana-lópez", Fixtures.seventhWeek), ("ben-okafor", "your-triggers")] {
            let week = try #require(content.week(focus))
            let markdown = try #require(out["\(stem).md"])
            let html = try #require(out["\(stem).html"])
            for card in week.cards.compactMap(content.card) {
                #expect(markdown.contains("\n### Card \(card.number) · \(card.title)\n"), "\(card.id)")
                #expect(html.contains("<h3>Card \(card.number) · \(card.title.htmlEscaped)</h3>"), "\(card.id)")
                #expect(out["all.html"]?.contains("<h4>Card \(card.number) · \(card.title.htmlEscaped)</h4>") == true, "\(card.id)")
            }
            for prompt in week.prompts.compactMap(content.prompt) {
                let heading = prompt.kind == .wish
                    ? "Prompt \(prompt.number) · What I wish I'd known: \(prompt.text)"
                    : "Prompt \(prompt.number) · \(prompt.text)"
                #expect(markdown.contains("\n## \(heading)\n"), "\(prompt.id)")
                #expect(html.contains("<h2>\(heading.htmlEscaped)</h2>"), "\(prompt.id)")
                #expect(out["all.html"]?.contains("<h3>\(heading.htmlEscaped)</h3>") == true, "\(prompt.id)")
            }
        }
        // The note's "Card 29" is a card Ana's handout shows.
        #expect(out["ana-lópez.md"]?.contains("\n### Card 29 · When a client questions whether therapy is worth it\n") == true)
        #expect(out["ana-lópez.md"]?.contains("\n## Prompt 10 · When a client questions the point of therapy, what happens inside me and what do I reach for?\n") == true)
    }

    @Test("ends with words to the trainee about bringing it to supervision, and names no command")
    func closing() throws {
        let out = Fixtures.outputs(try Fixtures.run(Self.files).fileSystem)
        let words = "Bring what you write, here or in your own journal, to your next supervision with Dr Morgan Ellery. Cards and prompts carry the same numbers in every handout and workbook, so anyone in the group can point to one by its number. Share your journal only if you choose to, and refer to clients by pseudonym only."
        for stem in ["ana-lópez", "ben-okafor"] {
            #expect(out["\(stem).md"]?.hasSuffix("\n\n" + words + "\n") == true, "\(stem)")
            #expect(out["\(stem).html"]?.contains("<p>\(words.htmlEscaped)</p>\n\n</main>") == true, "\(stem)")
        }
        #expect(out["all.html"]?.components(separatedBy: "<p>\(words.htmlEscaped)</p>\n</article>").count == 3, "once at the end of each handout's article")
        for (path, text) in out where path.hasSuffix(".md") || path.hasSuffix(".html") {
            #expect(!text.contains("attune new"), "\(path)")
            #expect(!text.contains("<code>attune"), "\(path)")
        }
    }

    @Test("the supervisor's name in the closing words is shown as typed, never as markup")
    func hostileSupervisor() throws {
        let roster = Fixtures.yaml("  - name: Ana\n").replacingOccurrences(
            of: "supervisor: Dr Morgan Ellery", with: "supervisor: \"Dr *Ellery* <b>x</b> [y](javascript:z)\"")
        let out = Fixtures.outputs(try Fixtures.run(["cohort/roster.yaml": roster]).fileSystem)
        let markdown = try #require(out["ana.md"])
        #expect(markdown.contains(#"next supervision with Dr \*Ellery\* \<b\>x\</b\> \[y\](javascript:z). Cards"#))
        let html = try #require(out["ana.html"])
        #expect(html.contains("next supervision with Dr *Ellery* &lt;b&gt;x&lt;/b&gt; [y](javascript:z). Cards"))
        #expect(!html.contains("<b>x</b>"))
    }
}

extension String {
    /// As cmark-gfm escapes text (it leaves `'` as it is).
    fileprivate var htmlEscaped: String {
        replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }
}
