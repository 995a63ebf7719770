import ArgumentParser
import BrowserForm
import Diagnostics
import Files
import Foundation
import Rendering
import struct SystemPackage.FilePath

/// `attune import`: brings a journal file (such as the browser form's
/// download) into the journal folder. A new week is added as is; an
/// existing journal is never overwritten. See `JournalImport` for the rule.
struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Add a journal file, such as the browser form's download, to your journal folder.",
        discussion: """
        A week the folder has no journal for is added as is. For a week it has, answers \
        that are the same are fine; an answer that differs (or that your journal does not \
        have yet) stops the import, showing both versions, and nothing is written. With \
        '--keep both', both versions are written under the prompt, each marked \
        'Kept by attune import --keep both'.
        """
    )

    @Argument(help: ArgumentHelp("The journal file to import.", valueName: "file"))
    var file: String

    @Option(help: ArgumentHelp("Folder of journals.", valueName: "dir"))
    var journal = "journal"

    @Option(help: ArgumentHelp("'both': keep your journal's answer and the imported one, each marked.", valueName: "both"))
    var keep: KeepChoice?

    @OptionGroup var material: MaterialOptions

    enum KeepChoice: String, ExpressibleByArgument, CaseIterable {
        case both
    }

    func run() throws {
        let environment = Environment.current
        let fileSystem = environment.fileSystem
        let resources = try material.load()
        let step = "importing \(file)"

        var problems: [Diagnostic] = []
        let text: String
        do {
            text = try fileSystem.readText(at: file)
        } catch {
            throw InputProblems([.unreadable(file, error)], stoppedWhile: step)
        }
        let folder = JournalFolder(path: journal, fileSystem: fileSystem)
        let existing = folder.files(problems: &problems).filter { !Self.sameFile($0.path, file) }
        // What each journal was when read, for the check at the rename.
        let identities = Dictionary(existing.map { ($0.path, fileSystem.identity(at: $0.path)) }, uniquingKeysWith: { first, _ in first })
        if !problems.isEmpty { throw InputProblems(problems, stoppedWhile: step) }
        let imported = SourceFile(path: file, name: JournalImportPaths.name(of: file), text: text)

        let outcome: JournalImport.Outcome
        do {
            outcome = try JournalImport(content: resources.content)
                .plan(imported, into: journal, existing: existing, keepBoth: keep == .both)
        } catch {
            throw InputProblems(error.diagnostics, stoppedWhile: step)
        }

        switch outcome {
        case .add(let path, let text):
            // The same file given twice is already in place.
            if Self.sameFile(path, file) {
                environment.output("\(file) is already your journal for its week; nothing to import.")
                return
            }
            try write(text, to: path, step: step) {
                // Checked again at the rename: never replace a journal.
                if fileSystem.fileExists(at: path) { throw FileSystemError.alreadyExists(path) }
            }
            environment.output("Added \(path), copied from \(file) as it is.\nNext: attune build \(path)")
        case .unchanged(let path):
            environment.output("\(path) already has every answer in \(file); nothing to import.")
        case .differs(_, let diagnostics, let keepBothHelps):
            var problems = InputProblems(diagnostics, stoppedWhile: step)
            if keepBothHelps {
                problems.summary += "\nTo keep both versions under each prompt, each clearly marked, run: attune import \(file)"
                    + (journal == "journal" ? "" : " --journal \(journal)") + " --keep both"
            }
            throw problems
        case .keepBoth(let path, let text, let prompts):
            try replace(path, with: text, existing: existing, identities: identities, step: step)
            environment.output("""
            Kept both versions of \(prompts.count) answer\(prompts.count == 1 ? "" : "s") in \(path) (\(prompts.joined(separator: ", "))), \
            each under a line starting 'Kept by attune import --keep both'.
            """)
        case .addToLog(let path, let text, let added):
            try replace(path, with: text, existing: existing, identities: identities, step: step)
            environment.output("Added to the rupture log in \(path), changing no line of it: " + added.joined(separator: "; ") + ".")
        }
        if let folderName = JournalImportPaths.folder(of: file), Self.samePath(folderName, journal) {
            environment.errors(Diagnostic.warning(
                "this file is inside \(journal)/, so 'attune build' will find two journals for its week; move it out of the folder",
                at: SourceLocation(path: file, line: 1, column: 1)
            ).description)
        }
    }

    /// Replaces the journal at `path`, as a compare-and-swap: the journal
    /// replaced is the one read, or nothing changes.
    private func replace(
        _ path: String, with text: String, existing: [SourceFile], identities: [String: FileIdentity?], step: String
    ) throws {
        let fileSystem = Environment.current.fileSystem
        guard let read = existing.first(where: { Self.samePath($0.path, path) }) else {
            throw InputProblems([.error("cannot find the journal this import merges into", at: SourceLocation(path: path, line: 1, column: 1))], stoppedWhile: step)
        }
        try write(text, to: path, step: step) {
            let now = try? fileSystem.readText(at: path)
            if now != read.text || fileSystem.identity(at: path) != identities[read.path] ?? nil {
                throw JournalChanged(path: path)
            }
        }
    }

    /// Writes `text` to `path` as one change (see `OutputWriter`); `check`
    /// runs at the moment of the rename, with everything staged.
    private func write(_ text: String, to path: String, step: String, check: () throws -> Void) throws {
        let fileSystem = Environment.current.fileSystem
        do {
            try OutputWriter(fileSystem: fileSystem).write(
                .file(FilePath(path), Data(text.utf8), permissions: .privateFile),
                inputs: OutputGuard.inputs([file, material.contentOverlay, material.templatesOverlay]), check: check)
        } catch let changed as JournalChanged {
            throw InputProblems([.error(changed.message, at: SourceLocation(path: path, line: 1, column: 1))], stoppedWhile: step)
        } catch {
            throw InputProblems(DiagnosticError(writing: error, at: path).diagnostics, stoppedWhile: step)
        }
    }

    /// The journal is not the one the import read: saved from an editor, or
    /// replaced, while the import ran.
    struct JournalChanged: Error {
        var path: String
        var message: String {
            "this journal changed while attune import was running (saved from an editor?), so the merged copy was not written and the journal is as you left it; run the import again"
        }
    }

    /// `journal/x.md` and `./journal//x.md` are the same file.
    static func samePath(_ a: String, _ b: String) -> Bool {
        (a as NSString).standardizingPath == (b as NSString).standardizingPath
    }

    /// The same path, or two names for one file (a symlink, a hard link).
    static func sameFile(_ a: String, _ b: String) -> Bool {
        if samePath(a, b) { return true }
        let fileSystem = Environment.current.fileSystem
        guard let first = fileSystem.identity(at: a) else { return false }
        return first == fileSystem.identity(at: b)
    }
}

/// A path's last part and its folder, without Foundation's URL helpers,
/// which behave differently for relative paths on Linux.
enum JournalImportPaths {
    static func name(of path: String) -> String {
        path.split(separator: "/").last.map(String.init) ?? path
    }

    static func folder(of path: String) -> String? {
        guard let slash = path.lastIndex(of: "/") else { return nil }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }
}
