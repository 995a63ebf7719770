import Bundled
import Diagnostics
import Privacy
import Sharing
import Testing

/// The screen a programme's own material passes before it is published:
/// it knows what Attune's material is, so a supervisor's copy of it
/// publishes, and only what they added is read like a journal.
@Suite("Screening a programme's material before publishing")
struct MaterialScreenTests {
    static let screen = MaterialScreen(rules: PrivacyRules())

    static func item(_ text: String, line: Int = 1, citation: Bool = false) -> MaterialItem {
        MaterialItem(location: SourceLocation(path: "ours/extra.yaml", line: line, column: 5), text: text, isCitation: citation)
    }

    @Test("an unmodified copy of Attune's material, every file as one item, raises nothing")
    func bundledCopyPasses() {
        let items = BundledFiles.content.files.map { file in
            MaterialItem(location: SourceLocation(path: "ours/" + file.path, line: 1, column: 1), text: file.text,
                         isCitation: file.path.hasSuffix("sources.yaml"))
        }
        #expect(!items.isEmpty)
        #expect(Self.screen.screen(items, overlay: "ours").map(\.description) == [])
    }

    @Test("what a supervisor adds is read like a journal, at the item that holds it")
    func additionsAreScreened() {
        let found = Self.screen.screen([Self.item("In her first session Maria Lopez went quiet on 12 March 2026.", line: 7)], overlay: "ours/")
        #expect(found.map(\.description) == [
            #"ours/extra.yaml:7:5: privacy: name: "Maria Lopez""#,
            #"ours/extra.yaml:7:5: privacy: date: "12 March 2026""#,
        ])
    }

    @Test("Attune's own words pass as whole words only, spaces folded")
    func bundledWordsAsWholeWords() {
        let screen = MaterialScreen(rules: PrivacyRules(), bundled: ["cited:\n  Jeremy   Safran\n  and Carter-Hale wrote"])
        #expect(screen.screen([Self.item("As Jeremy Safran and Carter-Hale put it.")], overlay: "ours").isEmpty)
        // "Jere" is inside "Jeremy" but is not Attune's word.
        #expect(screen.screen([Self.item("Then Jere Hale said no.")], overlay: "ours").map(\.description)
            == [#"ours/extra.yaml:1:5: privacy: name: "Jere Hale""#])
    }

    @Test("a citation may name authors, places, dates and DOIs, but not carry contact details")
    func citations() {
        let citation = "Okonkwo 2019\nOkonkwo, A. B., & Lindqvist, T. (2019). Holding the frame. Leeds: Northgate Press. https://doi.org/10.1000/xyz123"
        #expect(Self.screen.screen([Self.item(citation, citation: true)], overlay: "ours").isEmpty)
        let leaky = citation + " Contact the author on 07700 900123."
        #expect(Self.screen.screen([Self.item(leaky, citation: true)], overlay: "ours").map(\.description)
            == [#"ours/extra.yaml:1:5: privacy: phone: "07700 900123""#])
        // The same text outside the bibliography is screened in full.
        #expect(Self.screen.screen([Self.item(citation)], overlay: "ours").count >= 3)
    }

    @Test("items outside the overlay are Attune's own and are not read; no overlay, nothing to screen")
    func onlyTheOverlay() {
        let item = MaterialItem(location: SourceLocation(path: "Content/cards.yaml", line: 1, column: 1), text: "Maria Lopez")
        #expect(Self.screen.screen([item], overlay: "ours").isEmpty)
        #expect(Self.screen.screen([Self.item("Maria Lopez")], overlay: nil).isEmpty)
        // A folder whose name merely starts the same is not the overlay.
        let sibling = MaterialItem(location: SourceLocation(path: "ours-old/x.yaml", line: 1, column: 1), text: "Maria Lopez")
        #expect(Self.screen.screen([sibling], overlay: "ours").isEmpty)
    }

    @Test("the allow-list lets a phrase through here too")
    func allowList() {
        let screen = MaterialScreen(rules: PrivacyRules(allowed: [("Maria Lopez", ".attune/allow.txt:1")]))
        #expect(screen.screen([Self.item("Maria Lopez")], overlay: "ours").isEmpty)
    }
}
