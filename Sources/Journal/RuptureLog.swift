import ContentModel
import Diagnostics

/// The week's rupture log: one entry per rupture, in the coded vocabulary of
/// the content model, so ruptures can be counted across weeks.
///
/// It lives in its own section of the journal, `## Rupture log` under a
/// `<!-- prompt: rupture-log -->` line, and each entry is a small fenced
/// block of YAML whose info string is `rupture`:
///
/// ````markdown
/// ```rupture
/// client: Harbour
/// markers: [marker-complaints-about-progress]
/// tension: 4
/// resolution: 2
/// ```
/// ````
///
/// A fenced block is pleasant to write by hand (one key per line, comments
/// allowed, no column alignment as in a table) and exact to parse: cmark
/// finds the block, YAML reads it, and every value has a line and column.
/// The section is also kept as an `Answer`, verbatim, so everything that
/// reads answers (the privacy guard, `private:`, redaction) covers it.
package struct RuptureLog: Sendable, Equatable {
    /// The section's ID in `<!-- prompt: rupture-log -->`. Not a content
    /// prompt: the parser knows it by name.
    package static let sectionID = "rupture-log"
    /// The heading the scaffold writes; a heading with this text (any case)
    /// and no marker line is the log too.
    package static let heading = "Rupture log"
    /// The info string that makes a fenced code block a log entry.
    package static let infoString = "rupture"
    /// The fields an entry may have, in the order the scaffold shows them.
    package static let fields = [
        "week", "client", "type", "markers", "salience", "trigger", "component", "repairs", "tension", "resolution", "notes",
    ]
    /// A rupture rated this low or lower is carried forward to next week.
    package static let unresolvedAtMost = 2

    package var entries: [RuptureEntry]
    /// Markdown in the section that is neither an entry nor a comment (a
    /// line such as "No ruptures this week", or an answer to a carried-forward
    /// question), verbatim, blocks separated by a blank line.
    package var remarks: String?
    /// Clients (lowercased aliases) whose "What happened next with …?"
    /// question has an answer in this log.
    package var followedUp: Set<String>

    package init(entries: [RuptureEntry] = [], remarks: String? = nil, followedUp: Set<String> = []) {
        self.entries = entries
        self.remarks = remarks
        self.followedUp = followedUp
    }
}

/// One rupture, as the therapist logged it. IDs are the content model's.
/// Only the journal parser (`RuptureLogReader`) makes one, with the
/// memberwise initialiser Swift writes: an entry elsewhere is always one
/// that was read and checked. (A form's unchecked entry is a
/// `RuptureEntryDraft`.)
package struct RuptureEntry: Sendable, Equatable {
    /// The week of the session; the journal's week unless the entry says.
    /// Never a date: a session's date would identify the client.
    package var week: ISOWeek
    /// A pseudonym or case label, never a name.
    package var client: String
    /// A `rupture-types` card ID: given, or read off the markers.
    package var type: String
    /// `markers` card IDs, at least one, all of `type`.
    package var markers: [String]
    /// How clearly the markers showed, 1–5 (as 3RS coders rate them).
    package var salience: Int?
    /// A `triggers` card ID: what the rupture set off in the therapist.
    package var trigger: String?
    /// Which part of the alliance strained.
    package var component: AllianceComponent?
    /// `repair-steps`, `practices` or `strategies` card IDs, as tried.
    package var repairs: [String]
    /// The therapist's rating of the tension, 1–5.
    package var tension: Int
    /// The therapist's rating of how far it was resolved, 1–5.
    package var resolution: Int
    /// Free text, as written.
    package var notes: String?
    /// The entry's opening fence.
    package var location: SourceLocation

    /// The same rupture, logged the same way, wherever it was written:
    /// every field but the location. Names are compared as the canonical
    /// IDs they were read as, so `Denial` and `marker-denial` agree.
    package func isSame(as other: RuptureEntry) -> Bool {
        var moved = other
        moved.location = location
        return self == moved
    }

    /// Resolution rated 2 or lower: the rupture is still open.
    package var isUnresolved: Bool { resolution <= RuptureLog.unresolvedAtMost }

    /// The alias as a key: the same client however it is capitalised.
    package var clientKey: String { RuptureEntry.key(for: client) }

    static func key(for alias: String) -> String {
        alias.trimmingSpaces().lowercased()
    }
}

/// Bordin's three components of the working alliance.
package enum AllianceComponent: String, CaseIterable, Sendable, Comparable {
    case goal, task, bond

    /// The alliance card that teaches this component.
    package var cardID: String {
        switch self {
        case .goal: return "alliance-goals"
        case .task: return "alliance-tasks"
        case .bond: return "alliance-bond"
        }
    }

    /// "Goals", "Tasks", "Bond": how a report names it.
    package var title: String {
        switch self {
        case .goal: return "Agreement on goals"
        case .task: return "Agreement on tasks"
        case .bond: return "The bond"
        }
    }

    /// The component a person typed: its name in any case, plural or not
    /// (`Goals`), or its title (`Agreement on goals`).
    package init?(written: String) {
        let wanted = RuptureCardNames.normalised(written)
        guard let found = Self.allCases.first(where: {
            wanted == $0.rawValue || wanted == $0.rawValue + "s" || wanted == RuptureCardNames.normalised($0.title)
        }) else { return nil }
        self = found
    }

    package static func < (lhs: Self, rhs: Self) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}

extension Journal {
    /// The answer that holds the rupture log section, if the journal has one.
    package var ruptureLogAnswer: Answer? { answer(to: RuptureLog.sectionID) }

    /// Answers to the content's prompts: every answer but the rupture log.
    package var promptAnswers: [Answer] { answers.filter { $0.promptID != RuptureLog.sectionID } }
}
