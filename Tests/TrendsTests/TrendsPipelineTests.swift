import ContentModel
import Diagnostics
import Files
import Foundation
import Testing
import Trends

private let twoWeeks = [
    "journal/2026-W46.md": Fixtures.journal("2026-W46", entries: [Fixtures.entry("Harbour", resolution: 2)]),
    "journal/2026-W47.md": Fixtures.journal("2026-W47", entries: [Fixtures.entry("Kestrel", resolution: 4)]),
]

@Suite("attune trends, as a pipeline")
struct TrendsPipelineTests {
    @Test("writes trends.html and trends.md, owner-only, and says what it covered")
    func writes() throws {
        let (report, fileSystem) = try Fixtures.run(twoWeeks)
        #expect(report.written == ["out/trends.html", "out/trends.md"])
        #expect((report.first.description, report.last.description, report.journals, report.ruptures) == ("2026-W46", "2026-W47", 2, 2))
        #expect(fileSystem.permissions(at: "out/trends.html") == .privateFile)
        #expect(fileSystem.permissions(at: "out/trends.md") == .privateFile)
        let markdown = try fileSystem.readText(at: "out/trends.md")
        #expect(markdown.hasPrefix("# Rupture and repair trends\n\n- **Therapist:** Sam Rivera\n- **Weeks:** 2026-W46 to 2026-W47\n- **Read:** 2 journals, 2 ruptures logged\n"))
    }

    @Test("reports every problem in every journal, and writes nothing")
    func journalErrors() throws {
        var files = twoWeeks
        files["journal/2026-W45.md"] = Fixtures.journal("2026-W45", entries: [Fixtures.entry("Wren", markers: "[marker-denail]", tension: 9)])
        let fileSystem = InMemoryFileSystem(files: files)
        do {
            _ = try TrendsPipeline(fileSystem: fileSystem).run(TrendsRequest())
            Issue.record("expected the run to fail")
        } catch {
            #expect(error.step == .readJournals)
            #expect(error.diagnostics.map(\.description) == [
                "journal/2026-W45.md:12:11: error: unknown marker 'marker-denail'; did you mean 'marker-denial'?",
                "journal/2026-W45.md:13:10: error: 'tension' is a whole number from 1 to 5, not '9'",
            ])
        }
        #expect(fileSystem.snapshot.keys.sorted() == files.keys.sorted())
    }

    @Test("refuses a missing folder, a file, and a folder with no journals", arguments: [
        ([:], "journal:1:1: error: no such folder"),
        (["journal": "not a folder"], "journal:1:1: error: this is a file; 'attune trends' reads a folder of journals"),
        (["journal/notes.txt": "hello"], "journal:1:1: error: no journals (.md files) in this folder"),
    ] as [([String: String], String)])
    func badFolder(files: [String: String], message: String) throws {
        do {
            _ = try Fixtures.run(files)
            Issue.record("expected the run to fail")
        } catch {
            #expect(error.diagnostics.map(\.description) == [message])
        }
    }

    @Test("reports a week range with no journal in it at the folder")
    func emptyRange() throws {
        do {
            _ = try Fixtures.run(twoWeeks, request: TrendsRequest(since: parsedWeek("2027-W01")))
            Issue.record("expected the run to fail")
        } catch {
            #expect(error.step == .analyse)
            #expect(error.diagnostics.map(\.description) == [
                "journal:1:1: error: no weeks between 2027-W01 and 2026-W47: the journals here cover 2026-W46 to 2026-W47",
            ])
        }
    }

    @Test("says so when no rupture was logged, and still lists what is missing")
    func noRuptures() throws {
        let (_, fileSystem) = try Fixtures.run(["journal/2026-W47.md": Fixtures.journal("2026-W47")])
        let markdown = try fileSystem.readText(at: "out/trends.md")
        #expect(markdown.contains("\nNo ruptures were logged between 2026-W47 and 2026-W47. Log them in each journal's '## Rupture log' section and they will show here.\n"))
        #expect(!markdown.contains("## At a glance"))
        #expect(markdown.contains("## Prompts never answered"))
        let html = try fileSystem.readText(at: "out/trends.html")
        #expect(!html.contains("<svg"))
    }

    @Test("is byte-identical when run twice")
    func deterministic() throws {
        let first = try Fixtures.run(Fixtures.exampleYear).fileSystem.snapshot
        let second = try Fixtures.run(Fixtures.exampleYear).fileSystem.snapshot
        #expect(first == second)
    }
}

/// `ISOWeek("…")!`, named for reading in a request.
private func parsedWeek(_ text: String) -> ISOWeek { ISOWeek(text)! }
