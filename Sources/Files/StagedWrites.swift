import Foundation

/// Writes several files as one change. Each file is first written in full
/// beside its target under a hidden name; only when every one is written
/// are they renamed into place. A failure while writing (a full disk, a
/// read-only folder) leaves every existing output exactly as it was.
public struct StagedWrites {
    public let fileSystem: FileSystem
    /// Targets only: each staged name follows from its target, and a large
    /// cohort stages tens of thousands of files.
    private var staged: [String] = []
    /// Files being staged a piece at a time, to tell a first piece from the next.
    private var appending: Set<String> = []

    public init(fileSystem: FileSystem) {
        self.fileSystem = fileSystem
    }

    /// The paths that `commit()` will write, in order.
    public var targets: [String] { staged }

    /// The hidden name `path` is staged under until `commit()`.
    public static func stagedPath(for path: String) -> String {
        let slash = path.lastIndex(of: "/")
        let folder = slash.map { String(path[...$0]) } ?? ""
        let name = slash.map { String(path[path.index(after: $0)...]) } ?? path
        return "\(folder).\(name).attune-staged"
    }

    /// Stages `path` a piece at a time: the first call starts it afresh,
    /// later calls add to its end. For an output too large to hold whole.
    public mutating func append(_ data: Data, to path: String, permissions: FilePermissions) throws {
        let temporary = Self.stagedPath(for: path)
        do {
            if !appending.contains(path) {
                if fileSystem.fileExists(at: temporary) { try fileSystem.removeFile(at: temporary) }
                staged.append(path)
                appending.insert(path)
            }
            try fileSystem.append(data, to: temporary, permissions: permissions)
        } catch {
            discard()
            throw error
        }
    }

    public mutating func stage(_ data: Data, to path: String, permissions: FilePermissions) throws {
        do {
            try Self.stage(data, to: path, permissions: permissions, on: fileSystem)
        } catch {
            discard()
            throw error
        }
        record(path)
    }

    /// Stages one file without recording it, from any thread: workers that
    /// render in parallel write their own files. Hand each path to
    /// `record(_:)` afterwards, in the order `commit()` should follow; until
    /// then `discard()` does not know the file.
    public static func stage(_ data: Data, to path: String, permissions: FilePermissions, on fileSystem: FileSystem) throws {
        try fileSystem.write(data, to: stagedPath(for: path), permissions: permissions)
    }

    /// Takes a file staged by `stage(_:to:permissions:on:)` into this change.
    public mutating func record(_ path: String) {
        staged.append(path)
    }

    public mutating func stage(_ text: String, to path: String, permissions: FilePermissions) throws {
        try stage(Data(text.utf8), to: path, permissions: permissions)
    }

    /// Makes `path`, already staged, the last file `commit()` renames.
    public mutating func moveToEnd(_ path: String) {
        guard let index = staged.lastIndex(of: path) else { return }
        staged.append(staged.remove(at: index))
    }

    /// Renames every staged file into place.
    public func commit() throws {
        for target in staged {
            try fileSystem.moveFile(from: Self.stagedPath(for: target), to: target)
        }
    }

    /// Removes whatever was staged; used when a later step fails.
    public func discard() {
        for target in staged { try? fileSystem.removeFile(at: Self.stagedPath(for: target)) }
    }
}
