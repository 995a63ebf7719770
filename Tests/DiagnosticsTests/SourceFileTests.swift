import Diagnostics
import Testing

@Suite("SourceFile.overlay stacks layers of files")
struct SourceFileOverlayTests {
    func file(_ folder: String, _ name: String, _ text: String = "") -> SourceFile {
        SourceFile(path: "\(folder)/\(name)", name: name, text: text)
    }

    @Test("one layer comes back as it is, every file in layer 0")
    func singleLayer() {
        let files = [file("Content", "a.yaml"), file("Content", "b.yaml")]
        let result = SourceFile.overlay([files])
        #expect(result.map(\.file) == files)
        #expect(result.map(\.layer) == [0, 0])
    }

    @Test("a later layer's file replaces the same name in place, and new names are appended")
    func replaceAndAppend() {
        let bundled = [file("Content", "a.yaml", "A"), file("Content", "b.yaml", "B"), file("Content", "c.yaml", "C")]
        let mine = [file("mine", "d.yaml", "D"), file("mine", "b.yaml", "my B")]
        let result = SourceFile.overlay([bundled, mine])
        #expect(result.map(\.file.path) == ["Content/a.yaml", "mine/b.yaml", "Content/c.yaml", "mine/d.yaml"])
        #expect(result.map(\.file.text) == ["A", "my B", "C", "D"])
        #expect(result.map(\.layer) == [0, 1, 0, 1])
    }

    @Test("with three layers the last one to name a file wins, and its index is kept")
    func threeLayers() {
        let result = SourceFile.overlay([
            [file("base", "x"), file("base", "y")],
            [file("middle", "y"), file("middle", "z")],
            [file("top", "x")],
        ])
        #expect(result.map(\.file.path) == ["top/x", "middle/y", "middle/z"])
        #expect(result.map(\.layer) == [2, 1, 1])
    }

    @Test("names match on the relative name, not the displayed path")
    func matchesOnName() {
        let result = SourceFile.overlay([
            [SourceFile(path: "Templates/card.md.mustache", name: "card.md.mustache", text: "")],
            [SourceFile(path: "elsewhere/Templates/card.md.mustache", name: "cards/card.md.mustache", text: "")],
        ])
        #expect(result.map(\.file.name) == ["card.md.mustache", "cards/card.md.mustache"])
    }

    @Test("an empty layer changes nothing, but still counts for later layers' indices")
    func emptyLayer() {
        let result = SourceFile.overlay([[file("a", "1")], [], [file("c", "2")]])
        #expect(result.map(\.file.path) == ["a/1", "c/2"])
        #expect(result.map(\.layer) == [0, 2])
        #expect(SourceFile.overlay([]).isEmpty)
    }
}
