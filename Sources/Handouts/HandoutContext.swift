import ContentModel
import MarkdownSafety
import Rendering

/// Everything `handout.md`, the trainee's own part, can name. Plain-text
/// fields are Markdown-escaped; `notes` and `note` are Markdown. Optional
/// fields are `nil` when absent, never missing.
struct HandoutContext: Encodable {
    let trainee: String
    let cohort: String
    let supervisor: String
    let week: String
    let dates: String
    let focusID: String
    let focusTitle: String
    let focusSummary: String
    let hasSupervisorNotes: Bool
    /// The supervisor's notes for everyone, Markdown.
    let notes: String?
    /// The supervisor's note for this trainee, Markdown.
    let note: String?
}

/// Everything `handout-material.md`, the week's part, can name: the same
/// for every trainee with this focus. Card `body` and `citation` are Markdown.
struct MaterialContext: Encodable {
    let week: String
    /// Markdown-escaped: the handout's closing names who to bring it to.
    let supervisor: String
    let focusID: String
    let cards: [CardContext]
    let reflections: [PromptView]
    let wishes: [PromptView]
    let references: [SourceView]
    let codebook: String?
}

/// What `handout.html` wraps around cmark-gfm's output. Mustache escapes
/// every field but `body` and `stylesheet`, which Attune made.
struct HandoutPage: Encodable {
    let lang: String
    let title: String
    let trainee: String
    let cohort: String
    let supervisor: String
    let week: String
    let focusTitle: String
    let stylesheet: String
    let body: String
    let contentFingerprint: String
}

struct PromptView: Sendable, Encodable {
    let id: String
    /// The prompt's number in the content model, as in the trainee's
    /// workbook and on the site, so "prompt 3" is one question for everyone.
    let number: Int
    let text: String
    let hint: String?
}

struct SourceView: Sendable, Encodable {
    let short: String
    let citation: String
}

/// One curriculum week's cards, prompts and sources, ready for the template.
struct WeekMaterial: Sendable, Encodable {
    let id: String
    let title: String
    let summary: String
    let cards: [CardContext]
    let reflections: [PromptView]
    let wishes: [PromptView]
    let references: [SourceView]
    let codebook: String?

    init(week: Week, content: ContentModel) {
        let escape = MarkdownSafety.escapeText
        let cards = week.cards.compactMap(content.card)
        let prompts = week.prompts.compactMap(content.prompt)
        func views(_ kind: PromptKind) -> [PromptView] {
            prompts.filter { $0.kind == kind }.map { prompt in
                PromptView(id: prompt.id, number: prompt.number, text: escape(prompt.text), hint: prompt.hint.map(escape))
            }
        }
        var cited: [String] = []
        for id in cards.flatMap(\.sources) where !cited.contains(id) { cited.append(id) }

        self.id = week.id
        self.title = week.title
        self.summary = week.summary
        self.cards = cards.map { CardContext(card: $0, content: content) }
        self.reflections = views(.reflection)
        self.wishes = views(.wish)
        self.references = cited.compactMap(content.source).map { SourceView(short: escape($0.short), citation: $0.citation) }
        self.codebook = cards.contains { $0.section == .markers || $0.section == .strategies }
            ? content.section(.markers)?.codebook : nil
    }
}
