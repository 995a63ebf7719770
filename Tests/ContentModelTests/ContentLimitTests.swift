import ContentModel
import Diagnostics
import Testing

/// A content file is bounded before YAML parses it, and each card's body
/// (Markdown, rendered on its own) before cmark-gfm does.
@Suite("Content size limits")
struct ContentLimitTests {
    static func rupture(body: String) -> String {
        """
        section: rupture-types
        title: Rupture types
        cards:
          - id: withdrawal
            title: Withdrawal
            summary: The client moves away.
            body: \(body)
          - id: confrontation
            title: Confrontation
            summary: The client moves against.
            body: The client moves against the therapist or the work.
        """
    }

    @Test("a card body of exactly 64 KiB loads; one byte more is refused at the body, naming the limit")
    func bodySize() throws {
        let exact = String(repeating: "x", count: InputLimits.cardBodyBytes)
        let model = try ContentLoader.load(layers: [TestContent.files(["rupture-types.yaml": Self.rupture(body: exact)])])
        #expect(model.card("withdrawal")?.body.utf8.count == 65_536)
        #expect(TestContent.diagnostics(["rupture-types.yaml": Self.rupture(body: exact + "y")]) == [
            "c/rupture-types.yaml:7:11: error: the body of card 'withdrawal' is 65537 bytes, over Attune's limit of 64 KiB for one card's body",
        ])
    }

    @Test("a table row too wide for cmark-gfm is refused in a card's body; 200 cells are fine")
    func wideTable() throws {
        let wide = "\"" + String(repeating: "|a", count: 201) + "|\""
        #expect(TestContent.diagnostics(["rupture-types.yaml": Self.rupture(body: wide)]) == [
            "c/rupture-types.yaml:7:11: error: line 1 of the body of card 'withdrawal': this line has 202 '|' characters; a table row may have at most 200 cells",
        ])
        let fine = "\"" + String(repeating: "|a", count: 199) + "|\""
        _ = try ContentLoader.load(layers: [TestContent.files(["rupture-types.yaml": Self.rupture(body: fine)])])
    }

    @Test("a content file of exactly 1 MiB is read; one byte more is refused before parsing")
    func fileSize() throws {
        let prompt = "prompts:\n  - id: reflect-extra\n    kind: reflection\n    text: Anything else?\n"
        func padded(_ size: Int) -> String {
            prompt + "#" + String(repeating: "x", count: size - prompt.utf8.count - 2) + "\n"
        }
        #expect(padded(InputLimits.yamlBytes).utf8.count == 1_048_576)
        _ = try ContentLoader.load(layers: [TestContent.files(["extra.yaml": padded(InputLimits.yamlBytes)])])
        #expect(TestContent.diagnostics(["extra.yaml": padded(InputLimits.yamlBytes + 1)]) == [
            "c/extra.yaml:1:1: error: this content file is 1.0 MiB, over Attune's limit of 1 MiB",
        ])
    }
}
