import ContentModel
import Diagnostics
import Files
import Foundation
import struct SystemPackage.FilePath

/// The output folder while a run fills it, a folder Attune owns written
/// through `OutputWriter`: files staged under hidden names in `folder`,
/// which the writer renames into place, in the order listed, once the run's
/// `filling` returns, or removes if it throws.
///
/// The pages that grow with the cohort (`all.html`, with every handout, and
/// `index.html`, with a row per trainee) are streamed to their staged files:
/// the page's head, then each handout's part as it is rendered, then the
/// tail. Only their size and running hash stay in memory, which keeps
/// memory flat however large the cohort.
struct Output {
    let directory: String
    let fileSystem: FileSystem
    /// The change under way, from `begin(_:planned:)` on.
    private(set) var folder: StagedFolder?
    private var streams: [String: Stream] = [:]

    /// The folder's record of what `attune handouts` wrote there.
    static let record = FolderRecord(name: ".attune-handouts", command: "attune handouts")

    /// One streamed page: what was written as its head, a running hash, and
    /// the bytes not yet written (appended a quarter-megabyte at a time
    /// rather than once per handout).
    private struct Stream {
        var head: Data
        var permissions: FilePermissions
        var hash = FNV1a64()
        var bytes = 0
        var pending = Data()
    }

    init(fileSystem: FileSystem, directory: String) {
        self.directory = directory.count > 1 && directory.hasSuffix("/") ? String(directory.dropLast()) : directory
        self.fileSystem = fileSystem
    }

    func path(_ name: String) -> String { Self.join(directory, name) }

    static func join(_ directory: String, _ name: String) -> String {
        FilePath(directory).appending(name).string
    }

    /// Takes the folder the writer is filling, then refuses, before anything
    /// is rendered, any of `planned` that is already in the folder but not in
    /// its record: a file Attune did not write.
    mutating func begin(_ folder: StagedFolder, planned: [String]) throws(HandoutsError) {
        self.folder = folder
        do {
            try folder.refuseStrangers(planned.map { FilePath($0) })
        } catch {
            throw Self.writeError(error, at: directory)
        }
    }

    /// The run's error for what the writer refused or failed to do.
    static func writeError(_ error: Error, at path: String) -> HandoutsError {
        if let error = error as? HandoutsError { return error }
        if case OutputRefusal.notWrittenByAttune(let strangers) = error {
            return HandoutsError(step: .write, diagnostics: strangers.map { stranger in
                .error(
                    "this file was not written by 'attune handouts' (\(Self.record.name) does not list it), so Attune will not replace it; nothing was changed: move it away or choose another folder with --out",
                    at: SourceLocation(path: stranger.string, line: 1, column: 1))
            })
        }
        return HandoutsError(step: .write, diagnostics: [.error("cannot write: \(error)", at: SourceLocation(path: path, line: 1, column: 1))])
    }

    /// Stages `data` as `name`; returns its manifest entry. Handouts are made
    /// to be handed on; the index, summary and manifest are the supervisor's.
    mutating func stage(_ data: Data, as name: String, permissions: FilePermissions = .privateFile) throws(HandoutsError) -> Manifest.File {
        do {
            try folder!.stage(OutputFile(FilePath(name), data, permissions: permissions))
        } catch {
            throw Self.writeError(error, at: path(name))
        }
        return Manifest.File(path: name, data: data)
    }

    /// Stages `pieces` one after another as `name`, a quarter-megabyte at a
    /// time, never joined in memory.
    mutating func stage(_ pieces: [String], as name: String, permissions: FilePermissions = .privateFile) throws(HandoutsError) -> Manifest.File {
        try start(name, head: "", permissions: permissions)
        for piece in pieces {
            var rest = piece.utf8[...]
            while !rest.isEmpty {
                let chunk = rest.prefix(1 << 18)
                try append(Data(chunk), to: name)
                rest = rest[chunk.endIndex...]
            }
        }
        return try finish(name, head: "", tail: "")
    }

    /// Takes files a worker staged into the run, in the order given.
    func record(_ files: [Manifest.File]) {
        folder!.list(files.map { FilePath($0.path) })
    }

    /// Starts streaming the page `name` with `head`.
    mutating func start(_ name: String, head: String, permissions: FilePermissions) throws(HandoutsError) {
        var stream = Stream(head: Data(head.utf8), permissions: permissions)
        stream.head.withUnsafeBytes { stream.hash.add(buffer: $0) }
        stream.bytes = stream.head.count
        streams[name] = stream
        folder!.list([FilePath(name)])
        do {
            try folder!.append(stream.head, to: FilePath(name), permissions: permissions)
        } catch {
            throw Self.writeError(error, at: path(name))
        }
    }

    /// Adds to a page started with `start`.
    mutating func append(_ data: Data, to name: String) throws(HandoutsError) {
        streams[name]!.pending.append(data)
        data.withUnsafeBytes { streams[name]!.hash.add(buffer: $0) }
        streams[name]!.bytes += data.count
        if streams[name]!.pending.count >= 1 << 18 { try flush(name) }
    }

    private mutating func flush(_ name: String) throws(HandoutsError) {
        guard let stream = streams[name], !stream.pending.isEmpty else { return }
        do {
            try folder!.append(stream.pending, to: FilePath(name), permissions: stream.permissions)
        } catch {
            throw Self.writeError(error, at: path(name))
        }
        streams[name]!.pending.removeAll(keepingCapacity: true)
    }

    /// Closes the page `name` with `tail`. A page's head is rendered before
    /// its body is known; when the final head differs (only `--keep-going`
    /// changes who is listed), the staged file is read back once to swap it:
    /// the rare case pays, the common one streams.
    mutating func finish(_ name: String, head: String, tail: String) throws(HandoutsError) -> Manifest.File {
        try flush(name)
        let head = Data(head.utf8)
        let stream = streams[name]!
        if stream.head != head {
            do {
                var file = try folder!.staged(FilePath(name))
                file.replaceSubrange(0..<stream.head.count, with: head)
                try folder!.rewrite(file, as: FilePath(name), permissions: stream.permissions)
                streams[name]!.hash = FNV1a64()
                file.withUnsafeBytes { streams[name]!.hash.add(buffer: $0) }
                streams[name]!.bytes = file.count
                streams[name]!.head = head
            } catch {
                throw Self.writeError(error, at: path(name))
            }
        }
        try append(Data(tail.utf8), to: name)
        try flush(name)
        let finished = streams.removeValue(forKey: name)!
        return Manifest.File(path: name, bytes: finished.bytes, hash: finished.hash.hex)
    }

    /// Puts `name` last: a page that links to the others lands after them.
    func commitLast(_ name: String) {
        folder!.putLast(FilePath(name))
    }
}
