import ArgumentParser
import BrowserForm
import ContentModel
import Diagnostics
import Files
import Foundation
import Journal
import Rendering
import Workbook
import struct SystemPackage.FilePath

/// `attune form`: the week's workbook as one HTML page to fill in, for
/// therapists who would rather not edit Markdown. The page keeps what is
/// typed in the browser and downloads the journal file; `attune import`
/// brings that file back.
struct FormCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "form",
        abstract: "Write this week's workbook as a page to fill in in any browser.",
        discussion: """
        Open the page in any browser, even offline: it saves your answers in that \
        browser as you type. 'Download answers' saves your journal for the week \
        (<week>.md); 'attune import <week>.md' adds it to your journal folder.
        """
    )

    @Option(help: ArgumentHelp("ISO week such as 2026-W47 (default: this week).", valueName: "week"))
    var week: String?

    @Option(help: ArgumentHelp("Folder of journals: names and focus come from here.", valueName: "dir"))
    var journal = "journal"

    @Option(help: ArgumentHelp("Curriculum week ID (default: the week's journal's, else the curriculum's turn).", valueName: "id"))
    var focus: String?

    @Option(help: ArgumentHelp(
        "The course's first day, e.g. 2026-10-05 (default: 'start:' in DIR/course.yaml).", valueName: "date"))
    var start: String?

    @Option(help: ArgumentHelp("Your name (default: from your latest journal).", valueName: "name"))
    var therapist: String?

    @Option(help: ArgumentHelp("The page to write (default: out/<week>-form.html).", valueName: "file"))
    var out: String?

    @OptionGroup var material: MaterialOptions

    func validate() throws {
        try ValidationError.requireISOWeek(week)
        try ValidationError.requireDate(start)
        if let therapist, therapist.trimmingCharacters(in: .whitespaces).isEmpty {
            throw ValidationError("--therapist needs a name.")
        }
        if let out, out.hasSuffix("/") {
            throw ValidationError("--out names the page to write, such as out/form.html.")
        }
    }

    func run() throws {
        let environment = Environment.current
        let fileSystem = environment.fileSystem
        let resources = try material.load()
        let content = resources.content
        let isoWeek = week.flatMap(ISOWeek.init) ?? ISOWeek(containing: environment.now())
        let journals = JournalFolder(path: journal, fileSystem: fileSystem).journals(content: content)

        // A journal for this week already exists: the form must match it, or
        // its download could never be imported into it.
        let existingEntry = journals.first { $0.journal.week == isoWeek }
        let existing = existingEntry?.journal
        var problems: [Diagnostic] = []
        if let (file, existing) = existingEntry, let focus, focus != existing.focus {
            problems.append(.error(
                "the journal for \(isoWeek) is on focus '\(existing.focus)', so a form on '\(focus)' could not be imported into it; leave out --focus",
                at: JournalImport.frontMatterLocation(of: "focus", in: file)
            ))
        }
        if let (file, existing) = existingEntry, let therapist, therapist != existing.therapist {
            problems.append(.error(
                "the journal for \(isoWeek) is '\(existing.therapist)''s, so a form for '\(therapist)' could not be imported into it; leave out --therapist",
                at: JournalImport.frontMatterLocation(of: "therapist", in: file)
            ))
        }
        if !problems.isEmpty { throw InputProblems(problems, stoppedWhile: "writing the form") }

        var unreadable: [Diagnostic] = []
        let course = CourseFocus(content: content, fileSystem: fileSystem, journalFolder: journal)
        let decided = try course.choose(
            week: isoWeek, focusFlag: focus, startFlag: start,
            existingJournal: existingEntry.map { ($0.file.path, $0.journal.focus) },
            // Any .md file counts, as for `attune new`: a journal with errors is
            // still a week the course has had.
            hasJournals: !journals.isEmpty || !JournalFolder(path: journal, fileSystem: fileSystem).files(problems: &unreadable).isEmpty,
            stoppedWhile: "writing the form")
        let chosen = decided.choice.week
        guard let name = existing?.therapist ?? therapist ?? journals.last?.journal.therapist else {
            throw ValidationError("Attune needs your name for the form the first time: attune form --therapist \"Your Name\". Later weeks reuse it.")
        }

        // The same open ruptures `attune new` would carry forward, so the
        // download is the journal `attune new` would have started.
        let earlier = JournalReader(fileSystem: fileSystem, content: content).readLeniently([journal])
        let carried = RuptureCarryForward.unresolved(in: earlier.journals, before: isoWeek, content: content)
        for unreadable in earlier.unreadable {
            environment.errors(Diagnostic.warning(
                "this journal has errors, so no rupture in it was carried forward; 'attune check \(unreadable)' shows them",
                at: SourceLocation(path: unreadable, line: 1, column: 1)
            ).description)
        }

        let page: String
        do {
            page = try FormRenderer(resources: resources).render(therapist: name, week: isoWeek, focus: chosen, carried: carried)
        } catch {
            throw InputProblems(error.diagnostics, stoppedWhile: "writing the form")
        }
        let path = out ?? "out/\(isoWeek)-form.html"
        do {
            try OutputWriter(fileSystem: fileSystem).write(
                .file(FilePath(path), Data(page.utf8), permissions: .privateFile),
                inputs: OutputGuard.inputs([journal, material.contentOverlay, material.templatesOverlay]))
        } catch {
            throw InputProblems(DiagnosticError(writing: error, at: path).diagnostics, stoppedWhile: "writing the form")
        }
        // As `attune new` does: the first week's start is written down, so
        // next week's form (or journal) counts from it instead of guessing.
        let recorded = course.recordIfNeeded(decided, environment: environment)
        let fileName = FormRenderer.fileName(for: isoWeek)
        let importFlags = journal == "journal" ? "" : " --journal \(journal)"
        environment.output("""
        \(decided.choice.line(for: isoWeek))
        Wrote \(path): \(isoWeek) · \(chosen.title), \(chosen.prompts.count) prompts to fill in.
        \(recorded)Open it in a browser; your answers are saved there as you type. Then choose
        'Download answers' and run:
          attune import \(fileName)\(importFlags)
        """)
    }
}

/// The journals in a folder that parse, oldest name first. A journal that
/// does not parse is left out here: `attune build` and `check` report it.
struct JournalFolder {
    let path: String
    let fileSystem: FileSystem

    /// Every `.md` file in the folder, read as text; unreadable files are problems.
    func files(problems: inout [Diagnostic]) -> [SourceFile] {
        guard fileSystem.directoryExists(at: path), let names = try? fileSystem.files(under: path) else { return [] }
        var files: [SourceFile] = []
        for name in names where name.hasSuffix(".md") {
            let filePath = (path.hasSuffix("/") ? path : path + "/") + name
            do {
                files.append(SourceFile(path: filePath, name: name, text: try fileSystem.readText(at: filePath)))
            } catch {
                problems.append(.unreadable(filePath, error))
            }
        }
        return files
    }

    func journals(content: ContentModel) -> [(file: SourceFile, journal: Journal)] {
        var ignored: [Diagnostic] = []
        let parser = JournalParser(content: content)
        return files(problems: &ignored).compactMap { file in
            (try? parser.parse(file)).map { (file, $0) }
        }
    }
}
