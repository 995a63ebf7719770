import ContentModel
import Diagnostics
import Testing

/// Cards and prompts carry one number each, given by the content model, so
/// "card 29" or "prompt 10" names the same thing in a workbook, a handout
/// and on the site.
@Suite("Card and prompt numbers")
struct NumberingTests {
    @Test("numbers cards from 1 in the model's order: section by section, then as written")
    func cardOrder() throws {
        let content = try ContentLoader.load(layers: [TestContent.files()])
        #expect(content.cards.map(\.number) == Array(1...content.cards.count))
        #expect(content.cards.map(\.id) == [
            "withdrawal", "confrontation", "marker-denial", "trigger-questioning", "repair-notice",
            "strategy-clarify", "blindspot-urgency",
        ])
        #expect(content.card("marker-denial")?.number == 3)
    }

    @Test("numbers prompts from 1 as written, reflections and wishes in one sequence")
    func promptOrder() throws {
        let content = try ContentLoader.load(layers: [TestContent.files()])
        #expect(content.prompts.map { "\($0.id) \($0.number)" } == ["reflect-usual 1", "wish-known 2"])
    }

    @Test("a card added at the end of the last section takes the next number and moves no other")
    func addedAtEnd() throws {
        let before = try ContentLoader.load(layers: [TestContent.files()])
        let after = try ContentLoader.load(layers: [TestContent.files(["blindspots.yaml": """
        section: blindspots
        title: Blindspots
        cards:
          - id: blindspot-urgency
            title: Urgency
            summary: Hurrying to fix things.
            body: Slow down.
          - id: blindspot-certainty
            title: Certainty
            summary: Knowing too soon.
            body: Stay curious.
        """])])
        for card in before.cards { #expect(after.card(card.id)?.number == card.number, "\(card.id)") }
        #expect(after.card("blindspot-certainty")?.number == before.cards.count + 1)
    }

    @Test("an overlay's new card is numbered after every bundled card, even in an earlier section")
    func overlayAfterBundled() throws {
        let bundled = try TestContent.bundled()
        let mine = TestContent.file("extra.yaml", """
        section: rupture-types
        title: Rupture types
        cards:
          - id: rupture-mixed
            title: Mixed ruptures
            summary: Away and against at once.
            body: Both at once.
            sources: [safran-muran-2000]
        """, folder: "mine")
        let content = try ContentLoader.load(layers: [TestContent.bundledFiles, [mine]], bundledLayers: 1)
        for card in bundled.cards { #expect(content.card(card.id)?.number == card.number, "\(card.id)") }
        #expect(content.card("rupture-mixed")?.number == bundled.cards.count + 1)
        // Shown in its section all the same.
        #expect(content.cards(in: .ruptureTypes).map(\.id).last == "rupture-mixed")
    }

    @Test("an overlay that replaces a bundled card or prompt by ID keeps its number")
    func replacedKeepsNumber() throws {
        let bundled = try TestContent.bundled()
        let mine = TestContent.file("prompts.extra.yaml", """
        prompts:
          - id: reflect-what-i-did
            kind: reflection
            text: What did I say?
          - id: reflect-mine
            kind: reflection
            text: What else?
        """, folder: "mine")
        let content = try ContentLoader.load(layers: [TestContent.bundledFiles, [mine]], bundledLayers: 1)
        #expect(content.prompt("reflect-what-i-did")?.number == bundled.prompt("reflect-what-i-did")?.number)
        #expect(content.prompt("reflect-what-i-did")?.text == "What did I say?")
        #expect(content.prompt("reflect-mine")?.number == bundled.prompts.count + 1)
    }

    @Test("the bundled material's numbers, which the example cohort's notes name")
    func bundledNumbers() throws {
        let content = try TestContent.bundled()
        #expect(content.cards.count == 78)
        #expect(content.prompts.count == 22)
        #expect(content.card("trigger-questioning-therapy")?.number == 29)
        #expect(content.card("trigger-reassurance-seeking")?.number == 30)
        #expect(content.card("trigger-own-material")?.number == 31)
        #expect(content.prompt("reflect-questioned-process")?.number == 10)
        #expect(content.prompt("wish-uncomfortable-moments")?.number == 18)
        #expect(Set(content.cards.map(\.number)) == Set(1...78))
    }
}
