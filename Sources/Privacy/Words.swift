/// A word of the normalised text, with what the detectors ask about it.
///
/// Words are runs of letters, marks and digits; an apostrophe or hyphen
/// between two such characters joins them, so `O'Neill's`, `Al-Rashid` and
/// `twenty-second` are one word each and are never cut in half.
struct Word {
    var range: Range<Int>
    var text: String
    /// Lower case, without a trailing possessive.
    var lower: String
    /// Scalars of the word without a trailing `'s` / `’s` / `'`.
    var baseEnd: Int
    var hasLetter = false
    var hasDigit = false
    var capitalised = false
    var allCaps = false
    /// Letters outside the Latin script (李明, Арина).
    var nonLatin = false
    var possessive = false
    /// Capitalised because it starts a sentence, a list item, a table cell.
    var sentenceStart = false
    /// In a Markdown heading line, where every word is title case.
    var heading = false
    /// Whether only spaces, commas and a single line break separate this
    /// word from the one before (no sentence or clause break).
    var joinedToPrevious = false
    /// The separator characters before the word (trimmed of spaces).
    var gapBefore: String = ""

    var digitCount: Int { text.unicodeScalars.reduce(0) { $0 + (isDigit($1) ? 1 : 0) } }
    var isNumber: Bool { hasDigit && !hasLetter && !text.contains("-") }
    var numberValue: Int? { isNumber ? Int(text) : nil }
    /// Parts of a hyphenated word, lower case.
    var parts: [Substring] { lower.split(separator: "-") }
}

func isDigit(_ scalar: Unicode.Scalar) -> Bool { scalar.value >= 48 && scalar.value <= 57 }
/// ASCII is answered by ranges: asking Unicode's property tables for every
/// scalar was a twentieth of `attune handouts` at 1,000 trainees (perf).
func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
    if scalar.isASCII { return isDigit(scalar) || isASCIILetter(scalar) }
    return scalar.properties.isAlphabetic || scalar.isMark
}
func isASCIILetter(_ scalar: Unicode.Scalar) -> Bool {
    (scalar.value | 0x20) >= 0x61 && (scalar.value | 0x20) <= 0x7A
}
func isJoiner(_ scalar: Unicode.Scalar) -> Bool { scalar == "'" || scalar == "’" || scalar == "-" || scalar == "‐" }

/// Letters outside Latin (basic, Latin-1, extended A/B, additional, C, D).
func isNonLatinLetter(_ scalar: Unicode.Scalar) -> Bool {
    guard scalar.properties.isAlphabetic, !scalar.isASCII else { return false }
    switch scalar.value {
    case 0x00C0...0x024F, 0x1E00...0x1EFF, 0x2C60...0x2C7F, 0xA720...0xA7FF, 0x0250...0x02AF: return false
    default: return true
    }
}

extension NormalizedText {
    /// The words in reading order, each marked with where it stands.
    func words() -> [Word] {
        var words: [Word] = []
        var position = 0
        let scalars = self.scalars
        var atSentenceStart = true
        var lineIsHeading = false
        var gapStart = 0
        while position < scalars.count {
            guard isWordScalar(scalars[position]) else { position += 1; continue }
            // The gap since the last word decides what kind of start this is.
            var newlines = 0
            var gap = ""
            var clauseBreak = false
            var lineMarker = false
            var index = gapStart
            while index < position {
                let scalar = scalars[index]
                switch scalar {
                case "\n":
                    newlines += 1
                    var next = index + 1
                    while next < position, scalars[next] == " " { next += 1 }
                    lineIsHeading = next < scalars.count && scalars[next] == "#"
                    if next < position, "-+>#|".unicodeScalars.contains(scalars[next]) { lineMarker = true }
                    if next < scalars.count, isDigit(scalars[next]) {
                        // "1. " or "1) " starts a numbered item.
                        var end = next
                        while end < scalars.count, isDigit(scalars[end]) { end += 1 }
                        if end < scalars.count, scalars[end] == "." || scalars[end] == ")" { lineMarker = true }
                    }
                case " ": break
                default:
                    gap.unicodeScalars.append(scalar)
                    if ".!?:|".unicodeScalars.contains(scalar) { atSentenceStart = true }
                    if !",'’\"“”‘".unicodeScalars.contains(scalar) { clauseBreak = true }
                }
                index += 1
            }
            if newlines >= 2 || lineMarker || (newlines == 1 && lineIsHeading) { atSentenceStart = true }
            if gapStart == 0 && words.isEmpty { atSentenceStart = true }

            var end = position
            while end < scalars.count {
                if isWordScalar(scalars[end]) { end += 1; continue }
                if isJoiner(scalars[end]), end + 1 < scalars.count, isWordScalar(scalars[end + 1]), end > position {
                    end += 1
                    continue
                }
                break
            }
            var text = String.UnicodeScalarView()
            text.append(contentsOf: scalars[position..<end])
            var word = Word(range: position..<end, text: String(text), lower: "", baseEnd: end)
            var letters = 0
            var uppers = 0
            for scalar in scalars[position..<end] {
                if isDigit(scalar) { word.hasDigit = true } else if scalar.isASCII {
                    guard isASCIILetter(scalar) else { continue }
                    word.hasLetter = true
                    letters += 1
                    if scalar.value < 0x61 { uppers += 1 }
                } else if scalar.properties.isAlphabetic {
                    word.hasLetter = true
                    letters += 1
                    if scalar.properties.isUppercase { uppers += 1 }
                    if isNonLatinLetter(scalar) { word.nonLatin = true }
                }
            }
            let initial = scalars[position]
            word.capitalised = initial.isASCII ? initial.value >= 0x41 && initial.value <= 0x5A : initial.properties.isUppercase
            word.allCaps = letters >= 2 && uppers == letters
            if end - position > 2, scalars[end - 1] == "s" || scalars[end - 1] == "S", isJoiner(scalars[end - 2]), scalars[end - 2] != "-" {
                word.baseEnd = end - 2
                word.possessive = true
            }
            var base = String.UnicodeScalarView()
            base.append(contentsOf: scalars[position..<word.baseEnd])
            word.lower = String(base).lowercased()
            word.sentenceStart = atSentenceStart || lineIsHeading
            word.heading = lineIsHeading
            word.joinedToPrevious = !words.isEmpty && !clauseBreak && newlines <= 1
            word.gapBefore = gap
            words.append(word)
            atSentenceStart = false
            position = end
            gapStart = end
        }
        return words
    }
}
