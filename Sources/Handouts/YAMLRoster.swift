import ContentModel
import Diagnostics
import Yams

/// Reads a YAML roster:
///
/// ```yaml
/// cohort: Autumn 2026, group B
/// supervisor: Dr Morgan Ellery
/// week: 2026-W47            # or start: 2026-09-07
/// notes: |
///   Markdown for everyone.
/// trainees:
///   - name: Ana López
///     focus: your-triggers    # optional: another curriculum week
///     note: Markdown for Ana only.
///     journal: journals/ana.md
///   - Ben Okafor              # a name alone is a row too
/// ```
enum YAMLRoster {
    static let keys = ["cohort", "supervisor", "week", "start", "notes", "trainees"]
    static let traineeKeys = ["name", "focus", "note", "journal"]

    static func read(_ file: SourceFile) -> RosterDraft {
        var draft = RosterDraft(path: file.path)
        var fields = YAMLFields(path: file.path)
        guard
            let entries = fields.fileMapping(
                file, kind: "roster", allowed: keys, ifEmpty: "the roster is empty: it needs a cohort, a supervisor and trainees")
        else {
            draft.problems = fields.diagnostics
            draft.unreadable = true
            return draft
        }
        draft.cohort = value(entries, "cohort", &fields)
        draft.supervisor = value(entries, "supervisor", &fields)
        draft.week = value(entries, "week", &fields)
        draft.notes = value(entries, "notes", &fields)
        // A date such as 2026-09-07 is a YAML timestamp, not text: take it as written.
        if let node = entries["start"] {
            if case .scalar(let scalar) = node, !scalar.string.isEmpty {
                draft.start = Located(value: scalar.string, location: fields.location(of: node))
            } else {
                fields.error("field 'start' must be a date such as 2026-09-07", at: node)
            }
        }
        if entries["trainees"] == nil {
            fields.error("the roster is missing required field 'trainees'", at: entries.node)
        }
        let items = fields.list(entries, "trainees")
        draft.problems = fields.diagnostics
        for item in items {
            draft.trainees.append(trainee(item, path: file.path))
        }
        return draft
    }

    private static func trainee(_ node: Node, path: String) -> TraineeDraft {
        var fields = YAMLFields(path: path)
        var draft = TraineeDraft(row: fields.location(of: node))
        // Not a `defer`: a deferred assignment runs after `return` has copied
        // the draft, and a misspelt key's error would be lost with it.
        if case .scalar = node {
            draft.name = fields.string(node, field: "name").map { Located(value: $0, location: fields.location(of: node)) }
        } else if let entries = fields.mapping(node, named: "a trainee", allowed: traineeKeys) {
            draft.name = value(entries, "name", &fields)
            draft.focus = value(entries, "focus", &fields)
            draft.note = value(entries, "note", &fields)
            draft.journal = value(entries, "journal", &fields)
        }
        draft.problems = fields.diagnostics
        return draft
    }

    /// An optional text field and where its value is.
    private static func value(_ entries: YAMLFields.Entries, _ key: String, _ fields: inout YAMLFields) -> Located? {
        guard let node = entries[key], let value = fields.optionalString(entries, key) else { return nil }
        return Located(value: value, location: fields.location(of: node))
    }
}
