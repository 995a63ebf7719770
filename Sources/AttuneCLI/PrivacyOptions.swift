import ArgumentParser
import Privacy
import Sharing
import Workbook

/// Where the therapist keeps the privacy guard's lists.
struct PrivacyOptions: ParsableArguments {
    @Option(name: .customLong("names"), help: ArgumentHelp(
        "Private list of client names to catch, one per line.", valueName: "file"))
    var namesFile = PrivacyRules.defaultNamesPath

    @Option(name: .customLong("allow"), help: ArgumentHelp(
        "Phrases the guard may let through (shown as notes), one per line.", valueName: "file"))
    var allowFile = PrivacyRules.defaultAllowPath

    func load() throws -> PrivacyRules {
        do {
            return try PrivacyGuard.loadRules(names: namesFile, allow: allowFile, fileSystem: Environment.current.fileSystem)
        } catch {
            throw InputProblems(error.diagnostics, stoppedWhile: "reading the privacy lists")
        }
    }
}
