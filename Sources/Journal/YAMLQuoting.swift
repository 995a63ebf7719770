/// YAML double-quoted scalars, as Attune writes names into a journal: the
/// therapist in the front matter (`JournalScaffold`) and a rupture entry's
/// client (`RuptureEntryDraft`). Both need the same frame, quotes around
/// and `"` and `\` escaped inside, and differ only in what else they must
/// change (see each), so each says that and nothing more.
enum YAMLQuoting {
    /// `text` in double quotes, `"` and `\` escaped with a backslash, and
    /// every other scalar as `rewrite` returns it (`nil`: as it is).
    static func doubleQuoted(_ text: String, rewrite: (Unicode.Scalar) -> String?) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            default:
                if let rewritten = rewrite(scalar) { result += rewritten } else { result.unicodeScalars.append(scalar) }
            }
        }
        return result + "\""
    }

    /// A scalar as YAML's `\u` escape: four hex digits, upper case, which
    /// YAML reads back as exactly that scalar. For the Basic Multilingual
    /// Plane only (beyond it YAML wants `\U` and eight digits): both writers
    /// escape only ASCII, C1 controls, the line and paragraph separators and
    /// the byte-order mark.
    static func escape(_ scalar: Unicode.Scalar) -> String {
        let hex = String(scalar.value, radix: 16, uppercase: true)
        return "\\u" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }
}
