import Diagnostics
import Files
import Rendering
import Testing

/// The material every output is made from: bundled content and templates,
/// each overlaid by a folder of the user's.
@Suite("Loading content and templates")
struct ResourcesTests {
    @Test("the bundled material alone, fingerprinted as every output and --version show it")
    func bundled() throws {
        let resources = try Resources.load(fileSystem: InMemoryFileSystem())
        #expect(resources.fingerprint == Resources.bundledFingerprint)
        #expect(!resources.content.weeks.isEmpty)
        #expect(resources.templates.contains("workbook.md") && resources.templates.contains("card.md"))
    }

    @Test("an overlay template replaces the bundled one of the same name, and leaves the rest")
    func templateOverlay() throws {
        let fileSystem = InMemoryFileSystem(files: ["look/card.md.mustache": "Card {{number}}\n"])
        let resources = try Resources.load(templatesOverlay: "look", fileSystem: fileSystem)
        let card = try #require(resources.content.cards.first)
        #expect(try resources.templates.render("card.md", context: CardContext(card: card, content: resources.content)) == "Card \(card.number)\n")
        #expect(resources.templates.contains("workbook.md"))
    }

    @Test("a missing overlay folder is named, for content and templates alike, in one error")
    func missingFolders() {
        let error = #expect(throws: DiagnosticError.self) {
            try Resources.load(contentOverlay: "mine", templatesOverlay: "look", fileSystem: InMemoryFileSystem())
        }
        #expect(error?.diagnostics.map(\.description) == ["mine:1:1: error: no such folder", "look:1:1: error: no such folder"])
    }

    @Test("a broken content overlay and a broken template are both reported, each at its file")
    func bothBroken() {
        let fileSystem = InMemoryFileSystem(files: [
            "mine/extra.yaml": "section: markers\ntitle: Mine\ncards:\n  - id: Bad ID\n",
            "look/card.md.mustache": "{{#open}}never closed\n",
        ])
        let error = #expect(throws: DiagnosticError.self) {
            try Resources.load(contentOverlay: "mine", templatesOverlay: "look", fileSystem: fileSystem)
        }
        let paths = error?.diagnostics.map(\.location.path) ?? []
        #expect(paths.contains("mine/extra.yaml") && paths.contains("look/card.md.mustache"))
    }
}
