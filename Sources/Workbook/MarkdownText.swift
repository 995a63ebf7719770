/// Escapes plain text (titles, names, prompts) for a Markdown template, so a
/// therapist called `A_B` or a prompt with `*` is printed, not formatted.
enum MarkdownText {
    /// Bytes that may need a backslash somewhere: every character the
    /// escaper below treats specially.
    static let needsLook: Set<UInt8> = Set("\\`*_[]<>~|&!#+-=\n\r".utf8)

    static func escape(_ text: String) -> String {
        // Most titles, names and prompts need nothing: skip the walk.
        if !text.utf8.contains(where: { needsLook.contains($0) }),
           let first = text.utf8.first, !(UInt8(ascii: "0")...UInt8(ascii: "9")).contains(first) {
            return text
        }
        var result = ""
        let characters = Array(text)
        for (index, character) in characters.enumerated() {
            let next = index + 1 < characters.count ? characters[index + 1] : nil
            switch character {
            case "\\", "`", "*", "_", "[", "]", "<", ">", "~", "|":
                result += "\\\(character)"
            case "&" where next.map { $0.isLetter || $0.isNumber || $0 == "#" } ?? false:
                result += "\\&"
            case "!" where next == "[":
                result += "\\!"
            case _ where "#+-=".contains(character) && result.allSatisfy(\.isWhitespace):
                result += "\\\(character)"
            case "\n", "\r":
                result += " "
            default:
                result.append(character)
            }
        }
        // "1." or "1)" at the start would begin an ordered list.
        if let dot = result.firstIndex(where: { !$0.isNumber }), dot != result.startIndex,
           result[dot] == "." || result[dot] == ")" {
            result.insert("\\", at: dot)
        }
        return result
    }
}
