import Files
import Foundation
import Testing

import struct SystemPackage.FilePath

/// A disk that fails the `failOn`-th staged file (counting creations of
/// files under staging names), as a full disk would.
final class FailingDisk: FileSystem, @unchecked Sendable {
    let base: InMemoryFileSystem
    let failOn: Int
    private let lock = NSLock()
    private var staged = 0

    init(_ base: InMemoryFileSystem, failOn: Int) {
        self.base = base
        self.failOn = failOn
    }

    private func count(_ path: String) throws {
        guard path.contains(OutputRun.stagingPrefix) else { return }
        let number = lock.withLock {
            staged += 1; return staged
        }
        if number == failOn { throw FileSystemError.io(path, "No space left on device") }
    }

    func readText(at path: String) throws -> String { try base.readText(at: path) }
    func readData(at path: String) throws -> Data { try base.readData(at: path) }
    func fileExists(at path: String) -> Bool { base.fileExists(at: path) }
    func directoryExists(at path: String) -> Bool { base.directoryExists(at: path) }
    func files(under path: String) throws -> [String] { try base.files(under: path) }
    func writeAtomically(_ data: Data, to path: String, permissions: FilePermissions) throws {
        try base.writeAtomically(data, to: path, permissions: permissions)
    }
    func write(_ data: Data, to path: String, permissions: FilePermissions) throws {
        try count(path)
        try base.write(data, to: path, permissions: permissions)
    }
    func createDirectory(at path: String, permissions: FilePermissions) throws { try base.createDirectory(at: path, permissions: permissions) }
    func removeFile(at path: String) throws { try base.removeFile(at: path) }
    func moveFile(from source: String, to destination: String) throws { try base.moveFile(from: source, to: destination) }
    func removeDirectory(at path: String) throws { try base.removeDirectory(at: path) }
    func append(_ data: Data, to path: String, permissions: FilePermissions) throws {
        try count(path)
        try base.append(data, to: path, permissions: permissions)
    }
    func hiddenEntries(in folder: String) -> [String] { base.hiddenEntries(in: folder) }
    func removeTree(at path: String) throws { try base.removeTree(at: path) }
}

private func file(_ path: FilePath, _ text: String, _ permissions: FilePermissions = .privateFile) -> OutputFile {
    OutputFile(path, Data(text.utf8), permissions: permissions)
}

private let record = FolderRecord(name: ".attune-test", command: "attune test")

@Suite("The output writer: one way to write any output")
struct OutputWriterTests {
    // MARK: One file

    @Test("one file: its folder is made, the file appears whole with its permissions, and no staging is left")
    func oneFile() throws {
        let disk = InMemoryFileSystem()
        let written = try OutputWriter(fileSystem: disk).write(.file("journal/2026-W47.md", Data("# week".utf8), permissions: .privateFile))
        #expect(written.files == ["journal/2026-W47.md"])
        #expect(disk.snapshot == ["journal/2026-W47.md": "# week"])
        #expect(disk.permissions(at: "journal/2026-W47.md") == .privateFile)
        #expect(disk.hiddenEntries(in: "journal").isEmpty)
        #expect(disk.hiddenEntries(in: ".").isEmpty)
    }

    @Test("one file in the working folder replaces the old one; the folder's other files are untouched")
    func oneFileReplaces() throws {
        let disk = InMemoryFileSystem(files: ["form.html": "old", "notes.txt": "mine"])
        try OutputWriter(fileSystem: disk).write(.file("form.html", Data("new".utf8), permissions: .sharedFile))
        #expect(disk.snapshot == ["form.html": "new", "notes.txt": "mine"])
        #expect(disk.permissions(at: "form.html") == .sharedFile)
    }

    @Test("a check that throws at the rename stops the change: the old file stays, nothing staged is left")
    func oneFileCheckStops() throws {
        struct Changed: Error {}
        let disk = InMemoryFileSystem(files: ["journal/2026-W47.md": "the therapist's words"])
        #expect(throws: Changed.self) {
            try OutputWriter(fileSystem: disk).write(.file("journal/2026-W47.md", Data("merged".utf8), permissions: .privateFile)) {
                throw Changed()
            }
        }
        #expect(disk.snapshot == ["journal/2026-W47.md": "the therapist's words"])
        #expect(disk.hiddenEntries(in: "journal").isEmpty)
    }

    @Test("one file over an input, by any spelling, is refused before anything is staged")
    func oneFileOverInput() throws {
        let disk = InMemoryFileSystem(files: ["journal/2026-W47.md": "answers"])
        let writer = OutputWriter(fileSystem: disk)
        for output: FilePath in ["journal/2026-W47.md", "./journal/../journal/2026-W47.md", "journal/form.html"] {
            #expect(throws: OutputRefusal.self) {
                try writer.write(.file(output, Data("x".utf8), permissions: .privateFile), inputs: ["journal"])
            }
        }
        #expect(disk.snapshot == ["journal/2026-W47.md": "answers"])
        #expect(disk.hiddenEntries(in: "journal").isEmpty)
    }

    // MARK: Files into a folder

    @Test("files into a folder: all appear in one change, in order, and the folder's other files stay")
    func files() throws {
        let disk = InMemoryFileSystem(files: ["out/2026-W46.md": "last week", "out/2026-W47.md": "old"])
        let written = try OutputWriter(fileSystem: disk).write(
            .files([file("2026-W47.md", "new md"), file("2026-W47.html", "new html", .sharedFile)], into: "out/"))
        #expect(written.files == ["out/2026-W47.md", "out/2026-W47.html"])
        #expect(written.removed.isEmpty)
        #expect(disk.snapshot == ["out/2026-W46.md": "last week", "out/2026-W47.md": "new md", "out/2026-W47.html": "new html"])
        #expect(disk.permissions(at: "out/2026-W47.html") == .sharedFile)
        #expect(disk.hiddenEntries(in: "out").isEmpty)
    }

    @Test("one file into a new, nested folder: the folder appears whole, in one rename")
    func oneFileNewFolder() throws {
        let disk = InMemoryFileSystem()
        let written = try OutputWriter(fileSystem: disk).write(.files([file("trends.md", "t")], into: "a/b/out"))
        #expect(written.files == ["a/b/out/trends.md"])
        #expect(disk.snapshot == ["a/b/out/trends.md": "t"])
        #expect(disk.hiddenEntries(in: "a/b").isEmpty)
    }

    @Test("an empty set of files changes no file: an existing folder stays as it was, a missing one is made empty")
    func emptySet() throws {
        let disk = InMemoryFileSystem(files: ["out/a.md": "a"])
        let writer = OutputWriter(fileSystem: disk)
        #expect(try writer.write(.files([], into: "out")).files.isEmpty)
        #expect(disk.snapshot == ["out/a.md": "a"])
        #expect(try writer.write(.files([], into: "new")).files.isEmpty)
        #expect(disk.directoryExists(at: "new"))
        #expect(disk.snapshot == ["out/a.md": "a"])
        #expect(disk.hiddenEntries(in: ".").isEmpty)
    }

    @Test("a failure while staging the second file leaves every existing file as it was, and no staging")
    func failureLeavesOld() throws {
        let base = InMemoryFileSystem(files: ["out/a.md": "old a", "out/b.md": "old b"])
        let disk = FailingDisk(base, failOn: 2)
        #expect(throws: FileSystemError.io("out/b.md", "No space left on device")) {
            try OutputWriter(fileSystem: disk).write(.files([file("a.md", "new a"), file("b.md", "new b")], into: "out"))
        }
        #expect(base.snapshot == ["out/a.md": "old a", "out/b.md": "old b"])
        #expect(base.hiddenEntries(in: "out").isEmpty)

        let fresh = InMemoryFileSystem()
        #expect(throws: FileSystemError.self) {
            try OutputWriter(fileSystem: FailingDisk(fresh, failOn: 1)).write(.files([file("a.md", "a")], into: "x/out"))
        }
        #expect(fresh.snapshot.isEmpty)
        #expect(!fresh.directoryExists(at: "x"))
    }

    @Test("a folder that is, holds or sits inside an input is refused, named once for its files, nothing written")
    func folderOverInput() throws {
        let disk = InMemoryFileSystem(files: ["journal/2026-W47.md": "answers", "content/weeks.yaml": "w"])
        let writer = OutputWriter(fileSystem: disk)
        for (folder, relation) in [
            ("journal", OutputConflict.Relation.holdsInput), (".", .holdsInput), ("content", .isInput), ("content/out", .insideInputFolder),
        ] as [(FilePath, OutputConflict.Relation)] {
            let refusal = #expect(throws: OutputRefusal.self) {
                try writer.write(.files([file("2026-W47.md", "x"), file("2026-W47.html", "x")], into: folder), inputs: ["journal/2026-W47.md", "content"])
            }
            guard case .overInputs(let conflicts) = refusal else { Issue.record("not refused over an input: \(String(describing: refusal))"); continue }
            #expect(conflicts.map(\.relation) == [relation], "\(folder)")
        }
        #expect(disk.snapshot == ["journal/2026-W47.md": "answers", "content/weeks.yaml": "w"])
    }

    @Test("staging left by a killed run is removed by the next write into the folder, the user's hidden files kept")
    func leftoverStaging() throws {
        let disk = InMemoryFileSystem(files: [
            "out/.attune-staging-99999/a.md": "half", ".out.attune-staging-4242/a.md": "a killed run's new folder",
            "out/.mine": "the user's", "out/a.md": "old",
        ])
        try OutputWriter(fileSystem: disk).write(.files([file("a.md", "new")], into: "out"))
        #expect(disk.snapshot == ["out/.mine": "the user's", "out/a.md": "new"])
    }

    // MARK: A folder Attune owns

    @Test("an owned folder: the record lists what was written; a rebuild replaces those, removes the ones it no longer makes, keeps the user's")
    func ownedFolder() throws {
        let disk = InMemoryFileSystem(files: ["site/CNAME": "example.org"])
        let writer = OutputWriter(fileSystem: disk)
        _ = try writer.write(.ownedFolder("site", record: record, files: [file("index.html", "1"), file("cards/a.html", "a")]))
        #expect(try record.read(in: "site", fileSystem: disk) == ["cards/a.html", "index.html"])
        let second = try writer.write(.ownedFolder("site", record: record, files: [file("index.html", "2"), file("cards/b.html", "b")]))
        #expect(second.files == ["site/index.html", "site/cards/b.html"])
        #expect(second.removed == ["cards/a.html"])
        #expect(
            disk.snapshot == [
                "site/CNAME": "example.org", "site/index.html": "2", "site/cards/b.html": "b",
                "site/.attune-test": record.text(listing: ["index.html", "cards/b.html"]),
            ])
        #expect(disk.hiddenEntries(in: "site") == [".attune-test"])
    }

    @Test("an owned folder never replaces a file its record does not list: refused, by full path, nothing changed")
    func ownedFolderForeignFile() throws {
        let disk = InMemoryFileSystem(files: ["out/index.html": "the user's own page", "out/old.html": "old"])
        let refusal = #expect(throws: OutputRefusal.self) {
            try OutputWriter(fileSystem: disk).write(.ownedFolder("out", record: record, files: [file("index.html", "mine"), file("new.html", "n")]))
        }
        #expect(refusal == .notWrittenByAttune(["out/index.html"]))
        #expect(disk.snapshot == ["out/index.html": "the user's own page", "out/old.html": "old"])
        #expect(disk.hiddenEntries(in: "out").isEmpty)
    }

    @Test("a record line that would reach outside the folder is ignored, so nothing outside is removed")
    func recordCannotReachOut() throws {
        let disk = InMemoryFileSystem(files: ["outside.md": "keep", "out/.attune-test": "../outside.md\n/outside.md\na.md\n", "out/a.md": "a"])
        let written = try OutputWriter(fileSystem: disk).write(.ownedFolder("out", record: record, files: [file("b.md", "b")]))
        #expect(written.removed == ["a.md"])
        #expect(disk.snapshot["outside.md"] == "keep")
        #expect(disk.snapshot["out/a.md"] == nil)
    }

    @Test("an owned folder with no files left removes every file it listed, and lists none")
    func ownedFolderEmpty() throws {
        let disk = InMemoryFileSystem(files: ["out/.attune-test": "a.md\n", "out/a.md": "a", "out/mine.md": "mine"])
        let written = try OutputWriter(fileSystem: disk).write(.ownedFolder("out", record: record, files: []))
        #expect(written.files.isEmpty)
        #expect(disk.snapshot == ["out/mine.md": "mine", "out/.attune-test": record.text(listing: [])])
    }

    // MARK: A streamed folder

    @Test("a streamed folder: files staged as they are made, pages appended in pieces, put in place in the order listed")
    func streamed() throws {
        let disk = InMemoryFileSystem(files: ["out/.attune-test": "gone.md\n", "out/gone.md": "stale"])
        let written = try OutputWriter(fileSystem: disk).write(
            .ownedFolder("out", record: record, files: []),
            filling: { folder in
                try folder.append(Data("<head>".utf8), to: "index.html", permissions: .privateFile)
                folder.list(["index.html"])
                // Made in parallel, listed in input order.
                DispatchQueue.concurrentPerform(iterations: 3) { index in
                    try? folder.stageUnlisted(file(FilePath("h\(index).html"), "\(index)", .sharedFile))
                }
                folder.list(["h0.html", "h1.html", "h2.html"])
                try folder.append(Data("<tail>".utf8), to: "index.html", permissions: .privateFile)
                #expect(try folder.staged("index.html") == Data("<head><tail>".utf8))
                try folder.rewrite(Data("<HEAD><tail>".utf8), as: "index.html", permissions: .privateFile)
                folder.putLast("index.html")
                #expect(disk.snapshot["out/index.html"] == nil)
            })
        #expect(written.files == ["out/h0.html", "out/h1.html", "out/h2.html", "out/index.html"])
        #expect(written.removed == ["gone.md"])
        #expect(disk.snapshot["out/index.html"] == "<HEAD><tail>")
        #expect(disk.snapshot["out/gone.md"] == nil)
        #expect(disk.permissions(at: "out/h1.html") == .sharedFile)
    }

    @Test("a streamed folder whose filling throws changes nothing; a file it staged and unstaged is gone too")
    func streamedThrows() throws {
        struct RenderFailed: Error {}
        let disk = InMemoryFileSystem(files: ["out/a.md": "old"])
        #expect(throws: RenderFailed.self) {
            try OutputWriter(fileSystem: disk).write(
                .files([file("a.md", "new")], into: "out"),
                filling: { folder in
                    try folder.stageUnlisted(file("b.md", "b"))
                    folder.unstage("b.md")
                    try folder.append(Data("part".utf8), to: "all.html", permissions: .privateFile)
                    throw RenderFailed()
                })
        }
        #expect(disk.snapshot == ["out/a.md": "old"])
        #expect(disk.hiddenEntries(in: "out").isEmpty)
    }

    @Test("interrupted while filling: what was staged is removed and the folder is as it was", .timeLimit(.minutes(1)))
    func interrupted() throws {
        let interruption = Interruption()
        let disk = InMemoryFileSystem(files: ["out/mine.txt": "mine", "out/a.html": "old"])
        let writer = OutputWriter(fileSystem: disk, waiting: { _ in }, interruption: interruption)
        let staged = DispatchSemaphore(value: 0)
        let never = DispatchSemaphore(value: 0)
        // The write runs on its own thread, as the process's work does; an
        // interrupted process ends, so that thread is left waiting.
        Thread {
            _ = try? writer.write(
                .files([OutputFile("a.html", Data("new".utf8), permissions: .privateFile)], into: "out"),
                filling: { folder in
                    try folder.append(Data("part".utf8), to: "all.html", permissions: .privateFile)
                    staged.signal()
                    never.wait()
                })
        }.start()
        staged.wait()
        #expect(disk.hiddenEntries(in: "out") == [OutputRun.stagingPrefix + "\(getpid())"])
        #expect(interruption.interrupt() == "interrupted: nothing was changed")
        #expect(disk.snapshot == ["out/mine.txt": "mine", "out/a.html": "old"])
        #expect(disk.hiddenEntries(in: "out").isEmpty)
    }
}

@Suite("The output writer on the real disk")
struct OutputWriterDiskTests {
    @Test("files and one file on disk: written whole with their modes, no staging left, a symlinked subfolder never written through")
    func onDisk() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let writer = OutputWriter(fileSystem: LocalFileSystem())
        let root = FilePath(scratch.path)
        try writer.write(.files([file("a.md", "a"), file("sub/b.html", "b", .sharedFile)], into: root.appending("out")))
        try writer.write(.file(root.appending("form.html"), Data("form".utf8), permissions: .privateFile))
        #expect(scratch.read("out/a.md") == "a")
        #expect(scratch.read("out/sub/b.html") == "b")
        #expect(scratch.read("form.html") == "form")
        let mode = try FileManager.default.attributesOfItem(atPath: scratch.path + "/out/sub/b.html")[.posixPermissions] as? Int
        #expect(mode == 0o644)
        #expect(scratch.entries() == ["form.html", "out", "out/a.md", "out/sub", "out/sub/b.html"])

        try scratch.write("outside", "elsewhere/page.html")
        try FileManager.default.createSymbolicLink(atPath: scratch.path + "/out/cards", withDestinationPath: scratch.path + "/elsewhere")
        #expect(throws: FileSystemError.self) {
            try writer.write(.files([file("a.md", "new"), file("cards/page.html", "evil")], into: root.appending("out")))
        }
        #expect(scratch.read("out/a.md") == "a")
        #expect(scratch.read("elsewhere/page.html") == "outside")
    }
}
