import ContentModel
import Rendering
import Testing

/// The `card.md` partial's context, which the workbook, the handouts and the
/// form all build with this one initialiser.
@Suite("A card's context")
struct CardContextTests {
    let content = Fixtures.content

    func card(where matches: (Card) -> Bool) throws -> Card {
        let found = content.cards.first(where: matches)
        return try #require(found)
    }

    @Test("a card with points and sources lists both, sources by their short names")
    func withOptionalFields() throws {
        let card = try card { !$0.points.isEmpty && $0.sources.count > 1 && $0.basis == .cited }
        let context = CardContext(card: card, content: content)
        #expect(context.hasPoints)
        #expect(context.points.count == card.points.count)
        #expect(context.citedAs == card.sources.compactMap(content.source).map(\.short).joined(separator: "; "))
        let markdown = try Fixtures.resources.templates.render("card.md", context: context)
        #expect(markdown.hasSuffix("\n\n" + context.points.map { "- \($0)\n" }.joined() + "\nSources: \(context.citedAs!)\n\n"))
    }

    @Test("a card without points or sources has neither, so the partial prints no empty list and no 'Sources:' line")
    func withoutOptionalFields() throws {
        var card = try card { !$0.points.isEmpty }
        card.points = []
        card.sources = []
        let context = CardContext(card: card, content: content)
        #expect(!context.hasPoints && context.points.isEmpty)
        #expect(context.citedAs == nil)
        let markdown = try Fixtures.resources.templates.render("card.md", context: context)
        #expect(markdown == "### Card \(card.number) · \(context.title)\n\n*\(context.section)* · \(context.summary)\n\n\(card.body)\n\n")
    }

    @Test("a synthesis card says so after its sources")
    func synthesis() throws {
        let card = try card { $0.basis == .synthesis }
        let citedAs = try #require(CardContext(card: card, content: content).citedAs)
        #expect(citedAs.hasSuffix(" (Attune's own synthesis, drawing on these)"))
    }
}
