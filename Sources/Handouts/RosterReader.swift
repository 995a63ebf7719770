import ContentModel
import Diagnostics
import Files
import Foundation
import GFM

/// What the command line adds to a roster. Flags win over the roster's own
/// values, so one roster serves week after week.
package struct RosterOverrides: Sendable {
    package var cohort: String?
    package var supervisor: String?
    package var week: ISOWeek?
    /// The cohort's first day (`--start`): the curriculum week is then the
    /// one that many weeks into the curriculum.
    package var start: CourseStart?
    /// The week to use when neither the flags nor the roster name one.
    package var currentWeek: ISOWeek
    /// `--summary-threshold`: wins over `course.yaml`'s (checked by the
    /// command against `CourseSettings.thresholdProblem`).
    package var summaryThreshold: Int?

    package init(
        cohort: String? = nil, supervisor: String? = nil, week: ISOWeek? = nil, start: CourseStart? = nil, currentWeek: ISOWeek,
        summaryThreshold: Int? = nil
    ) {
        self.cohort = cohort
        self.supervisor = supervisor
        self.week = week
        self.start = start
        self.currentWeek = currentWeek
        self.summaryThreshold = summaryThreshold
    }

    /// The ISO week of a `YYYY-MM-DD` date (see `ISOWeek.ofDate`).
    package static func week(ofDate text: String) -> ISOWeek? { ISOWeek.ofDate(text) }
}

/// Reads a roster file (YAML or CSV) and checks it the same way whatever its
/// format: names, focuses, duplicates, journal paths, notes.
struct RosterReader {
    let fileSystem: FileSystem
    let content: ContentModel

    /// The checked roster, or `nil` when the roster as a whole is unusable.
    /// `rosterProblems` stop every run; `traineeProblems` each belong to
    /// one row, whose trainee is then in `skipped`.
    struct Reading {
        var roster: Roster?
        var rosterProblems: [Diagnostic]
        var traineeProblems: [Diagnostic]
    }

    func read(_ path: String, overrides: RosterOverrides) -> Reading {
        let start = SourceLocation(path: path, line: 1, column: 1)
        let text: String
        do {
            text = try fileSystem.readText(at: path)
        } catch {
            let reason = (error as? FileSystemError).map(Self.reason) ?? "\(error)"
            return Reading(roster: nil, rosterProblems: [.error("cannot read the roster: \(reason)", at: start)], traineeProblems: [])
        }
        let file = SourceFile(path: path, name: path, text: text)
        // Size and binary bytes, before the YAML or CSV parser sees the text
        // (each note is checked again before it is parsed as Markdown).
        let unsafe = InputLimits.check(file, maxBytes: InputLimits.rosterBytes, kind: "roster")
        if !unsafe.isEmpty { return Reading(roster: nil, rosterProblems: unsafe, traineeProblems: []) }
        let lower = path.lowercased()
        let isCSV = lower.hasSuffix(".csv")
        guard isCSV || lower.hasSuffix(".yaml") || lower.hasSuffix(".yml") else {
            return Reading(roster: nil, rosterProblems: [.error("a roster is a .yaml, .yml or .csv file", at: start)], traineeProblems: [])
        }
        let draft = isCSV ? CSVRoster.read(file) : YAMLRoster.read(file)
        return check(draft, isCSV: isCSV, overrides: overrides)
    }

    private func check(_ draft: RosterDraft, isCSV: Bool, overrides: RosterOverrides) -> Reading {
        if draft.unreadable { return Reading(roster: nil, rosterProblems: (draft.notices + draft.problems).sortedByLocation, traineeProblems: []) }
        var problems = draft.problems
        let start = SourceLocation(path: draft.path, line: 1, column: 1)

        // The roster as a whole: who, when, and which curriculum week that is.
        func required(_ value: Located?, _ flag: String?, _ key: String) -> String? {
            if let flag { return Self.oneLine(flag) }
            if let value { return Self.oneLine(value.value) }
            problems.append(.error(isCSV
                ? "a CSV roster does not name its \(key): give it with --\(key)"
                : "the roster is missing required field '\(key)' (or give it with --\(key))", at: start))
            return nil
        }
        let cohort = required(draft.cohort, overrides.cohort, "cohort")
        let supervisor = required(draft.supervisor, overrides.supervisor, "supervisor")
        let settings = courseSettings(beside: draft.path, problems: &problems)
        let (week, cohortFocus) = weekAndFocus(draft, overrides: overrides, settings: settings, problems: &problems)
        if let notes = draft.notes, let problem = Self.noteProblem(notes, what: "the roster's notes") { problems.append(problem) }
        if draft.trainees.isEmpty, draft.problems.isEmpty {
            problems.append(.error("the roster lists no trainees", at: start))
        }

        // Each row on its own: a problem here costs only that trainee.
        var rows = RowChecker(reader: self, rosterPath: draft.path, cohortFocus: cohortFocus?.week.id ?? "")
        var traineeProblems: [Diagnostic] = []
        var trainees: [Trainee] = []
        var skipped: [SkippedTrainee] = []
        for row in draft.trainees {
            switch rows.check(row) {
            case .success(let trainee):
                trainees.append(trainee)
            case .failure(let found):
                traineeProblems += found.diagnostics
                skipped.append(SkippedTrainee(name: row.name.map { Self.oneLine($0.value) }, location: row.name?.location ?? row.row))
            }
        }

        guard let cohort, let supervisor, problems.isEmpty else {
            return Reading(roster: nil, rosterProblems: (draft.notices + problems).sortedByLocation, traineeProblems: traineeProblems.sortedByLocation)
        }
        var roster = Roster(
            path: draft.path, cohort: cohort, supervisor: supervisor, week: week,
            notes: draft.notes?.value, trainees: trainees, skipped: skipped, notices: draft.notices,
            focusChoice: cohortFocus)
        if let flag = overrides.summaryThreshold {
            (roster.summaryThreshold, roster.summaryThresholdOrigin) = (flag, "--summary-threshold")
        } else if let settings, let written = settings.threshold {
            (roster.summaryThreshold, roster.summaryThresholdOrigin) = (written, settings.thresholdLocation?.path ?? CourseSettings.fileName)
        }
        return Reading(roster: roster, rosterProblems: [], traineeProblems: traineeProblems.sortedByLocation)
    }

    /// The handouts' ISO week (flag, roster, else this week) and the curriculum
    /// week it brings, counted from the cohort's start: `--start`, else the
    /// roster's `start:`, else `course.yaml` beside the roster. With no start
    /// the focus would be a guess, so a roster that needs one is refused.
    private func weekAndFocus(
        _ draft: RosterDraft, overrides: RosterOverrides, settings: CourseSettings?, problems: inout [Diagnostic]
    ) -> (ISOWeek, focus: FocusChoice?) {
        let top = SourceLocation(path: draft.path, line: 1, column: 1)
        var week = overrides.week ?? overrides.currentWeek
        if overrides.week == nil, let written = draft.week {
            if let parsed = ISOWeek(written.value) {
                week = parsed
            } else {
                problems.append(.error("week '\(written.value)' is not an ISO week such as 2026-W47", at: written.location))
            }
        }
        var first: (start: CourseStart, location: SourceLocation)?
        if let flag = overrides.start {
            first = (flag, top)
        } else if let written = draft.start {
            if let parsed = CourseStart(date: written.value, origin: draft.path) {
                first = (parsed, written.location)
            } else {
                problems.append(.error("start '\(written.value)' is not a date such as 2026-09-07", at: written.location))
                return (week, nil)
            }
        } else if let start = settings?.start {
            first = (start, top)
        }
        let needsCohortFocus = draft.trainees.contains { $0.focus == nil }
        guard let first else {
            if needsCohortFocus {
                problems.append(.error(
                    "the roster gives no start, so which curriculum week \(week) is cannot be known: add 'start: 2026-10-05' "
                        + "(the first day of the course) to the roster or to \(CourseSettings.fileName) beside it, or pass --start",
                    at: draft.week?.location ?? top))
            }
            return (week, nil)
        }
        switch content.focus(for: week, start: first.start) {
        case .success(let choice):
            return (week, choice)
        case .failure:
            problems.append(.error(
                "the handouts are for \(week), before the course began (\(first.start.date), in \(first.start.week))", at: first.location))
            return (week, nil)
        }
    }

    /// `course.yaml` in the roster's folder, if there is one.
    func courseSettings(beside rosterPath: String, problems: inout [Diagnostic]) -> CourseSettings? {
        let path = resolve(CourseSettings.fileName, against: rosterPath)
        guard fileSystem.fileExists(at: path) else { return nil }
        do {
            let text = try fileSystem.readText(at: path)
            let (settings, found) = CourseSettings.parse(SourceFile(path: path, name: CourseSettings.fileName, text: text))
            problems += found
            return settings
        } catch {
            let reason = (error as? FileSystemError).map(Self.reason) ?? "\(error)"
            problems.append(.error("cannot read the course file: \(reason)", at: SourceLocation(path: path, line: 1, column: 1)))
            return nil
        }
    }

    /// Checks rows one after another, remembering names and journals seen so
    /// far to catch a trainee listed twice or a journal given to two trainees.
    /// `a/./b//../c` as `a/c`: two spellings of one journal path compare
    /// equal. Lexical only, like `NSString.standardizingPath` for paths
    /// without symbolic links, and without its cost per row.
    static func lexicallyNormalised(_ path: String) -> String {
        var parts: [Substring] = []
        for part in path.split(separator: "/", omittingEmptySubsequences: true) {
            if part == "." { continue }
            if part == "..", let last = parts.last, last != ".." { parts.removeLast(); continue }
            if part == "..", path.hasPrefix("/") { continue }
            parts.append(part)
        }
        let joined = parts.joined(separator: "/")
        return path.hasPrefix("/") ? "/" + joined : (joined.isEmpty ? "." : joined)
    }

    struct RowChecker {
        let reader: RosterReader
        let rosterPath: String
        let cohortFocus: String
        private var firstRowOfName: [String: SourceLocation] = [:]
        private var sharerOfJournal: [String: (name: String, location: SourceLocation)] = [:]

        init(reader: RosterReader, rosterPath: String, cohortFocus: String) {
            self.reader = reader
            self.rosterPath = rosterPath
            self.cohortFocus = cohortFocus
        }

        mutating func check(_ row: TraineeDraft) -> Result<Trainee, DiagnosticError> {
            var problems = row.problems
            let name = row.name.map { RosterReader.oneLine($0.value) }
            if name == nil, problems.isEmpty {
                problems.append(.error("this trainee has no name", at: row.row))
            }
            if let name, let written = row.name {
                // Two rows that differ only in case would also get the same file name.
                let key = name.lowercased()
                if let first = firstRowOfName[key] {
                    problems.append(.error(
                        "trainee '\(name)' is listed twice (first at line \(first.line)); add something to tell them apart, such as an initial",
                        at: written.location))
                } else {
                    firstRowOfName[key] = written.location
                }
            }
            var focus = cohortFocus
            if let written = row.focus {
                if reader.content.week(written.value) != nil {
                    focus = written.value
                } else {
                    let hint = Suggestion.closest(to: written.value, in: reader.content.weeks.map(\.id)).map { "; did you mean '\($0)'?" }
                        ?? " (see 'attune new --help' for the curriculum's weeks)"
                    problems.append(.error("unknown focus '\(written.value)'\(hint)", at: written.location))
                }
            }
            if let note = row.note, let problem = RosterReader.noteProblem(note, what: "this note") { problems.append(problem) }
            var journal: String?
            if let written = row.journal {
                let resolved = reader.resolve(written.value, against: rosterPath)
                let key = RosterReader.lexicallyNormalised(resolved)
                let shown = resolved == written.value ? "'\(written.value)'" : "'\(written.value)' (\(resolved))"
                if reader.fileSystem.directoryExists(at: resolved) {
                    problems.append(.error("cannot read journal \(shown): it is a folder; name the journal file", at: written.location))
                } else if !reader.fileSystem.fileExists(at: resolved) {
                    problems.append(.error("cannot read journal \(shown): no such file", at: written.location))
                } else if let sharer = sharerOfJournal[key] {
                    // Counted twice, it would skew the summary; it is almost always a copy-and-paste slip.
                    problems.append(.error(
                        "journal \(shown) is already shared by '\(sharer.name)' (line \(sharer.location.line)); each trainee shares their own",
                        at: written.location))
                } else {
                    journal = resolved
                    sharerOfJournal[key] = (name ?? "?", written.location)
                }
            }
            guard let name, problems.isEmpty else { return .failure(DiagnosticError(problems)) }
            return .success(Trainee(name: name, focus: focus, note: row.note?.value, journal: journal, location: row.name?.location ?? row.row))
        }
    }

    /// A journal path from the roster, read relative to the roster's folder so
    /// that a roster and its journals can move together.
    func resolve(_ path: String, against rosterPath: String) -> String {
        guard !path.hasPrefix("/"), let slash = rosterPath.lastIndex(of: "/") else { return path }
        return String(rosterPath[...slash]) + path
    }

    /// Names and titles print on one line, however they were typed.
    static func oneLine(_ text: String) -> String {
        text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }

    /// A note over its size limit (checked before it is parsed), or one
    /// with a top-level heading: a note sits inside the handout's
    /// structure, so like an answer in a journal its headings start at `###`.
    static func noteProblem(_ note: Located, what: String) -> Diagnostic? {
        if let tooLarge = InputLimits.tooLarge(note.value, limit: InputLimits.noteBytes, what: what, per: "one note", at: note.location) {
            return tooLarge
        }
        if let slow = SlowInputGuard.check(note.value, at: note.location, kind: what).first { return slow }
        let document = MarkdownDocument(note.value)
        guard let heading = document.node.descendants.first(where: { $0.kind == .heading && $0.headingLevel <= 2 }) else { return nil }
        let marks = String(repeating: "#", count: heading.headingLevel)
        return .error(
            "'\(marks) \(heading.plainText)' is a top-level heading; in a note, start headings at '###'",
            at: note.location)
    }

    static func reason(_ error: FileSystemError) -> String {
        switch error {
        case .notFound: return "no such file"
        case .notUTF8: return "not UTF-8 text (save the spreadsheet as 'CSV UTF-8')"
        case .alreadyExists: return "already exists"
        case .io(_, let reason): return reason
        }
    }
}
