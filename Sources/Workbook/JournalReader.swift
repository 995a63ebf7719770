import ContentModel
import Diagnostics
import Files
import Journal

/// Finds and parses journals: files as given, folders as every `.md` inside.
public struct JournalReader: Sendable {
    public let fileSystem: FileSystem
    public let content: ContentModel

    public init(fileSystem: FileSystem, content: ContentModel) {
        self.fileSystem = fileSystem
        self.content = content
    }

    /// With `oneJournalPerWeek` (a build, whose outputs are named by week),
    /// a second journal for a week is an error; checking needs no such rule.
    public func read(_ inputs: [String], oneJournalPerWeek: Bool = true) throws(DiagnosticError) -> [Journal] {
        var diagnostics: [Diagnostic] = []
        var journals: [Journal] = []
        var weeks: [ISOWeek: String] = [:]
        let parser = JournalParser(content: content)
        for path in expand(inputs, diagnostics: &diagnostics) {
            do {
                let file = SourceFile(path: path, name: path, text: try fileSystem.readText(at: path))
                let journal = try parser.parse(file)
                if oneJournalPerWeek, let first = weeks[journal.week] {
                    diagnostics.append(.error(
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
    public func expand(_ inputs: [String], diagnostics: inout [Diagnostic]) -> [String] {
        var paths: [String] = []
        for input in inputs {
            if fileSystem.directoryExists(at: input) {
                let files = ((try? fileSystem.files(under: input)) ?? []).filter { $0.hasSuffix(".md") }
                if files.isEmpty {
                    diagnostics.append(.error("no journals (.md files) in this folder", at: SourceLocation(path: input, line: 1, column: 1)))
                }
                paths += files.map { (input.hasSuffix("/") ? input : input + "/") + $0 }
            } else if fileSystem.fileExists(at: input) {
                paths.append(input)
            } else {
                diagnostics.append(.error("no such file or folder", at: SourceLocation(path: input, line: 1, column: 1)))
            }
        }
        return paths
    }
}
