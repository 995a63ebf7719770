import ContentModel
import Diagnostics
import Files
import Foundation
import Journal

/// Looks at one shared journal before anything is written, and returns its
/// problems: the place a privacy check (client identifiers in what a
/// trainee shared) plugs into the handouts pipeline. Errors and privacy
/// findings stop the run (or, with `--keep-going`, that trainee).
package typealias SharedJournalCheck = @Sendable (Journal) -> [Diagnostic]

/// All the cohort summary may know of one shared journal: the curriculum
/// week it answers and which of its prompts have an answer. Never the text.
struct JournalFacts: Sendable {
    var focus: String
    var answered: Set<String>
}

/// Reads the journals trainees chose to share, on several threads, keeping
/// only their `JournalFacts`, so memory does not grow with what they wrote.
struct SharedJournalReader {
    let fileSystem: FileSystem
    let content: ContentModel
    var workers = ProcessInfo.processInfo.activeProcessorCount

    struct Reading {
        /// Keyed by the trainee's index in the list given to `read`.
        var facts: [Int: JournalFacts] = [:]
        /// Journals that cannot be read, or are not this week's or not shareable.
        var problems: [Int: [Diagnostic]] = [:]
        /// What `check` found in journals that were read.
        var checkProblems: [Int: [Diagnostic]] = [:]
    }

    /// What became of one trainee's journal.
    private enum Outcome: Sendable {
        case facts(JournalFacts)
        case problems([Diagnostic])
        case checkProblems([Diagnostic])
    }

    func read(_ trainees: [Trainee], week: ISOWeek, check: SharedJournalCheck?) -> Reading {
        let sharing = trainees.indices.filter { trainees[$0].journal != nil }
        let parser = JournalParser(content: content)
        let outcomes = Parallel.map(sharing.indices, workers: workers) { position in
            readOne(trainees[sharing[position]].journal!, parser: parser, week: week, check: check)
        }
        var reading = Reading()
        for (position, outcome) in outcomes.enumerated() {
            let index = sharing[position]
            switch outcome {
            case .facts(let facts): reading.facts[index] = facts
            case .problems(let found): reading.problems[index] = found
            case .checkProblems(let found): reading.checkProblems[index] = found
            }
        }
        return reading
    }

    private func readOne(_ path: String, parser: JournalParser, week: ISOWeek, check: SharedJournalCheck?) -> Outcome {
        let journal: Journal
        do {
            journal = try parser.parse(SourceFile(path: path, name: path, text: try fileSystem.readText(at: path)))
        } catch let error as DiagnosticError {
            return .problems(error.diagnostics)
        } catch {
            return .problems([.error("cannot be read: \(error)", at: SourceLocation(path: path, line: 1, column: 1))])
        }
        if journal.week != week {
            return .problems([.error(
                "this journal is for \(journal.week), but the handouts are for \(week); share the journal for \(week)",
                at: journal.weekLocation)])
        }
        if journal.isPrivate {
            return .problems([.error(
                "this journal is marked private, so it is not shared: take it off the roster, or its owner removes 'private'",
                at: SourceLocation(path: path, line: 1, column: 1))])
        }
        if let check, case let found = check(journal).errors, !found.isEmpty {
            return .checkProblems(found)
        }
        // Answers marked private count for nothing, not even their existence.
        let answered = journal.answers.filter { !$0.isEmpty && !journal.privatePrompts.contains($0.promptID) }
        return .facts(JournalFacts(focus: journal.focus, answered: Set(answered.map(\.promptID))))
    }
}
