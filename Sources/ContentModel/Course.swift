import Diagnostics
import Foundation
import Yams

/// When a course's curriculum began: the one fact that decides which
/// curriculum week a calendar week brings.
///
/// Without it the focus is a guess (the curriculum's turn for the calendar
/// week), which gives a cohort that started in October the course's last
/// week in November. So every command that picks a focus counts from a
/// start, and says which start and where it came from.
package struct CourseStart: Sendable, Equatable {
    /// As written, `YYYY-MM-DD`.
    package var date: String
    /// The ISO week that date falls in: the course's first week.
    package var week: ISOWeek
    /// Where the start was given, as the user would look for it: `--start`,
    /// `roster.yaml`, `journal/course.yaml`.
    package var origin: String

    package init?(date: String, origin: String) {
        guard let week = ISOWeek.ofDate(date) else { return nil }
        self.date = date
        self.week = week
        self.origin = origin
    }
}

/// A focus and the reason it was chosen, in words a supervisor can check.
package struct FocusChoice: Sendable {
    package var week: Week
    /// Why this week: "week 7 of the course, which began 2026-10-05 (--start)".
    package var reason: String

    package init(week: Week, reason: String) {
        self.week = week
        self.reason = reason
    }

    /// The line a command prints once it has chosen.
    package func line(for isoWeek: ISOWeek) -> String {
        "Focus for \(isoWeek): \(week.title) (\(week.id)), \(reason)."
    }
}

extension ContentModel {
    /// The curriculum week `isoWeek` brings in a course that began at `start`,
    /// or why there is none (a week before the course began).
    package func focus(for isoWeek: ISOWeek, start: CourseStart) -> Result<FocusChoice, CourseError> {
        let offset = isoWeek.absoluteIndex - start.week.absoluteIndex
        guard offset >= 0 else {
            return .failure(CourseError(
                "\(isoWeek) is before the course began (\(start.date), in \(start.week), from \(start.origin))"))
        }
        let index = offset % weeks.count
        var reason = "week \(offset + 1) of the course, which began \(start.date) (from \(start.origin))"
        if offset >= weeks.count {
            reason += "; the \(weeks.count)-week curriculum has started again, so this is its week \(index + 1)"
        }
        return .success(FocusChoice(week: weeks[index], reason: reason))
    }
}

/// Why a course start gives no focus, as a message for a diagnostic.
package struct CourseError: Error, Sendable, Equatable {
    package var message: String
    package init(_ message: String) { self.message = message }
}

/// `course.yaml`: the course's own settings, beside the journals or the
/// roster. Small on purpose: a start and, for cohort summaries, the
/// smallest count shown.
///
/// ```yaml
/// start: 2026-10-05        # the first day of the course's first curriculum week
/// summary-threshold: 5     # optional: counts below this are never shown (at least 3)
/// ```
package struct CourseSettings: Sendable, Equatable {
    package static let fileName = "course.yaml"
    package static let keys = ["start", "summary-threshold"]
    /// The smallest a summary threshold may be: below 3, one trainee could
    /// work out another's answers from a count and their own.
    package static let minimumThreshold = 3
    /// The largest: far above any cohort, and small enough that the
    /// summary's arithmetic on it can never overflow.
    package static let maximumThreshold = 1000
    /// 4 KiB is room for both settings and many comments.
    package static let maximumBytes = 4096

    package var start: CourseStart?
    package var threshold: Int?
    /// Where `threshold` was written, for errors about it.
    package var thresholdLocation: SourceLocation?

    package init(start: CourseStart? = nil, threshold: Int? = nil) {
        self.start = start
        self.threshold = threshold
    }

    /// What a summary threshold must be, after the name of where it was given.
    package static let thresholdRule =
        "must be a whole number from \(minimumThreshold) to \(maximumThreshold): below \(minimumThreshold), a trainee could tell from a count what another wrote"

    /// Why `value` cannot be a summary threshold, or `nil` when it can.
    package static func thresholdProblem(_ value: Int) -> String? {
        (minimumThreshold...maximumThreshold).contains(value) ? nil : thresholdRule
    }

    /// Reads a settings file; every problem is a diagnostic at its place.
    package static func parse(_ file: SourceFile) -> (settings: CourseSettings, problems: [Diagnostic]) {
        var settings = CourseSettings()
        var fields = YAMLFields(path: file.path)
        guard
            let entries = fields.fileMapping(
                file, kind: "course file", maximumBytes: maximumBytes, allowed: keys,
                ifEmpty: "the course file is empty: write the course's first day as start: 2026-10-05")
        else { return (settings, fields.diagnostics) }
        if let node = entries["start"] {
            if case .scalar(let scalar) = node, let parsed = CourseStart(date: scalar.string, origin: file.path) {
                settings.start = parsed
            } else {
                fields.error("start must be a date such as 2026-10-05, the first day of the course", at: node)
            }
        }
        if let node = entries["summary-threshold"] {
            if case .scalar(let scalar) = node, let number = Int(scalar.string), Self.thresholdProblem(number) == nil {
                settings.threshold = number
                settings.thresholdLocation = fields.location(of: node)
            } else {
                fields.error("summary-threshold \(Self.thresholdRule)", at: node)
            }
        }
        return (settings, fields.diagnostics)
    }
}

extension ISOWeek {
    /// The ISO week of a `YYYY-MM-DD` date, computed in UTC so that it never
    /// depends on the machine's time zone; `nil` for anything else.
    package static func ofDate(_ text: String) -> ISOWeek? {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]) else { return nil }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let wanted = DateComponents(year: year, month: month, day: day)
        guard let date = calendar.date(from: wanted),
              calendar.dateComponents([.year, .month, .day], from: date) == wanted
        else { return nil }
        return ISOWeek(containing: date, timeZone: calendar.timeZone)
    }
}
