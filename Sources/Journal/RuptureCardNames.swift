import ContentModel
import Foundation

/// How a person may name a card in a rupture entry: the way they would
/// type it, not only the way the content files spell it.
///
/// A therapist logging a rupture thinks "minimal response", not
/// `marker-minimal-response`. So an entry accepts, in any case and with any
/// run of spaces, the card's ID, the ID without its prefix
/// (`minimal-response`), the card's title (`Minimal response`), or the
/// title with the number every output puts before it (`Card 12 · Minimal
/// response`, copied from the workbook's log table, say) when that number
/// is the card's. The
/// reader then keeps the canonical ID, which is all that trends, the
/// workbook and carry-forward ever see, so two spellings of one card count
/// as one.
package enum RuptureCardNames {
    /// What a written name refers to among `cards`.
    package enum Match: Equatable, Sendable {
        case card(String)
        /// More than one card answers to the name (an overlay may give two
        /// cards one title): the IDs, in content order.
        case ambiguous([String])
        /// The name is the card `id`'s, the number before it (`written`)
        /// another card's or none: a contradiction, never a guess.
        case numberDisagrees(id: String, written: Int)
        case none
    }

    /// The card among `cards` that `written` names.
    package static func match(_ written: String, in cards: [Card]) -> Match {
        let plain = matchName(written, in: cards)
        guard case .none = plain, let (number, name) = NumberedName.split(written, word: "card") else { return plain }
        switch matchName(name, in: cards) {
        case .card(let id):
            return cards.first { $0.id == id }?.number == number ? .card(id) : .numberDisagrees(id: id, written: number)
        case .ambiguous(let ids):
            // Two cards with one title (an overlay's doing): the number tells them apart.
            let numbered = ids.filter { id in cards.first { $0.id == id }?.number == number }
            return numbered.count == 1 ? .card(numbered[0]) : .ambiguous(ids)
        case .numberDisagrees, .none:
            return .none
        }
    }

    /// The card a name without a number names.
    private static func matchName(_ written: String, in cards: [Card]) -> Match {
        let wanted = normalised(written)
        guard !wanted.isEmpty else { return .none }
        // An exact ID wins over a title that happens to read the same.
        if let exact = cards.first(where: { $0.id.lowercased() == wanted }) { return .card(exact.id) }
        let found = cards.filter { shortID($0.id) == wanted || normalised($0.title) == wanted }
        switch found.count {
        case 0: return .none
        case 1: return .card(found[0].id)
        default: return .ambiguous(found.map(\.id))
        }
    }

    /// The closest name among `cards` to a name that matched nothing: a
    /// title when `written` reads like one (it has a space), else an ID.
    package static func suggestion(for written: String, in cards: [Card]) -> String? {
        let wanted = normalised(written)
        if wanted.contains(" ") {
            let titles = cards.map { normalised($0.title) }
            if let close = Suggestion.closest(to: wanted, in: titles), let index = titles.firstIndex(of: close) {
                return cards[index].title
            }
        }
        let ids = cards.map(\.id)
        if let close = Suggestion.closest(to: wanted, in: ids) { return close }
        let shortIDs = cards.map { shortID($0.id) ?? $0.id }
        if let close = Suggestion.closest(to: wanted, in: shortIDs), let index = shortIDs.firstIndex(of: close) {
            return ids[index]
        }
        // The tail of an ID: `response` for `marker-minimal-response`.
        return ids.first { $0.hasSuffix("-" + wanted) }
    }

    /// The ID without its prefix: `minimal-response` for
    /// `marker-minimal-response`. A prefix is the ID's first word, and only
    /// IDs of two words or more have one.
    static func shortID(_ id: String) -> String? {
        guard let dash = id.firstIndex(of: "-") else { return nil }
        let rest = id[id.index(after: dash)...]
        return rest.isEmpty ? nil : rest.lowercased()
    }

    /// Lower case, runs of white space as one space, and a typographic
    /// apostrophe as a plain one (phones type `’`).
    static func normalised(_ text: String) -> String {
        text.lowercased()
            .replacingOccurrences(of: "\u{2019}", with: "'")
            .split(whereSeparator: { $0.isWhitespace })
            .joined(separator: " ")
    }
}
