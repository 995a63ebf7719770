import Foundation
import Testing
@testable import Files

@Suite("Staged writes")
struct StagedWritesTests {
    @Test("nothing reaches its target until commit; then everything does")
    func commitMovesAll() throws {
        let disk = InMemoryFileSystem(files: ["out/a.md": "old"])
        var writes = StagedWrites(fileSystem: disk)
        try writes.stage("new a", to: "out/a.md", permissions: .privateFile)
        try writes.stage("b", to: "out/b.md", permissions: .sharedFile)
        #expect(try disk.readText(at: "out/a.md") == "old")
        #expect(!disk.fileExists(at: "out/b.md"))
        try writes.commit()
        #expect(disk.snapshot == ["out/a.md": "new a", "out/b.md": "b"])
        #expect(disk.permissions(at: "out/b.md") == .sharedFile)
    }

    @Test("an appended file starts afresh, grows piece by piece, and lands on commit")
    func appendGrows() throws {
        let disk = InMemoryFileSystem(files: ["out/.all.html.attune-staged": "left over from a crash", "out/all.html": "old"])
        var writes = StagedWrites(fileSystem: disk)
        try writes.append(Data("<head>".utf8), to: "out/all.html", permissions: .sharedFile)
        try writes.append(Data("<article>".utf8), to: "out/all.html", permissions: .sharedFile)
        #expect(writes.targets == ["out/all.html"])
        #expect(try disk.readText(at: "out/all.html") == "old")
        try writes.commit()
        #expect(disk.snapshot == ["out/all.html": "<head><article>"])
    }

    @Test("discard removes every staged file and leaves the targets alone")
    func discard() throws {
        let disk = InMemoryFileSystem(files: ["out/a.md": "old"])
        var writes = StagedWrites(fileSystem: disk)
        try writes.stage("new", to: "out/a.md", permissions: .privateFile)
        try writes.append(Data("x".utf8), to: "out/all.html", permissions: .sharedFile)
        writes.discard()
        #expect(disk.snapshot == ["out/a.md": "old"])
    }

    @Test("on disk, append creates the file with its mode and adds to its end")
    func appendOnDisk() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("attune-append-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let disk = LocalFileSystem()
        try disk.append(Data("one ".utf8), to: folder + "/f.txt", permissions: .privateFile)
        try disk.append(Data("two".utf8), to: folder + "/f.txt", permissions: .privateFile)
        #expect(try disk.readText(at: folder + "/f.txt") == "one two")
        let mode = try FileManager.default.attributesOfItem(atPath: folder + "/f.txt")[.posixPermissions] as? NSNumber
        #expect(mode?.intValue == 0o600)
    }
}

@Suite("Staged writes from several threads")
struct ParallelStagingTests {
    @Test("a file staged on another thread joins the change once recorded, in recorded order")
    func recordedOrder() throws {
        let disk = InMemoryFileSystem(files: ["out/b.md": "old b"])
        var writes = StagedWrites(fileSystem: disk)
        let staging = writes.staging
        DispatchQueue.concurrentPerform(iterations: 2) { index in
            try! staging.stage(Data("new \(index)".utf8), to: "out/\(index == 0 ? "a" : "b").md", permissions: .sharedFile)
        }
        #expect(try disk.readText(at: "out/b.md") == "old b")
        writes.record("out/b.md")
        writes.record("out/a.md")
        #expect(writes.targets == ["out/b.md", "out/a.md"])
        try writes.commit()
        #expect(disk.snapshot == ["out/a.md": "new 0", "out/b.md": "new 1"])
    }

    @Test("discard removes recorded files staged elsewhere")
    func discardRecorded() throws {
        let disk = InMemoryFileSystem(files: ["out/a.md": "old"])
        var writes = StagedWrites(fileSystem: disk)
        try writes.staging.stage(Data("new".utf8), to: "out/a.md", permissions: .privateFile)
        writes.record("out/a.md")
        writes.discard()
        #expect(disk.snapshot == ["out/a.md": "old"])
    }

    @Test("on disk, a staged file replaces a stale one and never writes through a symbolic link")
    func stagedOnDisk() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("attune-stage-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let disk = LocalFileSystem()
        try "left over from a crash, and longer".write(toFile: folder + "/.a.md.attune-staged", atomically: false, encoding: .utf8)
        try "keep me".write(toFile: folder + "/victim.txt", atomically: false, encoding: .utf8)
        try FileManager.default.createSymbolicLink(atPath: folder + "/.b.md.attune-staged", withDestinationPath: folder + "/victim.txt")

        var writes = StagedWrites(fileSystem: disk)
        try writes.stage(Data("new a".utf8), to: folder + "/a.md", permissions: .sharedFile)
        #expect(throws: FileSystemError.self) { try writes.stage(Data("evil".utf8), to: folder + "/b.md", permissions: .sharedFile) }
        #expect(try String(contentsOfFile: folder + "/victim.txt", encoding: .utf8) == "keep me")
        #expect(!FileManager.default.fileExists(atPath: folder + "/.a.md.attune-staged"), "a failed stage discards the rest")
    }
}

@Suite("Staging a folder that does not exist yet")
struct NewFolderStagingTests {
    @Test("files wait in a hidden sibling folder under their own names; commit renames the folder into place")
    func wholeFolder() throws {
        let disk = InMemoryFileSystem(files: ["keep.md": "mine"])
        var writes = try StagedWrites(fileSystem: disk, creatingFolder: "out", permissions: .privateDirectory)
        try writes.stage("a", to: "out/a.md", permissions: .sharedFile)
        try writes.append(Data("all".utf8), to: "out/all.html", permissions: .sharedFile)
        #expect(writes.stagedPath(for: "out/a.md") == ".out.attune-staged/a.md")
        #expect(!disk.directoryExists(at: "out"))
        #expect(disk.snapshot == ["keep.md": "mine", ".out.attune-staged/a.md": "a", ".out.attune-staged/all.html": "all"])
        try writes.commit()
        #expect(disk.snapshot == ["keep.md": "mine", "out/a.md": "a", "out/all.html": "all"])
        #expect(disk.directoryExists(at: "out") && !disk.directoryExists(at: ".out.attune-staged"))
    }

    @Test("discard leaves no folder behind, not even a file a worker staged but never recorded")
    func discardNewFolder() throws {
        let disk = InMemoryFileSystem(files: ["keep.md": "mine"])
        var writes = try StagedWrites(fileSystem: disk, creatingFolder: "out", permissions: .privateDirectory)
        try writes.stage("a", to: "out/a.md", permissions: .sharedFile)
        try writes.staging.stage(Data("b".utf8), to: "out/b.md", permissions: .sharedFile)
        writes.discard()
        #expect(disk.snapshot == ["keep.md": "mine"])
        #expect(!disk.directoryExists(at: ".out.attune-staged") && !disk.directoryExists(at: "out"))
    }

    @Test("an existing folder, or one a crashed run left a stand-in for, is staged file by file")
    func existingFolder() throws {
        for files in [["out/old.md": "old"], [".out.attune-staged/x.md": "crash"]] {
            let disk = InMemoryFileSystem(files: files)
            var writes = try StagedWrites(fileSystem: disk, creatingFolder: "out/", permissions: .privateDirectory)
            try writes.stage("a", to: "out/a.md", permissions: .sharedFile)
            #expect(writes.stagedPath(for: "out/a.md") == "out/.a.md.attune-staged")
            try writes.commit()
            #expect(try disk.readText(at: "out/a.md") == "a")
        }
    }

    @Test("on disk, the new folder appears whole, with its mode, in one rename")
    func onDisk() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("attune-newfolder-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: root) }
        let disk = LocalFileSystem()
        var writes = try StagedWrites(fileSystem: disk, creatingFolder: root + "/deep/out", permissions: .privateDirectory)
        try writes.stage("a", to: root + "/deep/out/a.md", permissions: .sharedFile)
        #expect(try FileManager.default.contentsOfDirectory(atPath: root + "/deep") == [".out.attune-staged"])
        try writes.commit()
        #expect(try FileManager.default.contentsOfDirectory(atPath: root + "/deep") == ["out"])
        #expect(try disk.readText(at: root + "/deep/out/a.md") == "a")
        let mode = try FileManager.default.attributesOfItem(atPath: root + "/deep/out")[.posixPermissions] as? NSNumber
        #expect(mode?.intValue == 0o700)
    }
}
