import ContentModel
import Journal
import MarkdownSafety
import Rendering

/// Everything the Markdown workbook template can name: the journal's page
/// around the week's material (`WeekMaterial`, shared with the handouts).
/// Plain-text fields are already Markdown-escaped; `body`, `answer`,
/// `preamble` and `citation` are Markdown. Optional fields are `nil` when
/// absent, never missing.
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
        // The week's prompts in curriculum order, then any other prompt the
        // therapist chose to answer, so nothing they wrote is left out.
        let answeredElsewhere = journal.answers.map(\.promptID).filter { !focus.prompts.contains($0) }
        let material = WeekMaterial(week: focus, content: content, alsoAsking: answeredElsewhere) { prompt in
            journal.answer(to: prompt.id).flatMap { $0.isEmpty ? nil : slots.place($0.markdown) }
        }
        self.init(
            title: escape("\(journal.week) · \(focus.title)"),
            therapist: escape(journal.therapist),
            week: journal.week.description,
            dates: journal.week.dateRange,
            focusTitle: escape(focus.title),
            focusSummary: escape(focus.summary),
            material: material,
            preamble: journal.preamble.map(slots.place),
            ruptureLog: RuptureLogContext(journal: journal, content: content, cardsOnPage: Set(focus.cards), slots: slots)
        )
    }

    /// The page around a week's material, which every printed output builds
    /// the same way (`WeekMaterial`).
    init(
        title: String, therapist: String, week: String, dates: String, focusTitle: String, focusSummary: String,
        material: WeekMaterial, preamble: String?, ruptureLog: RuptureLogContext? = nil
    ) {
        self.init(
            title: title, therapist: therapist, week: week, dates: dates, focusTitle: focusTitle, focusSummary: focusSummary,
            cards: material.cards, reflections: material.reflections, wishes: material.wishes, preamble: preamble,
            references: material.references, codebook: material.codebook, ruptureLog: ruptureLog
        )
    }
}

/// Who a workbook page is for, as `workbook.html` names it (see `LayoutContext`).
struct TherapistByline: Encodable {
    let therapist: String
}
