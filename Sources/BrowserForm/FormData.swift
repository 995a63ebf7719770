import ContentModel
import Journal

/// What the form's script needs, as JSON in a `<script type="application/json">`
/// element: where to save, what to call the download, and the journal's
/// layout, which the script fills with the answers exactly as
/// `JournalLayout.filled(with:)` does.
struct FormData {
    var therapist: String
    var week: ISOWeek
    var layout: JournalLayout

    /// Local storage is shared by every page opened from `file://`, so the
    /// key names the week and therapist (the week has no colon, so the two
    /// cannot run together), and a version for later changes.
    var storageKey: String {
        "attune-form:v1:\(week):\(therapist)"
    }

    var json: String {
        let pieces = layout.pieces.map { piece in
            switch piece {
            case .text(let text): return ScriptJSON.object([("text", ScriptJSON.string(text))])
            case .answer(let id): return ScriptJSON.object([("answer", ScriptJSON.string(id))])
            case .ruptureEntries: return ScriptJSON.object([("entries", "true")])
            case .followUp(let client): return ScriptJSON.object([("followUp", ScriptJSON.string(client))])
            }
        }
        return ScriptJSON.object([
            ("storageKey", ScriptJSON.string(storageKey)),
            ("fileName", ScriptJSON.string(FormRenderer.fileName(for: week))),
            ("layout", ScriptJSON.array(pieces)),
        ])
    }
}

/// JSON written by hand so that it is byte-for-byte stable and safe inside
/// a `<script>` element: `<`, `>` and `&` are escaped, so no text can close
/// the element or open a comment, and U+2028/U+2029 are escaped for old
/// JavaScript parsers.
enum ScriptJSON {
    static func string(_ text: String) -> String {
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

    static func array(_ items: [String]) -> String {
        "[" + items.joined(separator: ",") + "]"
    }

    /// Keys in the order given, for stable output.
    static func object(_ members: [(String, String)]) -> String {
        "{" + members.map { string($0.0) + ":" + $0.1 }.joined(separator: ",") + "}"
    }
}
