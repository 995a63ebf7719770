import Diagnostics
import Files
import Foundation

/// The output folder while a run fills it: files staged under hidden names,
/// renamed into place by `commit()`, removed by `discard()`.
///
/// The pages that grow with the cohort (`all.html`, with every handout, and
/// `index.html`, with a row per trainee) are streamed to their staged files:
/// the page's head, then each handout's part as it is rendered, then the
/// tail. Only their size and running hash stay in memory, which keeps
/// memory flat however large the cohort.
struct Output {
    let directory: String
    private var staged: StagedWrites
    private var streams: [String: Stream] = [:]

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
        self.directory = directory
        self.staged = StagedWrites(fileSystem: fileSystem)
    }

    /// Every path `commit()` puts in place, in order.
    var written: [String] { staged.targets }

    func path(_ name: String) -> String { Self.join(directory, name) }

    static func join(_ directory: String, _ name: String) -> String {
        directory.hasSuffix("/") ? directory + name : directory + "/" + name
    }

    /// Creates the folder, or its hidden stand-in when it is new (see `Staging`).
    mutating func createDirectory() throws(HandoutsError) {
        do {
            staged = try StagedWrites(fileSystem: staged.fileSystem, creatingFolder: directory, permissions: .privateDirectory)
        } catch {
            throw Self.writeError(error, at: directory)
        }
    }

    /// How workers stage files on their own threads.
    var staging: Staging { staged.staging }

    /// Stages `data` as `name`; returns its manifest entry. Handouts are made
    /// to be handed on; the index, summary and manifest are the supervisor's.
    mutating func stage(_ data: Data, as name: String, permissions: FilePermissions = .privateFile) throws(HandoutsError) -> Manifest.File {
        do {
            try staged.stage(data, to: path(name), permissions: permissions)
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
    mutating func record(_ files: [Manifest.File]) {
        for file in files { staged.record(path(file.path)) }
    }

    /// Starts streaming the page `name` with `head`.
    mutating func start(_ name: String, head: String, permissions: FilePermissions) throws(HandoutsError) {
        var stream = Stream(head: Data(head.utf8), permissions: permissions)
        stream.head.withUnsafeBytes { stream.hash.add(buffer: $0) }
        stream.bytes = stream.head.count
        streams[name] = stream
        do {
            try staged.append(stream.head, to: path(name), permissions: permissions)
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
            try staged.append(stream.pending, to: path(name), permissions: stream.permissions)
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
            let stagedPath = staged.stagedPath(for: path(name))
            do {
                var file = Data(try staged.fileSystem.readText(at: stagedPath).utf8)
                file.replaceSubrange(0..<stream.head.count, with: head)
                try staged.fileSystem.write(file, to: stagedPath, permissions: stream.permissions)
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

    /// Puts `name` last in `commit()`'s order: a page that links to the
    /// others lands after them.
    mutating func commitLast(_ name: String) {
        staged.moveToEnd(path(name))
    }

    func commit() throws(HandoutsError) {
        do {
            try staged.commit()
        } catch {
            throw Self.writeError(error, at: directory)
        }
    }

    func discard() { staged.discard() }

    static func writeError(_ error: Error, at path: String) -> HandoutsError {
        HandoutsError(step: .write, diagnostics: [.error("cannot write: \(error)", at: SourceLocation(path: path, line: 1, column: 1))])
    }
}
