import ArgumentParser
import BrowserForm

/// `attune import`: brings a journal file (such as the browser form's
/// download) into the journal folder. A new week is added as is; an
/// existing journal is never overwritten. See `JournalImport` for the rule.
struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Add a journal file, such as the browser form's download, to your journal folder.",
        discussion: """
            A week the folder has no journal for is added as is. For a week it has, answers \
            that are the same are fine; an answer that differs (or that your journal does not \
            have yet) stops the import, showing both versions, and nothing is written. With \
            '--keep both', both versions are written under the prompt, each marked \
            'Kept by attune import --keep both'.
            """
    )

    @Argument(help: ArgumentHelp("The journal file to import.", valueName: "file"))
    var file: String

    @Option(help: ArgumentHelp("Folder of journals.", valueName: "dir"))
    var journal = "journal"

    @Option(help: ArgumentHelp("'both': keep your journal's answer and the imported one, each marked.", valueName: "both"))
    var keep: KeepChoice?

    @OptionGroup var material: MaterialOptions

    enum KeepChoice: String, ExpressibleByArgument, CaseIterable {
        case both
    }

    func run() throws {
        let environment = Environment.current
        let resources = try material.load()
        let request = ImportRequest(
            file: file, journalFolder: journal, keepBoth: keep == .both,
            contentOverlay: material.contentOverlay, templatesOverlay: material.templatesOverlay)
        let step = "importing \(file)"
        let report: JournalImporter.Report
        do {
            report = try JournalImporter(resources: resources, fileSystem: environment.fileSystem).run(request)
        } catch {
            switch error {
            case .problems(let found):
                throw InputProblems(found, stoppedWhile: step)
            case .differs(let found, let keepBothHelps):
                var problems = InputProblems(found, stoppedWhile: step)
                if keepBothHelps {
                    problems.summary +=
                        "\nTo keep both versions under each prompt, each clearly marked, run: attune import \(file)"
                        + (journal == "journal" ? "" : " --journal \(journal)") + " --keep both"
                }
                throw problems
            }
        }
        switch report.done {
        case .alreadyInPlace:
            environment.output("\(file) is already your journal for its week; nothing to import.")
            return
        case .added(let path):
            environment.output("Added \(path), copied from \(file) as it is.\nNext: attune build \(path)")
        case .unchanged(let path):
            environment.output("\(path) already has every answer in \(file); nothing to import.")
        case .keptBoth(let path, let prompts):
            environment.output(
                """
                Kept both versions of \(prompts.count) answer\(prompts.count == 1 ? "" : "s") in \(path) (\(prompts.joined(separator: ", "))), \
                each under a line starting 'Kept by attune import --keep both'.
                """)
        case .addedToLog(let path, let added):
            environment.output("Added to the rupture log in \(path), changing no line of it: " + added.joined(separator: "; ") + ".")
        }
        report.warnings.forEach(environment.warn)
    }
}
