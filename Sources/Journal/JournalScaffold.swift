import ContentModel
import Foundation
import MarkdownSafety

/// Writes the empty journal a therapist fills in for one week.
///
/// The layout is a contract with `JournalParser`, so it is produced here in
/// code rather than from an editable template.
///
/// Its headings are the prompts' own words, without the "Prompt N ·" that
/// workbooks, handouts and the site put before them, on purpose: a journal
/// is written once and never rewritten, and a journal whose markers were
/// lost is matched to its prompts by those words (a heading copied with
/// its number is read too, when the number agrees: `PromptHeading`). A number there
/// would also go stale if the material's numbering changed (an overlay,
/// a new release) and then contradict the workbook built from it. The
/// number is shown wherever Attune renders the prompt, from the content
/// model at the time (`Prompt.number`).
package enum JournalScaffold {
    /// `carried`: open ruptures from earlier weeks, asked about again in
    /// the rupture log (see `RuptureCarryForward`).
    package static func render(
        therapist: String, week: ISOWeek, focus: Week, content: ContentModel, carried: [CarriedRupture] = []
    ) -> String {
        layout(therapist: therapist, week: week, focus: focus, content: content, carried: carried).filled(with: [:])
    }

    /// The journal with a slot where each answer goes. `render` leaves every
    /// slot empty; the browser form fills them from what was typed, so a
    /// downloaded journal is the file a therapist typing the same answers
    /// into the scaffold would have saved, byte for byte.
    package static func layout(
        therapist: String, week: ISOWeek, focus: Week, content: ContentModel, carried: [CarriedRupture] = []
    ) -> JournalLayout {
        var pieces: [JournalLayout.Piece] = []
        var text = """
        ---
        therapist: \(yamlQuoted(therapist))
        week: \(week)
        focus: \(focus.id)
        ---

        # \(week) · \(MarkdownSafety.escapeText(focus.title))

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
        let log = ruptureLogPieces(week: week, carried: carried, content: content)
        if case .text(let opening) = log.first { text += opening }
        pieces.append(.text(text))
        pieces += log.dropFirst()
        text = ""
        for id in focus.prompts {
            guard let prompt = content.prompt(id) else { continue }
            // Titles and prompts come from content, which an overlay may
            // fill with markup: escaped, they read as typed in any viewer.
            text += "\n<!-- prompt: \(prompt.id) -->\n## \(MarkdownSafety.escapeText(prompt.text))\n"
            if let hint = prompt.hint {
                text += "\n<!-- \(commentSafe(hint)) -->\n"
            }
            // A blank line, then the answer on the line after it.
            text += "\n"
            pieces.append(.text(text))
            pieces.append(.answer(promptID: prompt.id))
            text = ""
        }
        if !text.isEmpty { pieces.append(.text(text)) }
        return JournalLayout(pieces: pieces)
    }

    /// A YAML double-quoted scalar, safe for any name.
    ///
    /// A Markdown viewer shows front matter as a paragraph, so punctuation
    /// that could start markup or a link there (`<`, `[`, `&`, `:`, `@`, ...)
    /// is written as a YAML `\u` escape: YAML reads the name back exactly,
    /// and a viewer shows the escape, never a tag. Letters, digits, spaces
    /// and `.,'-` (most names) are written as they are.
    static func yamlQuoted(_ value: String) -> String {
        YAMLQuoting.doubleQuoted(value) { scalar in
            switch scalar {
            case "\n", "\r", "\t": " "
            case _ where scalar.properties.generalCategory == .control: " "  // YAML forbids them raw
            case _ where scalar.isASCII && !(scalar.properties.isAlphabetic || ("0"..."9").contains(scalar)) && !" .,'-".unicodeScalars.contains(scalar):
                YAMLQuoting.escape(scalar)
            default: nil
            }
        }
    }

    /// Text that cannot end or nest an HTML comment.
    static func commentSafe(_ text: String) -> String {
        text.replacingOccurrences(of: "--", with: "–").replacingOccurrences(of: ">", with: "›")
    }
}

/// A journal as fixed text with a slot for each prompt's answer.
///
/// One layout serves both ways of writing a journal: `attune new` fills no
/// slot, and the browser form (which carries the pieces as JSON and joins
/// them in its script) fills each with `answerText` of what was typed. Both
/// go through `filled`'s rule, so the two files cannot drift apart.
package struct JournalLayout: Sendable, Equatable {
    package enum Piece: Sendable, Equatable {
        case text(String)
        case answer(promptID: String)
        /// The rupture log's entries, right after its comment.
        case ruptureEntries
        /// The answer to a carried-forward "What happened next with …?".
        case followUp(client: String)
    }

    package var pieces: [Piece]

    package init(pieces: [Piece]) {
        self.pieces = pieces
    }

    /// The prompts with a slot, in file order.
    package var promptIDs: [String] {
        pieces.compactMap { if case .answer(let id) = $0 { id } else { nil } }
    }

    /// The journal with each slot holding `answerText(answers[id])`; a
    /// prompt without an answer keeps its empty line. Entries that are not
    /// blank go after the log's comment, a blank line before each; an
    /// answer to a carried question goes a blank line below it. With none,
    /// the log is exactly the scaffold's.
    package func filled(
        with answers: [String: String], entries: [RuptureEntryDraft] = [], followUps: [String: String] = [:]
    ) -> String {
        var text = ""
        for piece in pieces {
            switch piece {
            case .text(let fixed): text += fixed
            case .answer(let id): text += Self.answerText(answers[id] ?? "") + "\n"
            case .ruptureEntries:
                for entry in entries where !entry.isBlank { text += "\n" + entry.markdown + "\n" }
            case .followUp(let client):
                let answer = Self.answerText(followUps[client] ?? "")
                if !answer.isEmpty { text += "\n" + answer + "\n" }
            }
        }
        return text
    }

    /// What goes into a slot for text typed in a box: line breaks as `\n`,
    /// and no blank lines (nothing but spaces and tabs) before or after it,
    /// because the parser would not keep them either. Everything else,
    /// including spaces at the start or end of a line, stays as typed.
    /// `Templates/form.js` applies the same rule in the browser.
    package static func answerText(_ typed: String) -> String {
        var lines = typed.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
            .split(separator: "\n", omittingEmptySubsequences: false)
        func isBlank(_ line: Substring) -> Bool { line.unicodeScalars.allSatisfy { $0 == " " || $0 == "\t" } }
        while let first = lines.first, isBlank(first) { lines.removeFirst() }
        while let last = lines.last, isBlank(last) { lines.removeLast() }
        return lines.joined(separator: "\n")
    }
}
