/// `MarkdownSafety.escapeText`: plain text that a Markdown parser prints as typed.
enum TextEscaper {
    /// Bytes that may need a backslash somewhere: if a text has none of them
    /// (and does not start with a digit or a blank), it is returned as is.
    /// Most titles, names and prompts take this path.
    static let needsLook: [Bool] = {
        var table = [Bool](repeating: false, count: 256)
        for byte in "\\`*_[]<>~|&!#+-=:.\n\r\t ".utf8 { table[Int(byte)] = true }
        return table
    }()

    static func escape(_ text: String) -> String {
        if isPlain(text) { return text }
        let characters = Array(text.map { $0 == "\n" || $0 == "\r" || $0 == "\r\n" ? " " : $0 })
        // Blanks at either end would be trimmed (or, four at the start, read
        // as code): entities keep them.
        let leading = characters.prefix { $0 == " " || $0 == "\t" }.count
        let trailing = leading == characters.count ? 0 : characters.reversed().prefix { $0 == " " || $0 == "\t" }.count
        var result = ""
        var atStart = true
        for (index, character) in characters.enumerated() {
            let next = index + 1 < characters.count ? characters[index + 1] : nil
            let isEdge = index < leading || index >= characters.count - trailing
            switch character {
            case " " where isEdge:
                result += "&#32;"
            case "\t" where isEdge:
                result += "&#9;"
            case "\\", "`", "*", "_", "[", "]", "<", ">", "~", "|":
                result += "\\\(character)"
            case "&" where next.map { $0.isLetter || $0.isNumber || $0 == "#" } ?? false:
                result += "\\&"
            case "!" where next == "[":
                result += "\\!"
            case "#" where atStart, "+" where atStart, "-" where atStart, "=" where atStart:
                result += "\\\(character)"
            // GFM's autolink extension links `http://`, `https://` and
            // `ftp://` when it meets `:`, and `www.` when it meets `w`; it
            // reads the source, so an escaped `:` or `.` stops it.
            case ":" where next == "/":
                result += "\\:"
            case "." where endsWithWWW(characters, before: index):
                result += "\\."
            default:
                result.append(character)
            }
            // `xmpp:` before an e-mail address makes an `xmpp:` link, and the
            // extension reads that from the text after escapes are undone:
            // only a character in between stops it. U+2060 WORD JOINER is
            // invisible and keeps the word whole.
            if character == "p" || character == "P", next == ":", endsWithXMPP(characters, through: index) {
                result += "\u{2060}"
            }
            if !(character == " " || character == "\t") { atStart = false }
        }
        // "1." or "1)" at the start would begin an ordered list. (After a
        // leading blank's entity, the line no longer starts with a digit.)
        if leading == 0, let dot = result.firstIndex(where: { !$0.isASCIIDigit }), dot != result.startIndex,
           result[dot] == "." || result[dot] == ")" {
            result.insert("\\", at: dot)
        }
        return result
    }

    static func endsWithWWW(_ characters: [Character], before index: Int) -> Bool {
        index >= 3 && matches(characters[(index - 3)..<index], "www")
    }

    static func endsWithXMPP(_ characters: [Character], through index: Int) -> Bool {
        index >= 3 && matches(characters[(index - 3)...index], "xmpp")
    }

    /// Case-insensitive comparison with an ASCII lower-case word, one
    /// character at a time: `lowercased()` made a new string per character,
    /// and with it `check` on 47 journals spent a quarter of its time here.
    private static func matches(_ characters: ArraySlice<Character>, _ word: String) -> Bool {
        characters.count == word.count && zip(characters, word).allSatisfy { $0 == $1 || $0 == Character($1.uppercased()) }
    }

    /// True when escaping would return the text unchanged: none of the bytes
    /// that may need a backslash, except spaces between words (a space only
    /// matters at either end), and no digit first. Most titles, summaries
    /// and prompts are sentences, so without the spaces allowance almost
    /// nothing took this path.
    private static func isPlain(_ text: String) -> Bool {
        let bytes = text.utf8
        guard let first = bytes.first, let last = bytes.last,
              first != UInt8(ascii: " "), last != UInt8(ascii: " "),
              !(UInt8(ascii: "0")...UInt8(ascii: "9")).contains(first) else { return false }
        return !bytes.contains { $0 != UInt8(ascii: " ") && needsLook[Int($0)] }
    }
}

extension Character {
    var isASCIIDigit: Bool { ("0"..."9").contains(self) }
}
