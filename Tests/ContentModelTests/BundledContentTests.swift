import ContentModel
import Diagnostics
import Testing

@Suite("The bundled content")
struct BundledContentTests {
    let content: ContentModel

    init() throws {
        content = try TestContent.bundled()
    }

    @Test("loads with no errors")
    func loadsCleanly() {
        #expect(throws: Never.self) { try ContentLoader.load(layers: [TestContent.bundledFiles], bundledLayers: 1) }
    }

    @Test("has every section, in reading order")
    func everySection() {
        #expect(content.sections.map(\.id) == SectionID.allCases)
        for id in SectionID.allCases {
            #expect(!content.cards(in: id).isEmpty, "section \(id.rawValue) has no cards")
        }
    }

    @Test("has a curriculum of at least 10 weeks")
    func curriculumLength() {
        #expect(content.weeks.count >= 10)
    }

    @Test("has the 14 3RS markers: 7 withdrawal and 7 confrontation")
    func markers() {
        let markers = content.cards(in: .markers)
        #expect(markers.count == 14)
        #expect(markers.filter { $0.ruptureType == "withdrawal" }.count == 7)
        #expect(markers.filter { $0.ruptureType == "confrontation" }.count == 7)
        for marker in markers {
            #expect(!marker.answeredBy.isEmpty, "\(marker.id) is answered by nothing")
        }
    }

    @Test("names markers and strategies after the 3RS-2015 codebook")
    func codebook() {
        #expect(content.section(.markers)?.codebook == "3RS-2015")
        #expect(content.section(.strategies)?.codebook == "3RS-2015")
    }

    @Test("has the 10 3RS strategies, each immediate or exploratory")
    func strategies() {
        let strategies = content.cards(in: .strategies)
        #expect(strategies.count == 10)
        #expect(strategies.allSatisfy { $0.group == "immediate" || $0.group == "exploratory" })
        #expect(Set(strategies.compactMap(\.group)) == ["immediate", "exploratory"])
    }

    @Test("has the expected number of cards in fixed-size sections", arguments: [
        (SectionID.repairSteps, 5), (.practices, 4), (.blindspots, 3), (.triggers, 4), (.ruptureTypes, 2),
    ])
    func sectionSizes(section: SectionID, count: Int) {
        #expect(content.cards(in: section).count == count)
    }

    @Test("gives every trigger prompts that exist")
    func triggers() {
        for trigger in content.cards(in: .triggers) {
            #expect(!trigger.prompts.isEmpty, "\(trigger.id) has no prompts")
            for id in trigger.prompts {
                #expect(content.prompt(id) != nil, "\(trigger.id) names unknown prompt \(id)")
            }
        }
    }

    @Test("gives every noticing card a group")
    func noticingGroups() {
        for card in content.cards(in: .noticing) {
            #expect(card.group.map(SectionID.noticing.groups.contains) == true, "\(card.id)")
        }
    }

    @Test("gives every week at least one reflection and one wish prompt")
    func weekPrompts() throws {
        for week in content.weeks {
            let kinds = try week.prompts.map { try #require(content.prompt($0)).kind }
            #expect(kinds.contains(.reflection), "\(week.id) has no reflection prompt")
            #expect(kinds.contains(.wish), "\(week.id) has no wish prompt")
            #expect(!week.cards.isEmpty, "\(week.id) has no cards")
        }
    }

    @Test("uses only kebab-case IDs, each once")
    func ids() {
        let ids = content.cards.map(\.id) + content.prompts.map(\.id) + content.sources.map(\.id) + content.weeks.map(\.id)
        for id in ids {
            #expect(id.wholeMatch(of: /[a-z0-9]+(-[a-z0-9]+)*/) != nil, "\(id) is not kebab-case")
        }
        #expect(Set(ids).count == ids.count)
    }

    @Test("numbers no card title: titles appear out of order in logs, trends and links, so order lives in the section")
    func unnumberedTitles() {
        for card in content.cards {
            #expect(card.title.wholeMatch(of: /(?i)(step|stage|part)\s*\d+.*|\d+[.):].*/) == nil, "\(card.id): \(card.title)")
        }
        #expect(content.cards(in: .repairSteps).map(\.title) == [
            "Recognise and name the rupture", "Regulate yourself first", "Listen actively and validate",
            "Take accountability", "Re-establish shared goals and alignment",
        ])
    }

    @Test("shows the 3RS 2015 marker names beside the 2022 revision's groupings")
    func codebookVersionsSideBySide() throws {
        let intro = try #require(content.section(.markers)?.intro).lowercased()
        for phrase in ["3rs 2015", "3rs 2022", "moving away", "shutting down", "avoiding", "masking experience", "moving against"] {
            #expect(intro.contains(phrase), "\(phrase)")
        }
        for marker in content.cards(in: .markers) where marker.ruptureType == "withdrawal" {
            #expect(intro.contains(marker.title.lowercased()), "\(marker.id) is missing from the side-by-side table")
        }
    }

    @Test("keeps prompt texts to one line")
    func promptTexts() {
        for prompt in content.prompts {
            #expect(!prompt.text.contains("\n"), "\(prompt.id)")
        }
    }
}
