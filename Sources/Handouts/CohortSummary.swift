import ContentModel

/// The supervisor's view of what came up in the journals trainees shared:
/// for each trigger category, rupture type and repair step, how many
/// trainees took it up this week. Counts only, never text, and any count
/// below `threshold` is shown as "fewer than 5", so no one trainee stands out.
///
/// What "took up" means (journals carry no tags, so the counts follow the
/// material): a card counts for a trainee when the curriculum week their
/// journal answers teaches it, and the journal has an answer to a prompt
/// tied to it. A rupture type is also taught by any of its 3RS markers, and
/// the tied prompts are the week's own. A trigger category is tied only to
/// the prompts its card poses, so that in a week teaching several triggers
/// each counts only for the trainees who wrote about that one.
public struct CohortSummary: Sendable {
    public static let threshold = 5

    public struct Count: Sendable {
        public var title: String
        public var count: Int
        public var shown: String { CohortSummary.shown(count) }
    }

    public struct Group: Sendable {
        public var title: String
        public var counts: [Count]
    }

    /// How many shared journals were counted.
    public var journals: Int
    public var groups: [Group]

    public static func shown(_ count: Int) -> String {
        count < threshold ? "fewer than \(threshold)" : "\(count)"
    }

    init(_ journals: [JournalFacts], content: ContentModel) {
        var trainees: [String: Int] = [:]
        for facts in journals {
            for id in Self.cardsTakenUp(by: facts, content: content) { trainees[id, default: 0] += 1 }
        }
        self.journals = journals.count
        self.groups = [SectionID.triggers, .ruptureTypes, .repairSteps].map { section in
            Group(
                title: content.section(section)?.title ?? section.rawValue,
                counts: content.cards(in: section).map { Count(title: $0.title, count: trainees[$0.id] ?? 0) })
        }
    }

    /// The IDs of the trigger, rupture-type and repair-step cards one journal took up.
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
                if let type = card.ruptureType { taken.insert(type) }
            default:
                break
            }
        }
        return taken
    }
}
