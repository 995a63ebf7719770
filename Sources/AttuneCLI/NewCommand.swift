import ArgumentParser
import ContentModel
import Diagnostics
import Files
import Foundation
import Journal
import Workbook
import struct SystemPackage.FilePath

/// `attune new`: scaffolds the week's journal. Never overwrites one.
struct NewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "new",
        abstract: "Write this week's empty journal, ready to fill in any editor."
    )

    @Option(help: ArgumentHelp("ISO week such as 2026-W47 (default: this week).", valueName: "week"))
    var week: String?

    @Option(help: ArgumentHelp("Folder of journals.", valueName: "dir"))
    var journal = "journal"

    @Option(help: ArgumentHelp("Curriculum week ID (default: counted from the course's start).", valueName: "id"))
    var focus: String?

    @Option(help: ArgumentHelp(
        "The course's first day, e.g. 2026-10-05 (default: 'start:' in DIR/course.yaml, written by the first 'attune new').",
        valueName: "date"))
    var start: String?

    @Option(help: ArgumentHelp("Your name, for the title page (default: from your latest journal).", valueName: "name"))
    var therapist: String?

    @OptionGroup var material: MaterialOptions

    func validate() throws {
        try ValidationError.requireISOWeek(week)
        try ValidationError.requireDate(start)
        if let therapist, therapist.trimmingCharacters(in: .whitespaces).isEmpty {
            throw ValidationError("--therapist needs a name.")
        }
    }

    func run() throws {
        let environment = Environment.current
        let fileSystem = environment.fileSystem
        let resources = try material.load()
        let content = resources.content
        let isoWeek = week.flatMap(ISOWeek.init) ?? ISOWeek(containing: environment.now())

        let path = (journal.hasSuffix("/") ? journal : journal + "/") + "\(isoWeek).md"
        if fileSystem.fileExists(at: path) {
            throw InputProblems(
                [.error("a journal for \(isoWeek) already exists; Attune never overwrites a journal", at: SourceLocation(path: path, line: 1, column: 1))],
                stoppedWhile: "creating the journal"
            )
        }
        var ignored: [Diagnostic] = []
        let course = CourseFocus(content: content, fileSystem: fileSystem, journalFolder: journal)
        let decided = try course.choose(
            week: isoWeek, focusFlag: focus, startFlag: start,
            hasJournals: !JournalFolder(path: journal, fileSystem: fileSystem).files(problems: &ignored).isEmpty,
            stoppedWhile: "creating the journal")
        let chosen = decided.choice.week

        guard let name = therapist ?? latestTherapist(in: journal, fileSystem: fileSystem, content: content) else {
            throw ValidationError("Attune needs your name for the title page the first time: attune new --therapist \"Your Name\". Later weeks reuse it.")
        }

        // Open ruptures from earlier weeks come back as questions in the new
        // journal's log; the old journals are only read.
        let earlier = JournalReader(fileSystem: fileSystem, content: content).readLeniently([journal])
        let carried = RuptureCarryForward.unresolved(in: earlier.journals, before: isoWeek, content: content)
        for unreadable in earlier.unreadable {
            environment.errors(Diagnostic.warning(
                "this journal has errors, so no rupture in it was carried forward; 'attune check \(unreadable)' shows them",
                at: SourceLocation(path: unreadable, line: 1, column: 1)
            ).description)
        }
        let text = JournalScaffold.render(therapist: name, week: isoWeek, focus: chosen, content: content, carried: carried)
        do {
            // Checked again at the rename: never replace a journal.
            try OutputWriter(fileSystem: fileSystem).write(.file(FilePath(path), Data(text.utf8), permissions: .privateFile)) {
                if fileSystem.fileExists(at: path) { throw FileSystemError.alreadyExists(path) }
            }
        } catch {
            throw InputProblems(
                [.error("cannot write: \(error)", at: SourceLocation(path: path, line: 1, column: 1))],
                stoppedWhile: "creating the journal"
            )
        }
        let recorded = course.recordIfNeeded(decided, environment: environment)
        let open = carried.isEmpty ? "" : """
        Carried forward \(carried.count) open rupture\(carried.count == 1 ? "" : "s") to the rupture log: \(carried.map(\.client).joined(separator: ", ")).

        """
        environment.output("""
        \(decided.choice.line(for: isoWeek))
        Created \(path): \(isoWeek) · \(chosen.title), \(chosen.prompts.count) prompts.
        \(recorded)\(open)Write your answers under each question, then run:
          attune build \(path)
        """)
    }

    /// The therapist named in the newest journal in `directory`, if any parses.
    private func latestTherapist(in directory: String, fileSystem: FileSystem, content: ContentModel) -> String? {
        guard let names = try? fileSystem.files(under: directory) else { return nil }
        let parser = JournalParser(content: content)
        for name in names.filter({ $0.hasSuffix(".md") }).reversed() {
            let path = (directory.hasSuffix("/") ? directory : directory + "/") + name
            guard let text = try? fileSystem.readText(at: path),
                  let journal = try? parser.parse(SourceFile(path: path, name: name, text: text)) else { continue }
            return journal.therapist
        }
        return nil
    }
}

