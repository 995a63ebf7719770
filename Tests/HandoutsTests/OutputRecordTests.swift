import Files
import Foundation
import Handouts
import Rendering
import Testing

/// `.attune-handouts`: what a run wrote in its folder, and so the only files
/// a later run may replace or remove.
@Suite("The handouts folder's record")
struct OutputRecordTests {
    static let twoTrainees = Fixtures.yaml("  - name: Ana\n  - name: Ben")
    static let oneTrainee = Fixtures.yaml("  - name: Ana")

    func run(_ fileSystem: InMemoryFileSystem, roster: String, formats: [OutputFormat] = OutputFormat.defaults) throws {
        try fileSystem.createDirectory(at: "cohort", permissions: .privateDirectory)
        try fileSystem.writeAtomically(roster, to: "cohort/roster.yaml")
        _ = try HandoutsPipeline(fileSystem: fileSystem, policy: .screening).run(HandoutsRequest(
            roster: "cohort/roster.yaml", overrides: Fixtures.overrides, outputDirectory: "out", formats: formats, workers: 2))
    }

    @Test("lists every file the run wrote, sorted, under a line saying what it is")
    func listsFiles() throws {
        let fileSystem = InMemoryFileSystem()
        try run(fileSystem, roster: Self.twoTrainees)
        let record = try fileSystem.readText(at: "out/.attune-handouts")
        #expect(record == """
            # Made by 'attune handouts'. A rebuild may replace or remove the files listed here, and no others.
            all.html
            ana.html
            ana.md
            ben.html
            ben.md
            index.html
            manifest.json

            """)
    }

    @Test("a rerun removes the files of a trainee no longer on the roster, and of a format no longer asked for")
    func removesStale() throws {
        let fileSystem = InMemoryFileSystem()
        try run(fileSystem, roster: Self.twoTrainees)
        try fileSystem.writeAtomically("the supervisor's own notes", to: "out/notes.txt")
        try run(fileSystem, roster: Self.oneTrainee, formats: [.html])
        #expect(Fixtures.outputs(fileSystem).keys.sorted() == ["all.html", "ana.html", "index.html", "manifest.json", "notes.txt"])
        #expect(try fileSystem.readText(at: "out/notes.txt") == "the supervisor's own notes")
        #expect(try fileSystem.readText(at: "out/.attune-handouts").hasSuffix("\nall.html\nana.html\nindex.html\nmanifest.json\n"))
    }

    @Test("refuses to replace a file it did not write (a user's own index.html, a handout from an unrecorded folder), naming each, nothing changed")
    func refusesStrangers() throws {
        for files in [
            ["out/index.html": "my own home page"],
            ["out/index.html": "my own home page", "out/ben.md": "not from Attune", "out/.attune-handouts": "ana.html\n"],
        ] {
            let fileSystem = InMemoryFileSystem(files: files)
            let error = try #require(throws: HandoutsError.self) { try run(fileSystem, roster: Self.twoTrainees) }
            #expect(error.step == .write)
            let named = files.keys.filter { !$0.hasSuffix(".attune-handouts") }.sorted()
            #expect(error.diagnostics.map { $0.location.path }.sorted() == named)
            #expect(error.diagnostics.allSatisfy { $0.message.contains("was not written by 'attune handouts'") && $0.message.contains("nothing was changed") })
            var expected = files
            expected["cohort/roster.yaml"] = Self.twoTrainees
            #expect(fileSystem.snapshot == expected)
        }
    }

    @Test("a record line that reaches outside the folder is ignored: the file there is never removed")
    func hostileRecord() throws {
        let fileSystem = InMemoryFileSystem(files: [
            "out/.attune-handouts": "../precious.txt\n/precious.txt\nana.html\n",
            "precious.txt": "keep",
        ])
        try run(fileSystem, roster: Self.oneTrainee)
        #expect(try fileSystem.readText(at: "precious.txt") == "keep")
    }
}
