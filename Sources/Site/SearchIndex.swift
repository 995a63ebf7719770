import ContentModel
import Foundation
import Templating

/// One thing a reader can search for: a week, a card, a prompt or a source.
struct SearchEntry: Sendable {
    let title: String
    /// Relative to the site's root.
    let url: String
    /// What it is: "Curriculum week", a section's title, "Source", ...
    let kind: String
    let summary: String
    /// Everything the entry is found by: its title and kind, and all the
    /// text a reader sees under it (a card's body, points and rupture type,
    /// a prompt's hint, a source's full reference).
    let text: [String]
}

/// The index `search.js` reads: every stem of the material once, sorted
/// (so a prefix is one range, found by binary search), and for each entry
/// the positions of its stems. Its size grows with the material's
/// vocabulary, not with its length: a stem used on every page is stored
/// once, and once more per entry as a number.
struct SearchIndexData: Equatable {
    struct Entry: Equatable {
        let url: String
        /// Positions in `terms`, ascending, each once.
        let terms: [Int]
    }

    let entries: [Entry]
    /// Every stem, each once, in UTF-16 order (the order JavaScript's `<` uses).
    let terms: [String]
    /// For each stem, the word it comes from most often in the material:
    /// what the page suggests when nothing matches.
    let words: [String]
    /// Words neither indexed nor searched for (`SearchTerms.stopWords`).
    let stop: [String]
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
            let title = SitePlan.title(ofWeek: index, in: content)
            entries.append(SearchEntry(
                title: title, url: SitePlan.path(ofWeek: week).value,
                kind: "Curriculum week", summary: week.summary, text: [title, "Curriculum week", week.summary]
            ))
        }
        for section in plan.sections {
            let kind = SitePlan.title(of: section, in: content)
            switch section {
            case .cards(let id):
                for card in content.cards(in: id) {
                    // A marker is found by its rupture type's name: "withdraw"
                    // finds every withdrawal marker.
                    let type = card.ruptureType.flatMap(content.card).map(\.title)
                    // Numbered as every output numbers it: "card 29" finds it.
                    let title = "Card \(card.number) · \(card.title)"
                    entries.append(SearchEntry(
                        title: title, url: section.path.href(from: .home, anchor: card.id), kind: kind,
                        summary: card.summary,
                        text: [title, kind, card.summary, plainText(card.body)] + card.points
                            + [card.group, type].compactMap { $0 }
                    ))
                }
            case .prompts(let promptKind):
                for prompt in content.prompts where prompt.kind == promptKind {
                    let title = "Prompt \(prompt.number) · \(prompt.text)"
                    entries.append(SearchEntry(
                        title: title, url: section.path.href(from: .home, anchor: prompt.id), kind: kind,
                        summary: prompt.hint ?? "", text: [title, kind, prompt.hint ?? ""]
                    ))
                }
            case .sources:
                for source in content.sources {
                    entries.append(SearchEntry(
                        title: source.short, url: section.path.href(from: .home, anchor: source.id), kind: kind,
                        summary: "", text: [source.short, kind, plainText(source.citation)]
                    ))
                }
            }
        }
        return entries
    }

    private static let linkTarget = try! NSRegularExpression(pattern: #"\]\([^)\s]*(\s+"[^"]*")?\)|<?https?://[^\s>)]+>?"#)

    /// Markdown read for its words: link targets and web addresses are not
    /// what a reader searches for, and would fill the index with `https`.
    static func plainText(_ markdown: String) -> String {
        linkTarget.stringByReplacingMatches(
            in: markdown, range: NSRange(markdown.startIndex..., in: markdown), withTemplate: "] ")
    }

    /// Words shorter than this are left out: "i" and "s" tell nothing apart.
    static let shortestWord = 2

    static func data(_ entries: [SearchEntry]) -> SearchIndexData {
        var stemsOfEntry: [Set<String>] = []
        var forms: [String: [String: Int]] = [:]
        for entry in entries {
            var stems: Set<String> = []
            for word in entry.text.flatMap(SearchTerms.words)
            where word.unicodeScalars.count >= shortestWord && !SearchTerms.isStopWord(word) {
                let stem = SearchTerms.stem(word)
                stems.insert(stem)
                forms[stem, default: [:]][word, default: 0] += 1
            }
            stemsOfEntry.append(stems)
        }
        let terms = forms.keys.sorted { $0.utf16.lexicographicallyPrecedes($1.utf16) }
        let position = Dictionary(uniqueKeysWithValues: terms.enumerated().map { ($1, $0) })
        // The commonest form; of equals, the shorter, then the first in order.
        let words = terms.map { stem in
            forms[stem]!.min { a, b in
                if a.value != b.value { return a.value > b.value }
                if a.key.count != b.key.count { return a.key.count < b.key.count }
                return a.key.utf16.lexicographicallyPrecedes(b.key.utf16)
            }!.key
        }
        return SearchIndexData(
            entries: zip(entries, stemsOfEntry).map { entry, stems in
                SearchIndexData.Entry(url: entry.url, terms: stems.map { position[$0]! }.sorted())
            },
            terms: terms, words: words, stop: SearchTerms.stopWords)
    }

    /// Deterministic JSON, keys sorted, safe inside `<script>` (`ScriptJSON`):
    /// no text in it can end the block early.
    static func json(_ data: SearchIndexData) -> String {
        let strings = { (items: [String]) in ScriptJSON.array(items.map(ScriptJSON.string)) }
        return ScriptJSON.object([
            ("entries", ScriptJSON.array(data.entries.map { entry in
                ScriptJSON.object([
                    ("terms", ScriptJSON.array(entry.terms.map(String.init))),
                    ("url", ScriptJSON.string(entry.url)),
                ])
            })),
            ("stop", strings(data.stop)),
            ("terms", strings(data.terms)),
            ("words", strings(data.words)),
        ])
    }
}
