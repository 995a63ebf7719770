import ContentModel

/// The content model's references read both ways. The model says a marker is
/// answered by a practice; a reader on the practice's page wants to know
/// which markers it answers. Built once, before any page renders.
struct CrossReferences: Sendable {
    /// Repair step, practice or strategy → the markers it answers.
    private(set) var markersAnswered: [String: [String]] = [:]
    /// Rupture type → its markers.
    private(set) var markersOfType: [String: [String]] = [:]
    /// Prompt → the trigger categories that suggest it.
    private(set) var triggersForPrompt: [String: [String]] = [:]
    /// Card or prompt → the curriculum weeks that use it.
    private(set) var weeksUsing: [String: [String]] = [:]
    /// Source → the cards that cite it.
    private(set) var citingCards: [String: [String]] = [:]

    init(content: ContentModel) {
        for card in content.cards {
            for answer in card.answeredBy { markersAnswered[answer, default: []].append(card.id) }
            if let type = card.ruptureType { markersOfType[type, default: []].append(card.id) }
            for prompt in card.prompts { triggersForPrompt[prompt, default: []].append(card.id) }
            for source in card.sources { citingCards[source, default: []].append(card.id) }
        }
        for week in content.weeks {
            for id in week.cards + week.prompts where weeksUsing[id]?.contains(week.id) != true {
                weeksUsing[id, default: []].append(week.id)
            }
        }
    }
}
