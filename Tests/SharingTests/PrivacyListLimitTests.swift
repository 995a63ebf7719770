import Diagnostics
import Files
import Sharing
import Testing

@Suite("Privacy list size limits")
struct PrivacyListLimitTests {
    /// A names list of exactly `size` bytes: one name per line.
    static func list(size: Int) -> String {
        let lines = (0..<200_000).map { "Name\($0)\n" }.joined()
        return String(lines.utf8.prefix(size - 1))! + "\n"
    }

    @Test("a names or allow list of exactly 1 MiB is read; one byte more is refused before any line is read")
    func listSize() throws {
        let exact = Self.list(size: InputLimits.listBytes)
        #expect(exact.utf8.count == 1_048_576)
        _ = try PrivacyGuard.loadRules(fileSystem: InMemoryFileSystem(files: [".attune/names.txt": exact, ".attune/allow.txt": exact]))
        let error = try #require(throws: DiagnosticError.self) {
            try PrivacyGuard.loadRules(fileSystem: InMemoryFileSystem(files: [".attune/names.txt": exact + "x", ".attune/allow.txt": exact + "y"]))
        }
        #expect(error.diagnostics.map(\.description) == [
            ".attune/names.txt:1:1: error: this list is 1.0 MiB, over Attune's limit of 1 MiB",
            ".attune/allow.txt:1:1: error: this list is 1.0 MiB, over Attune's limit of 1 MiB",
        ])
    }
}
