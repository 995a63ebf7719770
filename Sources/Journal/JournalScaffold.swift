import ContentModel
import Foundation

/// Writes the empty journal a therapist fills in for one week.
///
/// The layout is a contract with `JournalParser`, so it is produced here in
/// code rather than from an editable template.
public enum JournalScaffold {
    /// `carried`: open ruptures from earlier weeks, asked about again in
    /// the rupture log (see `RuptureCarryForward`).
    public static func render(
        therapist: String, week: ISOWeek, focus: Week, content: ContentModel, carried: [CarriedRupture] = []
    ) -> String {
        var text = """
        ---
        therapist: \(yamlQuoted(therapist))
        week: \(week)
        focus: \(focus.id)
        ---

        # \(week) · \(focus.title)

        <!--
        Your reflective journal for \(week). Write under each question in plain
        Markdown: paragraphs, lists, *emphasis*, tables and - [ ] task lists all work.

        - Keep each "prompt:" line: it ties your answer to its question, so you
          may reword a heading freely.
        - Use ### (or deeper) for headings inside an answer.
        - Leave a question empty if it does not fit this week; it shows as open.
        - Refer to clients by pseudonym or case number, never by name, initials
          or other identifying detail.

        When you are done: attune build <this file>
        -->

        """
        text += ruptureLogSection(week: week, carried: carried, content: content)
        for id in focus.prompts {
            guard let prompt = content.prompt(id) else { continue }
            text += "\n<!-- prompt: \(prompt.id) -->\n## \(prompt.text)\n"
            if let hint = prompt.hint {
                text += "\n<!-- \(commentSafe(hint)) -->\n"
            }
            text += "\n\n"
        }
        return text
    }

    /// A YAML double-quoted scalar, safe for any name.
    static func yamlQuoted(_ value: String) -> String {
        var result = "\""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n", "\r", "\t": result += " "
            case _ where scalar.properties.generalCategory == .control: result += " "  // YAML forbids them raw
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result + "\""
    }

    /// Text that cannot end or nest an HTML comment.
    static func commentSafe(_ text: String) -> String {
        text.replacingOccurrences(of: "--", with: "–").replacingOccurrences(of: ">", with: "›")
    }
}
