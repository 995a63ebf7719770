import ContentModel
import Rendering
import Testing

/// The week's material is built once, here, for the workbook, the blank
/// workbook and every handout: what a week shows is decided in one place.
@Suite("A week's material")
struct WeekMaterialTests {
    let content = Fixtures.content

    func firstCard(in section: SectionID) throws -> Card {
        try #require(content.cards(in: section).first, "the bundled material has a \(section) card")
    }

    @Test("names the codebook when the week teaches a marker or a strategy, and only then", arguments: [
        ([SectionID.markers], true),
        ([.strategies], true),
        ([.alliance, .markers], true),
        ([.alliance], false),
        ([.noticing, .repairSteps, .ethics], false),
        ([], false),
    ])
    func codebook(sections: [SectionID], named: Bool) throws {
        let version = try #require(content.section(.markers)?.codebook)
        let cards = try sections.map { try firstCard(in: $0).id }
        let material = WeekMaterial(week: Fixtures.week(cards: cards), content: content)
        #expect(material.codebook == (named ? version : nil))
        #expect(WeekMaterial.codebook(for: cards.compactMap(content.card), content: content) == material.codebook)
    }

    @Test("lists each source its cards cite once, in the order first cited")
    func references() throws {
        let week = try #require(content.week("noticing-withdrawal"))
        let cards = week.cards.compactMap(content.card)
        var expected: [String] = []
        for id in cards.flatMap(\.sources) where !expected.contains(id) { expected.append(id) }
        // Twice the week's cards: still one line per source.
        let material = WeekMaterial(week: Fixtures.week(cards: week.cards + week.cards), content: content)
        #expect(material.references.map(\.citation) == expected.compactMap(content.source).map(\.citation))
    }

    @Test("splits the prompts into reflections and wishes, each in the week's order, then the extra prompts")
    func prompts() throws {
        let reflections = content.prompts.filter { $0.kind == .reflection }.prefix(3).map(\.id)
        let wishes = content.prompts.filter { $0.kind == .wish }.prefix(2).map(\.id)
        let extra = try #require(content.prompts.last { $0.kind == .reflection && !reflections.contains($0.id) })
        let week = Fixtures.week(cards: [], prompts: [wishes[1], reflections[2], wishes[0], reflections[0], reflections[1]])
        let material = WeekMaterial(week: week, content: content, alsoAsking: [extra.id, "no-such-prompt"])
        #expect(material.reflections.map(\.id) == [reflections[2], reflections[0], reflections[1], extra.id])
        #expect(material.wishes.map(\.id) == [wishes[1], wishes[0]])
        #expect(material.reflections.allSatisfy { $0.answer == nil } && material.wishes.allSatisfy { $0.answer == nil })
    }

    @Test("asks for each prompt's answer once, in page order: reflections, then wishes")
    func answersInPageOrder() throws {
        let week = try #require(content.week("noticing-withdrawal"))
        var asked: [String] = []
        let material = WeekMaterial(week: week, content: content) { prompt in
            asked.append(prompt.id)
            return prompt.kind == .wish ? nil : "answer to \(prompt.id)"
        }
        #expect(asked == material.reflections.map(\.id) + material.wishes.map(\.id))
        #expect(material.reflections.map(\.answer) == material.reflections.map { "answer to \($0.id)" })
        #expect(material.wishes.allSatisfy { $0.answer == nil })
    }

    @Test("numbers cards and prompts as the content model does, and escapes their plain text for Markdown")
    func numbersAndEscaping() throws {
        var card = try firstCard(in: .alliance)
        card.title = "A_B *C*"
        var prompt = try #require(content.prompts.first { $0.kind == .reflection })
        prompt.text = "Why <b>now</b>?"
        prompt.hint = "1. first"
        let cardView = CardContext(card: card, content: content)
        let promptView = PromptContext(prompt: prompt, answer: nil)
        #expect(cardView.number == card.number)
        #expect(cardView.title == #"A\_B \*C\*"#)
        #expect(promptView.number == prompt.number)
        #expect(promptView.text == #"Why \<b\>now\</b\>?"#)
        #expect(promptView.hint == #"1\. first"#)
    }
}
