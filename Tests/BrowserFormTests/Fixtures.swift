import ContentModel
import Diagnostics
import Files
import Journal
import Rendering

/// The bundled content and templates, loaded once, and small helpers.
enum Fixtures {
    private static let loaded = Result<Resources, DiagnosticError> { () throws(DiagnosticError) in
        try Resources.load(fileSystem: InMemoryFileSystem())
    }

    static func resources() throws -> Resources { try loaded.get() }
    static func content() throws -> ContentModel { try resources().content }

    static let week = ISOWeek(year: 2026, week: 47)!
    static let focusID = "when-therapy-is-questioned"

    static func focus(_ id: String = focusID) throws -> Week {
        guard let week = try content().week(id) else { throw DiagnosticError([]) }
        return week
    }

    static func layout(therapist: String = "Sam Rivera", focus id: String = focusID) throws -> JournalLayout {
        JournalScaffold.layout(therapist: therapist, week: week, focus: try focus(id), content: try content())
    }

    static func parse(_ text: String, path: String = "journal/2026-W47.md") throws -> Journal {
        try JournalParser(content: try content()).parse(SourceFile(path: path, name: path, text: text))
    }

    /// What a therapist gets by opening `attune new`'s file in an editor and
    /// typing each answer on the empty line two below its prompt's hint (or
    /// heading): the reference the browser's download must equal.
    static func typedIntoScaffold(_ scaffold: String, _ answers: [String: String]) -> String {
        var lines = scaffold.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        for (id, answer) in answers {
            var line = lines.firstIndex(of: "<!-- prompt: \(id) -->")! + 2  // after the heading
            if lines[line].isEmpty, lines[line + 1].hasPrefix("<!--") {
                line += 1
                while !lines[line].contains("-->") { line += 1 }
                line += 1
            }
            precondition(lines[line].isEmpty && lines[line + 1].isEmpty, "no empty line to type on under \(id)")
            lines[line + 1] = answer
        }
        return lines.joined(separator: "\n")
    }

    /// What `body` reports, as the user sees it (`path:line:column: error:`
    /// lines); empty if it succeeds.
    static func problems<Result>(_ body: () throws -> Result) -> [String] {
        do {
            _ = try body()
            return []
        } catch let error as DiagnosticError {
            return error.diagnostics.map(\.description)
        } catch {
            return ["\(error)"]
        }
    }
}
