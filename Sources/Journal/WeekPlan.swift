import ContentModel
import Diagnostics
import Files
import Foundation

import struct SystemPackage.FilePath

/// What `attune new` and `attune form` are asked for: the same week
/// planning behind both, so a form's download is the journal `new` would
/// have started.
package struct WeekPlanRequest: Sendable {
    package var week: ISOWeek
    /// The folder of journals: names, focus and the course's start come from here.
    package var journalFolder: String
    /// `--focus`: a curriculum week's ID.
    package var focus: String?
    /// `--start`: the course's first day, `YYYY-MM-DD`.
    package var start: String?
    /// `--therapist`.
    package var therapist: String?

    package init(week: ISOWeek, journalFolder: String, focus: String? = nil, start: String? = nil, therapist: String? = nil) {
        self.week = week
        self.journalFolder = journalFolder
        self.focus = focus
        self.start = start
        self.therapist = therapist
    }
}

/// Why a week cannot be planned. Problems in files carry their places;
/// the other two are mistakes on the command line, which the command words.
package enum WeekPlanError: Error, Sendable, Equatable {
    /// Problems in the journal folder or its `course.yaml`, each at its place.
    case problems([Diagnostic])
    /// A focus that is no curriculum week: the message names the nearest and lists them all.
    case unknownFocus(String)
    /// No therapist given, and no journal to take the name from.
    case noTherapist

    package var diagnostics: [Diagnostic] {
        if case .problems(let found) = self { found } else { [] }
    }
}

/// A planned week: everything a new journal (or the form that downloads
/// one) is made from, decided but not yet written.
package struct WeekPlan: Sendable {
    package var week: ISOWeek
    /// The curriculum week, and the reason it was chosen.
    package var focus: FocusChoice
    package var therapist: String
    /// Open ruptures from earlier weeks, asked about again in the new log.
    package var carried: [CarriedRupture]
    /// Earlier journals with errors, whose ruptures could not be carried forward.
    package var warnings: [Diagnostic]
    /// The start to write to `course.yaml` once the week's file is written
    /// (`nil` when the folder has one already, or none is known).
    package var startToRecord: CourseStart?
    /// Where the folder's `course.yaml` is.
    package var settingsPath: String
}

/// Week planning: which week, which focus and why, whose journal, and what
/// is carried forward, from the flags and the journal folder.
///
/// The focus, in order: `--focus`; the week's own journal (a form must match
/// it); the course's start (`--start`, else `start:` in `course.yaml` in the
/// journal folder), counting curriculum weeks from it. With no start and no
/// journals yet, this is the course's first week, and that start is
/// recorded. With journals but no start, any choice would be a guess, so it
/// is an error that says how to set the start.
///
/// The therapist: the week's own journal's, else `--therapist`, else the
/// latest journal's. Earlier journals are only read.
package struct WeekPlanner: Sendable {
    package let content: ContentModel
    package let fileSystem: FileSystem

    package init(content: ContentModel, fileSystem: FileSystem) {
        self.content = content
        self.fileSystem = fileSystem
    }

    /// The week's own journal, when the folder has one that parses.
    package typealias Existing = (file: SourceFile, journal: Journal)

    /// Plans a week whose journal is to be written now: one already there
    /// is an error, because Attune never overwrites a journal.
    package func planNewJournal(_ request: WeekPlanRequest) throws(WeekPlanError) -> WeekPlan {
        let path = JournalReader.join(request.journalFolder, "\(request.week).md")
        if fileSystem.fileExists(at: path) {
            throw .problems([
                .error(
                    "a journal for \(request.week) already exists; Attune never overwrites a journal", at: SourceLocation(path: path, line: 1, column: 1))
            ])
        }
        return try plan(request, existing: nil)
    }

    /// Plans a week that may already have a journal (the form): its focus
    /// and therapist are then the journal's, and flags that differ are
    /// errors, or the form's download could never be imported into it.
    package func planForm(_ request: WeekPlanRequest) throws(WeekPlanError) -> WeekPlan {
        let journals = JournalReader(fileSystem: fileSystem, content: content).parsed(in: request.journalFolder)
        let existing = journals.first { $0.journal.week == request.week }
        var problems: [Diagnostic] = []
        if let (file, journal) = existing, let focus = request.focus, focus != journal.focus {
            problems.append(
                .error(
                    "the journal for \(request.week) is on focus '\(journal.focus)', so a form on '\(focus)' could not be imported into it; leave out --focus",
                    at: Journal.frontMatterLocation(of: "focus", in: file)))
        }
        if let (file, journal) = existing, let therapist = request.therapist, therapist != journal.therapist {
            problems.append(
                .error(
                    "the journal for \(request.week) is '\(journal.therapist)''s, so a form for '\(therapist)' could not be imported into it; leave out --therapist",
                    at: Journal.frontMatterLocation(of: "therapist", in: file)))
        }
        if !problems.isEmpty { throw .problems(problems) }
        return try plan(request, existing: existing)
    }

    private func plan(_ request: WeekPlanRequest, existing: Existing?) throws(WeekPlanError) -> WeekPlan {
        let reader = JournalReader(fileSystem: fileSystem, content: content)
        var ignored: [Diagnostic] = []
        // Any .md file counts, a journal with errors too: it is still a week the course has had.
        let hasJournals = !reader.files(in: request.journalFolder, problems: &ignored).isEmpty
        let (focus, startToRecord) = try chooseFocus(request, existing: existing, hasJournals: hasJournals)
        guard let therapist = existing?.journal.therapist ?? request.therapist ?? latestTherapist(in: request.journalFolder) else {
            throw .noTherapist
        }
        let earlier = reader.readLeniently([request.journalFolder])
        let carried = RuptureCarryForward.unresolved(in: earlier.journals, before: request.week, content: content)
        let warnings = earlier.unreadable.map { path in
            Diagnostic.warning(
                "this journal has errors, so no rupture in it was carried forward; 'attune check \(path)' shows them",
                at: SourceLocation(path: path, line: 1, column: 1))
        }
        return WeekPlan(
            week: request.week, focus: focus, therapist: therapist, carried: carried, warnings: warnings,
            startToRecord: startToRecord, settingsPath: settingsPath(request.journalFolder))
    }

    /// The therapist named in the newest journal in `folder` that parses.
    package func latestTherapist(in folder: String) -> String? {
        JournalReader(fileSystem: fileSystem, content: content).parsed(in: folder).last?.journal.therapist
    }

    func settingsPath(_ folder: String) -> String {
        JournalReader.join(folder, CourseSettings.fileName)
    }

    /// The focus and why, and the start to record (see the type's comment for the order).
    func chooseFocus(
        _ request: WeekPlanRequest, existing: Existing?, hasJournals: Bool
    ) throws(WeekPlanError) -> (FocusChoice, startToRecord: CourseStart?) {
        let week = request.week
        if let id = existing?.journal.focus ?? request.focus {
            guard let found = content.week(id) else {
                let hint = Suggestion.closest(to: id, in: content.weeks.map(\.id)).map { " Did you mean '\($0)'?" } ?? ""
                throw .unknownFocus("Unknown focus '\(id)'.\(hint) The curriculum's weeks are: \(content.weeks.map(\.id).joined(separator: ", ")).")
            }
            let reason = existing.map { "as in \($0.file.path)" } ?? "chosen with --focus"
            return (FocusChoice(week: found, reason: reason), nil)
        }
        let settingsPath = settingsPath(request.journalFolder)
        let settingsLocation = SourceLocation(path: settingsPath, line: 1, column: 1)
        var settings = CourseSettings()
        let hasSettings = fileSystem.fileExists(at: settingsPath)
        if hasSettings {
            let text: String
            do {
                text = try fileSystem.readText(at: settingsPath)
            } catch {
                throw .problems([.unreadable(settingsPath, error)])
            }
            let parsed = CourseSettings.parse(SourceFile(path: settingsPath, name: CourseSettings.fileName, text: text))
            if !parsed.problems.isEmpty { throw .problems(parsed.problems) }
            settings = parsed.settings
        }
        let start: CourseStart
        if let flag = request.start.flatMap({ CourseStart(date: $0, origin: "--start") }) {
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
                reason: "week 1 of the course, taken to begin \(date) because no start was set and the folder '\(request.journalFolder)' has no journals yet; "
                    + "if it began earlier, pass --start or write its first day in \(settingsPath)")
            return (choice, hasSettings ? nil : CourseStart(date: date, origin: settingsPath))
        } else {
            throw .problems([
                .error(
                    "the folder '\(request.journalFolder)' has journals but no course start, so which curriculum week \(week) is cannot be known: "
                        + "write the first day of the course in \(settingsPath) as 'start: 2026-10-05', or pass --start",
                    at: settingsLocation)
            ])
        }
        switch content.focus(for: week, start: start) {
        case .success(let choice):
            return (choice, hasSettings ? nil : CourseStart(date: start.date, origin: settingsPath))
        case .failure(let error):
            throw .problems([.error(error.message, at: settingsLocation)])
        }
    }

    /// Writes the start `plan` carries to `course.yaml`, if any, so later
    /// weeks count from it; returns it when written. A start that cannot be
    /// written is a warning, not a failure: what was asked for is already
    /// written, and `--start` next week does the same job. Only ever a new
    /// file: an existing one is the user's.
    package func recordStart(of plan: WeekPlan, warn: (Diagnostic) -> Void) -> CourseStart? {
        guard let start = plan.startToRecord else { return nil }
        let path = plan.settingsPath
        let text = """
            # When this course's curriculum began: 'attune new' and 'attune form' count weeks from here.
            # Change it if your course began on another day (any day of its first week will do).
            start: \(start.date)

            """
        do {
            try OutputWriter(fileSystem: fileSystem).write(.file(FilePath(path), Data(text.utf8), permissions: .privateFile)) {
                if fileSystem.fileExists(at: path) { throw FileSystemError.alreadyExists(path) }
            }
            return start
        } catch {
            warn(
                .warning(
                    "could not record the course's start (\(error)); pass --start next week", at: SourceLocation(path: path, line: 1, column: 1)))
            return nil
        }
    }
}
