import Foundation

/// One command's change to one output folder, all or nothing.
///
/// - One run at a time per folder: the folder is locked (`lockFolder`, a
///   `flock(2)` the kernel drops when the process ends, so a crashed or
///   killed run never leaves it held). A folder that does not exist yet is
///   made by renaming a staged folder into place, so its parent is locked
///   instead. A second run waits, saying so.
/// - Every file is first written in full in this run's own staging folder,
///   `.attune-staging-<pid>` inside the output folder (or
///   `.<name>.attune-staging-<pid>` beside a folder being created), made
///   with `mkdir(2)` and its files with `O_EXCL | O_NOFOLLOW`: nothing
///   already there, a planted symlink least of all, is ever written through.
///   A full disk or any other failure while staging leaves the folder as it
///   was.
/// - `commit` renames the files into place (or the whole new folder in one
///   rename), never through a symlink inside the output folder, and removes
///   only the files it is told to, the same way.
/// - Staging left by a killed run is removed by the next run into the folder
///   (it holds the lock, so no live run can own it).
/// - An interruption (see `Interruption`) removes the staging folder.
package final class OutputRun: @unchecked Sendable {
    /// Every staging name starts with this.
    package static let stagingPrefix = ".attune-staging-"

    package let fileSystem: FileSystem
    /// The output folder, without a trailing slash.
    package let folder: String
    /// Where this run's files wait until `commit`.
    package let stagingRoot: String
    /// True when the folder did not exist: `commit` renames `stagingRoot` to it.
    package let createsFolder: Bool
    let folderPermissions: FilePermissions
    /// Who removes this run's staging if the process is interrupted.
    let interruption: Interruption
    private var lock: FolderLock?
    /// Parent folders this run made, removed again if it is discarded.
    private let madeParents: [String]
    private var state = State.staging
    private enum State { case staging, committed, discarded }

    /// A file written by `commit` itself, twice: `before` ahead of the
    /// renames, `after` once they are done (for a record of what the folder
    /// holds that must list old and new files while the change is under way).
    package struct Record: Sendable {
        package var name: String
        package var before: Data
        package var after: Data
        package var permissions: FilePermissions
        package init(name: String, before: Data, after: Data, permissions: FilePermissions) {
            self.name = name
            self.before = before
            self.after = after
            self.permissions = permissions
        }
    }

    /// Locks `folder` (waiting, after calling `waiting`, while another run
    /// holds it), removes stale staging, and makes this run's staging folder.
    package init(
        fileSystem: FileSystem, folder: String, permissions: FilePermissions,
        waiting: @escaping (String) -> Void = OutputRun.sayWaiting,
        interruption: Interruption = .shared
    ) throws {
        self.fileSystem = fileSystem
        self.interruption = interruption
        let folder = folder.count > 1 && folder.hasSuffix("/") ? String(folder.dropLast()) : folder
        self.folder = folder
        self.folderPermissions = permissions
        let pid = getpid()
        var made: [String] = []
        var root = "", creates = false
        while true {
            if fileSystem.fileExists(at: folder) { throw FileSystemError.io(folder, "is a file, not a folder") }
            if fileSystem.directoryExists(at: folder) {
                guard let lock = try fileSystem.lockFolder(at: folder, waiting: { waiting(folder) }) else { continue }
                guard fileSystem.directoryExists(at: folder) else { lock.release(); continue }
                self.lock = lock
                Self.removeStale(in: folder, fileSystem: fileSystem, matching: { $0.hasPrefix(Self.stagingPrefix) || $0.hasSuffix(".attune-staged") })
                let (parent, name) = Self.split(folder)
                if let parentLock = try? fileSystem.lockFolder(at: parent, waiting: nil) {
                    Self.removeStale(in: parent, fileSystem: fileSystem, matching: { Self.isSibling($0, of: name) })
                    parentLock.release()
                }
                root = OutputGuard.join(folder, Self.stagingPrefix + "\(pid)")
                creates = false
            } else {
                let (parent, name) = Self.split(folder)
                if !fileSystem.directoryExists(at: parent) {
                    made += Self.missingParents(of: parent, fileSystem: fileSystem)
                    try fileSystem.createDirectory(at: parent, permissions: permissions)
                }
                guard let lock = try fileSystem.lockFolder(at: parent, waiting: { waiting(folder) }) else { continue }
                if fileSystem.directoryExists(at: folder) || fileSystem.fileExists(at: folder) { lock.release(); continue }
                self.lock = lock
                Self.removeStale(in: parent, fileSystem: fileSystem, matching: { Self.isSibling($0, of: name) })
                root = OutputGuard.join(parent, ".\(name).attune-staging-\(pid)")
                creates = true
            }
            break
        }
        stagingRoot = root
        createsFolder = creates
        madeParents = made
        // Made and registered as one step an interruption waits for: a
        // staging folder made but not yet known to `interruption` would
        // outlive an interrupted run (found by make interrupt-check).
        do {
            try interruption.whileStaging {
                try fileSystem.createDirectoryExclusively(at: stagingRoot, permissions: createsFolder ? permissions : .privateDirectory)
                interruption.register(self)
            }
        } catch {
            lock?.release()
            throw error
        }
    }

    deinit {
        if state == .staging { discard() }
    }

    /// Prints that the run waits for another, on standard error.
    package static func sayWaiting(_ folder: String) {
        FileHandle.standardError.write(Data("attune: another attune run is writing to \(folder); waiting for it to finish\n".utf8))
    }

    /// Where `relative` waits until `commit`.
    package func stagedPath(_ relative: String) -> String { OutputGuard.join(stagingRoot, relative) }

    /// The path `relative` will have once committed.
    package func target(_ relative: String) -> String { OutputGuard.join(folder, relative) }

    /// Stages one file, from any thread. Errors name the target, not the staged file.
    package func stage(_ data: Data, as relative: String, permissions: FilePermissions) throws {
        try staging(relative) {
            try makeFolders(for: relative)
            try fileSystem.createExclusively(data, at: stagedPath(relative), permissions: permissions)
        }
    }

    /// Adds to the end of a staged file, creating it.
    package func append(_ data: Data, to relative: String, permissions: FilePermissions) throws {
        try staging(relative) {
            try makeFolders(for: relative)
            try fileSystem.append(data, to: stagedPath(relative), permissions: permissions)
        }
    }

    /// Replaces a staged file's content.
    package func rewrite(_ data: Data, as relative: String, permissions: FilePermissions) throws {
        try staging(relative) { try fileSystem.write(data, to: stagedPath(relative), permissions: permissions) }
    }

    /// Removes one staged file (a worker's file the run will not use).
    package func unstage(_ relative: String) {
        try? staging(relative) { try fileSystem.removeFile(at: stagedPath(relative)) }
    }

    /// Puts `files` (staged, relative to the folder) in place in that order,
    /// then removes `removing` (files the folder's record says are this
    /// command's and that this run no longer makes). Checked first, and
    /// nothing is changed when any path is obstructed (a symlinked folder on
    /// the way, a folder where a file should be). An interruption waits for
    /// this to finish. Releases the lock.
    ///
    /// `check` runs first, with the lock held and nothing else staging: the
    /// last moment to stop the change (a journal that changed since it was
    /// read, a file that appeared where none may be replaced).
    package func commit(_ files: [String], removing: [String] = [], record: Record? = nil, check: () throws -> Void = {}) throws {
        try interruption.exclusively {
            guard state == .staging else { throw FileSystemError.io(folder, "this change was already ended") }
            defer { release() }
            do {
                try check()
                if createsFolder {
                    if let record {
                        try fileSystem.createExclusively(record.after, at: stagedPath(record.name), permissions: record.permissions)
                    }
                    try fileSystem.moveFile(from: stagingRoot, to: folder)
                } else {
                    for relative in files + removing + (record.map { [$0.name] } ?? []) {
                        if let obstacle = fileSystem.obstacle(to: relative, inside: folder) {
                            throw FileSystemError.io(target(relative), obstacle)
                        }
                    }
                    if let record { try putRecord(record.before, record) }
                    for relative in files {
                        try fileSystem.move(stagedPath(relative), to: relative, inside: folder, permissions: folderPermissions)
                    }
                    for relative in removing {
                        do { try fileSystem.removeFile(relative, inside: folder) } catch FileSystemError.notFound {}
                    }
                    if let record { try putRecord(record.after, record) }
                    try? fileSystem.removeTree(at: stagingRoot)
                }
            } catch {
                discardHoldingGate()
                throw error
            }
            state = .committed
            interruption.finished(self, committed: true)
        }
    }

    /// Removes everything staged, and any parent folder this run made.
    package func discard() {
        interruption.exclusively { discardHoldingGate() }
    }

    /// `discard` for a caller that holds the interruption gate.
    func discardHoldingGate() {
        guard state == .staging else { return }
        try? fileSystem.removeTree(at: stagingRoot)
        for parent in madeParents.reversed() { try? fileSystem.removeDirectory(at: parent) }
        state = .discarded
        interruption.finished(self, committed: false)
        release()
    }

    private func release() {
        lock?.release()
        lock = nil
    }

    private func putRecord(_ data: Data, _ record: Record) throws {
        let staged = stagedPath(".record-\(UUID().uuidString)")
        try fileSystem.createExclusively(data, at: staged, permissions: record.permissions)
        try fileSystem.move(staged, to: record.name, inside: folder, permissions: folderPermissions)
    }

    private func staging(_ relative: String, _ body: () throws -> Void) throws {
        do {
            try interruption.whileStaging {
                guard state == .staging else { throw FileSystemError.io(folder, "this change was already ended") }
                try body()
            }
        } catch let error as FileSystemError {
            throw Self.renamed(error, staged: stagedPath(relative), target: target(relative))
        }
    }

    private func makeFolders(for relative: String) throws {
        guard let slash = relative.lastIndex(of: "/") else { return }
        try fileSystem.createDirectory(at: stagedPath(String(relative[..<slash])), permissions: createsFolder ? folderPermissions : .privateDirectory)
    }

    /// An error about the staged file, told about the file the user knows.
    static func renamed(_ error: FileSystemError, staged: String, target: String) -> FileSystemError {
        switch error {
        case .io(let path, let reason) where path == staged: return .io(target, reason)
        case .alreadyExists(let path) where path == staged: return .io(target, "its staging name is taken")
        case .notFound(let path) where path == staged: return .notFound(target)
        default: return error
        }
    }

    /// `.NAME.attune-staging-PID` (a new folder's stand-in) or
    /// `.NAME.attune-staged` (earlier versions').
    static func isSibling(_ entry: String, of name: String) -> Bool {
        entry.hasPrefix(".\(name).attune-staging-") || entry == ".\(name).attune-staged"
    }

    private static func removeStale(in folder: String, fileSystem: FileSystem, matching: (String) -> Bool) {
        for entry in fileSystem.hiddenEntries(in: folder) where matching(entry) {
            try? fileSystem.removeTree(at: OutputGuard.join(folder, entry))
        }
    }

    static func split(_ path: String) -> (parent: String, name: String) {
        guard let slash = path.lastIndex(of: "/") else { return (".", path) }
        return (slash == path.startIndex ? "/" : String(path[..<slash]), String(path[path.index(after: slash)...]))
    }

    private static func missingParents(of path: String, fileSystem: FileSystem) -> [String] {
        var missing: [String] = []
        var current = path
        while current != "/", current != ".", !current.isEmpty, !fileSystem.directoryExists(at: current) {
            missing.insert(current, at: 0)
            current = split(current).parent
        }
        return missing
    }
}
