import Foundation
import struct SystemPackage.FilePath


/// One file of an output: where it goes, relative to the folder it is
/// written into, its bytes, and who may read it.
package struct OutputFile: Sendable, Equatable {
    package var path: FilePath
    package var data: Data
    package var permissions: FilePermissions

    package init(_ path: FilePath, _ data: Data, permissions: FilePermissions) {
        self.path = path
        self.data = data
        self.permissions = permissions
    }
}

/// What is being written, which decides how `OutputWriter` writes it.
package enum Output: Sendable {
    /// One file at a path of its own (a new journal, a form, an imported
    /// journal, a course file): its folder, made if missing, is locked, the
    /// file staged in full beside it, then renamed into place.
    case file(FilePath, Data, permissions: FilePermissions)
    /// Files put into a folder (a week's workbooks, the trends report) as
    /// one change. Other files in the folder are left alone, and nothing
    /// records these: a later run replaces them by name.
    case files([OutputFile], into: FilePath, folderPermissions: FilePermissions = .privateDirectory)
    /// A folder Attune owns (the site, a cohort's handouts): its `record`
    /// lists every file this command wrote there, the only files it may
    /// replace or remove. A listed file this run does not make is removed;
    /// a file already there that the record does not list stops the run.
    case ownedFolder(
        FilePath, record: FolderRecord, files: [OutputFile],
        folderPermissions: FilePermissions = .privateDirectory, recordPermissions: FilePermissions = .privateFile)
}

/// Why the writer would not write, before anything was staged or renamed.
package enum OutputRefusal: Error, Equatable, CustomStringConvertible {
    /// An output is, holds or sits inside one of the run's inputs (see
    /// `OutputGuard`); one conflict per output, a folder's standing for the
    /// files that would go in it.
    case overInputs([OutputConflict])
    /// Files already in an owned folder that its record does not list (full
    /// paths): not this command's to replace.
    case notWrittenByAttune([FilePath])

    package var description: String {
        switch self {
        case .overInputs(let conflicts):
            return conflicts.map { "\($0.output): \($0.description)" }.joined(separator: "\n")
        case .notWrittenByAttune(let paths):
            return paths.map { "\($0): not written by Attune, so it will not be replaced" }.joined(separator: "\n")
        }
    }
}

/// What a write put in place.
package struct OutputWritten: Sendable, Equatable {
    /// Every file written, as full paths, in the order they were put in place.
    package var files: [FilePath]
    /// Files an owned folder's record listed that this run no longer makes,
    /// removed (relative to the folder).
    package var removed: [FilePath]
}

/// The one way Attune writes its outputs, whatever the command.
///
/// Every output is first checked against the run's inputs (`OutputGuard`:
/// never over an input, never among them), then staged in full under a
/// hidden name, then renamed into place in one change under the folder's
/// lock (`OutputRun`): a reader sees the old files or the new ones, a
/// failure or an interruption (`Interruption`) leaves the folder as it was
/// and no staging behind, and an owned folder's files that Attune did not
/// write are never replaced or removed. The pipelines say *what* they write
/// (`Output`); how is decided here, once, so those promises cannot differ
/// from one command to the next.
///
/// The disk is whatever `fileSystem` is: `LocalFileSystem`, or
/// `InMemoryFileSystem` (or a wrapper that fails on cue) in tests.
package struct OutputWriter: Sendable {
    package let fileSystem: FileSystem
    /// Told when another run holds the folder, before this one waits.
    let waiting: @Sendable (String) -> Void
    let interruption: Interruption

    package init(fileSystem: FileSystem, waiting: @escaping @Sendable (String) -> Void = OutputRun.sayWaiting) {
        self.init(fileSystem: fileSystem, waiting: waiting, interruption: .shared)
    }

    /// With an `Interruption` of the test's own (one that is interrupted
    /// never gives its gate back).
    package init(fileSystem: FileSystem, waiting: @escaping @Sendable (String) -> Void, interruption: Interruption) {
        self.fileSystem = fileSystem
        self.waiting = waiting
        self.interruption = interruption
    }

    /// Writes `output`, never over or among `inputs`.
    ///
    /// `filling` streams more files into a folder output after its `files`
    /// are staged (pages too large to hold whole, files made in parallel); it
    /// is not called for `.file`. `check` runs last, with the folder locked
    /// and every file staged: the moment to stop the change (a journal that
    /// changed since it was read). Whatever fails or throws, nothing is
    /// changed and nothing staged is left.
    @discardableResult
    package func write(
        _ output: Output, inputs: [FilePath] = [], check: () throws -> Void = {},
        filling: (StagedFolder) throws -> Void = { _ in }
    ) throws -> OutputWritten {
        switch output {
        case .file(let path, let data, let permissions):
            try refuseOverInputs([path], inputs: inputs)
            let folder = path.removingLastComponent()
            guard let name = path.lastComponent else { throw FileSystemError.io(path.string, "is not a file's path") }
            let staged = try open(folder.isEmpty ? "." : folder, record: nil, permissions: .privateDirectory)
            _ = try staged.commitOrDiscard(check: check) {
                try staged.stage(OutputFile(FilePath(name.string), data, permissions: permissions))
            }
            return OutputWritten(files: [path], removed: [])
        case .files(let files, let folder, let permissions):
            try refuseOverInputs([folder] + files.map { folder.pushing($0.path) }, inputs: inputs)
            let staged = try open(folder, record: nil, permissions: permissions)
            let removed = try staged.commitOrDiscard(check: check) {
                for file in files { try staged.stage(file) }
                try filling(staged)
            }
            return OutputWritten(files: staged.written, removed: removed)
        case .ownedFolder(let folder, let record, let files, let folderPermissions, let recordPermissions):
            try refuseOverInputs([folder] + files.map { folder.pushing($0.path) }, inputs: inputs)
            let staged = try open(folder, record: (record, recordPermissions), permissions: folderPermissions)
            let removed = try staged.commitOrDiscard(check: check) {
                try staged.refuseStrangers(files.map(\.path))
                for file in files { try staged.stage(file) }
                try filling(staged)
            }
            return OutputWritten(files: staged.written, removed: removed)
        }
    }

    private func refuseOverInputs(_ outputs: [FilePath], inputs: [FilePath]) throws {
        let conflicts = OutputGuard(fileSystem: fileSystem).refusals(outputs: outputs.map(\.string), inputs: inputs.map(\.string))
        if !conflicts.isEmpty { throw OutputRefusal.overInputs(conflicts) }
    }

    private func open(_ folder: FilePath, record: (FolderRecord, FilePermissions)?, permissions: FilePermissions) throws -> StagedFolder {
        let run = try OutputRun(
            fileSystem: fileSystem, folder: folder.string, permissions: permissions, waiting: waiting, interruption: interruption)
        do {
            // Read under the lock: a run that finished meanwhile changed it.
            let previous = try record.map { try $0.0.read(in: folder.string, fileSystem: fileSystem) ?? [] } ?? []
            return StagedFolder(run: run, folder: folder, record: record, previous: previous.map { FilePath($0) })
        } catch {
            run.discard()
            throw error
        }
    }
}

/// A folder output while it is being filled: files staged under hidden
/// names, in the order they will be put in place. Given to `filling`.
package final class StagedFolder: @unchecked Sendable {
    /// The output folder.
    package let folder: FilePath
    /// What the folder's record listed when the run began (relative paths);
    /// empty without a record.
    package let previous: [FilePath]
    let run: OutputRun
    let record: (FolderRecord, FilePermissions)?
    private let lock = NSLock()
    /// Relative paths, in the order `commit` puts them in place.
    private var order: [FilePath] = []

    init(run: OutputRun, folder: FilePath, record: (FolderRecord, FilePermissions)?, previous: [FilePath]) {
        self.run = run
        self.folder = folder
        self.record = record
        self.previous = previous
    }

    /// The full path `relative` has once written.
    package func target(_ relative: FilePath) -> FilePath { folder.pushing(relative) }

    /// Every file staged so far, as full paths, in the order they will be put in place.
    package var written: [FilePath] { lock.withLock { order }.map(target) }

    /// Stages `file` and lists it to be put in place after those listed before.
    package func stage(_ file: OutputFile) throws {
        try run.stage(file.data, as: file.path.string, permissions: file.permissions)
        list([file.path])
    }

    /// Stages `file` without listing it, from any thread: `list` then puts
    /// such files in order (files made in parallel, listed in input order,
    /// so the output is the same whatever the number of workers).
    package func stageUnlisted(_ file: OutputFile) throws {
        try run.stage(file.data, as: file.path.string, permissions: file.permissions)
    }

    /// Lists files staged with `stageUnlisted` (or streamed), in this order.
    package func list(_ paths: [FilePath]) {
        lock.withLock { order += paths }
    }

    /// Adds to the end of a staged file, creating it; list it once (`list`).
    package func append(_ data: Data, to relative: FilePath, permissions: FilePermissions) throws {
        try run.append(data, to: relative.string, permissions: permissions)
    }

    /// The staged bytes of `relative` so far.
    package func staged(_ relative: FilePath) throws -> Data {
        try run.fileSystem.readData(at: run.stagedPath(relative.string))
    }

    /// Replaces a staged file's bytes.
    package func rewrite(_ data: Data, as relative: FilePath, permissions: FilePermissions) throws {
        try run.rewrite(data, as: relative.string, permissions: permissions)
    }

    /// Removes a file staged but not to be used (a worker's, after a failure).
    package func unstage(_ relative: FilePath) {
        run.unstage(relative.string)
    }

    /// Puts `relative` last: a page that links to the others lands after them.
    package func putLast(_ relative: FilePath) {
        lock.withLock {
            guard let index = order.lastIndex(of: relative) else { return }
            order.append(order.remove(at: index))
        }
    }

    /// Refuses, changing nothing, if any of `relatives` is already in an
    /// owned folder without its record listing it. (Nothing to refuse in a
    /// folder without a record.)
    package func refuseStrangers(_ relatives: [FilePath]) throws {
        guard let (record, _) = record else { return }
        let strangers = record.strangers(
            relatives.map(\.string), previous: previous.map(\.string), in: folder.string, fileSystem: run.fileSystem)
        if !strangers.isEmpty { throw OutputRefusal.notWrittenByAttune(strangers.map { target(FilePath($0)) }) }
    }

    /// Runs `body` (which stages), then `check`, then puts everything in
    /// place; removes what was staged if any of it throws. Returns what an
    /// owned folder's record listed that this run did not make, removed.
    func commitOrDiscard(check: () throws -> Void, _ body: () throws -> Void) throws -> [FilePath] {
        do {
            try body()
            let files = lock.withLock { order }
            guard let (record, permissions) = record else {
                try run.commit(files.map(\.string), check: check)
                return []
            }
            try refuseStrangers(files)
            let current = Set(files)
            let stale = previous.filter { !current.contains($0) }
            let listed = (files + stale).map(\.string)
            try run.commit(
                files.map(\.string), removing: stale.map(\.string),
                record: OutputRun.Record(
                    name: record.name, before: Data(record.text(listing: listed).utf8),
                    after: Data(record.text(listing: files.map(\.string)).utf8), permissions: permissions),
                check: check)
            return stale
        } catch {
            run.discard()
            throw error
        }
    }
}
