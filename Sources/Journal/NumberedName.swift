/// A name written the way Attune's outputs print it: "Card 12 · Minimal
/// response", "Prompt 6 · What did I …". People copy these from a
/// workbook, a handout, the site or the form into their journals, so the
/// journal reader takes them apart again. The words still decide what is
/// meant; the number is only checked against them (see `PromptHeading`
/// and `RuptureCardNames`).
enum NumberedName {
    /// The most digits read as a number: more is not a card's or a prompt's.
    static let maxDigits = 6

    /// The middle dot Attune prints, and what a keyboard offers instead.
    static let separators: Set<Character> = ["·", ":", ".", "-", "–", "—", "|", "•"]

    /// `word N · words`, with `word` in any case: the number and the words
    /// after the separator, which may have spaces around it or none.
    static func split(_ text: String, word: String) -> (number: Int, words: String)? {
        var rest = Substring(text).drop { $0 == " " || $0 == "\t" }
        guard rest.lowercased().hasPrefix(word) else { return nil }
        rest = rest.dropFirst(word.count)
        rest = rest.drop { $0 == " " || $0 == "\t" }
        let digits = rest.prefix { $0.isASCII && $0.isNumber }
        guard !digits.isEmpty, digits.count <= maxDigits, let number = Int(digits) else { return nil }
        rest = rest.dropFirst(digits.count).drop { $0 == " " || $0 == "\t" }
        guard let mark = rest.first, separators.contains(mark) else { return nil }
        let words = rest.dropFirst().drop { $0 == " " || $0 == "\t" }
        return words.isEmpty ? nil : (number, String(words))
    }
}
