import ContentModel
import Site
import Testing

/// The site shows each card's and prompt's number from the content model, so
/// a card on a section page, on a week's page, in a handout and in a workbook
/// carries one number.
@Suite("Card and prompt numbers on the site")
struct SiteNumbersTests {
    @Test("every card is headed 'Card N · title' on its section page and on each week that teaches it")
    func cards() throws {
        let content = Support.content
        for card in content.cards {
            let section = Support.page("sections/\(card.section.rawValue).html")
            #expect(HTML.article(card.id, in: section).contains("<h2>Card \(card.number) · \(card.title.siteEscaped)</h2>"), "\(card.id)")
        }
        let week = Support.page("weeks/when-therapy-is-questioned.html")
        #expect(HTML.article("trigger-questioning-therapy", in: week).contains("<h3>Card 29 · When a client questions whether therapy is worth it</h3>"))
    }

    @Test("every prompt is headed 'Prompt N · text' on its list and on each week that asks it")
    func prompts() throws {
        let content = Support.content
        for prompt in content.prompts {
            let list = Support.page(prompt.kind == .reflection ? "sections/reflection-questions.html" : "sections/what-i-wish-id-known.html")
            #expect(HTML.article(prompt.id, in: list).contains("<h2>Prompt \(prompt.number) · \(prompt.text.siteEscaped)</h2>"), "\(prompt.id)")
        }
        let week = Support.page("weeks/when-therapy-is-questioned.html")
        #expect(HTML.article("reflect-questioned-process", in: week).contains(
            "<h3>Prompt 10 · When a client questions the point of therapy, what happens inside me and what do I reach for?</h3>"))
    }
}

extension SiteNumbersTests {
    @Test("search lists each card and prompt with its number, and finds it by that number")
    func search() {
        let page = Support.page("search.html")
        #expect(page.contains("<li><a href=\"sections/triggers.html#trigger-questioning-therapy\">Card 29 · When a client questions whether therapy is worth it</a>"))
        #expect(page.contains("<li><a href=\"sections/reflection-questions.html#reflect-questioned-process\">Prompt 10 · When a client questions the point of therapy, what happens inside me and what do I reach for?</a>"))
        #expect(SearchTests.search("29").contains("sections/triggers.html#trigger-questioning-therapy"))
        #expect(SearchTests.search("10").contains("sections/reflection-questions.html#reflect-questioned-process"))
    }
}

extension String {
    fileprivate var siteEscaped: String {
        replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
            .replacingOccurrences(of: "'", with: "&#39;")
    }
}
