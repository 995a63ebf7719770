import ArgumentParser
import ContentModel
import Foundation
import Handouts
import Rendering
import Sharing
import Workbook

/// `attune handouts`: a roster in, one personalised handout per trainee out,
/// with all.html to print, an index, a manifest and a cohort summary.
struct HandoutsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "handouts",
        abstract: "Make one personalised handout per trainee from a cohort roster.",
        discussion: """
        The roster is YAML (cohort, supervisor, week or start, notes, trainees) or CSV \
        with a header row naming 'name' and any of 'focus', 'note', 'journal' (other \
        columns are ignored, and listed in a note); for CSV, give --cohort and \
        --supervisor (and --week and --start). The curriculum week counts from the \
        course's start: --start, else the roster's 'start:', else 'start:' in course.yaml \
        beside the roster; without one, a roster whose trainees need the cohort's focus is \
        refused. Journal paths are read relative to the roster's folder. \
        Every problem is reported before anything is written.
        """
    )

    @Argument(help: ArgumentHelp("The roster: a .yaml, .yml or .csv file.", valueName: "roster"))
    var roster: String

    @Option(help: ArgumentHelp("ISO week such as 2026-W47 (default: the roster's week, else this week).", valueName: "week"))
    var week: String?

    @Option(help: ArgumentHelp("The course's first day, e.g. 2026-10-05: the curriculum week counts from it (overrides the roster's and course.yaml's).", valueName: "date"))
    var start: String?

    @Option(help: ArgumentHelp("Folder for the handouts.", valueName: "dir"))
    var out = "handouts"

    @Option(help: ArgumentHelp("Comma-separated formats of each handout: html, md, pdf (pdf also writes all.pdf, every handout on an odd page; needs Debian's chromium).", valueName: "formats"))
    var format = FormatList(OutputFormat.defaults)

    @Option(help: ArgumentHelp("The cohort's name (needed for a CSV roster; overrides the roster's).", valueName: "name"))
    var cohort: String?

    @Option(help: ArgumentHelp("The supervisor's name (needed for a CSV roster; overrides the roster's).", valueName: "name"))
    var supervisor: String?

    @Option(help: ArgumentHelp("The smallest count the cohort summary shows, at least 3 (overrides course.yaml's summary-threshold; default 5).", valueName: "n"))
    var summaryThreshold: Int?

    @Flag(help: "Write the good handouts even if some trainees' rows have problems (still exits 1).")
    var keepGoing = false

    @Option(help: ArgumentHelp("Handouts rendered at once (default: one per core).", valueName: "n"))
    var jobs: Int?

    @OptionGroup var material: MaterialOptions
    @OptionGroup var privacy: PrivacyOptions

    func validate() throws {
        try ValidationError.requireISOWeek(week)
        try ValidationError.requireDate(start)
        if let summaryThreshold, let problem = CourseSettings.thresholdProblem(summaryThreshold) {
            throw ValidationError("--summary-threshold \(problem).")
        }
        if let jobs, jobs < 1 {
            throw ValidationError("--jobs needs a number of at least 1.")
        }

        for (flag, value) in [("--cohort", cohort), ("--supervisor", supervisor)] {
            if let value, value.trimmingCharacters(in: .whitespaces).isEmpty { throw ValidationError("\(flag) needs a name.") }
        }
    }

    func run() throws {
        let environment = Environment.current
        let printer = try environment.printer(for: format.formats)
        defer { printer?.close() }
        let started = environment.now()
        // Trainees' shared journals feed the cohort summary: the privacy
        // guard reads each one first, and any finding stops the run.
        let policy = SharingPolicy(rules: try privacy.load())
        let request = HandoutsRequest(
            roster: roster, cohort: cohort, supervisor: supervisor, week: week, start: start, today: started,
            summaryThreshold: summaryThreshold, outputDirectory: out, formats: format.formats, keepGoing: keepGoing,
            contentOverlay: material.contentOverlay, templatesOverlay: material.templatesOverlay, workers: jobs, printer: printer)
        let progress = ProgressLine(display: ProgressDisplay.current)
        let report: HandoutsReport
        do {
            report = try HandoutsPipeline(fileSystem: environment.fileSystem, policy: policy, progress: progress.show).run(request)
        } catch {
            progress.clear()
            throw InputProblems(error.diagnostics, stoppedWhile: "trying to \(error.step.rawValue)")
        }
        progress.clear()
        for notice in report.notices { environment.errors(notice.description) }
        for line in report.focusLines { environment.output(line) }
        environment.output(report.summary(seconds: environment.now().timeIntervalSince(started)))
        if let leftOut = report.leftOutSummary {
            var problems = InputProblems(report.problems, stoppedWhile: "making handouts", wroteNothing: false)
            problems.summary = leftOut
            throw problems
        }
    }
}

/// Where progress goes: redrawn in place on a terminal, otherwise a plain
/// line now and then. Tests swap it with `ProgressDisplay.$current.withValue`.
package struct ProgressDisplay: Sendable {
    package var isTerminal: Bool
    /// Writes text as is, with no line break added.
    package var write: @Sendable (String) -> Void

    package init(isTerminal: Bool, write: @escaping @Sendable (String) -> Void) {
        self.isTerminal = isTerminal
        self.write = write
    }

    static let standardError = ProgressDisplay(
        isTerminal: isatty(STDERR_FILENO) == 1,
        write: { Signals.writeText($0, to: STDERR_FILENO) })

    @TaskLocal package static var current = ProgressDisplay.standardError
}

/// Turns the pipeline's progress into a bar (`Rendering [#####·····] 512/1000`)
/// on a terminal, or into a line per tenth of a long run elsewhere, so logs
/// show that something is happening without a line per trainee.
final class ProgressLine: @unchecked Sendable {
    /// Runs smaller than this finish too fast for plain lines to help.
    static let plainLinesFrom = 100
    static let width = 30

    private let display: ProgressDisplay
    private let lock = NSLock()
    private var drawn = false
    private var lastTenth = 0

    init(display: ProgressDisplay) {
        self.display = display
    }

    func show(_ progress: HandoutsProgress) {
        lock.withLock {
            guard progress.total > 0 else { return }
            if display.isTerminal {
                let filled = Self.width * progress.done / progress.total
                let bar = String(repeating: "#", count: filled) + String(repeating: "·", count: Self.width - filled)
                display.write("\rRendering [\(bar)] \(progress.done)/\(progress.total)")
                drawn = true
            } else if progress.total >= Self.plainLinesFrom {
                let tenth = 10 * progress.done / progress.total
                guard tenth > lastTenth else { return }
                lastTenth = tenth
                display.write("Rendered \(progress.done) of \(progress.total) handouts\n")
            }
        }
    }

    /// Removes the bar so the summary starts on a clean line.
    func clear() {
        lock.withLock {
            guard drawn else { return }
            display.write("\r" + String(repeating: " ", count: Self.width + 30) + "\r")
            drawn = false
        }
    }
}
