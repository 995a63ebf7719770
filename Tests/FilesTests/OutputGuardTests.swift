import Files
import Foundation
import Testing

@Suite("Output guard")
struct OutputGuardTests {
    let memory = InMemoryFileSystem(files: ["journal/2026-W47.md": "j", "cohort/roster.yaml": "r", "cohort/journals/ben.md": "b"])

    func relations(_ outputs: [String], _ inputs: [String], on disk: FileSystem? = nil) -> [OutputConflict.Relation] {
        OutputGuard(fileSystem: disk ?? memory).conflicts(outputs: outputs, inputs: inputs).map(\.relation)
    }

    @Test("an output that is an input, however spelled")
    func isInput() {
        #expect(relations(["journal/2026-W47.md"], ["journal/2026-W47.md"]) == [.isInput])
        #expect(relations(["./journal//2026-W47.md"], ["journal/2026-W47.md"]) == [.isInput])
        #expect(relations(["journal"], ["journal"]) == [.isInput])
        #expect(relations(["journal/"], ["./journal"]) == [.isInput])
    }

    @Test("an output folder that holds an input at any depth")
    func holdsInput() {
        #expect(relations(["."], ["journal/2026-W47.md"]) == [.holdsInput])
        #expect(relations(["cohort"], ["cohort/journals/ben.md"]) == [.holdsInput])
        #expect(relations(["journal/.."], ["cohort/roster.yaml"]) == [.holdsInput])
    }

    @Test("an output inside a folder of inputs, existing or not")
    func insideInput() {
        #expect(relations(["journal/new/deep"], ["journal"]) == [.insideInputFolder])
        #expect(relations(["journal/2026-W48.md"], ["journal"]) == [.insideInputFolder])
        // A file input is not a folder of inputs: its neighbours are free.
        #expect(relations(["cohort/handouts"], ["cohort/roster.yaml"]) == [])
    }

    @Test("outputs apart from the inputs, and inputs that do not exist, are fine")
    func apart() {
        #expect(relations(["out", "out/2026-W47.md"], ["journal", "journal/2026-W47.md", "missing.md"]) == [])
        #expect(relations(["handouts"], ["cohort/roster.yaml", "cohort/journals/ben.md"]) == [])
    }

    @Test("on disk: symlinks and hard links are the files they name; a dangling output symlink is no input")
    func onDisk() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("attune-guard-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: root) }
        try FileManager.default.createDirectory(atPath: root + "/journal", withIntermediateDirectories: true)
        try Data("j".utf8).write(to: URL(fileURLWithPath: root + "/journal/w.md"))
        try FileManager.default.createSymbolicLink(atPath: root + "/alias", withDestinationPath: root + "/journal")
        try FileManager.default.createSymbolicLink(atPath: root + "/link.md", withDestinationPath: "journal/w.md")
        try FileManager.default.linkItem(atPath: root + "/journal/w.md", toPath: root + "/hard.md")
        try FileManager.default.createSymbolicLink(atPath: root + "/dangling", withDestinationPath: root + "/nowhere")
        let disk = LocalFileSystem()
        #expect(relations([root + "/alias"], [root + "/journal/w.md"], on: disk) == [.holdsInput])
        #expect(relations([root + "/link.md"], [root + "/journal/w.md"], on: disk) == [.isInput])
        #expect(relations([root + "/hard.md"], [root + "/journal/w.md"], on: disk) == [.isInput])
        #expect(relations([root + "/alias/new/x.html"], [root + "/journal"], on: disk) == [.insideInputFolder])
        #expect(relations([root + "/journal"], [root + "/link.md"], on: disk) == [.holdsInput])
        #expect(relations([root + "/dangling"], [root + "/journal"], on: disk) == [])
        #expect(disk.identity(at: root + "/hard.md") == disk.identity(at: root + "/journal/w.md"))
        #expect(disk.resolvedPath(root + "/alias/w.md") == disk.resolvedPath(root + "/journal/w.md"))
    }
}
