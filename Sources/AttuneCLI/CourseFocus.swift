import ArgumentParser
import ContentModel
import Diagnostics
import Files
import Foundation
import Rendering
import struct SystemPackage.FilePath

/// How `new` and `form` choose a week's focus, and the reason they print.
///
/// In order: `--focus`; the week's own journal (the form must match it);
/// the course's start (`--start`, else `start:` in `course.yaml` in the
/// journal folder), counting curriculum weeks from it. With no start and no
/// journals yet, this is the course's first week. With journals but no
/// start, any choice would be a guess, so it is an error that says how to
/// set the start.
struct CourseFocus {
    let content: ContentModel
    let fileSystem: FileSystem
    let journalFolder: String

    var settingsPath: String {
        (journalFolder.hasSuffix("/") ? journalFolder : journalFolder + "/") + CourseSettings.fileName
    }

    /// What was chosen, and the start to record in `course.yaml` when the
    /// folder has none yet (`nil` when it has one, or none is known).
    struct Chosen {
        var choice: FocusChoice
        var startToRecord: CourseStart?
    }

    func choose(
        week: ISOWeek, focusFlag: String?, startFlag: String?, existingJournal: (path: String, focus: String)? = nil,
        hasJournals: Bool, stoppedWhile step: String
    ) throws -> Chosen {
        if let id = existingJournal?.focus ?? focusFlag {
            guard let found = content.week(id) else {
                let hint = Suggestion.closest(to: id, in: content.weeks.map(\.id)).map { " Did you mean '\($0)'?" } ?? ""
                throw ValidationError("Unknown focus '\(id)'.\(hint) The curriculum's weeks are: \(content.weeks.map(\.id).joined(separator: ", ")).")
            }
            let reason = existingJournal.map { "as in \($0.path)" } ?? "chosen with --focus"
            return Chosen(choice: FocusChoice(week: found, reason: reason), startToRecord: nil)
        }
        var settings = CourseSettings()
        let hasSettings = fileSystem.fileExists(at: settingsPath)
        if hasSettings {
            let text: String
            do {
                text = try fileSystem.readText(at: settingsPath)
            } catch {
                throw InputProblems([.unreadable(settingsPath, error)], stoppedWhile: step)
            }
            let parsed = CourseSettings.parse(SourceFile(path: settingsPath, name: CourseSettings.fileName, text: text))
            if !parsed.problems.isEmpty { throw InputProblems(parsed.problems, stoppedWhile: step) }
            settings = parsed.settings
        }
        let start: CourseStart
        if let startFlag, let flag = CourseStart(date: startFlag, origin: "--start") {
            start = flag
        } else if let written = settings.start {
            start = written
        } else if !hasJournals {
            // The first journal: the course begins this week, and the
            // start is recorded so that later weeks follow from it.
            let monday = week.monday
            let date = String(format: "%04d-%02d-%02d", monday.year, monday.month, monday.day)
            let choice = FocusChoice(
                week: content.weeks[0],
                reason: "week 1 of the course, taken to begin \(date) because no start was set and the folder '\(journalFolder)' has no journals yet; "
                    + "if it began earlier, pass --start or write its first day in \(settingsPath)")
            return Chosen(choice: choice, startToRecord: hasSettings ? nil : CourseStart(date: date, origin: settingsPath))
        } else {
            throw InputProblems([.error(
                "the folder '\(journalFolder)' has journals but no course start, so which curriculum week \(week) is cannot be known: "
                    + "write the first day of the course in \(settingsPath) as 'start: 2026-10-05', or pass --start",
                at: SourceLocation(path: settingsPath, line: 1, column: 1))], stoppedWhile: step)
        }
        switch content.focus(for: week, start: start) {
        case .success(let choice):
            let record = hasSettings ? nil : CourseStart(date: start.date, origin: settingsPath)
            return Chosen(choice: choice, startToRecord: record)
        case .failure(let error):
            throw InputProblems([.error(error.message, at: SourceLocation(path: settingsPath, line: 1, column: 1))], stoppedWhile: step)
        }
    }

    /// Records the start `chosen` carries, if any, and returns the line
    /// that says so (empty when there was nothing to record). A start that
    /// cannot be written is a warning, not a failure: what was asked for is
    /// already written, and `--start` next week does the same job.
    func recordIfNeeded(_ chosen: Chosen, environment: Environment) -> String {
        guard let start = chosen.startToRecord else { return "" }
        do {
            try record(start)
            return "Recorded the course's start, \(start.date), in \(settingsPath); later weeks count from it.\n"
        } catch {
            environment.errors(Diagnostic.warning(
                "could not record the course's start (\(error)); pass --start next week",
                at: SourceLocation(path: settingsPath, line: 1, column: 1)).description)
            return ""
        }
    }

    /// Writes `course.yaml` with the start, so later weeks count from it.
    /// Only ever a new file: an existing one is the user's.
    func record(_ start: CourseStart) throws {
        let text = """
        # When this course's curriculum began: 'attune new' and 'attune form' count weeks from here.
        # Change it if your course began on another day (any day of its first week will do).
        start: \(start.date)

        """
        try OutputWriter(fileSystem: fileSystem).write(.file(FilePath(settingsPath), Data(text.utf8), permissions: .privateFile)) {
            if fileSystem.fileExists(at: settingsPath) { throw FileSystemError.alreadyExists(settingsPath) }
        }
    }
}
