import ContentModel
import Diagnostics
import Files
import Foundation
import Journal
import Testing

/// A journal for `week` by `therapist`, on the focus `attune new` gives it.
func journalText(_ week: String, therapist: String = "Sam Rivera", log: String = "") -> String {
    """
    ---
    therapist: "\(therapist)"
    week: \(week)
    focus: when-therapy-is-questioned
    ---

    # \(week) · When the therapy itself is questioned
    \(log)
    """
}

@Suite("Reading a journal folder")
struct JournalReaderTests {
    let content: ContentModel

    init() throws {
        content = try TestJournal.content()
    }

    func reader(_ files: [String: String]) -> JournalReader {
        JournalReader(fileSystem: InMemoryFileSystem(files: files), content: content)
    }

    @Test("reads files as given and folders as every .md file under them, in name order, the rest left alone")
    func expandsFolders() throws {
        let reader = reader([
            "journal/2026-W47.md": journalText("2026-W47"), "journal/2025/2026-W46.md": journalText("2026-W46"),
            "journal/notes.txt": "not a journal", "journal/course.yaml": "start: 2026-10-05\n", "loose.md": journalText("2026-W45"),
        ])
        let journals = try reader.read(["journal", "loose.md"])
        #expect(journals.map(\.path) == ["journal/2025/2026-W46.md", "journal/2026-W47.md", "loose.md"])
        #expect(journals.map(\.week.description) == ["2026-W46", "2026-W47", "2026-W45"])
    }

    @Test("reports every problem in one run: a missing path, an empty folder, a journal that does not parse")
    func everyProblem() throws {
        let reader = reader(["empty/notes.txt": "", "journal/2026-W47.md": "no front matter"])
        let error = try #require(throws: DiagnosticError.self) { try reader.read(["nope.md", "empty", "journal"]) }
        let lines = error.diagnostics.map(\.description)
        #expect(lines.count == 3)
        #expect(lines[0] == "nope.md:1:1: error: no such file or folder")
        #expect(lines[1] == "empty:1:1: error: no journals (.md files) in this folder")
        #expect(lines[2].hasPrefix("journal/2026-W47.md:1:1: error: "))
    }

    @Test("a second journal for a week is an error for a build, and fine for a check")
    func oneJournalPerWeek() throws {
        let reader = reader(["a.md": journalText("2026-W47"), "b.md": journalText("2026-W47")])
        let error = try #require(throws: DiagnosticError.self) { try reader.read(["a.md", "b.md"]) }
        #expect(
            error.diagnostics.map(\.description) == [
                "b.md:3:7: error: a second journal for 2026-W47 (the first is a.md); both would write the same workbook"
            ])
        #expect(try reader.read(["a.md", "b.md"], oneJournalPerWeek: false).count == 2)
    }

    @Test("a file that is not UTF-8 is reported at the first bad byte")
    func notUTF8() throws {
        let files = InMemoryFileSystem(files: ["journal/2026-W47.md": ""])
        try files.writeAtomically(Data([0x2D, 0x2D, 0x2D, 0x0A, 0xFF]), to: "journal/2026-W47.md", permissions: .privateFile)
        let error = try #require(throws: DiagnosticError.self) {
            try JournalReader(fileSystem: files, content: content).read(["journal"])
        }
        #expect(error.diagnostics.map(\.description) == ["journal/2026-W47.md:2:1: error: not UTF-8 text; save the file as UTF-8"])
    }

    @Test("reading leniently keeps what parses, names what does not, and takes a missing folder as empty")
    func lenient() {
        let reader = reader(["journal/2026-W46.md": "broken", "journal/2026-W47.md": journalText("2026-W47")])
        let read = reader.readLeniently(["journal"])
        #expect(read.journals.map(\.path) == ["journal/2026-W47.md"])
        #expect(read.unreadable == ["journal/2026-W46.md"])
        let none = reader.readLeniently(["elsewhere"])
        #expect(none.journals.isEmpty && none.unreadable.isEmpty)
    }

    @Test("lists a folder's .md files named relative to it, and parses those that parse, oldest name first")
    func filesAndParsed() {
        let reader = reader([
            "journal/2026-W46.md": journalText("2026-W46", therapist: "Old Name"), "journal/2026-W47.md": "broken",
            "journal/2026-W45.md": journalText("2026-W45"), "journal/notes.txt": "x",
        ])
        var problems: [Diagnostic] = []
        let files = reader.files(in: "journal/", problems: &problems)
        #expect(problems.isEmpty)
        #expect(files.map(\.path) == ["journal/2026-W45.md", "journal/2026-W46.md", "journal/2026-W47.md"])
        #expect(files.map(\.name) == ["2026-W45.md", "2026-W46.md", "2026-W47.md"])
        #expect(reader.parsed(in: "journal").map(\.journal.therapist) == ["Sam Rivera", "Old Name"])
        #expect(reader.files(in: "nowhere", problems: &problems).isEmpty && problems.isEmpty)
    }
}
