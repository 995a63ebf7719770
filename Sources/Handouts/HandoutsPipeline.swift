import ContentModel
import Diagnostics
import Files
import Foundation
import Workbook

/// What `attune handouts` was asked to do.
public struct HandoutsRequest: Sendable {
    /// A `.yaml`, `.yml` or `.csv` file.
    public var roster: String
    public var overrides: RosterOverrides
    public var outputDirectory: String
    public var formats: [OutputFormat]
    /// Write the good handouts even when some trainees' rows have problems.
    public var keepGoing: Bool
    public var contentOverlay: String?
    public var templatesOverlay: String?
    /// How many handouts render at once. The output is byte-identical for any number.
    public var workers: Int

    public init(
        roster: String, overrides: RosterOverrides, outputDirectory: String = "handouts",
        formats: [OutputFormat] = OutputFormat.allCases, keepGoing: Bool = false,
        contentOverlay: String? = nil, templatesOverlay: String? = nil,
        workers: Int = ProcessInfo.processInfo.activeProcessorCount
    ) {
        self.roster = roster
        self.overrides = overrides
        self.outputDirectory = outputDirectory
        self.formats = formats
        self.keepGoing = keepGoing
        self.contentOverlay = contentOverlay
        self.templatesOverlay = templatesOverlay
        self.workers = max(1, workers)
    }
}

/// The run, one named step after another. Each reads what the last made.
public enum HandoutsStep: String, Sendable {
    case loadResources = "load content and templates"
    case readRoster = "read the roster"
    case readJournals = "read shared journals"
    /// Where shared journals' text is checked (see `SharedJournalCheck`).
    case checkJournals = "check shared journals"
    case render = "render handouts"
    case write = "write files"
}

/// A failed run: the step it stopped in and every problem found by then.
/// Nothing has been written when this is thrown.
public struct HandoutsError: Error, Sendable, CustomStringConvertible {
    public var step: HandoutsStep
    public var diagnostics: [Diagnostic]

    public var description: String {
        diagnostics.map(\.description).joined(separator: "\n")
    }
}

/// What a run wrote.
public struct HandoutsReport: Sendable {
    public var outputDirectory: String
    /// Trainees who got a handout (in each requested format).
    public var handouts: Int
    /// Every path written, in order.
    public var files: [String]
    public var index: String
    /// With `--keep-going`: the problems of the trainees left out. The run
    /// still failed for them, and the command exits non-zero.
    public var problems: [Diagnostic]
    public var skipped: Int
}

/// How far a long run has got, for a progress bar.
public struct HandoutsProgress: Sendable, Equatable {
    public var done: Int
    public var total: Int
}

/// Makes a cohort's handouts from a roster:
/// load material → read the roster → read the journals trainees shared →
/// check those journals → render each handout and stage it → stage the
/// cohort's pages → put everything in place.
///
/// Every problem in every input is reported before anything is written:
/// each file is staged under a hidden name as soon as it is rendered, and
/// only when every file is staged are they all renamed into place (see
/// `StagedWrites`). Handouts render in parallel, a batch at a time, and are
/// staged in roster order, so memory stays flat however large the cohort and
/// the output is byte-identical whatever the number of workers.
public struct HandoutsPipeline: Sendable {
    public let fileSystem: FileSystem
    /// The check each shared journal goes through before anything is written.
    public var journalCheck: SharedJournalCheck?
    public var progress: @Sendable (HandoutsProgress) -> Void

    public init(
        fileSystem: FileSystem = LocalFileSystem(), journalCheck: SharedJournalCheck? = nil,
        progress: @escaping @Sendable (HandoutsProgress) -> Void = { _ in }
    ) {
        self.fileSystem = fileSystem
        self.journalCheck = journalCheck
        self.progress = progress
    }

    public func run(_ request: HandoutsRequest) throws(HandoutsError) -> HandoutsReport {
        let resources = try step(.loadResources) { () throws(DiagnosticError) in
            try Resources.load(
                contentOverlay: request.contentOverlay, templatesOverlay: request.templatesOverlay, fileSystem: fileSystem)
        }
        var cohort = try readRoster(request, content: resources.content)
        try readSharedJournals(&cohort, content: resources.content)
        cohort.nameFiles()
        let renderer = HandoutRenderer(
            resources: resources,
            roster: .init(cohort: cohort.roster.cohort, supervisor: cohort.roster.supervisor, week: cohort.roster.week, notes: cohort.roster.notes),
            focuses: Set(cohort.members.map(\.trainee.focus)))

        var output = Output(fileSystem: fileSystem, directory: request.outputDirectory)
        var page = request.formats.contains(.html) ? try allPage(cohort, renderer: renderer, resources: resources) : nil
        output.allHead = page.map { Data($0.head.utf8) }
        let listed = cohort.members.count
        do {
            let produced = try renderAndStage(&cohort, renderer: renderer, output: &output, request: request)
            if page != nil, cohort.members.count != listed {
                // Only --keep-going leaves someone out after the page was made.
                page = try allPage(cohort, renderer: renderer, resources: resources)
            }
            try stageCohortPages(
                cohort, produced: produced, allPage: page, renderer: renderer, resources: resources, output: &output, request: request)
            try output.commit()
        } catch {
            output.discard()
            throw error
        }
        return HandoutsReport(
            outputDirectory: request.outputDirectory, handouts: cohort.members.count, files: output.written,
            index: output.path(CohortPages.indexFile),
            problems: cohort.failures.problems, skipped: cohort.roster.skipped.count)
    }

    /// The roster, checked. A problem with the roster as a whole stops the run
    /// even with `--keep-going`; a problem in one row costs only that trainee.
    private func readRoster(_ request: HandoutsRequest, content: ContentModel) throws(HandoutsError) -> Cohort {
        let reading = RosterReader(fileSystem: fileSystem, content: content).read(request.roster, overrides: request.overrides)
        guard let roster = reading.roster else {
            throw HandoutsError(step: .readRoster, diagnostics: (reading.rosterProblems + reading.traineeProblems).sortedByLocation)
        }
        var cohort = Cohort(roster: roster, keepGoing: request.keepGoing)
        try cohort.failures.settle(reading.traineeProblems, step: .readRoster)
        return cohort
    }

    /// Reads, checks and reduces each shared journal to what the summary counts.
    private func readSharedJournals(_ cohort: inout Cohort, content: ContentModel) throws(HandoutsError) {
        let read = SharedJournalReader(fileSystem: fileSystem, content: content)
            .read(cohort.members.map(\.trainee), week: cohort.roster.week, check: journalCheck)
        for (index, facts) in read.facts { cohort.members[index].facts = facts }
        let unshared = try cohort.failures.settle(read.problems, step: .readJournals)
            .union(cohort.failures.settle(read.checkProblems, step: .checkJournals))
        cohort.leaveOut(unshared)
    }

    /// What the cohort's pages keep of each staged handout, already as text:
    /// its row of `index.html` and its entry in `manifest.json`.
    struct Produced {
        var rows = ""
        var entries: [String] = []
    }

    /// One handout as a worker left it: its files already staged (not yet
    /// recorded), its article for `all.html`, or why it could not be made.
    enum Staged: Sendable {
        case staged(files: [Manifest.File], article: String?, row: String, entry: String)
        case failedToRender([Diagnostic])
        case failedToWrite(HandoutsError)
    }

    /// Renders and stages the handouts in parallel, a batch at a time; then,
    /// in roster order, records each one's staged files and adds its article
    /// to `all.html`. Writing on the workers keeps both cores busy with the
    /// disk as well as the templates; recording in order keeps the output
    /// byte-identical whatever the number of workers.
    private func renderAndStage(
        _ cohort: inout Cohort, renderer: HandoutRenderer, output: inout Output, request: HandoutsRequest
    ) throws(HandoutsError) -> Produced {
        let (members, stems) = (cohort.members, cohort.stems)
        let formats = request.formats.sorted()
        let directory = output.directory
        let fileSystem = self.fileSystem
        var produced = Produced()
        var problems: [Int: [Diagnostic]] = [:]
        var writeFailure: HandoutsError?
        try output.createDirectory()
        try output.startAll()
        forEachRendered(count: members.count, workers: request.workers) { index -> Staged in
            let handout: RenderedHandout
            do throws(DiagnosticError) {
                handout = try renderer.render(members[index].trainee, anchor: Self.anchor(stems[index]))
            } catch {
                return .failedToRender(error.diagnostics.map { Self.about(members[index].trainee, $0) })
            }
            var files: [Manifest.File] = []
            for format in formats {
                let name = "\(stems[index]).\(format.fileExtension)"
                let data = Data(handout.text(for: format).utf8)
                do {
                    try StagedWrites.stage(data, to: Output.join(directory, name), permissions: .sharedFile, on: fileSystem)
                } catch {
                    // Files staged but never recorded must not outlive the run.
                    for file in files { try? fileSystem.removeFile(at: StagedWrites.stagedPath(for: Output.join(directory, file.path))) }
                    return .failedToWrite(Output.writeError(error, at: Output.join(directory, name)))
                }
                files.append(Manifest.File(path: name, data: data))
            }
            let trainee = members[index].trainee
            let row = CohortPages.IndexRow(
                trainee: trainee.name,
                focusTitle: renderer.resources.content.week(trainee.focus)?.title ?? trainee.focus,
                files: files.map { CohortPages.IndexLink(path: $0.path, label: $0.path.hasSuffix(".html") ? "HTML" : "Markdown") },
                hasNote: trainee.note != nil, sharedJournal: trainee.journal != nil)
            do throws(DiagnosticError) {
                return .staged(
                    files: files, article: formats.contains(.html) ? handout.article : nil,
                    row: try CohortPages.indexRow(row, resources: renderer.resources),
                    entry: ManifestJSON.entry(Manifest.Handout(trainee: trainee.name, focus: trainee.focus, files: files)))
            } catch {
                for file in files { try? fileSystem.removeFile(at: StagedWrites.stagedPath(for: Output.join(directory, file.path))) }
                return .failedToRender(error.diagnostics.map { Self.about(trainee, $0) })
            }
        } use: { index, result in
            switch result {
            case .failedToRender(let diagnostics):
                problems[index] = diagnostics
            case .failedToWrite(let error):
                writeFailure = writeFailure ?? error
            case .staged(let files, let article, let row, let entry):
                output.record(files)
                // Without --keep-going one failure dooms the run: keep rendering only to find every problem.
                guard writeFailure == nil, problems.isEmpty || request.keepGoing else { break }
                do throws(HandoutsError) {
                    if let article { try output.appendToAll(Data(article.utf8)) }
                } catch {
                    writeFailure = error
                }
                produced.rows += row
                produced.entries.append(entry)
            }
            return writeFailure == nil
        }
        if let writeFailure { throw writeFailure }
        cohort.leaveOut(try cohort.failures.settle(problems, step: .render))
        guard !cohort.members.isEmpty else {
            throw HandoutsError(step: .render, diagnostics: cohort.failures.problems)
        }
        return produced
    }

    /// `all.html` around the staged articles, the summary, the index and the manifest.
    private func stageCohortPages(
        _ cohort: Cohort, produced: Produced, allPage: (head: String, tail: String)?, renderer: HandoutRenderer,
        resources: Resources, output: inout Output, request: HandoutsRequest
    ) throws(HandoutsError) {
        let roster = cohort.roster
        let withHTML = allPage != nil
        let shared = cohort.members.compactMap(\.facts)
        let skipped = roster.skipped.sorted { $0.location < $1.location }.map { $0.name ?? "the row at line \($0.location.line)" }
        var cohortFiles: [Manifest.File] = []
        if let allPage {
            cohortFiles.append(try output.finishAll(head: Data(allPage.head.utf8), tail: Data(allPage.tail.utf8)))
        }
        let (summary, index) = try step(.render) { () throws(DiagnosticError) in
            let summary = shared.isEmpty ? nil : try CohortPages.summaryPage(
                CohortSummary(shared, content: resources.content), roster: roster, stylesheet: renderer.stylesheet, resources: resources)
            let index = try CohortPages.indexPage(CohortPages.IndexPage(
                lang: "en", title: "\(roster.cohort) · \(roster.week) · handouts",
                cohort: roster.cohort, supervisor: roster.supervisor, week: roster.week.description,
                dates: roster.week.readableDates, count: "\(cohort.members.count)",
                allFile: withHTML ? CohortPages.allFile : nil, summaryFile: shared.isEmpty ? nil : CohortPages.summaryFile,
                manifestFile: CohortPages.manifestFile, hashName: FNV1a64.name,
                handouts: CohortPages.rowsMarker, hasSkipped: !skipped.isEmpty, skipped: skipped, roster: roster.path,
                stylesheet: renderer.stylesheet, contentFingerprint: resources.fingerprint), resources: resources)
            return (summary, index)
        }
        if let summary {
            cohortFiles.append(try output.stage(Data(summary.utf8), as: CohortPages.summaryFile))
        }
        cohortFiles.append(try output.stage(
            [Data(index.head.utf8), Data(produced.rows.utf8), Data(index.tail.utf8)], as: CohortPages.indexFile))

        let manifest = Manifest(
            cohort: roster.cohort, supervisor: roster.supervisor, week: roster.week.description, roster: roster.path,
            material: .init(
                fingerprint: resources.fingerprint,
                contentOverlay: overlay(request.contentOverlay), templatesOverlay: overlay(request.templatesOverlay)),
            handouts: [], cohortFiles: cohortFiles, notProduced: skipped)
        _ = try output.stage(Data(ManifestJSON.document(manifest, entries: produced.entries).utf8), as: CohortPages.manifestFile)
    }

    /// `all.html`'s page around the handouts of the members still in the run.
    private func allPage(
        _ cohort: Cohort, renderer: HandoutRenderer, resources: Resources
    ) throws(HandoutsError) -> (head: String, tail: String) {
        try step(.render) { () throws(DiagnosticError) in
            let contents = zip(cohort.members, cohort.stems).map { (name: $0.trainee.name, anchor: Self.anchor($1)) }
            return try CohortPages.allPage(roster: cohort.roster, trainees: contents, stylesheet: renderer.stylesheet, resources: resources)
        }
    }

    /// Renders `count` handouts in batches: each batch in parallel on
    /// `workers` threads, then handed to `use` one by one in roster order.
    /// Only one batch of rendered handouts is ever in memory. Every result of
    /// a batch reaches `use`; once `use` returns false, no further batch starts.
    private func forEachRendered<T: Sendable>(
        count: Int, workers: Int,
        render: @Sendable (Int) -> T,
        use: (Int, T) -> Bool
    ) {
        let batch = workers * 8
        var start = 0
        var goOn = true
        while start < count, goOn {
            let range = start..<min(count, start + batch)
            for (offset, result) in Parallel.map(range, workers: workers, render).enumerated() {
                goOn = use(range.lowerBound + offset, result) && goOn
            }
            start = range.upperBound
            progress(HandoutsProgress(done: start, total: count))
        }
    }

    /// A user's overlay folder in the manifest, hashed like the bundled material.
    private func overlay(_ directory: String?) -> Manifest.Overlay? {
        guard let directory, let names = try? fileSystem.files(under: directory) else { return nil }
        var hash = FNV1a64()
        for name in names {
            let text = (try? fileSystem.readText(at: Output.join(directory, name))) ?? ""
            hash.add(Array(name.utf8) + [0] + Array(text.utf8) + [0])
        }
        return Manifest.Overlay(path: directory, hash: hash.hex)
    }

    private func step<T>(_ step: HandoutsStep, _ body: () throws(DiagnosticError) -> T) throws(HandoutsError) -> T {
        do {
            return try body()
        } catch {
            throw HandoutsError(step: step, diagnostics: error.diagnostics)
        }
    }

    /// The handout's id in all.html; the prefix keeps it apart from the page's own ids.
    static func anchor(_ stem: String) -> String { "handout-" + stem }

    /// A template problem names the template; say whose handout met it.
    static func about(_ trainee: Trainee, _ diagnostic: Diagnostic) -> Diagnostic {
        var diagnostic = diagnostic
        diagnostic.message += " (in the handout for '\(trainee.name)')"
        return diagnostic
    }
}

/// The output folder while a run fills it: files staged under hidden names,
/// renamed into place by `commit()`, removed by `discard()`.
struct Output {
    let directory: String
    private var staged: StagedWrites
    /// `all.html` is the one output that grows with the cohort, so it is
    /// streamed to its staged file (its page's head, then each handout's
    /// article as it is rendered, then the tail); only its size and running
    /// hash stay in memory, which keeps memory flat however large the cohort.
    var allHead: Data?
    private var allHash = FNV1a64()
    private var allBytes = 0
    private var pendingAll = Data()

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

    func createDirectory() throws(HandoutsError) {
        do {
            try staged.fileSystem.createDirectory(at: directory, permissions: .privateDirectory)
        } catch {
            throw Self.writeError(error, at: directory)
        }
    }

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

    /// Stages `pieces` one after another as `name`, never joined in memory.
    mutating func stage(_ pieces: [Data], as name: String, permissions: FilePermissions = .privateFile) throws(HandoutsError) -> Manifest.File {
        var hash = FNV1a64()
        var bytes = 0
        do {
            for piece in pieces {
                try staged.append(piece, to: path(name), permissions: permissions)
                piece.withUnsafeBytes { hash.add(buffer: $0) }
                bytes += piece.count
            }
        } catch {
            throw Self.writeError(error, at: path(name))
        }
        return Manifest.File(path: name, bytes: bytes, hash: hash.hex)
    }

    /// Takes files a worker staged into the run, in the order given.
    mutating func record(_ files: [Manifest.File]) {
        for file in files { staged.record(path(file.path)) }
    }

    /// Writes `all.html`'s head, once the folder exists.
    mutating func startAll() throws(HandoutsError) {
        guard let allHead else { return }
        try appendToAll(allHead)
        try flushAll()
    }

    /// Adds to `all.html`, written a quarter-megabyte at a time rather than
    /// once per handout.
    mutating func appendToAll(_ data: Data) throws(HandoutsError) {
        pendingAll.append(data)
        data.withUnsafeBytes { allHash.add(buffer: $0) }
        allBytes += data.count
        if pendingAll.count >= 1 << 18 { try flushAll() }
    }

    private mutating func flushAll() throws(HandoutsError) {
        let target = path(CohortPages.allFile)
        do {
            try staged.append(pendingAll, to: target, permissions: .sharedFile)
        } catch {
            throw Self.writeError(error, at: target)
        }
        pendingAll.removeAll(keepingCapacity: true)
    }

    /// Closes `all.html` with `tail`. When the head changed (only
    /// `--keep-going` changes who is listed), the staged file is read back
    /// once to swap it: the rare case pays, the common one streams.
    mutating func finishAll(head: Data, tail: Data) throws(HandoutsError) -> Manifest.File {
        let target = path(CohortPages.allFile)
        try flushAll()
        if let written = allHead, written != head {
            let stagedPath = StagedWrites.stagedPath(for: target)
            do {
                var file = Data(try staged.fileSystem.readText(at: stagedPath).utf8)
                file.replaceSubrange(0..<written.count, with: head)
                try staged.fileSystem.writeAtomically(file, to: stagedPath, permissions: .sharedFile)
                allHash = FNV1a64()
                file.withUnsafeBytes { allHash.add(buffer: $0) }
                allBytes = file.count
            } catch {
                throw Self.writeError(error, at: target)
            }
            allHead = head
        }
        try appendToAll(tail)
        try flushAll()
        return Manifest.File(path: CohortPages.allFile, bytes: allBytes, hash: allHash.hex)
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

/// The trainees still in the run, and what happened to the others.
struct Cohort {
    /// A trainee still in the run, with what their shared journal told the summary.
    struct Member: Sendable {
        var trainee: Trainee
        var facts: JournalFacts?
    }

    var roster: Roster
    var members: [Member]
    /// Each member's file name without extension, once `nameFiles()` has run.
    var stems: [String] = []
    var failures: Failures

    init(roster: Roster, keepGoing: Bool) {
        self.roster = roster
        self.members = roster.trainees.map { Member(trainee: $0) }
        self.failures = Failures(keepGoing: keepGoing)
    }

    /// File names are settled once, in roster order, before anything renders,
    /// so a trainee left out later does not change anyone else's.
    mutating func nameFiles() {
        var names = FileNames()
        stems = members.map { names.stem(for: $0.trainee.name) }
    }

    /// Takes the members at `indexes` out of the run (`--keep-going`).
    mutating func leaveOut(_ indexes: Set<Int>) {
        for index in indexes.sorted(by: >) {
            let trainee = members.remove(at: index).trainee
            if index < stems.count { stems.remove(at: index) }
            roster.skipped.append(SkippedTrainee(name: trainee.name, location: trainee.location))
        }
    }
}

/// Problems that belong to one trainee. Without `--keep-going` they stop the
/// run at the step that found them; with it, that trainee is left out and
/// the problems are kept for the report.
struct Failures {
    let keepGoing: Bool
    private(set) var problems: [Diagnostic] = []

    init(keepGoing: Bool) { self.keepGoing = keepGoing }

    mutating func settle(_ found: [Diagnostic], step: HandoutsStep) throws(HandoutsError) {
        guard !found.isEmpty else { return }
        guard keepGoing else { throw HandoutsError(step: step, diagnostics: found) }
        problems += found
    }

    /// The same for problems keyed by member index; returns the indexes to leave out.
    mutating func settle(_ found: [Int: [Diagnostic]], step: HandoutsStep) throws(HandoutsError) -> Set<Int> {
        try settle(found.keys.sorted().flatMap { found[$0]! }, step: step)
        return Set(found.keys)
    }
}

