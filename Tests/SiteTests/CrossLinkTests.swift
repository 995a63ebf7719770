import ContentModel
import Testing
@testable import Site

@Suite("Cross-links follow the content model")
struct CrossLinkTests {
    static func href(toCard id: String) -> String {
        let card = Support.content.card(id)!
        return "../sections/\(card.section.rawValue).html#\(id)"
    }

    @Test("a marker links to its rupture type and to every repair step, practice and strategy that answers it")
    func markers() {
        let page = Support.page("sections/markers.html")
        for marker in Support.content.cards(in: .markers) {
            let article = HTML.article(marker.id, in: page)
            #expect(HTML.linkGroup("Rupture type", in: article) == [Self.href(toCard: marker.ruptureType!)], "\(marker.id)")
            #expect(HTML.linkGroup("Answered by", in: article) == marker.answeredBy.map(Self.href(toCard:)), "\(marker.id)")
        }
        let denial = HTML.article("marker-denial", in: page)
        #expect(HTML.linkGroup("Rupture type", in: denial) == ["../sections/rupture-types.html#withdrawal"])
    }

    @Test("what answers a marker links back to it, and a rupture type lists its markers")
    func reverseLinks() {
        for marker in Support.content.cards(in: .markers) {
            for answer in marker.answeredBy {
                let card = Support.content.card(answer)!
                let article = HTML.article(answer, in: Support.page("sections/\(card.section.rawValue).html"))
                #expect(HTML.linkGroup("Answers these markers", in: article).contains(Self.href(toCard: marker.id)), "\(answer)")
            }
            let type = HTML.article(marker.ruptureType!, in: Support.page("sections/rupture-types.html"))
            #expect(HTML.linkGroup("Markers of this type", in: type).contains(Self.href(toCard: marker.id)))
        }
    }

    static func page(ofPrompt id: String) -> String {
        Support.content.prompt(id)!.kind == .reflection ? "sections/reflection-questions.html" : "sections/what-i-wish-id-known.html"
    }

    @Test("a trigger category links to its prompts, and each prompt back to it")
    func triggers() {
        for trigger in Support.content.cards(in: .triggers) {
            let article = HTML.article(trigger.id, in: Support.page("sections/triggers.html"))
            #expect(HTML.linkGroup("Prompts to work through", in: article)
                == trigger.prompts.map { "../\(Self.page(ofPrompt: $0))#\($0)" }, "\(trigger.id)")
            for prompt in trigger.prompts {
                let item = HTML.article(prompt, in: Support.page(Self.page(ofPrompt: prompt)))
                #expect(HTML.linkGroup("Trigger categories", in: item).contains(Self.href(toCard: trigger.id)), "\(prompt)")
            }
        }
    }

    @Test("the sources page shows every source once, with its full citation, under its kind's heading, kinds in a fixed order")
    func sourcesByKind() throws {
        let page = Support.page("sections/sources.html")
        var headings: [(title: String, at: String.Index)] = []
        for (_, title) in PageRenderer.sourceGroups {
            if let range = page.range(of: "<h2>\(title)</h2>") { headings.append((title, range.lowerBound)) }
        }
        #expect(headings.map(\.at) == headings.map(\.at).sorted(), "groups out of order")
        for source in Support.content.sources {
            #expect(HTML.count("id=\"\(source.id)\"", in: page) == 1, "\(source.id)")
            let at = try #require(page.range(of: "id=\"\(source.id)\"")).lowerBound
            let group = headings.last { $0.at < at }?.title
            let expected = PageRenderer.sourceGroups.first { $0.kind == source.kind }?.title
            #expect(group == expected, "\(source.id) is under \(group ?? "no heading")")
            // The citation is shown in full: its title and, where there is one, its link.
            let entry = HTML.article(source.id, in: page)
            #expect(HTML.unescape(entry).contains(try #require(source.title)), "\(source.id)")
            if let doi = source.doi { #expect(entry.contains("href=\"https://doi.org/\(doi)\""), "\(source.id)") }
            if let url = source.url, source.doi == nil { #expect(entry.contains("href=\"\(url)\""), "\(source.id)") }
        }
    }

    @Test("every card links to its sources, and every source lists the cards citing it")
    func sources() {
        for card in Support.content.cards {
            let article = HTML.article(card.id, in: Support.page("sections/\(card.section.rawValue).html"))
            // A synthesis card names its sources as what it draws on.
            let label = card.basis == .synthesis ? "Attune’s synthesis, drawing on" : "Sources"
            #expect(!card.sources.isEmpty, "\(card.id)")
            #expect(HTML.linkGroup(label, in: article) == card.sources.map { "../sections/sources.html#\($0)" }, "\(card.id)")
            for source in card.sources {
                let entry = HTML.article(source, in: Support.page("sections/sources.html"))
                #expect(HTML.linkGroup("Cited by", in: entry).contains(Self.href(toCard: card.id)))
            }
        }
    }

    @Test("a week's page shows its cards and prompts, each linked to its home in a section")
    func weeks() {
        for week in Support.content.weeks {
            let page = Support.page("weeks/\(week.id).html")
            for card in week.cards {
                #expect(HTML.linkGroup("In the section", in: HTML.article(card, in: page)) == [Self.href(toCard: card)], "\(week.id) \(card)")
            }
            for prompt in week.prompts {
                #expect(HTML.ids(in: page).contains(prompt), "\(week.id) \(prompt)")
            }
            #expect(page.contains("<a href=\"../downloads/\(week.id)-workbook.html\">"))
            #expect(page.contains("<a href=\"../downloads/\(week.id)-workbook.md\">"))
        }
    }

    @Test("a card's section page links to the weeks that teach it")
    func curriculumLinks() {
        let article = HTML.article("marker-denial", in: Support.page("sections/markers.html"))
        #expect(HTML.linkGroup("In the curriculum", in: article) == ["../weeks/noticing-withdrawal.html"])
    }
}
