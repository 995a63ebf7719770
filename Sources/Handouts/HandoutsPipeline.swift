import ContentModel
import Diagnostics
import Files
import Foundation
import Printing
import Rendering
import Sharing
import struct SystemPackage.FilePath

/// What `attune handouts` was asked to do.
package struct HandoutsRequest: Sendable {
    /// A `.yaml`, `.yml` or `.csv` file.
    package var roster: String
    package var overrides: RosterOverrides
    package var outputDirectory: String
    package var formats: [OutputFormat]
    /// Write the good handouts even when some trainees' rows have problems.
    package var keepGoing: Bool
    package var contentOverlay: String?
    package var templatesOverlay: String?
    /// How many handouts render at once. The output is byte-identical for any number.
    package var workers: Int
    /// Prints each handout's PDF and all.pdf; needed only when `formats` has `.pdf`.
    package var printer: PDFPrinter?

    package init(
        roster: String, overrides: RosterOverrides, outputDirectory: String = "handouts",
        formats: [OutputFormat] = OutputFormat.defaults, keepGoing: Bool = false,
        contentOverlay: String? = nil, templatesOverlay: String? = nil,
        workers: Int = ProcessInfo.processInfo.activeProcessorCount, printer: PDFPrinter? = nil
    ) {
        self.printer = printer
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

extension HandoutsRequest {
    /// The request `attune handouts` makes from its flags as typed (the
    /// command has checked `week` and `start`). `today` is the run's clock:
    /// its week is the handouts' when neither a flag nor the roster names
    /// one. `workers` nil is one per core.
    package init(
        roster: String, cohort: String?, supervisor: String?, week: String?, start: String?, today: Date,
        summaryThreshold: Int?, outputDirectory: String, formats: [OutputFormat], keepGoing: Bool,
        contentOverlay: String?, templatesOverlay: String?, workers: Int?, printer: PDFPrinter?
    ) {
        self.init(
            roster: roster,
            overrides: RosterOverrides(
                cohort: cohort, supervisor: supervisor, week: week.flatMap(ISOWeek.init),
                start: start.flatMap { CourseStart(date: $0, origin: "--start") }, currentWeek: ISOWeek(containing: today),
                summaryThreshold: summaryThreshold),
            outputDirectory: outputDirectory, formats: formats, keepGoing: keepGoing,
            contentOverlay: contentOverlay, templatesOverlay: templatesOverlay,
            workers: workers ?? ProcessInfo.processInfo.activeProcessorCount, printer: printer)
    }
}

/// The run, one named step after another. Each reads what the last made.
package enum HandoutsStep: String, PipelineStep {
    case loadResources = "load content and templates"
    case readRoster = "read the roster"
    /// The supervisor's notes, which every handout carries, screened for clients.
    case screenNotes = "screen the supervisor's notes"
    case readJournals = "read shared journals"
    /// Where shared journals' text is checked (see `SharedJournalCheck`).
    case checkJournals = "check shared journals"
    case render = "render handouts"
    case print = "print PDFs"
    case write = "write files"
}

/// A failed run: the step it stopped in and every problem found by then.
/// Nothing has been written when this is thrown.
package typealias HandoutsError = PipelineError<HandoutsStep>

/// What a run wrote.
package struct HandoutsReport: Sendable {
    package var outputDirectory: String
    /// Trainees who got a handout (in each requested format).
    package var handouts: Int
    /// Every path written, in order.
    package var files: [String]
    package var index: String
    /// With `--keep-going`: the problems of the trainees left out. The run
    /// still failed for them, and the command exits non-zero.
    package var problems: [Diagnostic]
    package var skipped: Int
    /// `note:` lines the supervisor should see (columns of a CSV left unread).
    package var notices: [Diagnostic] = []
    /// The handouts' week, the cohort's focus and why ("week 7 of the course, …").
    package var week: ISOWeek
    package var focusChoice: FocusChoice?
    /// Trainees whose roster row names another focus than the cohort's.
    package var ownFocus: Int = 0

    /// The run's last line: how many handouts, where, how long it took
    /// (`seconds`, to a tenth) and which page to open first.
    package func summary(seconds: Double) -> String {
        let folder = outputDirectory.hasSuffix("/") ? outputDirectory : outputDirectory + "/"
        let noun = handouts == 1 ? "handout" : "handouts"
        return "Wrote \(handouts) \(noun) (\(files.count) files) to \(folder) in \(String(format: "%.1f", seconds)) s; start at \(index)"
    }

    /// With `--keep-going` and someone left out: the closing line under
    /// their problems, saying the others were written. Nil when everyone
    /// got a handout.
    package var leftOutSummary: String? {
        guard !problems.isEmpty else { return nil }
        let count = problems.errors.count
        let left = skipped == 1 ? "1 trainee" : "\(skipped) trainees"
        return "attune: \(count) problem\(count == 1 ? "" : "s") left \(left) without a handout (--keep-going); the others were written."
    }

    /// What the supervisor is told about the week: which focus, and why.
    package var focusLines: [String] {
        var lines: [String] = []
        if let focusChoice { lines.append(focusChoice.line(for: week)) }
        if ownFocus > 0 {
            lines.append("\(ownFocus) trainee\(ownFocus == 1 ? " has" : "s have") their own focus in the roster.")
        }
        return lines
    }
}

/// How far a long run has got, for a progress bar.
package struct HandoutsProgress: Sendable, Equatable {
    package var done: Int
    package var total: Int
}

/// Makes a cohort's handouts from a roster:
/// load material → read the roster → read the journals trainees shared →
/// check those journals → render each handout and stage it → stage the
/// cohort's pages → put everything in place.
///
/// Every problem in every input is reported before anything is written:
/// each file is staged under a hidden name as soon as it is rendered, and
/// only when every file is staged are they all renamed into place (see
/// `OutputWriter`). Handouts render in parallel, a batch at a time, and are
/// staged in roster order, so memory stays flat however large the cohort and
/// the output is byte-identical whatever the number of workers.
package struct HandoutsPipeline: Sendable {
    package let fileSystem: FileSystem
    /// What each shared journal is screened for before anything is written.
    /// There is no default: handouts cannot be made without deciding what
    /// a trainee's shared journal may carry.
    package let policy: SharingPolicy
    package var progress: @Sendable (HandoutsProgress) -> Void

    package init(
        fileSystem: FileSystem = LocalFileSystem(), policy: SharingPolicy,
        progress: @escaping @Sendable (HandoutsProgress) -> Void = { _ in }
    ) {
        self.fileSystem = fileSystem
        self.policy = policy
        self.progress = progress
    }

    package func run(_ request: HandoutsRequest) throws(HandoutsError) -> HandoutsReport {
        let resources = try HandoutsStep.loadResources.run { () throws(DiagnosticError) in
            try Resources.load(
                contentOverlay: request.contentOverlay, templatesOverlay: request.templatesOverlay, fileSystem: fileSystem)
        }
        var cohort = try readRoster(request, content: resources.content)
        // Before a journal is read: a shared journal inside the output folder
        // (or the roster itself) would be replaced by a handout.
        try HandoutsStep.write.run { () throws(DiagnosticError) in
            try OutputGuard(fileSystem: fileSystem).check(
                outputs: [request.outputDirectory],
                inputs: [request.roster, request.contentOverlay, request.templatesOverlay] + cohort.roster.trainees.map(\.journal))
        }
        try readSharedJournals(&cohort, content: resources.content)
        cohort.nameFiles()
        let renderer = HandoutRenderer(
            resources: resources,
            roster: .init(cohort: cohort.roster.cohort, supervisor: cohort.roster.supervisor, week: cohort.roster.week, notes: cohort.roster.notes),
            focuses: Set(cohort.members.map(\.trainee.focus)))

        var output = Output(fileSystem: fileSystem, directory: request.outputDirectory)
        let withHTML = request.formats.contains(.html)
        let withPDF = request.formats.contains(.pdf)
        if withPDF, request.printer == nil {
            throw HandoutsError(step: .print, diagnostics: [.error("PDF output needs a printer (Chromium)", at: SourceLocation(path: request.outputDirectory, line: 1, column: 1))])
        }
        // The two pages that list every trainee are streamed: their heads now,
        // a part per handout as it is made, their tails at the end.
        var all = withHTML ? try allPage(cohort, renderer: renderer, resources: resources) : nil
        let index = try indexPage(cohort, withHTML: withHTML, renderer: renderer, resources: resources)
        let listed = cohort.members.count
        let planned = cohort.stems.flatMap { stem in request.formats.map { "\(stem).\($0.fileExtension)" } }
            + [CohortPages.indexFile, CohortPages.manifestFile] + (withHTML ? [CohortPages.allFile] : [])
            + (withPDF ? [CohortPages.allPDFFile] : [])
        let written: [String]
        do {
            // The cohort's folder is Attune's own, its record listing what it may
            // replace; every file is staged while the run fills it (see `OutputWriter`).
            written = try OutputWriter(fileSystem: fileSystem).write(
                .ownedFolder(FilePath(request.outputDirectory), record: Output.record, files: []),
                inputs: OutputGuard.inputs(
                    [request.roster, request.contentOverlay, request.templatesOverlay] + cohort.roster.trainees.map(\.journal)),
                filling: { folder throws(HandoutsError) in
                    try output.begin(folder, planned: planned)
                    if let all { try output.start(CohortPages.allFile, head: all.head, permissions: .sharedFile) }
                    try output.start(CohortPages.indexFile, head: index.head, permissions: .privateFile)
                    var printed = PrintedHandouts()
                    var handouts = try renderAndStage(&cohort, renderer: renderer, output: &output, request: request, printed: &printed)
                    if all != nil, cohort.members.count != listed {
                        // Only --keep-going leaves someone out after the page was made.
                        all = try allPage(cohort, renderer: renderer, resources: resources)
                    }
                    let allPDF = try printPDFs(
                        cohort, printed: printed, handouts: &handouts, renderer: renderer, resources: resources, output: &output, request: request)
                    try stageCohortPages(
                        cohort, handouts: handouts, allPage: all, renderer: renderer, resources: resources, output: &output, request: request,
                        allPDF: allPDF)
                }
            ).files.map(\.string)
        } catch {
            throw Output.writeError(error, at: request.outputDirectory)
        }
        return HandoutsReport(
            outputDirectory: request.outputDirectory, handouts: cohort.members.count, files: written,
            index: output.path(CohortPages.indexFile),
            problems: cohort.failures.problems, skipped: cohort.roster.skipped.count, notices: cohort.roster.notices,
            week: cohort.roster.week, focusChoice: cohort.roster.focusChoice,
            ownFocus: cohort.members.filter { $0.trainee.focus != cohort.roster.focusChoice?.week.id }.count)
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
        var notes = roster.notes.map { [MaterialItem(location: SourceLocation(path: roster.path, line: 1, column: 1), text: $0)] } ?? []
        notes += roster.trainees.compactMap { trainee in trainee.note.map { MaterialItem(location: trainee.location, text: $0) } }
        let findings = policy.screenNotes(notes, people: [roster.supervisor, roster.cohort] + roster.trainees.map(\.name))
        if findings.hasErrors { throw HandoutsError(step: .screenNotes, diagnostics: findings.sortedByLocation) }
        return cohort
    }

    /// Reads, checks and reduces each shared journal to what the summary counts.
    private func readSharedJournals(_ cohort: inout Cohort, content: ContentModel) throws(HandoutsError) {
        let read = SharedJournalReader(fileSystem: fileSystem, content: content)
            .read(cohort.members.map(\.trainee), week: cohort.roster.week, check: policy.screenSharedJournal)
        for (index, facts) in read.facts { cohort.members[index].facts = facts }
        let unshared = try cohort.failures.settle(read.problems, step: .readJournals)
            .union(cohort.failures.settle(read.checkProblems, step: .checkJournals))
        cohort.leaveOut(unshared)
    }

    /// One handout as a worker left it: its files already staged (not yet
    /// recorded), its article for `all.html`, or why it could not be made.
    enum Staged: Sendable {
        case staged(files: [Manifest.File], article: String?, row: String, entry: String?, printed: PrintedHandouts.Piece?)
        case failedToRender([Diagnostic])
        case failedToWrite(HandoutsError)
    }

    /// Renders and stages the handouts in parallel, a batch at a time; then,
    /// in roster order, records each one's staged files and adds its article
    /// to `all.html`. Writing on the workers keeps both cores busy with the
    /// disk as well as the templates; recording in order keeps the output
    /// byte-identical whatever the number of workers.
    private func renderAndStage(
        _ cohort: inout Cohort, renderer: HandoutRenderer, output: inout Output, request: HandoutsRequest,
        printed: inout PrintedHandouts
    ) throws(HandoutsError) -> ManifestJSON.Handouts {
        let (members, stems) = (cohort.members, cohort.stems)
        let formats = request.formats.sorted()
        let folder = output.folder!
        var handouts = ManifestJSON.Handouts()
        var problems: [Int: [Diagnostic]] = [:]
        var writeFailure: HandoutsError?
        // Files a worker staged but that will never be recorded must not outlive the run.
        let unstage: @Sendable ([Manifest.File]) -> Void = { files in
            for file in files { folder.unstage(FilePath(file.path)) }
        }
        forEachRendered(count: members.count, workers: request.workers) { index -> Staged in
            let handout: RenderedHandout
            do throws(DiagnosticError) {
                handout = try renderer.render(members[index].trainee, anchor: Self.anchor(stems[index]))
            } catch {
                return .failedToRender(error.diagnostics.map { Self.about(members[index].trainee, $0) })
            }
            var files: [Manifest.File] = []
            // The PDF is cut from the cohort's, printed once all are rendered (see PrintedHandouts).
            for format in formats where format != .pdf {
                let name = "\(stems[index]).\(format.fileExtension)"
                let data = handout.data(for: format)
                do {
                    try folder.stageUnlisted(OutputFile(FilePath(name), data, permissions: .sharedFile))
                } catch {
                    unstage(files)
                    return .failedToWrite(Output.writeError(error, at: folder.target(FilePath(name)).string))
                }
                files.append(Manifest.File(path: name, data: data))
            }
            let trainee = members[index].trainee
            let row = CohortPages.IndexRow(
                trainee: trainee.name,
                focusTitle: renderer.resources.content.week(trainee.focus)?.title ?? trainee.focus,
                files: files.map { CohortPages.IndexLink(path: $0.path, label: $0.path.hasSuffix(".html") ? "HTML" : "Markdown") }
                    + (formats.contains(.pdf) ? [CohortPages.IndexLink(path: "\(stems[index]).pdf", label: "PDF")] : []),
                hasNote: trainee.note != nil, sharedJournal: trainee.journal != nil)
            let entry = Manifest.Handout(trainee: trainee.name, focus: trainee.focus, files: files)
            let piece = formats.contains(.pdf) ? PrintedHandouts.Piece(
                article: handout.article, anchor: Self.anchor(stems[index]), title: PrintedHandouts.title(of: handout.html),
                runningHead: "\(renderer.roster.week) · \(trainee.name)", handout: entry) : nil
            do throws(DiagnosticError) {
                return .staged(
                    files: files, article: formats.contains(.html) ? handout.article : nil,
                    row: try CohortPages.indexRow(row, resources: renderer.resources),
                    entry: piece == nil ? ManifestJSON.entry(entry) : nil,
                    printed: piece)
            } catch {
                unstage(files)
                return .failedToRender(error.diagnostics.map { Self.about(trainee, $0) })
            }
        } use: { index, result in
            switch result {
            case .failedToRender(let diagnostics):
                problems[index] = diagnostics
            case .failedToWrite(let error):
                writeFailure = writeFailure ?? error
            case .staged(let files, let article, let row, let entry, let piece):
                output.record(files)
                if let piece { printed.pieces.append(piece) }
                // Without --keep-going one failure dooms the run: keep rendering only to find every problem.
                guard writeFailure == nil, problems.isEmpty || request.keepGoing else { break }
                do throws(HandoutsError) {
                    if let article { try output.append(Data(article.utf8), to: CohortPages.allFile) }
                    try output.append(Data(row.utf8), to: CohortPages.indexFile)
                } catch {
                    writeFailure = error
                }
                if let entry { handouts.add(entry: entry) }
            }
            return writeFailure == nil
        }
        if let writeFailure { throw writeFailure }
        cohort.leaveOut(try cohort.failures.settle(problems, step: .render))
        guard !cohort.members.isEmpty else {
            throw HandoutsError(step: .render, diagnostics: cohort.failures.problems)
        }
        return handouts
    }

    /// The ends of `all.html` and `index.html`, the summary, and the manifest.
    private func stageCohortPages(
        _ cohort: Cohort, handouts: ManifestJSON.Handouts, allPage: (head: String, tail: String)?, renderer: HandoutRenderer,
        resources: Resources, output: inout Output, request: HandoutsRequest, allPDF: Manifest.File?
    ) throws(HandoutsError) {
        let roster = cohort.roster
        let shared = cohort.members.compactMap(\.facts)
        var cohortFiles: [Manifest.File] = []
        if let allPage {
            cohortFiles.append(try output.finish(CohortPages.allFile, head: allPage.head, tail: allPage.tail))
        }
        if let allPDF { cohortFiles.append(allPDF) }
        let summary = try HandoutsStep.render.run { () throws(DiagnosticError) in
            try shared.isEmpty ? nil : CohortPages.summaryPage(
                CohortSummary(shared, content: resources.content, threshold: roster.summaryThreshold), roster: roster, stylesheet: renderer.stylesheet, resources: resources)
        }
        if let summary {
            cohortFiles.append(try output.stage(Data(summary.utf8), as: CohortPages.summaryFile))
        }
        // Rendered again now that the count and who was left out are known.
        let index = try indexPage(cohort, withHTML: allPage != nil, renderer: renderer, resources: resources)
        cohortFiles.append(try output.finish(CohortPages.indexFile, head: index.head, tail: index.tail))
        output.commitLast(CohortPages.indexFile)

        let manifest = Manifest(
            cohort: roster.cohort, supervisor: roster.supervisor, week: roster.week.description, roster: roster.path,
            material: .init(
                fingerprint: resources.fingerprint,
                contentOverlay: overlay(request.contentOverlay), templatesOverlay: overlay(request.templatesOverlay)),
            handouts: [], cohortFiles: cohortFiles, notProduced: cohort.skippedNames)
        _ = try output.stage(ManifestJSON.document(manifest, handouts: handouts), as: CohortPages.manifestFile)
    }

    /// With `--format pdf`: the cohort printed once by the run's one browser
    /// (see `PrintedHandouts`), all.pdf staged, and each trainee's PDF staged
    /// and added to their manifest entry, in roster order. Returns all.pdf's
    /// entry for the cohort's files.
    private func printPDFs(
        _ cohort: Cohort, printed: PrintedHandouts, handouts: inout ManifestJSON.Handouts, renderer: HandoutRenderer,
        resources: Resources, output: inout Output, request: HandoutsRequest
    ) throws(HandoutsError) -> Manifest.File? {
        guard request.formats.contains(.pdf), let printer = request.printer else { return nil }
        let roster = cohort.roster
        let page = try allPage(cohort, renderer: renderer, resources: resources)
        let pdfs = try HandoutsStep.print.run { () throws(DiagnosticError) in
            do {
                return try printed.print(page, coverHead: "\(roster.cohort) · \(roster.week)", printer: printer)
            } catch {
                throw DiagnosticError([.error("cannot print \(CohortPages.allPDFFile): \(error)", at: SourceLocation(path: request.outputDirectory, line: 1, column: 1))])
            }
        }
        let all = try output.stage(pdfs.all, as: CohortPages.allPDFFile, permissions: .sharedFile)
        for (piece, pdf) in zip(printed.pieces, pdfs.handouts) {
            var entry = piece.handout
            entry.files.append(try output.stage(pdf, as: Self.stem(ofAnchor: piece.anchor) + ".pdf", permissions: .sharedFile))
            handouts.add(entry: ManifestJSON.entry(entry))
        }
        return all
    }

    static func stem(ofAnchor anchor: String) -> String { String(anchor.dropFirst("handout-".count)) }

    /// `index.html`'s page around the trainees' rows.
    private func indexPage(
        _ cohort: Cohort, withHTML: Bool, renderer: HandoutRenderer, resources: Resources
    ) throws(HandoutsError) -> (head: String, tail: String) {
        let roster = cohort.roster
        let skipped = cohort.skippedNames
        let anyShared = cohort.members.contains { $0.facts != nil }
        return try HandoutsStep.render.run { () throws(DiagnosticError) in
            try CohortPages.indexPage(CohortPages.IndexPage(
                lang: "en", title: "\(roster.cohort) · \(roster.week) · handouts",
                cohort: roster.cohort, supervisor: roster.supervisor, week: roster.week.description,
                dates: roster.week.readableDates, count: "\(cohort.members.count)",
                allFile: withHTML ? CohortPages.allFile : nil, summaryFile: anyShared ? CohortPages.summaryFile : nil,
                manifestFile: CohortPages.manifestFile, hashName: FNV1a64.name,
                handouts: CohortPages.rowsMarker, hasSkipped: !skipped.isEmpty, skipped: skipped, roster: roster.path,
                stylesheet: renderer.stylesheet, contentFingerprint: resources.fingerprint), resources: resources)
        }
    }

    /// `all.html`'s page around the handouts of the members still in the run.
    private func allPage(
        _ cohort: Cohort, renderer: HandoutRenderer, resources: Resources
    ) throws(HandoutsError) -> (head: String, tail: String) {
        try HandoutsStep.render.run { () throws(DiagnosticError) in
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
        render: @escaping @Sendable (Int) -> T,
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


    /// The handout's id in all.html; the prefix keeps it apart from the page's own ids.
    static func anchor(_ stem: String) -> String { "handout-" + stem }

    /// A template problem names the template; say whose handout met it.
    static func about(_ trainee: Trainee, _ diagnostic: Diagnostic) -> Diagnostic {
        var diagnostic = diagnostic
        diagnostic.message += " (in the handout for '\(trainee.name)')"
        return diagnostic
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

    /// The roster rows that got no handout, in roster order, as the pages name them.
    var skippedNames: [String] {
        roster.skipped.sorted { $0.location < $1.location }.map { $0.name ?? "the row at line \($0.location.line)" }
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

