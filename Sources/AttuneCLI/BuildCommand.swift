import Foundation
import ArgumentParser
import Workbook

/// `attune build`: journals in, workbooks out.
struct BuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Turn journals into workbooks (HTML and Markdown).",
        discussion: "Every problem in every journal is reported before anything is written."
    )

    @Argument(help: ArgumentHelp("Journal files or folders of them (default: journal/).", valueName: "journal"))
    var journals: [String] = []

    @Option(help: ArgumentHelp("Folder for the workbooks.", valueName: "dir"))
    var out = "out"

    @Option(help: ArgumentHelp("Comma-separated formats: html, md.", valueName: "formats"))
    var format = FormatList(OutputFormat.allCases)

    @OptionGroup var material: MaterialOptions

    func run() throws {
        let environment = Environment.current
        let request = BuildRequest(
            inputs: journals.isEmpty ? ["journal"] : journals, outputDirectory: out, formats: format.formats,
            contentOverlay: material.contentOverlay, templatesOverlay: material.templatesOverlay
        )
        do {
            let written = try BuildPipeline(fileSystem: environment.fileSystem).run(request)
            for path in written { environment.output("Wrote \(path)") }
        } catch {
            throw InputProblems(error)
        }
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

