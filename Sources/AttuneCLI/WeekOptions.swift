import ArgumentParser
import ContentModel
import Diagnostics
import Foundation
import Journal

/// The flags `new` and `form` share: which week, from which journal
/// folder, and what to say when the folder cannot tell (see `WeekPlanner`).
struct WeekOptions: ParsableArguments {
    @Option(help: ArgumentHelp("ISO week such as 2026-W47 (default: this week).", valueName: "week"))
    var week: String?

    @Option(help: ArgumentHelp("Folder of journals: names, focus and the course's start come from here.", valueName: "dir"))
    var journal = "journal"

    @Option(
        help: ArgumentHelp(
            "Curriculum week ID (default: the week's own journal's, else counted from the course's start).", valueName: "id"))
    var focus: String?

    @Option(
        help: ArgumentHelp(
            "The course's first day, e.g. 2026-10-05 (default: 'start:' in DIR/course.yaml, written by the first 'attune new' or 'attune form').",
            valueName: "date"))
    var start: String?

    @Option(help: ArgumentHelp("Your name, for the title page (default: from your latest journal).", valueName: "name"))
    var therapist: String?

    func validate() throws {
        try ValidationError.requireISOWeek(week)
        try ValidationError.requireDate(start)
        if let therapist, therapist.trimmingCharacters(in: .whitespaces).isEmpty {
            throw ValidationError("--therapist needs a name.")
        }
    }

    /// The request, with this week taken from the environment's clock.
    var request: WeekPlanRequest {
        WeekPlanRequest(
            week: week.flatMap(ISOWeek.init) ?? ISOWeek(containing: Environment.current.now()),
            journalFolder: journal, focus: focus, start: start, therapist: therapist)
    }
}

extension WeekPlanError {
    /// As the command line shows it: problems in files are diagnostics and
    /// a summary (exit 1); a flag's mistake is a usage error (exit 64).
    func forCommandLine(stoppedWhile step: String, noTherapist: String) -> Error {
        switch self {
        case .problems(let found): InputProblems(found, stoppedWhile: step)
        case .unknownFocus(let message): ValidationError(message)
        case .noTherapist: ValidationError(noTherapist)
        }
    }
}

extension Environment {
    /// Prints a warning when it arises.
    func warn(_ warning: Diagnostic) { errors(warning.description) }

    /// The line saying the course's start was recorded, or nothing.
    static func recordedLine(_ start: CourseStart?, in settingsPath: String) -> String {
        start.map { "Recorded the course's start, \($0.date), in \(settingsPath); later weeks count from it.\n" } ?? ""
    }
}
