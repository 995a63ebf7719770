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
/// Nothing has been written when this is thrown before `.write`.
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
    /// Handouts written: one per trainee, in each requested format.
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
    public enum Phase: String, Sendable {
        /// Every handout is rendered once, kept nowhere, to prove it renders.
        case checking = "Checking"
        /// Rendered again and written, a few at a time.
        case writing = "Writing"
    }

    public var phase: Phase
    public var done: Int
    public var total: Int
}

/// Makes a cohort's handouts from a roster:
/// load material → read the roster → read the journals trainees shared →
/// check those journals → render every handout (writing nothing) → render
/// again and write each handout as it is ready, then the cohort's pages.
///
/// Every problem in every input is reported before anything is written. The
/// handouts render in parallel but are written in roster order, a few at a
/// time, so memory stays flat however large the cohort, and the output is
/// byte-identical whatever the number of workers.
public struct HandoutsPipeline: Sendable {
    public let fileSystem: FileSystem
    /// The check each shared journal's text goes through before anything is written.
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

    /// A trainee still in the run, with what their shared journal told the summary.
    struct Member: Sendable {
        var trainee: Trainee
        var facts: JournalFacts?
    }

    public func run(_ request: HandoutsRequest) throws(HandoutsError) -> HandoutsReport {
        let resources = try step(.loadResources) { () throws(DiagnosticError) in
            try Resources.load(
                contentOverlay: request.contentOverlay, templatesOverlay: request.templatesOverlay, fileSystem: fileSystem)
        }
        var failures = Failures(keepGoing: request.keepGoing)

        // A problem with the roster as a whole stops the run even with --keep-going.
        let reading = RosterReader(fileSystem: fileSystem, content: resources.content)
            .read(request.roster, overrides: request.overrides)
        guard var roster = reading.roster else {
            throw HandoutsError(step: .readRoster, diagnostics: (reading.rosterProblems + reading.traineeProblems).sortedByLocation)
        }
        try failures.settle(reading.traineeProblems, step: .readRoster)
        var members = roster.trainees.map { Member(trainee: $0) }

        // Shared journals: read one by one, checked, reduced to what the summary counts.
        let read = SharedJournalReader(fileSystem: fileSystem, content: resources.content)
            .read(members.map(\.trainee), week: roster.week, check: journalCheck)
        for (index, facts) in read.facts { members[index].facts = facts }
        let unshared = try failures.settle(read.problems, step: .readJournals)
            .union(failures.settle(read.checkProblems, step: .checkJournals))
        Failures.leaveOut(unshared, from: &members, into: &roster.skipped)

        // File names are settled once, in roster order, before anything renders.
        var names = FileNames()
        var stems = members.map { names.stem(for: $0.trainee.name) }
        let renderer = HandoutRenderer(
            resources: resources,
            roster: .init(cohort: roster.cohort, supervisor: roster.supervisor, week: roster.week, notes: roster.notes),
            focuses: Set(members.map(\.trainee.focus)))

        // Render every handout once, keeping only a hash, so that a template
        // problem in the 900th handout is found before the first is written.
        var hashes: [UInt64] = []
        var renderProblems: [Int: [Diagnostic]] = [:]
        let candidates = members
        let candidateStems = stems
        try? forEachRendered(count: members.count, workers: request.workers, phase: .checking) { index in
            Result { () throws(DiagnosticError) in try renderer.render(candidates[index].trainee, anchor: Self.anchor(candidateStems[index])).hash }
        } use: { index, result in
            switch result {
            case .success(let hash): hashes.append(hash)
            case .failure(let error): renderProblems[index] = error.diagnostics.map { Self.about(candidates[index].trainee, $0) }
            }
        }
        stems = stems.indices.filter { renderProblems[$0] == nil }.map { stems[$0] }
        Failures.leaveOut(try failures.settle(renderProblems, step: .render), from: &members, into: &roster.skipped)
        guard !members.isEmpty else {
            throw HandoutsError(step: .render, diagnostics: failures.problems)
        }

        let finalRoster = roster
        let finalMembers = members
        let finalStems = stems
        let written = try step(.write) { () throws(DiagnosticError) in
            try write(finalMembers, stems: finalStems, hashes: hashes, roster: finalRoster, renderer: renderer,
                      resources: resources, request: request)
        }
        return HandoutsReport(
            outputDirectory: request.outputDirectory, handouts: members.count, files: written,
            index: join(request.outputDirectory, CohortPages.indexFile),
            problems: failures.problems, skipped: roster.skipped.count)
    }

    // MARK: - Writing

    /// Renders each handout again and writes it as soon as its batch is done,
    /// then the cohort's pages. A handout that does not match its first
    /// render byte for byte stops the run: output must never depend on timing.
    private func write(
        _ members: [Member], stems: [String], hashes: [UInt64], roster: Roster, renderer: HandoutRenderer,
        resources: Resources, request: HandoutsRequest
    ) throws(DiagnosticError) -> [String] {
        let directory = request.outputDirectory
        let formats = request.formats.sorted()
        let withHTML = formats.contains(.html)
        var written: [String] = []
        // Handouts are made to be handed on; the index, summary and manifest are the supervisor's.
        func save(_ data: Data, as name: String, permissions: FilePermissions = .privateFile) throws(DiagnosticError) -> Manifest.File {
            let path = join(directory, name)
            do {
                try fileSystem.writeAtomically(data, to: path, permissions: permissions)
            } catch {
                throw DiagnosticError([.error("cannot write: \(error)", at: SourceLocation(path: path, line: 1, column: 1))])
            }
            written.append(path)
            return Manifest.File(path: name, data: data)
        }

        // all.html grows as the handouts come: its page first, its end last.
        var all = Data()
        var allTail = ""
        if withHTML {
            let contents = zip(members, stems).map { (name: $0.trainee.name, anchor: Self.anchor($1)) }
            let page = try CohortPages.allPage(roster: roster, trainees: contents, stylesheet: renderer.stylesheet, resources: resources)
            all.append(Data(page.head.utf8))
            allTail = page.tail
        }
        do {
            try fileSystem.createDirectory(at: directory, permissions: .privateDirectory)
        } catch {
            throw DiagnosticError([.error("cannot write: \(error)", at: SourceLocation(path: directory, line: 1, column: 1))])
        }

        var handouts: [Manifest.Handout] = []
        var rows: [CohortPages.IndexRow] = []
        try forEachRendered(count: members.count, workers: request.workers, phase: .writing) { index in
            Result { () throws(DiagnosticError) in try renderer.render(members[index].trainee, anchor: Self.anchor(stems[index])) }
        } use: { index, result throws(DiagnosticError) in
            let handout = try result.get()
            let trainee = members[index].trainee
            guard handout.hash == hashes[index] else {
                throw DiagnosticError([.error(
                    "the handout for '\(trainee.name)' rendered differently the second time; this is a bug in Attune, please report it",
                    at: trainee.location)])
            }
            var files: [Manifest.File] = []
            for format in formats {
                files.append(try save(
                    Data(handout.text(for: format).utf8), as: "\(stems[index]).\(format.fileExtension)", permissions: .sharedFile))
            }
            if withHTML { all.append(Data(handout.article.utf8)) }
            handouts.append(Manifest.Handout(trainee: trainee.name, focus: trainee.focus, files: files))
            rows.append(CohortPages.IndexRow(
                trainee: trainee.name,
                focusTitle: resources.content.week(trainee.focus)?.title ?? trainee.focus,
                files: files.map { CohortPages.IndexLink(path: $0.path, label: $0.path.hasSuffix(".html") ? "HTML" : "Markdown") },
                hasNote: trainee.note != nil, sharedJournal: trainee.journal != nil))
        }

        var cohortFiles: [Manifest.File] = []
        if withHTML {
            all.append(Data(allTail.utf8))
            cohortFiles.append(try save(all, as: CohortPages.allFile, permissions: .sharedFile))
            all = Data()
        }
        let shared = members.compactMap(\.facts)
        var summaryFile: String?
        if !shared.isEmpty {
            let summary = CohortSummary(shared, content: resources.content)
            let page = try CohortPages.summaryPage(summary, roster: roster, stylesheet: renderer.stylesheet, resources: resources)
            cohortFiles.append(try save(Data(page.utf8), as: CohortPages.summaryFile))
            summaryFile = CohortPages.summaryFile
        }
        let skipped = roster.skipped.sorted { $0.location < $1.location }
            .map { $0.name ?? "the row at line \($0.location.line)" }
        let index = CohortPages.IndexPage(
            lang: "en", title: "\(roster.cohort) · \(roster.week) · handouts",
            cohort: roster.cohort, supervisor: roster.supervisor, week: roster.week.description,
            dates: roster.week.readableDates, count: "\(members.count)",
            allFile: withHTML ? CohortPages.allFile : nil, summaryFile: summaryFile,
            manifestFile: CohortPages.manifestFile, hashName: FNV1a64.name,
            handouts: rows, hasSkipped: !skipped.isEmpty, skipped: skipped, roster: roster.path,
            stylesheet: renderer.stylesheet, contentFingerprint: resources.fingerprint)
        let indexHTML = try resources.templates.render(CohortPages.indexTemplate, context: index)
        cohortFiles.append(try save(Data(indexHTML.utf8), as: CohortPages.indexFile))

        let manifest = Manifest(
            cohort: roster.cohort, supervisor: roster.supervisor, week: roster.week.description, roster: roster.path,
            material: .init(
                fingerprint: resources.fingerprint,
                contentOverlay: overlay(request.contentOverlay), templatesOverlay: overlay(request.templatesOverlay)),
            handouts: handouts, cohortFiles: cohortFiles, notProduced: skipped)
        let json: Data
        do { json = try manifest.encoded() } catch {
            throw DiagnosticError([.error("cannot encode the manifest: \(error)", at: SourceLocation(path: roster.path, line: 1, column: 1))])
        }
        _ = try save(json, as: CohortPages.manifestFile)
        return written
    }

    /// Renders `count` handouts in batches: each batch in parallel on
    /// `workers` threads, then handed to `use` one by one in roster order.
    /// Only one batch of rendered handouts is ever in memory.
    private func forEachRendered<T: Sendable>(
        count: Int, workers: Int, phase: HandoutsProgress.Phase,
        render: @Sendable (Int) -> T,
        use: (Int, T) throws(DiagnosticError) -> Void
    ) throws(DiagnosticError) {
        let batch = workers * 8
        var start = 0
        while start < count {
            let range = start..<min(count, start + batch)
            for (offset, result) in Parallel.map(range, workers: workers, render).enumerated() {
                try use(range.lowerBound + offset, result)
            }
            start = range.upperBound
            progress(HandoutsProgress(phase: phase, done: start, total: count))
        }
    }

    /// A user's overlay folder in the manifest, hashed like the bundled material.
    private func overlay(_ directory: String?) -> Manifest.Overlay? {
        guard let directory, let names = try? fileSystem.files(under: directory) else { return nil }
        var hash = FNV1a64()
        for name in names {
            let text = (try? fileSystem.readText(at: join(directory, name))) ?? ""
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

    func join(_ directory: String, _ name: String) -> String {
        directory.hasSuffix("/") ? directory + name : directory + "/" + name
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

    static func leaveOut(_ indexes: Set<Int>, from members: inout [HandoutsPipeline.Member], into skipped: inout [SkippedTrainee]) {
        for index in indexes.sorted(by: >) {
            let trainee = members.remove(at: index).trainee
            skipped.append(SkippedTrainee(name: trainee.name, location: trainee.location))
        }
    }
}

extension RenderedHandout {
    /// One number for the whole handout, to compare two renders of it.
    var hash: UInt64 {
        var hash = FNV1a64()
        for part in [markdown, html, article] { hash.add(Array(part.utf8) + [0]) }
        return hash.value
    }
}
