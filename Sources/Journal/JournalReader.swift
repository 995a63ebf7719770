import ContentModel
import Diagnostics
import Files

/// Finds, reads and parses journals: the one reader every command uses, so
/// `build`, `check`, `trends`, `new`, `form` and `import` agree on what a
/// journal folder holds (every `.md` file under it, in name order, hidden
/// files left out) and on how an unreadable file is reported.
package struct JournalReader: Sendable {
    package let fileSystem: FileSystem
    package let content: ContentModel

    package init(fileSystem: FileSystem, content: ContentModel) {
        self.fileSystem = fileSystem
        self.content = content
    }

    /// Files as given, folders as every `.md` inside; every problem in every
    /// journal is collected before this throws.
    ///
    /// With `oneJournalPerWeek` (a build, whose outputs are named by week),
    /// a second journal for a week is an error; checking needs no such rule.
    package func read(_ inputs: [String], oneJournalPerWeek: Bool = true) throws(DiagnosticError) -> [Journal] {
        var diagnostics: [Diagnostic] = []
        var journals: [Journal] = []
        var weeks: [ISOWeek: String] = [:]
        let parser = JournalParser(content: content)
        for path in expand(inputs, diagnostics: &diagnostics) {
            do {
                let file = SourceFile(path: path, name: path, text: try fileSystem.readText(at: path))
                let journal = try parser.parse(file)
                if oneJournalPerWeek, let first = weeks[journal.week] {
                    diagnostics.append(
                        .error(
                            "a second journal for \(journal.week) (the first is \(first)); both would write the same workbook",
                            at: journal.weekLocation
                        ))
                    continue
                }
                weeks[journal.week] = path
                journals.append(journal)
            } catch let error as DiagnosticError {
                diagnostics += error.diagnostics
            } catch {
                diagnostics.append(.unreadable(path, error))
            }
        }
        if diagnostics.hasErrors { throw DiagnosticError(diagnostics) }
        return journals
    }

    /// Every journal path the inputs name, in a stable order.
    package func expand(_ inputs: [String], diagnostics: inout [Diagnostic]) -> [String] {
        var paths: [String] = []
        for input in inputs {
            if fileSystem.directoryExists(at: input) {
                let names = journalNames(in: input)
                if names.isEmpty {
                    diagnostics.append(.error("no journals (.md files) in this folder", at: SourceLocation(path: input, line: 1, column: 1)))
                }
                paths += names.map { Self.join(input, $0) }
            } else if fileSystem.fileExists(at: input) {
                paths.append(input)
            } else {
                diagnostics.append(.error("no such file or folder", at: SourceLocation(path: input, line: 1, column: 1)))
            }
        }
        return paths
    }

    /// Every journal in `inputs` that parses, and the paths of those that
    /// do not, for a command that reads old journals without judging them
    /// (`attune new` carrying open ruptures forward). Missing folders are
    /// simply empty.
    package func readLeniently(_ inputs: [String]) -> (journals: [Journal], unreadable: [String]) {
        var ignored: [Diagnostic] = []
        let parser = JournalParser(content: content)
        var journals: [Journal] = []
        var unreadable: [String] = []
        for path in expand(inputs.filter { fileSystem.directoryExists(at: $0) || fileSystem.fileExists(at: $0) }, diagnostics: &ignored) {
            do {
                let file = SourceFile(path: path, name: path, text: try fileSystem.readText(at: path))
                journals.append(try parser.parse(file))
            } catch {
                unreadable.append(path)
            }
        }
        return (journals, unreadable)
    }

    /// Every `.md` file in `folder` as text, named relative to it; a file
    /// that cannot be read is a problem. No folder is no files: the first
    /// week has none yet.
    package func files(in folder: String, problems: inout [Diagnostic]) -> [SourceFile] {
        var files: [SourceFile] = []
        for name in journalNames(in: folder) {
            let path = Self.join(folder, name)
            do {
                files.append(SourceFile(path: path, name: name, text: try fileSystem.readText(at: path)))
            } catch {
                problems.append(.unreadable(path, error))
            }
        }
        return files
    }

    /// The journals in `folder` that parse, oldest name first, with their
    /// files. One that does not parse is left out here: `attune build` and
    /// `check` report it.
    package func parsed(in folder: String) -> [(file: SourceFile, journal: Journal)] {
        var ignored: [Diagnostic] = []
        let parser = JournalParser(content: content)
        return files(in: folder, problems: &ignored).compactMap { file in
            (try? parser.parse(file)).map { (file, $0) }
        }
    }

    /// The names of the `.md` files under `folder`, relative to it and
    /// sorted; none when it is not a folder.
    func journalNames(in folder: String) -> [String] {
        guard fileSystem.directoryExists(at: folder), let names = try? fileSystem.files(under: folder) else { return [] }
        return names.filter { $0.hasSuffix(".md") }
    }

    /// `folder/name`, whether or not the folder was given with its slash.
    static func join(_ folder: String, _ name: String) -> String {
        (folder.hasSuffix("/") ? folder : folder + "/") + name
    }
}
