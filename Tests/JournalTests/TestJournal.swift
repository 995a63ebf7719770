import Bundled
import ContentModel
import Diagnostics
import Journal
import Testing

/// Journals for tests, parsed in memory against the bundled content.
enum TestJournal {
    static var bundledFiles: [SourceFile] {
        BundledFiles.content.files.map { SourceFile(path: "Content/\($0.path)", name: $0.path, text: $0.text) }
    }

    private static let loaded = Result<ContentModel, any Error> { try ContentLoader.load(layers: [bundledFiles]) }

    static func content() throws -> ContentModel { try loaded.get() }

    static let path = "journal/2026-W47.md"

    /// Front matter for the week 2026-W47, focus `when-therapy-is-questioned`,
    /// and its title: lines 1 to 7, so a body starts on line 8.
    static let header = """
    ---
    therapist: "Sam Rivera"
    week: 2026-W47
    focus: when-therapy-is-questioned
    ---

    # 2026-W47 · When the therapy itself is questioned

    """

    static func parse(_ text: String, content: ContentModel? = nil) throws -> Journal {
        let content = try content ?? Self.content()
        return try JournalParser(content: content).parse(SourceFile(path: path, name: "2026-W47.md", text: text))
    }

    /// Every diagnostic parsing `text` reports, as the user sees it.
    static func diagnostics(_ text: String) throws -> [String] {
        let parser = JournalParser(content: try content())
        do {
            _ = try parser.parse(SourceFile(path: path, name: "2026-W47.md", text: text))
            Issue.record("expected the journal to be rejected")
            return []
        } catch {
            return error.diagnostics.map(\.description)
        }
    }
}
