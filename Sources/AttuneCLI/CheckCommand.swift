import ArgumentParser
import Workbook

/// `attune check`: validates without writing anything.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check content, templates and journals; write nothing.",
        discussion: "With no paths, checks journal/ when it exists."
    )

    @Argument(help: ArgumentHelp("Journal files or folders to check.", valueName: "path"))
    var paths: [String] = []

    @OptionGroup var material: MaterialOptions

    func run() throws {
        let environment = Environment.current
        let resources = try material.load()
        var inputs = paths
        if inputs.isEmpty, environment.fileSystem.directoryExists(at: "journal") { inputs = ["journal"] }
        let report: CheckReport
        do {
            report = try Checker(fileSystem: environment.fileSystem, resources: resources).check(journals: inputs)
        } catch {
            throw InputProblems(error.diagnostics, stoppedWhile: "checking", wroteNothing: false)
        }
        environment.output(report.summary)
    }
}
