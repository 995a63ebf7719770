import Diagnostics
import Files
import Foundation

/// The folder the site goes to, and the rule that keeps a user's files safe
/// in it.
///
/// Attune leaves a marker file, `.attune-site`, listing every file it wrote.
/// A rebuild removes the listed files the new site no longer has, and no
/// other file: a `CNAME` or a logo a user added next to the pages stays. A
/// folder without the marker that already holds files is not Attune's, and
/// Attune refuses to write into it at all.
struct OutputFolder: Sendable {
    static let markerName = ".attune-site"
    /// The site is made to be published: readable by the web server's user.
    static let filePermissions = FilePermissions(mode: 0o644)
    static let folderPermissions = FilePermissions(mode: 0o755)

    let path: String
    /// What the last `attune site` wrote here; empty for a new folder.
    let previous: [SitePath]

    var markerPath: String { file(SitePath(Self.markerName)) }

    func file(_ path: SitePath) -> String {
        (self.path.hasSuffix("/") ? self.path : self.path + "/") + path.value
    }

    /// Reads the folder's marker, or makes sure the folder is new or empty.
    static func inspect(_ path: String, fileSystem: FileSystem) throws(DiagnosticError) -> OutputFolder {
        let here = SourceLocation(path: path, line: 1, column: 1)
        if fileSystem.fileExists(at: path) {
            throw DiagnosticError([.error("is a file; the site needs a folder (choose one with --out)", at: here)])
        }
        guard fileSystem.directoryExists(at: path) else { return OutputFolder(path: path, previous: []) }
        let folder = OutputFolder(path: path, previous: [])
        if fileSystem.fileExists(at: folder.markerPath) {
            do {
                return OutputFolder(path: path, previous: parseMarker(try fileSystem.readText(at: folder.markerPath)))
            } catch {
                throw DiagnosticError([.error("cannot be read: \(error)", at: SourceLocation(path: folder.markerPath, line: 1, column: 1))])
            }
        }
        let existing = (try? fileSystem.files(under: path)) ?? []
        if let first = existing.first {
            throw DiagnosticError([.error(
                "this folder already has files in it (such as '\(first)') and was not made by 'attune site' (it has no \(markerName) file); "
                    + "Attune never overwrites or removes files it did not write, so choose a new or empty folder with --out",
                at: here)])
        }
        return folder
    }

    /// Writes every file, then removes the ones the last build wrote and
    /// this one did not. Returns what was removed.
    ///
    /// The marker is written first listing old and new files together, so
    /// that if writing stops half-way, the next build still knows every file
    /// that is Attune's to replace or remove.
    func write(_ files: [SiteFile], fileSystem: FileSystem) throws(DiagnosticError) -> [SitePath] {
        let paths = files.map(\.path)
        let stale = previous.filter { !paths.contains($0) }
        var current = path
        do {
            try fileSystem.createDirectory(at: path, permissions: Self.folderPermissions)
            for folder in Set(paths.flatMap(\.folders)).sorted() {
                current = file(SitePath(folder))
                try fileSystem.createDirectory(at: current, permissions: Self.folderPermissions)
            }
            current = markerPath
            try fileSystem.writeAtomically(Self.marker(listing: paths + stale), to: current, permissions: Self.filePermissions)
            for site in files {
                current = file(site.path)
                try fileSystem.writeAtomically(site.text, to: current, permissions: Self.filePermissions)
            }
            for old in stale where fileSystem.fileExists(at: file(old)) {
                current = file(old)
                try fileSystem.removeFile(at: current)
            }
            current = markerPath
            try fileSystem.writeAtomically(Self.marker(listing: paths), to: current, permissions: Self.filePermissions)
        } catch {
            throw DiagnosticError([.error("cannot write: \(error)", at: SourceLocation(path: current, line: 1, column: 1))])
        }
        return stale
    }

    static func marker(listing paths: [SitePath]) -> String {
        "# Made by 'attune site'. A rebuild may replace or remove the files listed here, and no others.\n"
            + Set(paths).sorted().map { $0.value + "\n" }.joined()
    }

    /// The marker's file list. A line that could reach outside the folder
    /// (`..`, an absolute path) is ignored, whoever wrote it.
    static func parseMarker(_ text: String) -> [SitePath] {
        text.split(separator: "\n").compactMap { line in
            let path = line.trimmingCharacters(in: .whitespaces)
            let parts = path.split(separator: "/", omittingEmptySubsequences: false)
            guard !path.isEmpty, !path.hasPrefix("#"), !path.contains("\\"), path != markerName,
                  parts.allSatisfy({ !$0.isEmpty && $0 != "." && $0 != ".." })
            else { return nil }
            return SitePath(path)
        }
    }
}
