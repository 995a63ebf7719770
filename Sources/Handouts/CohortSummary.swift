import ContentModel

/// The supervisor's view of what came up in the journals trainees shared:
/// for each trigger category, rupture type (and its 3RS markers) and repair
/// step, how many trainees took it up this week. Counts only, never text.
///
/// No count below the threshold is ever shown. In a group of twelve, "1
/// trainee wrote about withdrawal" points at a person (and, through what
/// the supervisor knows of their caseload, perhaps at a client), so instead
/// of a wall of "fewer than 5" rows, what falls below is gathered into a
/// coarser row that may itself be large enough to show:
///
/// - a marker below the threshold joins its rupture type's "other
///   withdrawal markers" row;
/// - a trigger, rupture type or repair step below it joins its group's
///   "other triggers" row, or, when nothing in the group reaches the
///   threshold, one "any trigger" row;
/// - a gathered row still below the threshold says "fewer than N", once.
///
/// Which rows exist depends only on which counts reach the threshold, never
/// on how far below it the others are, so a row's absence tells nothing.
/// Two shown counts can still differ by less than the threshold (a rupture
/// type of 7 above a marker of 5); the page says counts are of trainees,
/// and never shows the difference itself.
///
/// What "took up" means (journals carry no tags, so the counts follow the
/// material): a card counts for a trainee when the curriculum week their
/// journal answers teaches it, and the journal has an answer to a prompt
/// tied to it. A rupture type is also taught by any of its 3RS markers, and
/// the tied prompts are the week's own. A trigger category is tied only to
/// the prompts its card poses, so that in a week teaching several triggers
/// each counts only for the trainees who wrote about that one.
package struct CohortSummary: Sendable {
    /// Used when neither `course.yaml` nor `--summary-threshold` sets one:
    /// 5 is the smallest cell size commonly published for small-group
    /// statistics, and leaves a group of 12 able to see what most took up.
    package static let defaultThreshold = 5

    /// One line of a table: a topic, or several gathered under one title.
    package struct Row: Sendable, Equatable {
        package var title: String
        /// The topics a gathered row stands for; empty for a single topic.
        package var covers: [String]
        /// The count as shown: a number at or above the threshold, else "fewer than N".
        package var shown: String
    }

    package struct Group: Sendable, Equatable {
        package var title: String
        package var rows: [Row]
    }

    /// How many shared journals were counted (shown only as `journalsBand`).
    package var journals: Int
    package var threshold: Int
    package var groups: [Group]

    /// The number of shared journals in words, as a band (see `band`).
    package var journalsBand: String { Self.band(journals, threshold: threshold) }

    init(_ journals: [JournalFacts], content: ContentModel, threshold: Int = defaultThreshold) {
        self.journals = journals.count
        self.threshold = threshold
        var trainees: [String: Set<Int>] = [:]
        for (index, facts) in journals.enumerated() {
            for id in Self.cardsTakenUp(by: facts, content: content) { trainees[id, default: []].insert(index) }
        }
        let counting = Counting(trainees: trainees, threshold: threshold)
        func title(_ section: SectionID) -> String { content.section(section)?.title ?? section.rawValue }
        // Each topic is a card, named with its number as the handouts show
        // it, so the supervisor can say "card 29" to the group.
        func named(_ card: Card) -> String { "Card \(card.number) · \(card.title)" }

        let types = content.cards(in: .ruptureTypes)
        let markers = content.cards(in: .markers)
        let shownTypes = types.filter { counting.reaches($0.id) }
        var typeRows: [Row] = []
        for type in shownTypes {
            typeRows.append(counting.row(named(type), ids: [type.id]))
            let own = markers.filter { $0.ruptureType == type.id }
            typeRows += counting.rows(
                own.map { ($0.id, "Marker: \(named($0))", named($0)) },
                other: "Other \(type.id.replacingOccurrences(of: "-", with: " ")) markers",
                any: "Any \(type.id.replacingOccurrences(of: "-", with: " ")) marker")
        }
        // A type below the threshold takes its markers with it: each is part of it.
        let hiddenTypes = types.filter { !counting.reaches($0.id) }
        if !hiddenTypes.isEmpty {
            typeRows.append(counting.gathered(
                shownTypes.isEmpty ? "Any rupture type" : "Other rupture types", ids: hiddenTypes.map(\.id), covers: hiddenTypes.map(named)))
        }

        groups = [
            Group(title: title(.triggers), rows: counting.rows(
                content.cards(in: .triggers).map { ($0.id, named($0), named($0)) }, other: "Other triggers", any: "Any trigger")),
            Group(title: title(.ruptureTypes), rows: typeRows),
            Group(title: title(.repairSteps), rows: counting.rows(
                content.cards(in: .repairSteps).map { ($0.id, named($0), named($0)) }, other: "Other repair steps", any: "Any repair step")),
        ]
    }

    /// The trainees who took up each card, and the rule for showing them.
    private struct Counting {
        let trainees: [String: Set<Int>]
        let threshold: Int

        func count(_ ids: [String]) -> Int { ids.reduce(into: Set<Int>()) { $0.formUnion(trainees[$1] ?? []) }.count }
        func reaches(_ id: String) -> Bool { count([id]) >= threshold }

        func row(_ title: String, ids: [String]) -> Row {
            Row(title: title, covers: [], shown: CohortSummary.shown(count(ids), threshold: threshold))
        }

        /// One row for several topics, counting each trainee once however many they took up.
        func gathered(_ title: String, ids: [String], covers: [String]) -> Row {
            Row(title: title, covers: covers, shown: CohortSummary.shown(count(ids), threshold: threshold))
        }

        /// Each topic that reaches the threshold on its own row, the rest on one.
        /// `listed` is how a topic is named under a gathered row.
        func rows(_ topics: [(id: String, title: String, listed: String)], other: String, any: String) -> [Row] {
            let shown = topics.filter { reaches($0.id) }
            let hidden = topics.filter { !reaches($0.id) }
            var rows = shown.map { row($0.title, ids: [$0.id]) }
            if !hidden.isEmpty {
                rows.append(gathered(shown.isEmpty ? any : other, ids: hidden.map(\.id), covers: hidden.map(\.listed)))
            }
            return rows
        }
    }

    /// A count as the page shows it.
    package static func shown(_ count: Int, threshold: Int) -> String {
        count < threshold ? "fewer than \(threshold)" : "\(count)"
    }

    /// The number of shared journals as a band: "fewer than 5", "5–9",
    /// "10–19", "20–49", "50–99", "100–199", …, "1000 or more".
    ///
    /// Why a band: the summary is the page a supervisor may pass on (to a
    /// course lead, to the group), and an exact total beside exact topic
    /// counts invites subtraction: "9 journals, 8 on confrontation" says one
    /// trainee wrote about something else. A band leaves that difference
    /// unknown. The bands start at the threshold, so the smallest shown is
    /// as coarse as any count, and each is at least the threshold wide
    /// (edges from 10, 20, 50, 100, 200, 500, 1000 are skipped until one is),
    /// so no band is a single number; they widen as the cohort grows, since
    /// one journal more or less matters less in a larger group.
    package static func band(_ count: Int, threshold: Int) -> String {
        guard count >= threshold else { return "fewer than \(threshold)" }
        var edges = [threshold]
        for edge in [10, 20, 50, 100, 200, 500, 1000] where edge >= edges.last! + threshold { edges.append(edge) }
        let low = edges.last { $0 <= count }!
        guard let high = edges.first(where: { $0 > count }) else { return "\(low) or more" }
        return "\(low)–\(high - 1)"
    }

    /// The IDs of the trigger, rupture-type, marker and repair-step cards one journal took up.
    static func cardsTakenUp(by facts: JournalFacts, content: ContentModel) -> Set<String> {
        guard let week = content.week(facts.focus) else { return [] }
        let answeredTheWeek = !facts.answered.isDisjoint(with: week.prompts)
        var taken: Set<String> = []
        for card in week.cards.compactMap(content.card) {
            switch card.section {
            case .triggers where !facts.answered.isDisjoint(with: card.prompts):
                taken.insert(card.id)
            case .ruptureTypes where answeredTheWeek, .repairSteps where answeredTheWeek:
                taken.insert(card.id)
            case .markers where answeredTheWeek:
                taken.insert(card.id)
                if let type = card.ruptureType { taken.insert(type) }
            default:
                break
            }
        }
        return taken
    }
}
