import Foundation

/// The therapist's private names (`.attune/names.txt`), ready to match
/// words of a normalised text.
///
/// Entries and text are compared folded (case, accents, width), so `okafor`,
/// `OKAFOR` and `Okafor` all match, and a decomposed or full-width spelling
/// is the same name. An entry that is also an ordinary word (Will, Hope,
/// Bill) matches only when capitalised, and at the start of a sentence not
/// when a pronoun, article or "so" follows ("Will you…?", "Hope so."), so
/// every "will" does not become `[name]`. A listed name inside a hyphenated word
/// (`Rashid` in `Al-Rashid`) marks the whole word.
struct NamesList {
    struct Entry {
        var words: [String]
        var ordinary: Bool
    }

    private var byFirstWord: [String: [Entry]] = [:]
    var isEmpty: Bool { byFirstWord.isEmpty }

    init(_ names: [String]) {
        for name in names {
            let words = NormalizedText(name).words().map { Self.fold($0.text) }
            guard let first = words.first else { continue }
            let ordinary = words.count == 1 && (Lexicon.isEnglish(first) || Lexicon.capitalisedWords.contains(first))
            byFirstWord[first, default: []].append(Entry(words: words, ordinary: ordinary))
        }
        for key in byFirstWord.keys { byFirstWord[key]!.sort { $0.words.count > $1.words.count } }
    }

    static func fold(_ text: String) -> String {
        text.folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil)
            .replacingOccurrences(of: "’", with: "'")
    }

    /// How many words starting at `index` make a listed name, if any.
    static let notAfterName: Set<String> = [
        "you", "i", "we", "they", "he", "she", "it", "the", "a", "an", "this", "that", "there", "so", "not", "your",
        "my", "our", "his", "her", "their", "me", "us", "them", "be", "to",
    ]

    func match(_ words: [Word], at index: Int, adjacent: (Int) -> Bool) -> Int? {
        let word = words[index]
        guard word.hasLetter else { return nil }
        let key = Self.fold(word.lower)
        for entry in byFirstWord[key] ?? [] {
            if entry.ordinary {
                guard word.capitalised else { continue }
                if word.sentenceStart, !word.possessive, index + 1 < words.count, adjacent(index + 1),
                   Self.notAfterName.contains(words[index + 1].lower) { continue }
            }
            guard index + entry.words.count <= words.count else { continue }
            var matched = true
            for offset in 1..<max(1, entry.words.count) where matched {
                matched = adjacent(index + offset) && Self.fold(words[index + offset].lower) == entry.words[offset]
            }
            if matched { return entry.words.count }
        }
        let parts = key.split(separator: "-")
        if parts.count > 1 {
            for part in parts {
                if let entries = byFirstWord[String(part)], entries.contains(where: { $0.words.count == 1 && (!$0.ordinary || word.capitalised) }) {
                    return 1
                }
            }
        }
        return nil
    }
}
