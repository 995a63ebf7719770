import Foundation

/// Everything Attune does with the disk, behind one small type so that the
/// pipeline can run against `InMemoryFileSystem` in tests.
public protocol FileSystem: Sendable {
    /// The file's text, decoded as UTF-8.
    func readText(at path: String) throws -> String
    func fileExists(at path: String) -> Bool
    func directoryExists(at path: String) -> Bool
    /// Paths of the regular files directly or indirectly below `path`,
    /// relative to it, sorted, skipping hidden files.
    func files(under path: String) throws -> [String]
    /// Writes all of `data` or nothing: a temporary file next to the target,
    /// then a rename, so readers never see half a file.
    func writeAtomically(_ data: Data, to path: String, permissions: FilePermissions) throws
    func createDirectory(at path: String, permissions: FilePermissions) throws
    /// Deletes one regular file (never a folder). Only for files Attune
    /// itself wrote and recorded, such as a rebuilt site's stale pages.
    func removeFile(at path: String) throws
}

/// POSIX modes Attune writes with.
public struct FilePermissions: Sendable, Equatable {
    public var mode: Int16
    public init(mode: Int16) { self.mode = mode }

    /// Owner-only: for anything that may hold a therapist's reflections.
    public static let privateFile = FilePermissions(mode: 0o600)
    public static let privateDirectory = FilePermissions(mode: 0o700)
    /// For files made to be handed on: readable by others.
    public static let sharedFile = FilePermissions(mode: 0o644)
}

public enum FileSystemError: Error, Equatable, CustomStringConvertible {
    case notFound(String)
    case notUTF8(String)
    case alreadyExists(String)
    case io(String, String)

    public var description: String {
        switch self {
        case .notFound(let path): return "\(path): no such file or folder"
        case .notUTF8(let path): return "\(path): not UTF-8 text"
        case .alreadyExists(let path): return "\(path): already exists"
        case .io(let path, let reason): return "\(path): \(reason)"
        }
    }
}

extension FileSystem {
    public func writeAtomically(_ text: String, to path: String, permissions: FilePermissions = .privateFile) throws {
        try writeAtomically(Data(text.utf8), to: path, permissions: permissions)
    }
}
