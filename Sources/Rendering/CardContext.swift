import ContentModel
import MarkdownSafety

/// What the shared `card.md` partial names. The workbook, the handouts and
/// the browser form all render a card through that one partial, so they all
/// build its context here, the same way: a card reads alike in every output.
package struct CardContext: Sendable, Encodable {
    package let id: String
    /// The card's number in the content model ("Card 12"), the same here as
    /// in every other output.
    package let number: Int
    package let title: String
    package let section: String
    package let summary: String
    package let body: String
    package let points: [String]
    package let hasPoints: Bool
    /// "Safran & Muran 2000; …", or `nil`. Named apart from the page's
    /// `references` so a card without sources never shows the page's list.
    package let citedAs: String?

    /// Every field as given: for tests that name the context's shape.
    package init(
        id: String, number: Int, title: String, section: String, summary: String, body: String, points: [String], hasPoints: Bool, citedAs: String?
    ) {
        self.id = id
        self.number = number
        self.title = title
        self.section = section
        self.summary = summary
        self.body = body
        self.points = points
        self.hasPoints = hasPoints
        self.citedAs = citedAs
    }
}

extension CardContext {
    /// Plain fields Markdown-escaped; `body` is the card's Markdown.
    package init(card: Card, content: ContentModel) {
        let escape = MarkdownSafety.escapeText
        self.init(
            id: card.id, number: card.number, title: escape(card.title),
            section: escape(content.section(card.section)?.title ?? card.section.rawValue),
            summary: escape(card.summary), body: card.body, points: card.points.map(escape),
            hasPoints: !card.points.isEmpty,
            citedAs: card.sources.isEmpty ? nil
                : card.sources.compactMap { content.source($0).map { escape($0.short) } }.joined(separator: "; ")
                    + (card.basis == .synthesis ? " (Attune's own synthesis, drawing on these)" : "")
        )
    }
}
