import ContentModel
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
    let fileSystem: FileSystem
    /// The change under way, from `createDirectory()` on.
    private(set) var run: OutputRun?
    /// Names relative to the folder, in the order `commit()` puts them in place.
    private var staged: [String] = []
    /// What the folder's record listed when the run began.
    private var previous: [String] = []
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

    /// Every path `commit()` puts in place, in order.
    var written: [String] { staged.map(path) }

    func path(_ name: String) -> String { Self.join(directory, name) }

    static func join(_ directory: String, _ name: String) -> String {
        directory.hasSuffix("/") ? directory + name : directory + "/" + name
    }

    /// Locks the folder and starts staging (see `OutputRun`), then refuses,
    /// before anything is rendered, any of `planned` that is already in the
    /// folder but not in its record: a file Attune did not write.
    mutating func createDirectory(planned: [String]) throws(HandoutsError) {
        do {
            run = try OutputRun(fileSystem: fileSystem, folder: directory, permissions: .privateDirectory)
            previous = try Self.record.read(in: directory, fileSystem: fileSystem) ?? []
        } catch {
            run?.discard()
            throw Self.writeError(error, at: directory)
        }
        try refuseStrangers(planned)
    }

    /// Stops the run, nothing changed, if any of `names` would replace a file
    /// the record does not list.
    private func refuseStrangers(_ names: [String]) throws(HandoutsError) {
        let strangers = Self.record.strangers(names, previous: previous, in: directory, fileSystem: fileSystem)
        guard !strangers.isEmpty else { return }
        run?.discard()
        throw HandoutsError(step: .write, diagnostics: strangers.map { name in
            .error(
                "this file was not written by 'attune handouts' (\(Self.record.name) does not list it), so Attune will not replace it; nothing was changed: move it away or choose another folder with --out",
                at: SourceLocation(path: path(name), line: 1, column: 1))
        })
    }

    /// Stages `data` as `name`; returns its manifest entry. Handouts are made
    /// to be handed on; the index, summary and manifest are the supervisor's.
    mutating func stage(_ data: Data, as name: String, permissions: FilePermissions = .privateFile) throws(HandoutsError) -> Manifest.File {
        do {
            try run!.stage(data, as: name, permissions: permissions)
        } catch {
            throw Self.writeError(error, at: path(name))
        }
        staged.append(name)
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
        staged += files.map(\.path)
    }

    /// Starts streaming the page `name` with `head`.
    mutating func start(_ name: String, head: String, permissions: FilePermissions) throws(HandoutsError) {
        var stream = Stream(head: Data(head.utf8), permissions: permissions)
        stream.head.withUnsafeBytes { stream.hash.add(buffer: $0) }
        stream.bytes = stream.head.count
        streams[name] = stream
        staged.append(name)
        do {
            try run!.append(stream.head, to: name, permissions: permissions)
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
            try run!.append(stream.pending, to: name, permissions: stream.permissions)
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
                var file = Data(try fileSystem.readText(at: run!.stagedPath(name)).utf8)
                file.replaceSubrange(0..<stream.head.count, with: head)
                try run!.rewrite(file, as: name, permissions: stream.permissions)
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
        guard let index = staged.lastIndex(of: name) else { return }
        staged.append(staged.remove(at: index))
    }

    /// Puts every staged file in place and removes the files the record
    /// lists that this run did not make (trainees no longer on the roster, a
    /// format no longer asked for); the record then lists this run's files.
    func commit() throws(HandoutsError) {
        try refuseStrangers(staged)
        let current = Set(staged)
        let stale = previous.filter { !current.contains($0) }
        do {
            try run!.commit(
                staged, removing: stale,
                record: OutputRun.Record(
                    name: Self.record.name, before: Data(Self.record.text(listing: previous + staged).utf8),
                    after: Data(Self.record.text(listing: staged).utf8), permissions: .privateFile))
        } catch {
            throw Self.writeError(error, at: directory)
        }
    }

    func discard() { run?.discard() }

    static func writeError(_ error: Error, at path: String) -> HandoutsError {
        HandoutsError(step: .write, diagnostics: [.error("cannot write: \(error)", at: SourceLocation(path: path, line: 1, column: 1))])
    }
}
