import ContentModel
import Journal
import MarkdownSafety

/// The week's rupture log as the workbook shows it: a table of entries,
/// each entry's notes, anything else written in the section, and the cards
/// the log names that the page does not already teach.
///
/// Cards on the page are linked to their anchors (`#card-ID`, placed by the
/// workbook template); every card the log names that is not among the
/// week's teaching cards is listed under the table with its one-sentence
/// summary, so no link ever points off the page.
///
/// Plain-text fields are Markdown-escaped; `quoted` and `logRemarks` are
/// Markdown. Optional fields have names no other context uses, because
/// Mustache looks a missing name up in the enclosing context.
struct RuptureLogContext: Encodable {
    let rows: [RuptureRowContext]
    let hasRows: Bool
    let entryNotes: [RuptureNotesContext]
    /// Text in the section besides entries, e.g. an answer to a carried-forward question.
    let logRemarks: String?
    let noRuptures: Bool
    let otherCards: [LoggedCardContext]
    let hasOtherCards: Bool
}

/// One table row. Salience rides with the markers and the two ratings share
/// a column, so the table stays narrow enough for a phone.
struct RuptureRowContext: Encodable {
    let number: Int
    let client: String
    let type: String
    /// "Card 12 · Minimal response; Card 11 · Denial (salience 3/5)"
    let markers: String
    let trigger: String
    let component: String
    let repairs: String
    /// "4 → 2"
    let ratings: String
}

struct RuptureNotesContext: Encodable {
    let number: Int
    let client: String
    /// The notes as a Markdown block quote.
    let quoted: String
}

struct LoggedCardContext: Encodable {
    let cardNumber: Int
    let cardTitle: String
    let cardSection: String
    let cardSummary: String
}

extension RuptureLogContext {
    /// Stands in for a client alias the privacy guard redacted in a way
    /// that left the entry unreadable.
    static let redactedClient = "[redacted]"

    /// The log as the journal's section now reads, or `nil` when the journal
    /// has no log section.
    ///
    /// It reads the section's text again rather than `journal.ruptureLog`:
    /// in a shared copy that text may be redacted or replaced by "kept
    /// private", and the table must show exactly what the shared text says.
    /// An entry that redaction left unreadable (`client: [name]` is a YAML
    /// list) keeps its coded fields, which are content IDs and numbers the
    /// guard never changes, and shows no alias and no notes.
    init?(journal: Journal, content: ContentModel, cardsOnPage: Set<String>, slots: AnswerSlots = AnswerSlots(placeholders: false)) {
        guard let answer = journal.ruptureLogAnswer else { return nil }
        let reading = RuptureLogReader(content: content, path: journal.path, journalWeek: journal.week)
            .read(answer.markdown, firstLine: answer.firstLine)
        let original = journal.ruptureLog?.entries ?? []
        var entries: [(entry: RuptureEntry, client: String, notes: String?)] = []
        for (index, slot) in reading.slots.enumerated() {
            if let entry = slot {
                entries.append((entry, entry.client, entry.notes))
            } else if index < original.count {
                entries.append((original[index], Self.redactedClient, nil))
            }
        }

        let escape = MarkdownSafety.escapeText
        // Each card by its number and title ("Card 12 · Minimal response"),
        // as the card itself is headed on the page and in every handout; the
        // journal keeps whatever name the therapist wrote.
        func titles(_ ids: [String]) -> String {
            ids.isEmpty ? "–" : ids.map { id in
                let title = escape(content.card(id)?.numberedTitle ?? id)
                return cardsOnPage.contains(id) ? "[\(title)](#card-\(id))" : title
            }.joined(separator: "; ")
        }

        rows = entries.enumerated().map { index, item in
            let entry = item.entry
            let client = entry.week == journal.week ? escape(item.client) : "\(escape(item.client)) (\(entry.week))"
            return RuptureRowContext(
                number: index + 1, client: client, type: escape(entry.type.capitalized),
                markers: titles(entry.markers) + (entry.salience.map { " (salience \($0)/5)" } ?? ""),
                trigger: entry.trigger.map { titles([$0]) } ?? "–",
                component: entry.component.map { $0.rawValue.capitalized } ?? "–", repairs: titles(entry.repairs),
                ratings: "\(entry.tension) → \(entry.resolution)"
            )
        }
        hasRows = !rows.isEmpty
        entryNotes = entries.enumerated().compactMap { index, item in
            guard let notes = item.notes, !notes.isEmpty else { return nil }
            let quoted = notes.split(separator: "\n", omittingEmptySubsequences: false)
                .map { $0.isEmpty ? ">" : "> \($0)" }.joined(separator: "\n")
            return RuptureNotesContext(number: index + 1, client: escape(item.client), quoted: slots.place(quoted))
        }
        logRemarks = reading.log.remarks.flatMap { $0.isEmpty ? nil : slots.place($0) }
        noRuptures = rows.isEmpty && logRemarks == nil

        var named: [String] = []
        for entry in entries.map(\.entry) {
            for id in entry.markers + [entry.trigger].compactMap({ $0 }) + entry.repairs where !named.contains(id) {
                named.append(id)
            }
        }
        // In the content's order, so the list reads like the material.
        otherCards = content.cards.filter { named.contains($0.id) && !cardsOnPage.contains($0.id) }.map { card in
            LoggedCardContext(
                cardNumber: card.number,
                cardTitle: escape(card.title),
                cardSection: escape(content.section(card.section)?.title ?? card.section.rawValue),
                cardSummary: escape(card.summary)
            )
        }
        hasOtherCards = !otherCards.isEmpty
    }
}
