import Files
import Foundation
import Testing

/// A scratch folder on the real disk, removed afterwards.
struct Scratch {
    let path: String
    init() throws {
        path = FileManager.default.temporaryDirectory.appendingPathComponent("attune-run-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }
    func remove() { try? FileManager.default.removeItem(atPath: path) }
    func write(_ text: String, _ relative: String) throws {
        let full = path + "/" + relative
        try FileManager.default.createDirectory(atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try text.write(toFile: full, atomically: false, encoding: .utf8)
    }
    func read(_ relative: String) -> String? { try? String(contentsOfFile: path + "/" + relative, encoding: .utf8) }
    /// Every name under `relative`, hidden ones included, links not followed.
    func entries(_ relative: String = "") -> [String] {
        let top = relative.isEmpty ? path : path + "/" + relative
        guard let names = try? FileManager.default.subpathsOfDirectory(atPath: top) else { return [] }
        return names.sorted()
    }
}

@Suite("An output run: staged in full, then put in place")
struct OutputRunTests {
    @Test("nothing reaches the folder until commit; then every file does, and no staging is left")
    func commitMovesAll() throws {
        let disk = InMemoryFileSystem(files: ["out/a.md": "old"])
        let run = try OutputRun(fileSystem: disk, folder: "out", permissions: .privateDirectory)
        try run.stage(Data("new a".utf8), as: "a.md", permissions: .privateFile)
        try run.stage(Data("b".utf8), as: "sub/b.md", permissions: .sharedFile)
        try run.append(Data("<head>".utf8), to: "all.html", permissions: .sharedFile)
        try run.append(Data("<body>".utf8), to: "all.html", permissions: .sharedFile)
        #expect(try disk.readText(at: "out/a.md") == "old")
        #expect(disk.hiddenEntries(in: "out") == [".attune-staging-\(getpid())"])
        try run.commit(["a.md", "sub/b.md", "all.html"])
        #expect(disk.snapshot == ["out/a.md": "new a", "out/sub/b.md": "b", "out/all.html": "<head><body>"])
        #expect(disk.permissions(at: "out/sub/b.md") == .sharedFile)
        #expect(disk.hiddenEntries(in: "out").isEmpty)
    }

    @Test("a new folder is staged beside it and appears whole, in one rename")
    func newFolder() throws {
        let disk = InMemoryFileSystem(files: ["keep.md": "mine"])
        let run = try OutputRun(fileSystem: disk, folder: "out/", permissions: .privateDirectory)
        try run.stage(Data("a".utf8), as: "a.md", permissions: .sharedFile)
        #expect(run.createsFolder)
        #expect(!disk.directoryExists(at: "out"))
        try run.commit(["a.md"])
        #expect(disk.snapshot == ["keep.md": "mine", "out/a.md": "a"])
        #expect(disk.hiddenEntries(in: ".").isEmpty)
    }

    @Test("discard leaves nothing: not the staging, not a file a worker staged, not a parent folder it made")
    func discard() throws {
        let disk = InMemoryFileSystem(files: ["out/a.md": "old"])
        let run = try OutputRun(fileSystem: disk, folder: "out", permissions: .privateDirectory)
        try run.stage(Data("new".utf8), as: "a.md", permissions: .privateFile)
        DispatchQueue.concurrentPerform(iterations: 4) { index in
            try? run.stage(Data("\(index)".utf8), as: "w\(index).md", permissions: .privateFile)
        }
        run.discard()
        #expect(disk.snapshot == ["out/a.md": "old"])
        #expect(disk.hiddenEntries(in: "out").isEmpty)

        let fresh = InMemoryFileSystem()
        let deep = try OutputRun(fileSystem: fresh, folder: "a/b/out", permissions: .privateDirectory)
        try deep.stage(Data("x".utf8), as: "x.md", permissions: .privateFile)
        deep.discard()
        #expect(!fresh.directoryExists(at: "a"))
    }

    @Test("staging left by a killed run (any pid, earlier versions' names) is removed by the next run")
    func staleStaging() throws {
        let disk = InMemoryFileSystem(files: [
            "out/.attune-staging-99999/index.html": "half",
            "out/.index.html.attune-staged": "from an earlier version",
            ".out.attune-staging-12345/a.md": "a killed run's new folder",
            "out/.hidden-but-mine": "the user's",
            "out/a.md": "old",
        ])
        let run = try OutputRun(fileSystem: disk, folder: "out", permissions: .privateDirectory)
        try run.commit([])
        #expect(disk.snapshot == ["out/.hidden-but-mine": "the user's", "out/a.md": "old"])
    }

    @Test("errors name the file the user knows, not its staging name")
    func errorNamesTarget() throws {
        let full = try OutputRun(fileSystem: FailingDisk(InMemoryFileSystem(), failOn: 1), folder: "out", permissions: .privateDirectory)
        #expect(throws: FileSystemError.io("out/a.md", "No space left on device")) {
            try full.stage(Data("text".utf8), as: "a.md", permissions: .privateFile)
        }
        let run = try OutputRun(fileSystem: InMemoryFileSystem(), folder: "out", permissions: .privateDirectory)
        try run.stage(Data("first".utf8), as: "a.md", permissions: .privateFile)
        #expect(throws: FileSystemError.io("out/a.md", "its staging name is taken")) {
            try run.stage(Data("second".utf8), as: "a.md", permissions: .privateFile)
        }
    }

    @Test("a commit's check runs before any rename and can stop it, nothing changed")
    func checkStops() throws {
        struct Changed: Error {}
        let disk = InMemoryFileSystem(files: ["out/a.md": "old"])
        let run = try OutputRun(fileSystem: disk, folder: "out", permissions: .privateDirectory)
        try run.stage(Data("new".utf8), as: "a.md", permissions: .privateFile)
        #expect(throws: Changed.self) { try run.commit(["a.md"]) { throw Changed() } }
        #expect(disk.snapshot == ["out/a.md": "old"])
        #expect(disk.hiddenEntries(in: "out").isEmpty)
    }

    @Test("a record is written listing old and new files, then only the new")
    func record() throws {
        let disk = InMemoryFileSystem(files: ["out/gone.md": "stale", "out/.rec": "gone.md\n"])
        let run = try OutputRun(fileSystem: disk, folder: "out", permissions: .privateDirectory)
        try run.stage(Data("a".utf8), as: "a.md", permissions: .privateFile)
        try run.commit(["a.md"], removing: ["gone.md"], record: .init(name: ".rec", before: Data("a.md\ngone.md\n".utf8), after: Data("a.md\n".utf8), permissions: .privateFile))
        #expect(disk.snapshot == ["out/a.md": "a", "out/.rec": "a.md\n"])
    }
}

@Suite("An output run on the real disk")
struct OutputRunDiskTests {
    @Test("a symlink planted at a staging name is removed as stale, never followed")
    func plantedLink() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        try scratch.write("keep me", "victim.txt")
        try scratch.write("old", "out/a.md")
        try FileManager.default.createSymbolicLink(atPath: scratch.path + "/out/.attune-staging-\(getpid())", withDestinationPath: scratch.path)
        try FileManager.default.createSymbolicLink(atPath: scratch.path + "/.new.attune-staging-\(getpid())", withDestinationPath: scratch.path + "/victim.txt")
        for folder in ["out", "new"] {
            let run = try OutputRun(fileSystem: LocalFileSystem(), folder: scratch.path + "/" + folder, permissions: .privateDirectory)
            try run.stage(Data("new".utf8), as: "a.md", permissions: .privateFile)
            try run.commit(["a.md"])
        }
        #expect(scratch.read("victim.txt") == "keep me")
        #expect(scratch.entries() == ["new", "new/a.md", "out", "out/a.md", "victim.txt"])
        #expect(scratch.read("out/a.md") == "new")
    }

    @Test("a symlinked folder inside the output is never written or removed through; the commit stops before any change")
    func symlinkedSubfolder() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        try scratch.write("outside", "elsewhere/page.html")
        try scratch.write("old", "out/index.html")
        try FileManager.default.createSymbolicLink(atPath: scratch.path + "/out/cards", withDestinationPath: scratch.path + "/elsewhere")
        let disk = LocalFileSystem()
        let run = try OutputRun(fileSystem: disk, folder: scratch.path + "/out", permissions: .privateDirectory)
        try run.stage(Data("new".utf8), as: "index.html", permissions: .privateFile)
        try run.stage(Data("evil".utf8), as: "cards/page.html", permissions: .privateFile)
        #expect(throws: FileSystemError.self) { try run.commit(["index.html", "cards/page.html"]) }
        #expect(scratch.read("out/index.html") == "old")
        #expect(scratch.read("elsewhere/page.html") == "outside")
        #expect(throws: FileSystemError.self) { try disk.removeFile("cards/page.html", inside: scratch.path + "/out") }
        #expect(throws: FileSystemError.self) {
            try disk.move(scratch.path + "/x", to: "cards/page.html", inside: scratch.path + "/out", permissions: .privateDirectory)
        }
        #expect(scratch.read("elsewhere/page.html") == "outside")
        #expect(scratch.entries("out") == ["cards", "index.html"])
    }

    @Test("one run at a time: a second lock on the folder waits (or, asked not to wait, is refused) until the first is released")
    func lock() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let disk = LocalFileSystem()
        let held = try #require(try disk.lockFolder(at: scratch.path, waiting: nil))
        #expect(try disk.lockFolder(at: scratch.path, waiting: nil) == nil)
        let waited = Atomic()
        DispatchQueue.global().asyncAfter(deadline: .now() + 0.2) { held.release() }
        let second = try disk.lockFolder(at: scratch.path, waiting: { waited.set() })
        #expect(second != nil)
        #expect(waited.value)
    }

    @Test("a staged file is created exclusively: a file or dangling link already at the name is never written through")
    func exclusive() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        try FileManager.default.createSymbolicLink(atPath: scratch.path + "/link", withDestinationPath: scratch.path + "/nowhere")
        #expect(throws: FileSystemError.self) { try LocalFileSystem().createExclusively(Data("x".utf8), at: scratch.path + "/link", permissions: .privateFile) }
        #expect(!FileManager.default.fileExists(atPath: scratch.path + "/nowhere"))
    }
}

final class Atomic: @unchecked Sendable {
    private let lock = NSLock()
    private var flag = false
    func set() { lock.withLock { flag = true } }
    var value: Bool { lock.withLock { flag } }
}
