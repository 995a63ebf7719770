import ContentModel
import Journal
import Templating

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
