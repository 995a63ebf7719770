import Diagnostics
import Files
import Foundation
import Journal
import Rendering

import struct SystemPackage.FilePath

/// What `attune import` is asked to do.
package struct ImportRequest: Sendable {
    /// The journal file to import.
    package var file: String
    package var journalFolder: String
    /// `--keep both`.
    package var keepBoth: Bool
    /// Overlays: inputs no journal may be written over.
    package var contentOverlay: String?
    package var templatesOverlay: String?

    package init(file: String, journalFolder: String, keepBoth: Bool = false, contentOverlay: String? = nil, templatesOverlay: String? = nil) {
        self.file = file
        self.journalFolder = journalFolder
        self.keepBoth = keepBoth
        self.contentOverlay = contentOverlay
        self.templatesOverlay = templatesOverlay
    }
}

/// Why an import wrote nothing.
package enum ImportError: Error, Sendable, Equatable {
    /// Problems in the file, the folder or the write, each at its place.
    case problems([Diagnostic])
    /// Answers differ from the journal's: each difference with both
    /// versions. `keepBothHelps` when `--keep both` would merge them all.
    case differs([Diagnostic], keepBothHelps: Bool)
}

/// `attune import`'s front end: reads the file and the folder, plans with
/// `JournalImport`, and writes what the plan says, never over a journal it
/// did not read (see `JournalImport` for the rule).
package struct JournalImporter: Sendable {
    package let resources: Resources
    package let fileSystem: FileSystem

    package init(resources: Resources, fileSystem: FileSystem) {
        self.resources = resources
        self.fileSystem = fileSystem
    }

    /// What became of the file.
    package enum Done: Sendable, Equatable {
        /// The file given is itself the folder's journal for its week.
        case alreadyInPlace
        case added(path: String)
        case unchanged(path: String)
        case keptBoth(path: String, prompts: [String])
        case addedToLog(path: String, added: [String])
    }

    package struct Report: Sendable {
        package var done: Done
        /// Said after the outcome: the file sits inside the journal folder.
        package var warnings: [Diagnostic]
    }

    package func run(_ request: ImportRequest) throws(ImportError) -> Report {
        let file = request.file
        let text: String
        do {
            text = try fileSystem.readText(at: file)
        } catch {
            throw .problems([.unreadable(file, error)])
        }
        var problems: [Diagnostic] = []
        let existing = JournalReader(fileSystem: fileSystem, content: resources.content)
            .files(in: request.journalFolder, problems: &problems).filter { !sameFile($0.path, file) }
        // What each journal was when read, for the check at the rename.
        let identities = Dictionary(existing.map { ($0.path, fileSystem.identity(at: $0.path)) }, uniquingKeysWith: { first, _ in first })
        if !problems.isEmpty { throw .problems(problems) }
        let imported = SourceFile(path: file, name: Self.name(of: file), text: text)

        let outcome: JournalImport.Outcome
        do {
            outcome = try JournalImport(content: resources.content)
                .plan(imported, into: request.journalFolder, existing: existing, keepBoth: request.keepBoth)
        } catch {
            throw .problems(error.diagnostics)
        }
        let done: Done
        switch outcome {
        case .add(let path, let text):
            // The same file given twice is already in place.
            if sameFile(path, file) { return Report(done: .alreadyInPlace, warnings: []) }
            try write(text, to: path, request: request) {
                // Checked again at the rename: never replace a journal.
                if fileSystem.fileExists(at: path) { throw FileSystemError.alreadyExists(path) }
            }
            done = .added(path: path)
        case .unchanged(let path):
            done = .unchanged(path: path)
        case .differs(_, let diagnostics, let keepBothHelps):
            throw .differs(diagnostics, keepBothHelps: keepBothHelps)
        case .keepBoth(let path, let text, let prompts):
            try replace(path, with: text, existing: existing, identities: identities, request: request)
            done = .keptBoth(path: path, prompts: prompts)
        case .addToLog(let path, let text, let added):
            try replace(path, with: text, existing: existing, identities: identities, request: request)
            done = .addedToLog(path: path, added: added)
        }
        var warnings: [Diagnostic] = []
        if let folder = Self.folder(of: file), Self.samePath(folder, request.journalFolder) {
            warnings.append(
                .warning(
                    "this file is inside \(request.journalFolder)/, so 'attune build' will find two journals for its week; move it out of the folder",
                    at: SourceLocation(path: file, line: 1, column: 1)))
        }
        return Report(done: done, warnings: warnings)
    }

    /// Replaces the journal at `path`, as a compare-and-swap: the journal
    /// replaced is the one read, or nothing changes.
    private func replace(
        _ path: String, with text: String, existing: [SourceFile], identities: [String: FileIdentity?], request: ImportRequest
    ) throws(ImportError) {
        guard let read = existing.first(where: { Self.samePath($0.path, path) }) else {
            throw .problems([.error("cannot find the journal this import merges into", at: SourceLocation(path: path, line: 1, column: 1))])
        }
        try write(text, to: path, request: request) {
            let now = try? fileSystem.readText(at: path)
            if now != read.text || fileSystem.identity(at: path) != identities[read.path] ?? nil {
                throw JournalChanged()
            }
        }
    }

    /// Writes `text` to `path` as one change (see `OutputRun`); `check`
    /// runs at the moment of the rename, with everything staged.
    private func write(_ text: String, to path: String, request: ImportRequest, check: () throws -> Void) throws(ImportError) {
        do {
            try OutputWriter(fileSystem: fileSystem).write(
                .file(FilePath(path), Data(text.utf8), permissions: .privateFile),
                inputs: OutputGuard.inputs([request.file, request.contentOverlay, request.templatesOverlay]), check: check)
        } catch is JournalChanged {
            throw .problems([.error(JournalChanged.message, at: SourceLocation(path: path, line: 1, column: 1))])
        } catch {
            throw .problems(DiagnosticError(writing: error, at: path).diagnostics)
        }
    }

    /// The journal is not the one the import read: saved from an editor, or
    /// replaced, while the import ran.
    struct JournalChanged: Error {
        static let message =
            "this journal changed while attune import was running (saved from an editor?), so the merged copy was not written and the journal is as you left it; run the import again"
    }

    /// `journal/x.md` and `./journal//x.md` are the same file.
    static func samePath(_ a: String, _ b: String) -> Bool {
        (a as NSString).standardizingPath == (b as NSString).standardizingPath
    }

    /// The same path, or two names for one file (a symlink, a hard link).
    func sameFile(_ a: String, _ b: String) -> Bool {
        if Self.samePath(a, b) { return true }
        guard let first = fileSystem.identity(at: a) else { return false }
        return first == fileSystem.identity(at: b)
    }

    /// A path's last part, without Foundation's URL helpers, which behave
    /// differently for relative paths on Linux.
    static func name(of path: String) -> String {
        path.split(separator: "/").last.map(String.init) ?? path
    }

    /// A path's folder, or `nil` for a bare name.
    static func folder(of path: String) -> String? {
        guard let slash = path.lastIndex(of: "/") else { return nil }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }
}
