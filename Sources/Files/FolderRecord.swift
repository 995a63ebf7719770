import Foundation

/// The hidden file in an output folder listing every file a command wrote
/// there (`.attune-site`, `.attune-handouts`): the only files a later run of
/// that command may replace or remove. Anything else in the folder is the
/// user's, and a run that would replace it stops before changing anything.
package struct FolderRecord: Sendable {
    /// The record's file name, such as `.attune-handouts`.
    package let name: String
    /// The command, as the record's first line names it: `attune handouts`.
    package let command: String

    package init(name: String, command: String) {
        self.name = name
        self.command = command
    }

    /// The record listing `paths` (relative to the folder), sorted.
    package func text(listing paths: [String]) -> String {
        "# Made by '\(command)'. A rebuild may replace or remove the files listed here, and no others.\n"
            + Set(paths).sorted().map { $0 + "\n" }.joined()
    }

    /// The record's file list. A line that could reach outside the folder
    /// (`..`, an absolute path) is ignored, whoever wrote it.
    package func parse(_ text: String) -> [String] {
        text.split(separator: "\n").compactMap { line in
            let path = line.trimmingCharacters(in: .whitespaces)
            let parts = path.split(separator: "/", omittingEmptySubsequences: false)
            guard !path.isEmpty, !path.hasPrefix("#"), !path.contains("\\"), path != name,
                  parts.allSatisfy({ !$0.isEmpty && $0 != "." && $0 != ".." })
            else { return nil }
            return path
        }
    }

    /// What the folder's record lists; nil when the folder has none.
    package func read(in folder: String, fileSystem: FileSystem) throws -> [String]? {
        let path = OutputGuard.join(folder, name)
        guard fileSystem.fileExists(at: path) else { return nil }
        return parse(try fileSystem.readText(at: path))
    }

    /// The paths among `targets` where something already is in `folder`
    /// that `previous` (the record) does not list: not this command's to replace.
    package func strangers(_ targets: [String], previous: [String], in folder: String, fileSystem: FileSystem) -> [String] {
        let known = Set(previous)
        return targets.filter { target in
            let path = OutputGuard.join(folder, target)
            return !known.contains(target) && (fileSystem.fileExists(at: path) || fileSystem.directoryExists(at: path))
        }
    }
}
