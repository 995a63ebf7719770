import ContentModel
import Diagnostics

/// A supervisor's cohort for one week, checked: every trainee here has a
/// name, a known focus and, if they shared a journal, a file that exists.
package struct Roster: Sendable {
    package var path: String
    package var cohort: String
    package var supervisor: String
    package var week: ISOWeek
    /// Markdown for every trainee, from the supervisor; `nil` when absent.
    package var notes: String?
    package var trainees: [Trainee]
    /// Trainees left out because of a problem in their row (`--keep-going`).
    package var skipped: [SkippedTrainee]
    /// `note:` diagnostics that stop nothing but should be seen (columns left unread).
    package var notices: [Diagnostic] = []
    /// The cohort's focus and why; `nil` when every trainee names their own.
    package var focusChoice: FocusChoice?
    /// The smallest count a cohort summary shows: `--summary-threshold`,
    /// else `course.yaml`'s, else `CohortSummary.defaultThreshold`.
    package var summaryThreshold: Int = CohortSummary.defaultThreshold
    /// Where the threshold came from, in the words the summary page uses.
    package var summaryThresholdOrigin: String = "Attune’s default"
}

/// One row of the roster.
package struct Trainee: Sendable {
    package var name: String
    /// The curriculum week's ID: the row's own focus, or the cohort's.
    package var focus: String
    /// Markdown, for this trainee only.
    package var note: String?
    /// The journal this trainee chose to share, resolved against the roster's folder.
    package var journal: String?
    /// Where the row names the trainee, for errors about them.
    package var location: SourceLocation
}

/// A trainee who gets no handout, and where their row is.
package struct SkippedTrainee: Sendable, Equatable {
    /// `nil` when the problem is that the row has no name.
    package var name: String?
    package var location: SourceLocation
}

/// A roster as written, before any checking: every value keeps the place it
/// was written, so each later error can point at it. YAML and CSV rosters
/// both become this, and from here on are treated alike.
struct RosterDraft {
    var path: String
    var cohort: Located?
    var supervisor: Located?
    var week: Located?
    var start: Located?
    var notes: Located?
    var trainees: [TraineeDraft] = []
    /// Problems with the roster as a whole; they stop the run even with `--keep-going`.
    var problems: [Diagnostic] = []
    /// Things the supervisor should know that stop nothing (columns left unread).
    var notices: [Diagnostic] = []
    /// The file could not be read as a roster at all, so nothing else is worth checking.
    var unreadable = false
}

struct TraineeDraft {
    /// The start of the row (a YAML list item, a CSV line).
    var row: SourceLocation
    var name: Located?
    var focus: Located?
    var note: Located?
    var journal: Located?
    /// Problems found while reading the row itself (a wrong type, a stray cell).
    var problems: [Diagnostic] = []
}

/// A value and where it was written.
struct Located {
    var value: String
    var location: SourceLocation
}
