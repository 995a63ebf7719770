import ContentModel
import Journal
import MarkdownSafety
import Rendering

/// Everything the Markdown workbook template can name. Plain-text fields are
/// already Markdown-escaped; `body`, `answer`, `preamble` and `citation` are
/// Markdown. Optional fields are `nil` when absent, never missing.
struct WorkbookContext: Encodable {
    let title: String
    let therapist: String
    let week: String
    let dates: String
    let focusTitle: String
    let focusSummary: String
    let cards: [CardContext]
    let reflections: [PromptContext]
    let wishes: [PromptContext]
    let preamble: String?
    let references: [SourceContext]
    let codebook: String?
    /// The week's rupture log; `nil` when the journal has no log section.
    var ruptureLog: RuptureLogContext? = nil
}

struct PromptContext: Encodable {
    let id: String
    /// The prompt's number in the content model ("Prompt 3"), not its place
    /// on this page: a supervisor's "prompt 3" is the same question for
    /// every trainee, whatever week they are on.
    let number: Int
    let text: String
    let hint: String?
    /// The therapist's Markdown, verbatim; `nil` while the prompt is open.
    /// The rendered document as a whole is made safe (`MarkdownSafety`).
    let answer: String?
}

struct SourceContext: Encodable {
    let short: String
    let citation: String
}

/// What the HTML layout wraps around cmark-gfm's output. Mustache escapes
/// every field but `body` and `stylesheet`, which are trusted.
struct LayoutContext: Encodable {
    let lang: String
    let title: String
    let therapist: String
    let week: String
    let focusTitle: String
    let stylesheet: String
    let body: String
    let contentFingerprint: String
}

/// Where the therapist's own Markdown goes in a workbook.
///
/// The Markdown workbook carries it in place. The HTML page renders each
/// piece on its own, as cmark-gfm renders that text alone: the page's
/// Markdown holds a `<!-- attune:answer N -->` placeholder instead, which
/// `HTMLRenderer` swaps for the piece's HTML. So nothing typed in one answer
/// (a link definition, a list left open) can change how another answer or
/// Attune's own text reads, and a link definition works exactly in the
/// answer that has it.
final class AnswerSlots {
    /// `nil` for the Markdown workbook: every piece stays where it is.
    private(set) var pieces: [String]?

    init(placeholders: Bool) {
        pieces = placeholders ? [] : nil
    }

    func place(_ markdown: String) -> String {
        guard pieces != nil else { return markdown }
        pieces!.append(markdown)
        return HTMLRenderer.answerPlaceholder(pieces!.count - 1)
    }
}

extension WorkbookContext {
    init(journal: Journal, content: ContentModel, slots: AnswerSlots = AnswerSlots(placeholders: false)) {
        let focus = content.week(journal.focus)!
        let escape = MarkdownSafety.escapeText
        let cards = focus.cards.compactMap(content.card)
        var reflections: [Prompt] = []
        var wishes: [Prompt] = []
        // The week's prompts in curriculum order, then any other prompt the
        // therapist chose to answer, so nothing they wrote is left out.
        let answeredElsewhere = journal.answers.map(\.promptID).filter { !focus.prompts.contains($0) }
        for prompt in (focus.prompts + answeredElsewhere).compactMap(content.prompt) {
            if prompt.kind == .wish { wishes.append(prompt) } else { reflections.append(prompt) }
        }
        func view(_ prompt: Prompt) -> PromptContext {
            let answer = journal.answer(to: prompt.id).flatMap { $0.isEmpty ? nil : slots.place($0.markdown) }
            return PromptContext(id: prompt.id, number: prompt.number, text: escape(prompt.text),
                                 hint: prompt.hint.map(escape), answer: answer)
        }
        var citedSources: [String] = []
        for id in cards.flatMap(\.sources) where !citedSources.contains(id) { citedSources.append(id) }

        self.init(
            title: escape("\(journal.week) · \(focus.title)"),
            therapist: escape(journal.therapist),
            week: journal.week.description,
            dates: journal.week.dateRange,
            focusTitle: escape(focus.title),
            focusSummary: escape(focus.summary),
            cards: cards.map { CardContext(card: $0, content: content) },
            reflections: reflections.map(view),
            wishes: wishes.map(view),
            preamble: journal.preamble.map(slots.place),
            references: citedSources.compactMap(content.source).map { SourceContext(short: escape($0.short), citation: $0.citation) },
            codebook: cards.contains { $0.section == .markers || $0.section == .strategies }
                ? content.section(.markers)?.codebook : nil,
            ruptureLog: RuptureLogContext(journal: journal, content: content, cardsOnPage: Set(focus.cards), slots: slots)
        )
    }
}
