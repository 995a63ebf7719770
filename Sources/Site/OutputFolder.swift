import Diagnostics
import Files
import Foundation
import Workbook
import struct SystemPackage.FilePath

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
        FilePath(self.path).appending(path.value).string
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

    /// Writes the site as a folder Attune owns (see `OutputWriter`): every
    /// file staged, then, in one change under the folder's lock, put in place,
    /// and the files the last build wrote and this one did not removed. A
    /// full disk while staging leaves the previous site whole. The marker is
    /// written first listing old and new files together, so that if the
    /// renames stop half-way (the machine fails), the next build still knows
    /// every file that is Attune's to replace or remove. Returns what was removed.
    func write(_ files: [SiteFile], fileSystem: FileSystem, inputs: [FilePath]) throws(DiagnosticError) -> [SitePath] {
        let outputs = files.map { OutputFile(FilePath($0.path.value), $0.bytes, permissions: Self.filePermissions) }
        do {
            let written = try OutputWriter(fileSystem: fileSystem).write(
                .ownedFolder(
                    FilePath(path), record: Self.record, files: outputs,
                    folderPermissions: Self.folderPermissions, recordPermissions: Self.filePermissions),
                inputs: inputs,
                // Again under the lock: another run may have changed the folder meanwhile.
                check: { () throws in _ = try Self.inspect(path, fileSystem: fileSystem) })
            return written.removed.map { SitePath($0.string) }
        } catch let error as DiagnosticError {
            throw error
        } catch OutputRefusal.notWrittenByAttune(let strangers) {
            throw DiagnosticError(strangers.map { stranger in
                .error(
                    "this file was not written by 'attune site' (\(Self.markerName) does not list it), so Attune will not replace it; move it away or choose another folder with --out",
                    at: SourceLocation(path: stranger.string, line: 1, column: 1))
            })
        } catch {
            throw DiagnosticError(writing: error, at: path)
        }
    }

    static let record = FolderRecord(name: markerName, command: "attune site")

    static func marker(listing paths: [SitePath]) -> String {
        record.text(listing: paths.map(\.value))
    }

    /// The marker's file list. A line that could reach outside the folder
    /// (`..`, an absolute path) is ignored, whoever wrote it.
    static func parseMarker(_ text: String) -> [SitePath] {
        record.parse(text).map(SitePath.init)
    }
}
