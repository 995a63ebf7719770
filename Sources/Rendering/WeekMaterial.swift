import ContentModel
import MarkdownSafety

/// One curriculum week's material as every printed output shows it: the
/// teaching cards, the prompts as reflections and wishes, the sources the
/// cards cite and the codebook line. The personal workbook, the blank
/// workbook the site offers and each cohort handout build it with this one
/// initialiser, so a week reads the same in each, down to which sources are
/// listed and whether the codebook is named.
///
/// Plain-text fields are Markdown-escaped; a card's `body`, a source's
/// `citation` and an answer are Markdown.
package struct WeekMaterial: Sendable {
    package let cards: [CardContext]
    package let reflections: [PromptContext]
    package let wishes: [PromptContext]
    /// Every source a card on the page cites, once, in the order first cited.
    package let references: [SourceContext]
    /// The 3RS codebook's version when the page teaches a marker or a
    /// strategy, whose names come from it; `nil` otherwise.
    package let codebook: String?

    /// `alsoAsking` are prompts from outside the week that the page shows
    /// after the week's own: a journal's answers to another week's prompts,
    /// so nothing a therapist wrote is left out. `answer` gives a prompt's
    /// answer as the page carries it, or `nil` while it is open; it is asked
    /// once per prompt, reflections before wishes, in page order.
    package init(week: Week, content: ContentModel, alsoAsking: [String] = [], answer: (Prompt) -> String? = { _ in nil }) {
        let escape = MarkdownSafety.escapeText
        let cards = week.cards.compactMap(content.card)
        var reflections: [Prompt] = []
        var wishes: [Prompt] = []
        for prompt in (week.prompts + alsoAsking).compactMap(content.prompt) {
            if prompt.kind == .wish { wishes.append(prompt) } else { reflections.append(prompt) }
        }
        var cited: [String] = []
        for id in cards.flatMap(\.sources) where !cited.contains(id) { cited.append(id) }

        self.cards = cards.map { CardContext(card: $0, content: content) }
        self.reflections = reflections.map { PromptContext(prompt: $0, answer: answer($0)) }
        self.wishes = wishes.map { PromptContext(prompt: $0, answer: answer($0)) }
        self.references = cited.compactMap(content.source).map { SourceContext(short: escape($0.short), citation: $0.citation) }
        self.codebook = Self.codebook(for: cards, content: content)
    }

    /// The codebook line's version: marker and strategy names follow the 3RS
    /// codebook, so a page teaching either names the version the markers'
    /// section gives; any other page stays silent about it.
    package static func codebook(for cards: [Card], content: ContentModel) -> String? {
        cards.contains { $0.section == .markers || $0.section == .strategies } ? content.section(.markers)?.codebook : nil
    }
}

/// What `prompt.md`, `handout-prompt.md` and a page's wishes name for one prompt.
package struct PromptContext: Sendable, Encodable {
    package let id: String
    /// The prompt's number in the content model ("Prompt 3"), not its place
    /// on this page: a supervisor's "prompt 3" is the same question for
    /// every trainee, whatever week they are on.
    package let number: Int
    package let text: String
    package let hint: String?
    /// The therapist's Markdown, verbatim; `nil` while the prompt is open,
    /// and always on a handout or a blank workbook. The rendered document as
    /// a whole is made safe (`MarkdownSafety`).
    package let answer: String?

    package init(id: String, number: Int, text: String, hint: String?, answer: String?) {
        self.id = id
        self.number = number
        self.text = text
        self.hint = hint
        self.answer = answer
    }

    /// `text` and `hint` Markdown-escaped.
    package init(prompt: Prompt, answer: String?) {
        let escape = MarkdownSafety.escapeText
        self.init(id: prompt.id, number: prompt.number, text: escape(prompt.text), hint: prompt.hint.map(escape), answer: answer)
    }
}

/// One line of a page's "Sources": the short name Markdown-escaped, the
/// full citation as the content's Markdown.
package struct SourceContext: Sendable, Encodable {
    package let short: String
    package let citation: String

    package init(short: String, citation: String) {
        self.short = short
        self.citation = citation
    }
}
