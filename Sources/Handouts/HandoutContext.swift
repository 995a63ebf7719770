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
/// for every trainee with this focus. The week's material is built as the
/// workbook builds it (`WeekMaterial`); card `body` and `citation` are
/// Markdown, and no prompt has an answer.
struct MaterialContext: Encodable {
    let week: String
    /// Markdown-escaped: the handout's closing names who to bring it to.
    let supervisor: String
    let focusID: String
    let cards: [CardContext]
    let reflections: [PromptContext]
    let wishes: [PromptContext]
    let references: [SourceContext]
    let codebook: String?

    init(week: String, supervisor: String, focusID: String, material: WeekMaterial) {
        self.week = week
        self.supervisor = supervisor
        self.focusID = focusID
        self.cards = material.cards
        self.reflections = material.reflections
        self.wishes = material.wishes
        self.references = material.references
        self.codebook = material.codebook
    }
}

/// Who a handout is for, as `handout.html` names it (see `LayoutContext`).
struct HandoutByline: Encodable {
    let trainee: String
    let cohort: String
    let supervisor: String
}
