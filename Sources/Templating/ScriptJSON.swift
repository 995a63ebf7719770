/// JSON for a `<script type="application/json">` data block in a page (the
/// site's search index, the browser form's layout), written by hand so that
/// it is byte-for-byte stable and safe where it stands: `<`, `>` and `&` are
/// escaped, so no text can close the element or open a comment, and
/// U+2028/U+2029 and every control character are escaped for old
/// JavaScript parsers. Members are written in the order given: a caller
/// that wants sorted keys lists them sorted.
package enum ScriptJSON {
    package static func string(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\t": result += "\\t"
            case _ where scalar.value < 0x20 || "<>&".unicodeScalars.contains(scalar)
                || scalar.value == 0x2028 || scalar.value == 0x2029 || scalar.value == 0x7F:
                let hex = String(scalar.value, radix: 16)
                result += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default:
                result.unicodeScalars.append(scalar)
            }
        }
        return result + "\""
    }

    /// Elements already written as JSON.
    package static func array(_ items: [String]) -> String {
        "[" + items.joined(separator: ",") + "]"
    }

    /// Values already written as JSON, under keys in the order given.
    package static func object(_ members: [(String, String)]) -> String {
        "{" + members.map { string($0.0) + ":" + $0.1 }.joined(separator: ",") + "}"
    }
}
