import Foundation

/// The text a reader sees, not the bytes typed: what the guard scans.
///
/// An identifier must not slip through because of how it was typed. So,
/// in one forward pass, each character is mapped to what it looks like:
/// compatibility forms folded (NFKC: full-width `１２`, ligatures), accents
/// composed (`e` + U+0301 is `é`), digits of any script made ASCII, every
/// kind of space made a space, zero-width characters and soft hyphens
/// dropped, Markdown emphasis (`**Jo**hn`), backslash escapes, HTML comments
/// (`Jo<!-- -->hn`) and character references (`&#64;`) resolved, and Latin
/// look-alikes from Cyrillic and Greek (`Sаrah` with a Cyrillic `а`) read as
/// Latin inside a word that mixes scripts. Every scalar remembers the UTF-16
/// range of the source it came from, so a finding is reported and redacted
/// at the exact source text, the whole of it.
struct NormalizedText {
    private(set) var scalars: [Unicode.Scalar] = []
    /// UTF-16 offset in the source where scalar `i` starts and ends.
    private(set) var starts: [Int] = []
    private(set) var ends: [Int] = []

    var count: Int { scalars.count }

    init(_ text: String) {
        let source = Array(text.unicodeScalars)
        var offsets: [Int] = []
        offsets.reserveCapacity(source.count + 1)
        var offset = 0
        for scalar in source {
            offsets.append(offset)
            offset += scalar.utf16.count
        }
        offsets.append(offset)
        scalars.reserveCapacity(source.count)
        starts.reserveCapacity(source.count)
        ends.reserveCapacity(source.count)

        // Once a comment has no closer, no later "<!--" has one either:
        // remembering that keeps the pass linear on "<!--<!--<!--…".
        var commentsClosed = true
        var index = 0
        while index < source.count {
            let scalar = source[index]
            switch scalar {
            case "<" where commentsClosed && Self.matches(source, at: index, "<!--"):
                if let close = Self.find(source, from: index + 4, "-->") {
                    index = close + 3
                } else {
                    commentsClosed = false
                    emit(scalar, from: offsets[index], to: offsets[index + 1])
                    index += 1
                }
            case "&":
                if let (decoded, length) = Self.characterReference(source, at: index) {
                    emitFolded(decoded, from: offsets[index], to: offsets[index + length])
                    index += length
                } else {
                    emit(scalar, from: offsets[index], to: offsets[index + 1])
                    index += 1
                }
            case "\\" where index + 1 < source.count && Self.asciiPunctuation.contains(source[index + 1]):
                index += 1
            case "*", "_", "`", "~":
                index += 1
            case "\r":
                index += 1
            case "\t":
                emit(" ", from: offsets[index], to: offsets[index + 1])
                index += 1
            default:
                if scalar.isASCII {
                    emit(scalar, from: offsets[index], to: offsets[index + 1])
                    index += 1
                    continue
                }
                if Self.invisible.contains(scalar.value) {
                    index += 1
                    continue
                }
                if scalar.properties.generalCategory == .spaceSeparator {
                    emit(" ", from: offsets[index], to: offsets[index + 1])
                    index += 1
                    continue
                }
                // A base character and the marks that follow it, folded together.
                var end = index + 1
                while end < source.count, source[end].isMark { end += 1 }
                var cluster = String.UnicodeScalarView()
                cluster.append(contentsOf: source[index..<end])
                emitFolded(String(cluster), from: offsets[index], to: offsets[end])
                index = end
            }
        }
        readMixedScriptsAsLatin()
    }

    private mutating func emit(_ scalar: Unicode.Scalar, from start: Int, to end: Int) {
        scalars.append(scalar)
        starts.append(start)
        ends.append(end)
    }

    /// NFKC, and digits of every script as ASCII digits.
    private mutating func emitFolded(_ text: String, from start: Int, to end: Int) {
        let folded = text.unicodeScalars.allSatisfy(\.isASCII) ? text : text.precomposedStringWithCompatibilityMapping
        for scalar in folded.unicodeScalars {
            if Self.invisible.contains(scalar.value) { continue }
            if !scalar.isASCII, scalar.properties.numericType == .decimal, let value = scalar.properties.numericValue,
               let digit = Unicode.Scalar(UInt32(48 + Int(value))) {
                emit(digit, from: start, to: end)
            } else if scalar.properties.generalCategory == .spaceSeparator {
                emit(" ", from: start, to: end)
            } else {
                emit(scalar, from: start, to: end)
            }
        }
    }

    /// A word with both Latin letters and Cyrillic or Greek look-alikes is
    /// a Latin word in disguise; an all-Cyrillic word (`Арина`) stays as it is.
    private mutating func readMixedScriptsAsLatin() {
        var wordStart = 0
        var hasLatin = false
        var hasLookAlike = false
        func finish(_ end: Int) {
            if hasLatin && hasLookAlike {
                for position in wordStart..<end {
                    if let latin = Self.lookAlikes[scalars[position].value] { scalars[position] = latin }
                }
            }
        }
        for position in 0..<scalars.count {
            let scalar = scalars[position]
            if scalar.properties.isAlphabetic {
                if scalar.isASCII { hasLatin = true } else if Self.lookAlikes[scalar.value] != nil { hasLookAlike = true }
            } else {
                finish(position)
                wordStart = position + 1
                hasLatin = false
                hasLookAlike = false
            }
        }
        finish(scalars.count)
    }

    /// The source range (UTF-16) that scalars `range` came from.
    func sourceRange(_ range: Range<Int>) -> NSRange {
        NSRange(location: starts[range.lowerBound], length: ends[range.upperBound - 1] - starts[range.lowerBound])
    }

    static let asciiPunctuation = Set("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~".unicodeScalars)

    static let invisible: Set<UInt32> = [0x00AD, 0x034F, 0x061C, 0x115F, 0x1160, 0x17B4, 0x17B5, 0x180E,
                                         0x200B, 0x200C, 0x200D, 0x200E, 0x200F, 0x202A, 0x202B, 0x202C, 0x202D,
                                         0x202E, 0x2060, 0x2061, 0x2062, 0x2063, 0x2064, 0x2066, 0x2067, 0x2068,
                                         0x2069, 0xFEFF]

    static let lookAlikes: [UInt32: Unicode.Scalar] = [
        0x0430: "a", 0x0435: "e", 0x043E: "o", 0x0440: "p", 0x0441: "c", 0x0443: "y", 0x0445: "x", 0x0456: "i",
        0x0458: "j", 0x0455: "s", 0x04BB: "h", 0x0410: "A", 0x0412: "B", 0x0415: "E", 0x041A: "K", 0x041C: "M",
        0x041D: "H", 0x041E: "O", 0x0420: "P", 0x0421: "C", 0x0422: "T", 0x0425: "X", 0x0406: "I", 0x0408: "J",
        0x0405: "S", 0x03BF: "o", 0x03B1: "a", 0x039F: "O", 0x0391: "A", 0x0392: "B", 0x0395: "E", 0x0396: "Z",
        0x0397: "H", 0x0399: "I", 0x039A: "K", 0x039C: "M", 0x039D: "N", 0x03A1: "P", 0x03A4: "T", 0x03A5: "Y",
        0x03A7: "X", 0x03BD: "v", 0x03C1: "p",
    ]

    static func matches(_ source: [Unicode.Scalar], at index: Int, _ literal: String) -> Bool {
        var position = index
        for scalar in literal.unicodeScalars {
            guard position < source.count, source[position] == scalar else { return false }
            position += 1
        }
        return true
    }

    static func find(_ source: [Unicode.Scalar], from index: Int, _ literal: String) -> Int? {
        var position = index
        while position < source.count {
            if matches(source, at: position, literal) { return position }
            position += 1
        }
        return nil
    }

    /// `&#64;`, `&#x40;`, `&commat;` and the common named references: the
    /// text they stand for and their length in scalars.
    static func characterReference(_ source: [Unicode.Scalar], at index: Int) -> (String, Int)? {
        var position = index + 1
        var body = ""
        while position < source.count, position - index <= 10, source[position] != ";" {
            let scalar = source[position]
            guard scalar.isASCII, scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || scalar == "#" else { return nil }
            body.unicodeScalars.append(scalar)
            position += 1
        }
        guard position < source.count, source[position] == ";", !body.isEmpty else { return nil }
        let length = position - index + 1
        if body.hasPrefix("#x") || body.hasPrefix("#X") {
            guard let value = UInt32(body.dropFirst(2), radix: 16), let scalar = Unicode.Scalar(value) else { return nil }
            return (String(scalar), length)
        }
        if body.hasPrefix("#") {
            guard let value = UInt32(body.dropFirst()), let scalar = Unicode.Scalar(value) else { return nil }
            return (String(scalar), length)
        }
        guard let text = namedReferences[body] else { return nil }
        return (text, length)
    }

    static let namedReferences: [String: String] = [
        "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": " ", "commat": "@", "period": ".",
        "sol": "/", "colon": ":", "num": "#", "plus": "+", "hyphen": "-", "dash": "-", "lowbar": "_", "rsquo": "’",
        "lsquo": "‘", "comma": ",", "excl": "!", "quest": "?", "lpar": "(", "rpar": ")", "shy": "", "zwj": "",
        "zwnj": "", "ensp": " ", "emsp": " ", "thinsp": " ", "eacute": "é", "aacute": "á", "iacute": "í",
        "oacute": "ó", "uacute": "ú", "ntilde": "ñ", "uuml": "ü", "ouml": "ö", "auml": "ä", "ccedil": "ç",
    ]
}

extension Unicode.Scalar {
    var isMark: Bool {
        switch properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark: return true
        default: return false
        }
    }
}
