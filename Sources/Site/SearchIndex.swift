import ContentModel
import Foundation

/// One thing a reader can search for: a week, a card, a prompt or a source.
struct SearchEntry: Encodable, Sendable {
    let title: String
    /// Relative to the site's root.
    let url: String
    /// What it is: "Curriculum week", a section's title, "Source", ...
    let kind: String
    let summary: String
    /// What the query is matched against, beyond the title and kind.
    let text: String
}

/// The offline search: every entry, in the site's order, as the list on
/// `search.html` (usable as it is without JavaScript) and as the JSON index
/// `search.js` filters that list with.
///
/// The JSON sits in the page as a data block rather than in a file of its
/// own because browsers refuse to fetch a file from a page opened with
/// `file://`, and the site must work from a USB stick.
enum SearchIndex {
    static func entries(plan: SitePlan) -> [SearchEntry] {
        let content = plan.content
        var entries: [SearchEntry] = []
        for (index, week) in content.weeks.enumerated() {
            entries.append(SearchEntry(
                title: SitePlan.title(ofWeek: index, in: content), url: SitePlan.path(ofWeek: week).value,
                kind: "Curriculum week", summary: week.summary, text: week.summary
            ))
        }
        for section in plan.sections {
            let kind = SitePlan.title(of: section, in: content)
            switch section {
            case .cards(let id):
                for card in content.cards(in: id) {
                    entries.append(SearchEntry(
                        title: card.title, url: section.path.href(from: .home, anchor: card.id), kind: kind,
                        summary: card.summary, text: ([card.summary] + card.points).joined(separator: " ")
                    ))
                }
            case .prompts(let promptKind):
                for prompt in content.prompts where prompt.kind == promptKind {
                    entries.append(SearchEntry(
                        title: prompt.text, url: section.path.href(from: .home, anchor: prompt.id), kind: kind,
                        summary: prompt.hint ?? "", text: prompt.hint ?? ""
                    ))
                }
            case .sources:
                for source in content.sources {
                    entries.append(SearchEntry(
                        title: source.short, url: section.path.href(from: .home, anchor: source.id), kind: kind,
                        summary: "", text: source.citation
                    ))
                }
            }
        }
        return entries
    }

    /// Deterministic JSON (sorted keys), safe inside `<script>`: no `<` can
    /// end the block early.
    static func json(_ entries: [SearchEntry]) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let data = (try? encoder.encode(entries)) ?? Data("[]".utf8)
        return String(decoding: data, as: UTF8.self).replacingOccurrences(of: "<", with: "\\u003c")
    }
}
