import Diagnostics

/// A rupture entry as a form holds it (every field may still be empty),
/// and the one way it is written into a journal.
///
/// The browser form's script (`Templates/form.js`, `entryBlock`) writes
/// entries by this same rule, so a download holds exactly the blocks this
/// type writes: the format `attune new`'s comment documents, with the
/// canonical IDs. Nothing is checked here: an entry missing its markers is
/// written without them, and the journal parser says so at its line, as it
/// would for a block typed by hand.
package struct RuptureEntryDraft: Sendable, Equatable {
    /// An earlier ISO week, or empty for the journal's own.
    package var week: String
    package var client: String
    package var markers: [String]
    package var salience: Int?
    package var trigger: String
    /// `goal`, `task` or `bond`, or empty.
    package var component: String
    package var repairs: [String]
    package var tension: Int?
    package var resolution: Int?
    package var notes: String

    package init(
        week: String = "", client: String = "", markers: [String] = [], salience: Int? = nil, trigger: String = "",
        component: String = "", repairs: [String] = [], tension: Int? = nil, resolution: Int? = nil, notes: String = ""
    ) {
        self.week = week
        self.client = client
        self.markers = markers
        self.salience = salience
        self.trigger = trigger
        self.component = component
        self.repairs = repairs
        self.tension = tension
        self.resolution = resolution
        self.notes = notes
    }

    /// Nothing chosen or typed: a form's new entry left alone is not written.
    package var isBlank: Bool {
        week.isEmpty && client.trimmingWhitespace().isEmpty && markers.isEmpty && salience == nil && trigger.isEmpty
            && component.isEmpty && repairs.isEmpty && tension == nil && resolution == nil
            && JournalLayout.answerText(notes).isEmpty
    }

    /// The fenced block: fields in the scaffold's order, empty ones left
    /// out (but `client` and `markers`, which the parser then asks for), the
    /// client as a YAML double-quoted string (an alias such as `No` or
    /// `#3` would otherwise not read back as typed), notes as a literal
    /// block. The fence is longer than any run of backticks in the notes,
    /// so no line of them can close it.
    package var markdown: String {
        let notes = JournalLayout.answerText(notes)
        var longest = 0
        var run = 0
        for character in notes {
            run = character == "`" ? run + 1 : 0
            longest = max(longest, run)
        }
        let fence = String(repeating: "`", count: max(3, longest + 1))
        var lines = [fence + RuptureLog.infoString]
        if !week.isEmpty { lines.append("week: \(week)") }
        lines.append("client: \(Self.quoted(client))")
        lines.append("markers: [\(markers.joined(separator: ", "))]")
        if let salience { lines.append("salience: \(salience)") }
        if !trigger.isEmpty { lines.append("trigger: \(trigger)") }
        if !component.isEmpty { lines.append("component: \(component)") }
        if !repairs.isEmpty { lines.append("repairs: [\(repairs.joined(separator: ", "))]") }
        if let tension { lines.append("tension: \(tension)") }
        if let resolution { lines.append("resolution: \(resolution)") }
        if !notes.isEmpty {
            let noteLines = notes.split(separator: "\n", omittingEmptySubsequences: false).map(Self.printable)
            // A first line that starts with a space needs its indent stated.
            lines.append(noteLines[0].hasPrefix(" ") ? "notes: |2" : "notes: |")
            lines += noteLines.map { $0.isEmpty ? "" : "  " + $0 }
        }
        lines.append(fence)
        return lines.joined(separator: "\n")
    }

    /// A YAML double-quoted string: `"` and `\` escaped, and anything YAML
    /// would not keep as typed (controls, line and paragraph separators, a
    /// byte-order mark) as a `\u` escape, so the alias reads back exactly.
    static func quoted(_ text: String) -> String {
        YAMLQuoting.doubleQuoted(text) { needsEscape($0) ? YAMLQuoting.escape($0) : nil }
    }

    /// A line of notes as YAML's literal block can hold it: a control
    /// character (other than a tab), which no keyboard types and YAML
    /// refuses, becomes a space.
    static func printable(_ line: Substring) -> String {
        var result = ""
        for scalar in line.unicodeScalars {
            result.unicodeScalars.append(needsEscape(scalar) && scalar != "\t" ? " " : scalar)
        }
        return result
    }

    static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) || scalar.value == 0x2028 || scalar.value == 0x2029
            || scalar.value == 0xFEFF
    }
}
