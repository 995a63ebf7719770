import Foundation

/// How the offline search reads text: words, folded and reduced to their
/// stems, so "withdraw" finds "withdrawal" and "withdrawing".
///
/// The same rules run twice: here, when the index is made, and in
/// `Templates/site/search.js`, on what the reader types. The two must agree
/// word for word; `make site-check` runs the page's own stemmer in Chromium
/// over every word of the bundled index and compares.
///
/// The stemmer is small on purpose, a few English suffix rules rather than
/// a full Porter stemmer, so both copies stay short enough to check by eye:
///
/// 1. Words of three letters or fewer are kept as they are.
/// 2. Plurals: `-sses` → `-ss`; `-ies`, `-ied` → `-i`; a final `s` goes
///    unless the word ends in `ss`, `us` or `is`.
/// 3. One suffix, the first of `suffixes` the word ends with that leaves at
///    least three letters: `-ation(s)`, `-ment(s)`, `-ness`, `-ing(s)`,
///    `-edly`, `-ed`, `-ally`, `-ly`, `-al`, `-ive`, `-ful`. After `-ing`
///    and `-ed` a doubled final consonant is undoubled (`stopped` → `stop`),
///    except `l`, `s` and `z`.
/// 4. A final `e` goes (`notice`, `noticed`, `noticing` → `notic`), and a
///    final `y` becomes `i` (`therapy`, `therapies` → `therapi`), as long as
///    three letters stay.
///
/// Matching is by prefix of the stem, so a half-typed word still finds
/// what it begins, and an irregular form that starts like the query
/// ("withdrawn") is found too.
enum SearchTerms {
    static let suffixes = [
        "ations", "ation", "ments", "ment", "ness", "ings", "ing", "edly", "ed", "ally", "ly", "al", "ive", "ful",
    ]
    /// After these, `stopp` becomes `stop`.
    static let undoublingSuffixes: Set<String> = ["ings", "ing", "edly", "ed"]

    /// Words too common to tell entries apart: left out of the index, and
    /// out of a query (a query of nothing else shows everything).
    static let stopWords: [String] = [
        "a", "about", "an", "and", "are", "as", "at", "be", "but", "by", "can", "do", "for", "from", "has", "have",
        "if", "in", "into", "is", "it", "its", "more", "not", "of", "on", "or", "so", "than", "that", "the", "their",
        "them", "then", "there", "these", "they", "this", "to", "was", "what", "when", "which", "who", "with",
        "you", "your",
    ]
    private static let stopSet = Set(stopWords)

    /// Lower case with accents removed, so "schon" finds "Schön": what
    /// `toLowerCase().normalize("NFD")` without U+0300–U+036F gives in the page.
    static func fold(_ text: String) -> String {
        var scalars = String.UnicodeScalarView()
        for scalar in text.lowercased().decomposedStringWithCanonicalMapping.unicodeScalars
        where !(0x300...0x36F).contains(scalar.value) {
            scalars.append(scalar)
        }
        return String(scalars)
    }

    /// Letters and digits in the Unicode sense (`\p{L}`, `\p{N}`).
    static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
             .decimalNumber, .letterNumber, .otherNumber:
            return true
        default:
            return false
        }
    }

    static func isApostrophe(_ scalar: Unicode.Scalar) -> Bool { scalar == "'" || scalar == "\u{2019}" }

    /// The words of `text`, folded, in order: runs of letters and digits,
    /// joined across an apostrophe between two of them ("don't" is one
    /// word, "dont"); a possessive `'s` is dropped ("client's" → "client").
    static func words(_ text: String) -> [String] {
        let scalars = Array(fold(text).unicodeScalars)
        var words: [String] = []
        var index = 0
        while index < scalars.count {
            guard isWordScalar(scalars[index]) else { index += 1; continue }
            var word: [Unicode.Scalar] = []
            while index < scalars.count {
                if isWordScalar(scalars[index]) {
                    word.append(scalars[index])
                    index += 1
                } else if isApostrophe(scalars[index]), index + 1 < scalars.count, isWordScalar(scalars[index + 1]) {
                    word.append("'")
                    index += 1
                } else {
                    break
                }
            }
            var text = String(String.UnicodeScalarView(word))
            if text.hasSuffix("'s") { text.removeLast(2) }
            words.append(text.replacingOccurrences(of: "'", with: ""))
        }
        return words.filter { !$0.isEmpty }
    }

    static func isStopWord(_ word: String) -> Bool { stopSet.contains(word) }

    /// The stem of a folded word (see the rules above).
    static func stem(_ word: String) -> String {
        var w = Array(word.unicodeScalars)
        guard w.count > 3 else { return word }
        func ends(_ suffix: String) -> Bool { w.count >= suffix.unicodeScalars.count && w.suffix(suffix.unicodeScalars.count).elementsEqual(suffix.unicodeScalars) }
        func drop(_ count: Int) { w.removeLast(count) }

        if ends("sses") {
            drop(2)
        } else if ends("ies") || ends("ied") {
            drop(2)
        } else if ends("s"), !ends("ss"), !ends("us"), !ends("is") {
            drop(1)
        }
        for suffix in suffixes where ends(suffix) && w.count - suffix.unicodeScalars.count >= 3 {
            drop(suffix.unicodeScalars.count)
            if undoublingSuffixes.contains(suffix), w.count >= 4, w[w.count - 1] == w[w.count - 2],
               !"aeiouylsz".unicodeScalars.contains(w[w.count - 1]) {
                drop(1)
            }
            break
        }
        if w.count > 3, w.last == "e" { drop(1) }
        if w.count > 3, w.last == "y" { w[w.count - 1] = "i" }
        return String(String.UnicodeScalarView(w))
    }
}
