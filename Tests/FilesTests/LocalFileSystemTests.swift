import Files
import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A fresh, empty folder for one test; `remove()` it with everything in it afterwards.
struct TemporaryFolder {
    let path: String

    init() throws {
        path = FileManager.default.temporaryDirectory
            .appendingPathComponent("attune-files-tests-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: false)
    }

    func remove() {
        chmod(path, 0o700)
        try? FileManager.default.removeItem(atPath: path)
    }

    func callAsFunction(_ relative: String) -> String { path + "/" + relative }

    /// Everything directly in `relative`, hidden files included.
    func entries(_ relative: String = "") throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: relative.isEmpty ? path : self(relative)).sorted()
    }
}

/// The permission bits of the file or folder at `path`.
func mode(_ path: String) throws -> Int {
    var info = stat()
    guard stat(path, &info) == 0 else { throw FileSystemError.notFound(path) }
    return Int(info.st_mode) & 0o777
}

@Suite("LocalFileSystem on the real disk")
struct LocalFileSystemTests {
    let disk = LocalFileSystem()

    @Test("writeAtomically creates the file with the given permissions and leaves no temporary file")
    func writeCreates() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try disk.writeAtomically("# Week 47\n", to: folder("2026-W47.md"))
        #expect(try String(contentsOfFile: folder("2026-W47.md"), encoding: .utf8) == "# Week 47\n")
        #expect(try mode(folder("2026-W47.md")) == 0o600)
        #expect(try folder.entries() == ["2026-W47.md"])
    }

    @Test("writeAtomically uses other permissions when asked")
    func writeOtherPermissions() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try disk.writeAtomically(Data("x".utf8), to: folder("shared.txt"), permissions: FilePermissions(mode: 0o644))
        #expect(try mode(folder("shared.txt")) == 0o644)
    }

    @Test("writing over a file replaces its content and its permissions, with no temporary file left")
    func overwrite() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try "old content that is longer".write(toFile: folder("a.html"), atomically: false, encoding: .utf8)
        chmod(folder("a.html"), 0o644)
        try disk.writeAtomically("new", to: folder("a.html"))
        #expect(try disk.readText(at: folder("a.html")) == "new")
        #expect(try mode(folder("a.html")) == 0o600)
        #expect(try folder.entries() == ["a.html"])
    }

    @Test("writing over a file swaps in a new file rather than rewriting the old one")
    func overwriteIsARename() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try disk.writeAtomically("first", to: folder("a.md"))
        let before = try FileManager.default.attributesOfItem(atPath: folder("a.md"))[.systemFileNumber] as? UInt64
        try disk.writeAtomically("second", to: folder("a.md"))
        let after = try FileManager.default.attributesOfItem(atPath: folder("a.md"))[.systemFileNumber] as? UInt64
        #expect(before != nil)
        #expect(before != after)
        #expect(try disk.readText(at: folder("a.md")) == "second")
    }

    @Test("writing into a folder that does not exist throws io and leaves nothing behind")
    func writeIntoMissingFolder() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        #expect(throws: FileSystemError.io(folder("missing/a.md"), "cannot be written (No such file or directory)")) {
            try disk.writeAtomically("x", to: folder("missing/a.md"))
        }
        #expect(try folder.entries() == [])
    }

    @Test("writing into a read-only folder throws and leaves nothing behind", .enabled(if: getuid() != 0, "root ignores permissions"))
    func writeIntoReadOnlyFolder() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try disk.createDirectory(at: folder("locked"), permissions: FilePermissions(mode: 0o500))
        #expect(throws: FileSystemError.io(folder("locked/a.md"), "cannot be written (is the folder writable?)")) {
            try disk.writeAtomically("x", to: folder("locked/a.md"))
        }
        chmod(folder("locked"), 0o700)
        #expect(try folder.entries("locked") == [])
    }

    @Test("createDirectory makes nested folders, each owner-only")
    func createNested() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try disk.createDirectory(at: folder("out/2026/W47"), permissions: .privateDirectory)
        #expect(disk.directoryExists(at: folder("out/2026/W47")))
        #expect(try mode(folder("out/2026/W47")) == 0o700)
        #expect(try mode(folder("out/2026")) == 0o700)
        #expect(try mode(folder("out")) == 0o700)
    }

    @Test("createDirectory of an existing folder succeeds and leaves it as it was")
    func createExisting() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try FileManager.default.createDirectory(atPath: folder("out"), withIntermediateDirectories: false)
        chmod(folder("out"), 0o755)
        try disk.writeAtomically("keep", to: folder("out/a.md"))
        try disk.createDirectory(at: folder("out"), permissions: .privateDirectory)
        #expect(try disk.readText(at: folder("out/a.md")) == "keep")
        #expect(try mode(folder("out")) == 0o755)
    }

    @Test("createDirectory where a file is throws io")
    func createOverFile() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try disk.writeAtomically("x", to: folder("out"))
        #expect(throws: FileSystemError.io(folder("out"), "cannot create folder")) {
            try disk.createDirectory(at: folder("out"), permissions: .privateDirectory)
        }
    }

    @Test("readText of a missing file throws notFound with the path")
    func readMissing() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let path = folder("journal/2026-W47.md")
        #expect(throws: FileSystemError.notFound(path)) { try disk.readText(at: path) }
    }

    @Test("readText of a folder throws io, not notFound")
    func readFolder() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try disk.createDirectory(at: folder("journal"), permissions: .privateDirectory)
        #expect(throws: FileSystemError.io(folder("journal"), "cannot be read")) {
            try disk.readText(at: folder("journal"))
        }
    }

    @Test("readText of bytes that are not UTF-8 throws notUTF8, pointing at the first bad byte")
    func readNotUTF8() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try Data([0x23, 0x20, 0x0A, 0x61, 0xC3, 0x28, 0xFF]).write(to: URL(fileURLWithPath: folder("latin1.md")))
        #expect(throws: FileSystemError.notUTF8(folder("latin1.md"), line: 2, column: 2)) { try disk.readText(at: folder("latin1.md")) }
    }

    @Test("readText returns UTF-8 text exactly, CRLF and all")
    func readText() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try Data("café 🙂\r\nline 2\n".utf8).write(to: URL(fileURLWithPath: folder("a.md")))
        #expect(try disk.readText(at: folder("a.md")) == "café 🙂\r\nline 2\n")
    }

    @Test("fileExists is for files and directoryExists for folders")
    func exists() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try disk.writeAtomically("x", to: folder("a.md"))
        #expect(disk.fileExists(at: folder("a.md")))
        #expect(!disk.directoryExists(at: folder("a.md")))
        #expect(disk.directoryExists(at: folder.path))
        #expect(!disk.fileExists(at: folder.path))
        #expect(!disk.fileExists(at: folder("b.md")))
        #expect(!disk.directoryExists(at: folder("b")))
    }

    @Test("files(under:) lists nested files relative to the folder, sorted, skipping dotfiles and dot-folders")
    func filesUnder() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        for directory in ["journal/2025/archive", "journal/.git", "journal/empty"] {
            try disk.createDirectory(at: folder(directory), permissions: .privateDirectory)
        }
        for file in ["journal/b.md", "journal/a.md", "journal/2025/z.md", "journal/2025/archive/old.md",
                     "journal/.DS_Store", "journal/.git/config", "journal/2025/.draft.md"] {
            try disk.writeAtomically("x", to: folder(file))
        }
        #expect(try disk.files(under: folder("journal")) == ["2025/archive/old.md", "2025/z.md", "a.md", "b.md"])
        #expect(try disk.files(under: folder("journal") + "/") == ["2025/archive/old.md", "2025/z.md", "a.md", "b.md"])
        #expect(try disk.files(under: folder("journal/empty")) == [])
    }

    @Test("removeFile deletes the file and nothing else")
    func removeFile() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try disk.writeAtomically("a", to: folder("a.html"))
        try disk.writeAtomically("b", to: folder("b.html"))
        try disk.removeFile(at: folder("a.html"))
        #expect(try folder.entries() == ["b.html"])
    }

    @Test("removeFile of a missing file, or of a folder, throws notFound and removes nothing")
    func removeMissing() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try disk.createDirectory(at: folder("site"), permissions: .privateDirectory)
        #expect(throws: FileSystemError.notFound(folder("a.html"))) { try disk.removeFile(at: folder("a.html")) }
        #expect(throws: FileSystemError.notFound(folder("site"))) { try disk.removeFile(at: folder("site")) }
        #expect(try folder.entries() == ["site"])
    }

    @Test("files(under:) of a missing folder, or of a file, throws notFound")
    func filesUnderMissing() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try disk.writeAtomically("x", to: folder("a.md"))
        #expect(throws: FileSystemError.notFound(folder("nothing"))) { try disk.files(under: folder("nothing")) }
        #expect(throws: FileSystemError.notFound(folder("a.md"))) { try disk.files(under: folder("a.md")) }
    }
}

/// Reading never blocks or runs without end: only regular files, and none
/// larger than any input may be.
@Suite("LocalFileSystem reads only what can end", .timeLimit(.minutes(1)))
struct LocalFileSystemReadTests {
    let disk = LocalFileSystem()

    @Test("a FIFO (a named pipe with no writer) is refused at once, never waited on")
    func fifo() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        #expect(mkfifo(folder("journal.md"), 0o600) == 0)
        #expect(throws: FileSystemError.io(folder("journal.md"), "cannot be read: it is not a regular file (a pipe, a device or a socket)")) {
            try disk.readText(at: folder("journal.md"))
        }
    }

    @Test("a device that never ends (/dev/zero) is refused")
    func deviceAndFolder() throws {
        #expect(throws: FileSystemError.io("/dev/zero", "cannot be read: it is not a regular file (a pipe, a device or a socket)")) {
            try disk.readText(at: "/dev/zero")
        }
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        #expect(throws: FileSystemError.notFound(folder("none.md"))) { try disk.readText(at: folder("none.md")) }
    }

    @Test("a file of exactly 16 MiB is read; one byte more is refused before it is read")
    func largest() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let exact = Data(repeating: UInt8(ascii: "x"), count: LocalFileSystem.largestReadable)
        try exact.write(to: URL(fileURLWithPath: folder("big.md")))
        #expect(try disk.readText(at: folder("big.md")).utf8.count == 16 * 1024 * 1024)
        try (exact + Data("y".utf8)).write(to: URL(fileURLWithPath: folder("big.md")))
        #expect(throws: FileSystemError.io(folder("big.md"), "is 16 MiB; Attune reads no file over 16 MiB")) {
            try disk.readText(at: folder("big.md"))
        }
    }
}
