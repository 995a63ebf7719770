import ContentModel
import Diagnostics

/// A therapist's journal for one week, as parsed. Answers keep the exact
/// Markdown the therapist wrote.
package struct Journal: Sendable {
    package var path: String
    package var therapist: String
    package var week: ISOWeek
    /// Where the front matter names the week, for errors about it.
    package var weekLocation: SourceLocation
    /// The curriculum week's ID.
    package var focus: String
    /// Anything written before the first prompt, other than the title.
    package var preamble: String?
    /// The file line where `preamble` starts.
    package var preambleLine: Int?
    package var answers: [Answer]
    /// `private: true` in the front matter: never part of anything shared.
    package var isPrivate: Bool
    /// `private: [prompt-id, …]`: these answers are never shared.
    package var privatePrompts: Set<String>
    /// The `## Rupture log` section's entries, read and checked; `nil` when
    /// the journal has no such section. The section's text is also one of
    /// `answers` (ID `rupture-log`), so privacy checks cover it.
    package var ruptureLog: RuptureLog?

    package init(
        path: String, therapist: String, week: ISOWeek, weekLocation: SourceLocation, focus: String,
        preamble: String? = nil, answers: [Answer] = [], isPrivate: Bool = false, privatePrompts: Set<String> = []
    ) {
        self.isPrivate = isPrivate
        self.privatePrompts = privatePrompts
        self.path = path
        self.therapist = therapist
        self.week = week
        self.weekLocation = weekLocation
        self.focus = focus
        self.preamble = preamble
        self.answers = answers
    }

    package func answer(to promptID: String) -> Answer? {
        answers.first { $0.promptID == promptID }
    }
}

/// The text under one prompt heading.
package struct Answer: Sendable {
    package var promptID: String
    /// The heading as the therapist left it (they may reword it).
    package var heading: String
    /// The therapist's Markdown, verbatim, without surrounding blank lines or
    /// Attune's guidance comments. Empty when the prompt is still open.
    package var markdown: String
    /// Where the prompt's heading is.
    package var location: SourceLocation
    /// The file line where `markdown` starts, so findings in it point into the journal.
    package var firstLine: Int

    package init(promptID: String, heading: String, markdown: String, location: SourceLocation, firstLine: Int? = nil) {
        self.promptID = promptID
        self.heading = heading
        self.markdown = markdown
        self.location = location
        self.firstLine = firstLine ?? location.line + 1
    }

    package var isEmpty: Bool { markdown.isEmpty }
}

extension Journal {
    /// The front-matter line that sets `key` (`focus:`, `therapist:`), or
    /// the file's first line, for errors about what the front matter says.
    package static func frontMatterLocation(of key: String, in file: SourceFile) -> SourceLocation {
        let lines = file.text.normalizingLineEndings.split(separator: "\n", omittingEmptySubsequences: false)
        for (index, line) in lines.enumerated().dropFirst() {
            if line == "---" { break }
            if line.hasPrefix("\(key):") { return SourceLocation(path: file.path, line: index + 1, column: 1) }
        }
        return SourceLocation(path: file.path, line: 1, column: 1)
    }
}
