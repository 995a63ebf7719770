import ContentModel
import Diagnostics
import Files
import Journal

/// Looks at one shared journal before anything is written, and returns its
/// problems: the place a privacy check (client identifiers in what a
/// trainee shared) plugs into the handouts pipeline. Errors and privacy
/// findings stop the run (or, with `--keep-going`, that trainee).
public typealias SharedJournalCheck = @Sendable (Journal) -> [Diagnostic]

/// All the cohort summary may know of one shared journal: the curriculum
/// week it answers and which of its prompts have an answer. Never the text.
struct JournalFacts: Sendable {
    var focus: String
    var answered: Set<String>
}

/// Reads the journals trainees chose to share, one at a time, keeping only
/// their `JournalFacts`, so memory does not grow with what they wrote.
struct SharedJournalReader {
    let fileSystem: FileSystem
    let content: ContentModel

    struct Reading {
        /// Keyed by the trainee's index in the list given to `read`.
        var facts: [Int: JournalFacts] = [:]
        /// Journals that cannot be read, or are not this week's or not shareable.
        var problems: [Int: [Diagnostic]] = [:]
        /// What `check` found in journals that were read.
        var checkProblems: [Int: [Diagnostic]] = [:]
    }

    func read(_ trainees: [Trainee], week: ISOWeek, check: SharedJournalCheck?) -> Reading {
        var reading = Reading()
        let parser = JournalParser(content: content)
        for (index, trainee) in trainees.enumerated() {
            guard let path = trainee.journal else { continue }
            let journal: Journal
            do {
                journal = try parser.parse(SourceFile(path: path, name: path, text: try fileSystem.readText(at: path)))
            } catch let error as DiagnosticError {
                reading.problems[index] = error.diagnostics
                continue
            } catch {
                reading.problems[index] = [.error("cannot be read: \(error)", at: SourceLocation(path: path, line: 1, column: 1))]
                continue
            }
            if journal.week != week {
                reading.problems[index] = [.error(
                    "this journal is for \(journal.week), but the handouts are for \(week); share the journal for \(week)",
                    at: journal.weekLocation)]
                continue
            }
            if journal.isPrivate {
                reading.problems[index] = [.error(
                    "this journal is marked private, so it is not shared: take it off the roster, or its owner removes 'private'",
                    at: SourceLocation(path: path, line: 1, column: 1))]
                continue
            }
            if let check, case let found = check(journal).errors, !found.isEmpty {
                reading.checkProblems[index] = found
                continue
            }
            // Answers marked private count for nothing, not even their existence.
            let answered = journal.answers.filter { !$0.isEmpty && !journal.privatePrompts.contains($0.promptID) }
            reading.facts[index] = JournalFacts(focus: journal.focus, answered: Set(answered.map(\.promptID)))
        }
        return reading
    }
}
