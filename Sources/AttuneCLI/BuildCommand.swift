import ArgumentParser
import Foundation
import Rendering
import Workbook

/// `attune build`: journals in, workbooks out.
struct BuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Turn journals into workbooks (HTML and Markdown, or PDF).",
        discussion: "Every problem in every journal is reported before anything is written."
    )

    @Argument(help: ArgumentHelp("Journal files or folders of them (default: journal/).", valueName: "journal"))
    var journals: [String] = []

    @Option(help: ArgumentHelp("Folder for the workbooks.", valueName: "dir"))
    var out = "out"

    @Option(help: ArgumentHelp("Comma-separated formats: html, md, pdf (PDF needs Debian's chromium).", valueName: "formats"))
    var format = FormatList(OutputFormat.defaults)

    @Flag(help: "Build a copy to give a supervisor: private parts left out, and any likely client identifier stops the build.")
    var share = false

    @Flag(help: "With --share: replace each likely identifier with its category ([name], [date]) instead of stopping.")
    var redact = false

    @OptionGroup var material: MaterialOptions
    @OptionGroup var privacy: PrivacyOptions

    func validate() throws {
        if redact && !share {
            throw ValidationError("--redact only applies to a shared copy: add --share.")
        }
    }

    func run() throws {
        let environment = Environment.current
        let printer = try environment.printer(for: format.formats)
        defer { printer?.close() }
        let request = BuildRequest(
            inputs: journals.isEmpty ? ["journal"] : journals, outputDirectory: out, formats: format.formats,
            contentOverlay: material.contentOverlay, templatesOverlay: material.templatesOverlay,
            audience: share ? .shared(redact: redact) : .personal, privacyRules: try privacy.load(),
            printer: printer
        )
        let report: BuildReport
        do {
            report = try BuildPipeline(fileSystem: environment.fileSystem).run(request)
        } catch {
            throw InputProblems(error)
        }
        for warning in report.warnings { environment.errors(warning.description) }
        if let line = report.findingsLine { environment.errors(line) }
        for path in report.skippedPrivate { environment.output("Left out \(path): it is marked private.") }
        for path in report.written { environment.output("Wrote \(path)") }
        if let line = report.redactionLine { environment.output(line) }
    }
}

/// `--format html,md`
struct FormatList: ExpressibleByArgument {
    var formats: [OutputFormat]

    init(_ formats: [OutputFormat]) { self.formats = formats }

    init?(argument: String) {
        var formats: [OutputFormat] = []
        for name in argument.split(separator: ",") {
            guard let format = OutputFormat(rawValue: name.trimmingCharacters(in: .whitespaces).lowercased()) else { return nil }
            if !formats.contains(format) { formats.append(format) }
        }
        guard !formats.isEmpty else { return nil }
        self.formats = formats
    }

    var defaultValueDescription: String { formats.map(\.rawValue).joined(separator: ",") }

    static var allValueStrings: [String] { OutputFormat.allCases.map(\.rawValue) }
}

