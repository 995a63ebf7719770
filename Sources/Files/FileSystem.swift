import Foundation

/// Everything Attune does with the disk, behind one small type so that the
/// pipeline can run against `InMemoryFileSystem` in tests.
package protocol FileSystem: Sendable {
    /// The file's text, decoded as UTF-8.
    func readText(at path: String) throws -> String
    /// The file's bytes, for the few inputs that are not text (a site's logo).
    func readData(at path: String) throws -> Data
    func fileExists(at path: String) -> Bool
    func directoryExists(at path: String) -> Bool
    /// Paths of the regular files directly or indirectly below `path`,
    /// relative to it, sorted, skipping hidden files.
    func files(under path: String) throws -> [String]
    /// Writes all of `data` or nothing: a temporary file next to the target,
    /// then a rename, so readers never see half a file.
    func writeAtomically(_ data: Data, to path: String, permissions: FilePermissions) throws
    /// Creates or replaces the file in place, without a symlink in the way.
    /// Not atomic: only for hidden files that nothing reads until they are
    /// renamed into place (see `OutputRun`), where a second temporary
    /// file and rename per output would be pure cost.
    func write(_ data: Data, to path: String, permissions: FilePermissions) throws
    func createDirectory(at path: String, permissions: FilePermissions) throws
    /// Deletes one regular file (never a folder). Only for files Attune
    /// itself wrote and recorded, such as a rebuilt site's stale pages.
    func removeFile(at path: String) throws
    /// Renames a file within one folder tree, replacing any file at
    /// `destination`; or a folder, with everything in it, to a new name.
    func moveFile(from source: String, to destination: String) throws
    /// Deletes an empty folder (never one with anything left in it). Only
    /// for folders Attune itself made, such as a discarded staging folder.
    func removeDirectory(at path: String) throws
    /// Adds `data` to the end of the file, creating it (with `permissions`)
    /// when missing: for outputs that grow as they are made, so they never
    /// have to be held whole in memory.
    func append(_ data: Data, to path: String, permissions: FilePermissions) throws
    /// The absolute path with every symlink, `.` and `..` resolved; `nil`
    /// when nothing is there. (A lexical default exists for test doubles.)
    func resolvedPath(_ path: String) -> String?
    /// What the path names, following symlinks (see `FileIdentity`); `nil`
    /// when nothing is there.
    func identity(at path: String) -> FileIdentity?

    // Output folders (see `OutputRun`). Each has a default built from the
    // calls above, for test doubles; `LocalFileSystem` uses the kernel's own.

    /// An exclusive lock on the folder for this process, released by
    /// `FolderLock.release()` or when the process ends however it ends (a
    /// crashed or killed run cannot leave it held). `waiting` is called once
    /// if another process holds it, then the call waits; with `waiting` nil
    /// the call returns nil at once instead.
    func lockFolder(at path: String, waiting: (() -> Void)?) throws -> FolderLock?
    /// Creates the file, failing if anything (a file, a folder, a symlink,
    /// even a dangling one) is already at `path`.
    func createExclusively(_ data: Data, at path: String, permissions: FilePermissions) throws
    /// Creates one folder, failing if anything is already at `path`.
    func createDirectoryExclusively(at path: String, permissions: FilePermissions) throws
    /// The names directly in `folder` that start with a dot.
    func hiddenEntries(in folder: String) -> [String]
    /// Removes `path` and, if it is a folder, everything in it, never
    /// following a symlink (a link is removed, not what it points at).
    func removeTree(at path: String) throws
    /// Renames `source` to `relative` inside `folder`, creating missing
    /// folders on the way with `permissions`. Fails, changing nothing, if a
    /// folder on the way is a symlink or not a folder: nothing is ever
    /// written outside `folder` through a link inside it.
    func move(_ source: String, to relative: String, inside folder: String, permissions: FilePermissions) throws
    /// Removes the file `relative` inside `folder` (a symlink is removed,
    /// never followed); the same rule for the folders on the way.
    func removeFile(_ relative: String, inside folder: String) throws
    /// Why `relative` cannot be written inside `folder` (a folder on the way
    /// that is a symlink or a file, or a folder at the path itself), or nil.
    func obstacle(to relative: String, inside folder: String) -> String?
}

/// A held `lockFolder` lock.
package final class FolderLock: @unchecked Sendable {
    private var releaser: (() -> Void)?
    package init(release: @escaping () -> Void) { releaser = release }
    package func release() {
        releaser?()
        releaser = nil
    }
    deinit { releaser?() }
}

extension FileSystem {
    package func lockFolder(at path: String, waiting: (() -> Void)?) throws -> FolderLock? { FolderLock {} }

    package func createExclusively(_ data: Data, at path: String, permissions: FilePermissions) throws {
        if fileExists(at: path) || directoryExists(at: path) { throw FileSystemError.alreadyExists(path) }
        try write(data, to: path, permissions: permissions)
    }

    package func createDirectoryExclusively(at path: String, permissions: FilePermissions) throws {
        if fileExists(at: path) || directoryExists(at: path) { throw FileSystemError.alreadyExists(path) }
        try createDirectory(at: path, permissions: permissions)
    }

    package func hiddenEntries(in folder: String) -> [String] { [] }

    package func removeTree(at path: String) throws {
        if fileExists(at: path) { return try removeFile(at: path) }
        guard directoryExists(at: path) else { throw FileSystemError.notFound(path) }
        for name in try files(under: path) { try removeFile(at: OutputGuard.join(path, name)) }
        try? removeDirectory(at: path)
    }

    package func move(_ source: String, to relative: String, inside folder: String, permissions: FilePermissions) throws {
        if let obstacle = obstacle(to: relative, inside: folder) { throw FileSystemError.io(OutputGuard.join(folder, relative), obstacle) }
        let target = OutputGuard.join(folder, relative)
        if let slash = target.lastIndex(of: "/"), slash != target.startIndex {
            try createDirectory(at: String(target[..<slash]), permissions: permissions)
        }
        try moveFile(from: source, to: target)
    }

    package func removeFile(_ relative: String, inside folder: String) throws {
        if let obstacle = obstacle(to: relative, inside: folder) { throw FileSystemError.io(OutputGuard.join(folder, relative), obstacle) }
        try removeFile(at: OutputGuard.join(folder, relative))
    }

    package func obstacle(to relative: String, inside folder: String) -> String? {
        var path = folder
        let parts = relative.split(separator: "/").map(String.init)
        for part in parts.dropLast() {
            path = OutputGuard.join(path, part)
            if fileExists(at: path) { return "\(path) is a file, not a folder" }
        }
        return directoryExists(at: OutputGuard.join(folder, relative)) ? "is a folder" : nil
    }
}

/// POSIX modes Attune writes with.
package struct FilePermissions: Sendable, Equatable {
    package var mode: Int16
    package init(mode: Int16) { self.mode = mode }

    /// Owner-only: for anything that may hold a therapist's reflections.
    package static let privateFile = FilePermissions(mode: 0o600)
    package static let privateDirectory = FilePermissions(mode: 0o700)
    /// For files made to be handed on: readable by others.
    package static let sharedFile = FilePermissions(mode: 0o644)
}

package enum FileSystemError: Error, Equatable, CustomStringConvertible {
    case notFound(String)
    /// Where the first byte that is not UTF-8 sits (1-based, columns in characters).
    case notUTF8(String, line: Int, column: Int)
    case alreadyExists(String)
    case io(String, String)

    package var description: String {
        switch self {
        case .notFound(let path): return "\(path): no such file or folder"
        case .notUTF8(let path, let line, let column): return "\(path):\(line):\(column): not UTF-8 text"
        case .alreadyExists(let path): return "\(path): already exists"
        case .io(let path, let reason): return "\(path): \(reason)"
        }
    }
}

extension FileSystem {
    /// For test doubles that only hold text.
    package func readData(at path: String) throws -> Data { Data(try readText(at: path).utf8) }

    package func writeAtomically(_ text: String, to path: String, permissions: FilePermissions = .privateFile) throws {
        try writeAtomically(Data(text.utf8), to: path, permissions: permissions)
    }
}

/// Finds the first byte sequence that is not UTF-8, for an error that
/// points at it rather than at the whole file.
enum UTF8Position {
    static func firstInvalid(in data: Data) -> (line: Int, column: Int) {
        var iterator = data.makeIterator()
        var decoder = UTF8()
        var line = 1, column = 1
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar):
                if scalar == "\n" { line += 1; column = 1 } else { column += 1 }
            case .emptyInput, .error:
                return (line, column)
            }
        }
    }

    static func error(_ path: String, _ data: Data) -> FileSystemError {
        let (line, column) = firstInvalid(in: data)
        return .notUTF8(path, line: line, column: column)
    }
}
