import ArgumentParser
import Diagnostics
import Workbook

/// `attune check`: the build without its write step (`Checker`), so it
/// refuses what `attune build` refuses and writes nothing.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check content, templates and journals; write nothing.",
        discussion: "With no paths, checks journal/ when it exists."
    )

    @Argument(help: ArgumentHelp("Journal files or folders to check.", valueName: "path"))
    var paths: [String] = []

    @Flag(help: "Also scan the journals' answers for likely client identifiers (names, dates, numbers, addresses...).")
    var privacy = false

    @OptionGroup var material: MaterialOptions
    @OptionGroup var privacyLists: PrivacyOptions

    func run() throws {
        let environment = Environment.current
        let resources = try material.load()
        // Unfinished overlay content (a card with no source, a partial
        // reference) does not stop anything, but `check` is where it shows.
        for warning in resources.content.warnings { environment.errors(warning.description) }
        var inputs = paths
        if inputs.isEmpty, environment.fileSystem.directoryExists(at: "journal") { inputs = ["journal"] }
        let rules = privacy ? try privacyLists.load() : nil
        let report: CheckReport
        do {
            report = try Checker(fileSystem: environment.fileSystem, resources: resources).check(journals: inputs, privacy: rules)
        } catch {
            throw InputProblems(error.diagnostics, stoppedWhile: "checking", wroteNothing: false)
        }
        for note in report.notes { environment.errors(note.description) }
        environment.output(report.summary)
    }
}
