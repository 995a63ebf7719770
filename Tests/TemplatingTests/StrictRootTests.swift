import Testing
@testable import Templating

@Suite("StrictRoot answers names from the context and remembers the ones it cannot")
struct StrictRootTests {
    let deck = Deck(title: "T", subtitle: nil, cards: [Card(title: "a", note: nil)])

    @Test("a field's value is returned, structs as dictionaries of their non-nil fields")
    func field() throws {
        let root = try StrictRoot(deck)
        #expect(root.child(named: "title") as? String == "T")
        let cards = root.child(named: "cards") as? [Any]
        #expect(cards?.count == 1)
        #expect((cards?.first as? [String: Any])?["title"] as? String == "a")
        #expect((cards?.first as? [String: Any])?.keys.sorted() == ["title"])
        #expect(root.missing.isEmpty)
    }

    @Test("an optional field gives its value, or nil when it is nil, and neither is missing")
    func optionalField() throws {
        #expect(try StrictRoot(Deck(title: "T", subtitle: "S", cards: [])).child(named: "subtitle") as? String == "S")
        let root = try StrictRoot(deck)
        #expect(root.child(named: "subtitle") == nil)
        #expect(root.missing.isEmpty)
    }

    @Test("a name no value in the context has is recorded once, in the order asked")
    func missingNames() throws {
        let root = try StrictRoot(deck)
        #expect(root.child(named: "titel") == nil)
        #expect(root.child(named: "cardz") == nil)
        #expect(root.child(named: "titel") == nil)
        #expect(root.missing == ["titel", "cardz"])
    }

    @Test("a name that is a field of a nested value is not missing: its value is nil at the moment")
    func nestedNames() throws {
        let root = try StrictRoot(deck)
        #expect(root.child(named: "note") == nil)
        #expect(root.missing.isEmpty)
    }

    @Test("available lists the top-level field names in declaration order")
    func available() throws {
        #expect((try StrictRoot(deck)).available == ["title", "subtitle", "cards"])
    }
}
