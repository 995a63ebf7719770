import ArgumentParser
import ContentModel
import Rendering
import Trends
import Workbook

/// `attune trends`: a folder of journals in, one report on their rupture
/// logs out.
struct TrendsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "trends",
        abstract: "Report on your rupture logs across weeks (HTML and Markdown, or PDF).",
        discussion: """
        Reads every journal in the folder and writes trends.html and trends.md: ruptures \
        per week by type, markers and trigger categories over time, tension against \
        resolution, the alliance component that strains most, the repairs tried and how \
        those ruptures ended, what is still unresolved, prompts never answered and weeks \
        with no journal. Charts are drawn inline, with a table behind each; nothing is \
        loaded from anywhere.
        """
    )

    @Argument(help: ArgumentHelp("Folder of journals.", valueName: "journal-dir"))
    var journalDirectory = "journal"

    @Option(help: ArgumentHelp("Folder for trends.html and trends.md.", valueName: "dir"))
    var out = "out"

    @Option(help: ArgumentHelp("First ISO week to include, such as 2026-W01 (default: the earliest journal's).", valueName: "week"))
    var since: String?

    @Option(help: ArgumentHelp("Last ISO week to include (default: the latest journal's).", valueName: "week"))
    var until: String?

    @Option(help: ArgumentHelp("Comma-separated formats: html, md, pdf (PDF needs Debian's chromium).", valueName: "formats"))
    var format = FormatList(OutputFormat.defaults)

    @OptionGroup var material: MaterialOptions

    func validate() throws {
        for (flag, value) in [("--since", since), ("--until", until)] {
            if let value, ISOWeek(value) == nil {
                throw ValidationError("\(flag) '\(value)' is not an ISO week; write it like 2026-W47.")
            }
        }
        if let since = since.flatMap(ISOWeek.init), let until = until.flatMap(ISOWeek.init), since > until {
            throw ValidationError("--since \(since) is after --until \(until).")
        }
    }

    func run() throws {
        let environment = Environment.current
        let printer = try environment.printer(for: format.formats)
        defer { printer?.close() }
        let request = TrendsRequest(
            journalDirectory: journalDirectory, outputDirectory: out,
            since: since.flatMap(ISOWeek.init), until: until.flatMap(ISOWeek.init),
            contentOverlay: material.contentOverlay, templatesOverlay: material.templatesOverlay,
            formats: format.formats, printer: printer
        )
        let report: TrendsReport
        do {
            report = try TrendsPipeline(fileSystem: environment.fileSystem).run(request)
        } catch {
            throw InputProblems(error.diagnostics, stoppedWhile: "trying to \(error.step.rawValue)")
        }
        for path in report.written { environment.output("Wrote \(path)") }
        environment.output(
            "\(report.first) to \(report.last): \(report.journals) journal\(report.journals == 1 ? "" : "s"), \(report.ruptures) rupture\(report.ruptures == 1 ? "" : "s") logged."
        )
    }
}
