import Testing
@testable import Templating

@Suite("A context read through its Encodable conformance")
struct ContextTreeTests {
    enum Mood: String, Encodable { case calm, tense }

    struct Row: Encodable {
        var label: String
        var count: Int
        var mood: Mood
        var note: String?
    }

    struct Table: Encodable {
        var title: String
        var caption: String?
        var rows: [Row]
        var empty: [Row]
        var flag: Bool
    }

    let table = Table(title: "T", caption: nil, rows: [Row(label: "a", count: 2, mood: .tense, note: nil)], empty: [], flag: true)

    @Test("structs become dictionaries of their non-nil fields, lists arrays, values themselves")
    func shape() throws {
        let tree = try ContextTree(table)
        #expect(tree.fields.keys.sorted() == ["empty", "flag", "rows", "title"])
        #expect(tree.fields["flag"] as? Bool == true)
        let row = try #require((tree.fields["rows"] as? [Any])?.first as? [String: Any])
        #expect(row.keys.sorted() == ["count", "label", "mood"])
        #expect(row["count"] as? Int == 2)
        #expect(row["mood"] as? String == "tense")
        #expect((tree.fields["empty"] as? [Any])?.isEmpty == true)
    }

    @Test("every name is known, nil fields included; top-level names keep their declared order")
    func names() throws {
        let tree = try ContextTree(table)
        #expect(tree.topLevelNames == ["title", "caption", "rows", "empty", "flag"])
        #expect(tree.allNames == ["title", "caption", "rows", "empty", "flag", "label", "count", "mood", "note"])
    }

    @Test("a context that is not a struct is refused")
    func notAStruct() {
        #expect(throws: EncodingError.self) { try ContextTree(["a", "b"]) }
    }
}
