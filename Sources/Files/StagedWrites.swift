import Foundation

/// Where a change's files wait until it is committed, and how any thread
/// stages one there.
///
/// Usually each file waits beside its target under a hidden name. When the
/// change creates its output folder, the files wait under their own names in
/// a hidden sibling folder instead, and committing is one rename of that
/// folder: a cohort's 2,000 renames were a twentieth of making its handouts.
public struct Staging: Sendable {
    public let fileSystem: FileSystem
    /// The folder being created, and the hidden folder standing in for it.
    let newFolder: (target: String, staging: String)?

    /// The hidden name `path` waits under until `commit()`.
    public func stagedPath(for path: String) -> String {
        if let newFolder, path.hasPrefix(newFolder.target + "/") {
            return newFolder.staging + path.dropFirst(newFolder.target.count)
        }
        return Self.besideTarget(path)
    }

    /// `.NAME.attune-staged` in the target's own folder.
    public static func besideTarget(_ path: String) -> String {
        let slash = path.lastIndex(of: "/")
        let folder = slash.map { String(path[...$0]) } ?? ""
        let name = slash.map { String(path[path.index(after: $0)...]) } ?? path
        return "\(folder).\(name).attune-staged"
    }

    /// Stages one file without recording it, from any thread: workers that
    /// render in parallel write their own files. Hand each path to
    /// `StagedWrites.record(_:)` afterwards, in the order `commit()` should
    /// follow; until then `discard()` does not know the file.
    public func stage(_ data: Data, to path: String, permissions: FilePermissions) throws {
        try fileSystem.write(data, to: stagedPath(for: path), permissions: permissions)
    }
}

/// Writes several files as one change. Each file is first written in full
/// under a hidden name (see `Staging`); only when every one is written are
/// they renamed into place. A failure while writing (a full disk, a
/// read-only folder) leaves every existing output exactly as it was.
public struct StagedWrites {
    public let staging: Staging
    public var fileSystem: FileSystem { staging.fileSystem }
    /// Targets only: each staged name follows from its target, and a large
    /// cohort stages tens of thousands of files.
    private var staged: [String] = []
    /// Files being staged a piece at a time, to tell a first piece from the next.
    private var appending: Set<String> = []

    /// Stages each file beside its target.
    public init(fileSystem: FileSystem) {
        staging = Staging(fileSystem: fileSystem, newFolder: nil)
    }

    /// Starts a change that creates `folder` with `permissions`. When the
    /// folder does not exist yet (and no earlier run left its hidden
    /// stand-in behind), files inside it are staged in a hidden sibling
    /// folder that `commit()` renames into place; otherwise the folder is
    /// created now and files are staged beside their targets.
    public init(fileSystem: FileSystem, creatingFolder folder: String, permissions: FilePermissions) throws {
        let target = folder.hasSuffix("/") && folder.count > 1 ? String(folder.dropLast()) : folder
        let stand = Staging.besideTarget(target)
        if !fileSystem.directoryExists(at: target), !fileSystem.directoryExists(at: stand), !fileSystem.fileExists(at: stand) {
            try fileSystem.createDirectory(at: stand, permissions: permissions)
            staging = Staging(fileSystem: fileSystem, newFolder: (target, stand))
        } else {
            try fileSystem.createDirectory(at: target, permissions: permissions)
            staging = Staging(fileSystem: fileSystem, newFolder: nil)
        }
    }

    /// The paths that `commit()` will write, in order.
    public var targets: [String] { staged }

    /// The hidden name `path` waits under until `commit()`.
    public func stagedPath(for path: String) -> String { staging.stagedPath(for: path) }

    /// Stages `path` a piece at a time: the first call starts it afresh,
    /// later calls add to its end. For an output too large to hold whole.
    public mutating func append(_ data: Data, to path: String, permissions: FilePermissions) throws {
        let temporary = stagedPath(for: path)
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
            try staging.stage(data, to: path, permissions: permissions)
        } catch {
            discard()
            throw error
        }
        record(path)
    }

    public mutating func stage(_ text: String, to path: String, permissions: FilePermissions) throws {
        try stage(Data(text.utf8), to: path, permissions: permissions)
    }

    /// Takes a file staged by `Staging.stage(_:to:permissions:)` into this change.
    public mutating func record(_ path: String) {
        staged.append(path)
    }

    /// Makes `path`, already staged, the last file `commit()` renames.
    public mutating func moveToEnd(_ path: String) {
        guard let index = staged.lastIndex(of: path) else { return }
        staged.append(staged.remove(at: index))
    }

    /// Renames every staged file into place, or the new folder at once.
    public func commit() throws {
        for target in staged where staging.newFolder.map({ !target.hasPrefix($0.target + "/") }) ?? true {
            try fileSystem.moveFile(from: stagedPath(for: target), to: target)
        }
        if let newFolder = staging.newFolder {
            try fileSystem.moveFile(from: newFolder.staging, to: newFolder.target)
        }
    }

    /// Removes whatever was staged; used when a later step fails.
    public func discard() {
        for target in staged { try? fileSystem.removeFile(at: stagedPath(for: target)) }
        if let newFolder = staging.newFolder {
            // Everything in the stand-in folder is this change's, recorded or not.
            for name in (try? fileSystem.files(under: newFolder.staging)) ?? [] {
                try? fileSystem.removeFile(at: newFolder.staging + "/" + name)
            }
            try? fileSystem.removeDirectory(at: newFolder.staging)
        }
    }
}
