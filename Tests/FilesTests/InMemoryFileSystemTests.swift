import Files
import Foundation
import Testing

@Suite("InMemoryFileSystem keeps files in memory")
struct InMemoryFileSystemTests {
    @Test("files given at creation can be read back, and their folders exist")
    func initialFiles() throws {
        let files = InMemoryFileSystem(files: ["journal/2026-W47.md": "# Week\n", "notes.txt": "n"])
        #expect(try files.readText(at: "journal/2026-W47.md") == "# Week\n")
        #expect(try files.readText(at: "notes.txt") == "n")
        #expect(files.fileExists(at: "journal/2026-W47.md"))
        #expect(files.directoryExists(at: "journal"))
        #expect(!files.fileExists(at: "journal"))
        #expect(!files.directoryExists(at: "journal/2026-W47.md"))
    }

    @Test("paths are normalised: ./a/b, a//b and a/b/ are a/b")
    func normalisedPaths() throws {
        let files = InMemoryFileSystem(files: ["a/b": "text"])
        #expect(try files.readText(at: "./a/b") == "text")
        #expect(try files.readText(at: "a//b") == "text")
        #expect(try files.readText(at: "a/b/") == "text")
        #expect(files.directoryExists(at: "./a"))
    }

    @Test("reading a missing file throws notFound with the path as given")
    func missingFile() {
        let files = InMemoryFileSystem()
        #expect(throws: FileSystemError.notFound("nope/x.md")) { try files.readText(at: "nope/x.md") }
        #expect(!files.fileExists(at: "nope/x.md"))
    }

    @Test("a file that is not UTF-8 throws notUTF8")
    func notUTF8() throws {
        let files = InMemoryFileSystem()
        try files.writeAtomically(Data([0x61, 0xFF, 0xFE]), to: "bad.md", permissions: .privateFile)
        #expect(throws: FileSystemError.notUTF8("bad.md", line: 1, column: 2)) { try files.readText(at: "bad.md") }
    }

    @Test("writing into an existing folder stores the text with the permissions given")
    func writeRecordsPermissions() throws {
        let files = InMemoryFileSystem()
        try files.createDirectory(at: "out", permissions: .privateDirectory)
        try files.writeAtomically("<html>", to: "out/a.html")
        try files.writeAtomically(Data("shared".utf8), to: "out/b.txt", permissions: FilePermissions(mode: 0o644))
        #expect(try files.readText(at: "out/a.html") == "<html>")
        #expect(files.permissions(at: "out/a.html") == .privateFile)
        #expect(files.permissions(at: "out/b.txt") == FilePermissions(mode: 0o644))
        #expect(files.permissions(at: "out/missing") == nil)
        #expect(files.snapshot == ["out/a.html": "<html>", "out/b.txt": "shared"])
    }

    @Test("writing again replaces the content")
    func overwrite() throws {
        let files = InMemoryFileSystem(files: ["a.md": "old"])
        try files.writeAtomically("new", to: "a.md")
        #expect(try files.readText(at: "a.md") == "new")
        #expect(files.snapshot == ["a.md": "new"])
    }

    @Test("writing into a folder that does not exist throws notFound naming the folder")
    func writeIntoMissingFolder() {
        let files = InMemoryFileSystem()
        #expect(throws: FileSystemError.notFound("out/deep")) { try files.writeAtomically("x", to: "out/deep/a.md") }
        #expect(files.snapshot.isEmpty)
    }

    @Test("a file at the top level needs no folder")
    func topLevelFile() throws {
        let files = InMemoryFileSystem()
        try files.writeAtomically("x", to: "a.md")
        try files.writeAtomically("y", to: "./b.md")
        #expect(files.snapshot == ["a.md": "x", "b.md": "y"])
    }

    @Test("createDirectory makes the folder and every folder above it")
    func createNested() throws {
        let files = InMemoryFileSystem()
        try files.createDirectory(at: "out/2026/W47", permissions: .privateDirectory)
        #expect(files.directoryExists(at: "out"))
        #expect(files.directoryExists(at: "out/2026"))
        #expect(files.directoryExists(at: "out/2026/W47"))
        try files.writeAtomically("x", to: "out/2026/W47/a.md")
        #expect(try files.files(under: "out") == ["2026/W47/a.md"])
    }

    @Test("files(under:) lists files below a folder, relative, sorted, skipping hidden files and folders")
    func filesUnder() throws {
        let files = InMemoryFileSystem(files: [
            "journal/b.md": "",
            "journal/a.md": "",
            "journal/2025/z.md": "",
            "journal/.DS_Store": "",
            "journal/.git/config": "",
            "journal/drafts/.hidden.md": "",
            "journalism/not-inside.md": "",
            "other/c.md": "",
        ])
        #expect(try files.files(under: "journal") == ["2025/z.md", "a.md", "b.md"])
        #expect(try files.files(under: "./journal/") == ["2025/z.md", "a.md", "b.md"])
    }

    @Test("files(under:) of a folder that does not exist throws notFound")
    func filesUnderMissing() {
        let files = InMemoryFileSystem(files: ["a/b.md": ""])
        #expect(throws: FileSystemError.notFound("nothing")) { try files.files(under: "nothing") }
    }

    @Test("removeFile deletes the file and keeps its folder")
    func removeFile() throws {
        let files = InMemoryFileSystem(files: ["site/a.html": "a", "site/b.html": "b"])
        try files.removeFile(at: "./site/a.html")
        #expect(!files.fileExists(at: "site/a.html"))
        #expect(files.snapshot == ["site/b.html": "b"])
        #expect(files.directoryExists(at: "site"))
        #expect(try files.files(under: "site") == ["b.html"])
    }

    @Test("removing a file that does not exist throws notFound")
    func removeMissingFile() {
        let files = InMemoryFileSystem(files: ["site/a.html": "a"])
        #expect(throws: FileSystemError.notFound("site/b.html")) { try files.removeFile(at: "site/b.html") }
        #expect(throws: FileSystemError.notFound("site")) { try files.removeFile(at: "site") }
        #expect(files.snapshot == ["site/a.html": "a"])
    }

    @Test("files(under:) of an empty folder is empty")
    func filesUnderEmpty() throws {
        let files = InMemoryFileSystem()
        try files.createDirectory(at: "empty", permissions: .privateDirectory)
        #expect(try files.files(under: "empty") == [])
    }
}

@Suite("FileSystemError and FilePermissions")
struct FileSystemErrorTests {
    @Test("each error names the path and what is wrong")
    func descriptions() {
        #expect(FileSystemError.notFound("a/b.md").description == "a/b.md: no such file or folder")
        #expect(FileSystemError.notUTF8("a/b.md", line: 3, column: 7).description == "a/b.md:3:7: not UTF-8 text")
        #expect(FileSystemError.alreadyExists("a/b.md").description == "a/b.md: already exists")
        #expect(FileSystemError.io("a/b.md", "disk full").description == "a/b.md: disk full")
    }

    @Test("private files and folders are owner-only")
    func privateModes() {
        #expect(FilePermissions.privateFile.mode == 0o600)
        #expect(FilePermissions.privateDirectory.mode == 0o700)
    }
}
