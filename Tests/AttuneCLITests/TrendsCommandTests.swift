import Foundation
import TestSupport
import Testing

private let harbour = "client: Harbour\nmarkers: [marker-complaints-about-progress]\nrepairs: [practice-pause-breathe]\ntension: 4\nresolution: 2"
private let kestrel = "client: Kestrel\nmarkers: [marker-minimal-response]\ntension: 2\nresolution: 4"

/// The example year in `Examples/journal-year`, under `journal/`.
private var exampleYear: [String: String] {
    let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Examples/journal-year")
    let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
    return Dictionary(uniqueKeysWithValues: names.filter { $0.hasSuffix(".md") }.map { name in
        ("journal/\(name)", (try? String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)) ?? "")
    })
}

@Suite("attune trends")
struct TrendsCommandTests {
    @Test("reads journal/ by default, writes out/trends.html and out/trends.md, and says what it covered")
    func defaults() throws {
        let cli = CLIHarness(files: [
            "journal/2026-W46.md": ruptureJournalText("2026-W46", [harbour]),
            "journal/2026-W47.md": ruptureJournalText("2026-W47", [kestrel]),
        ])
        #expect(cli.run("trends") == 0)
        #expect(cli.stdout == """
        Wrote out/trends.html
        Wrote out/trends.md
        2026-W46 to 2026-W47: 2 journals, 2 ruptures logged.
        """)
        #expect(try cli.fileSystem.readText(at: "out/trends.md").contains("| Harbour | 2026-W46 | Confrontation |"))
    }

    @Test("takes a folder, --out, --since and --until")
    func options() throws {
        let cli = CLIHarness(files: exampleYear.reduce(into: [:]) { $0["notes/" + $1.key.dropFirst("journal/".count)] = $1.value })
        #expect(cli.run("trends", "notes", "--out", "report", "--since", "2026-W10", "--until", "2026-W19") == 0)
        #expect(cli.stdout.hasSuffix("2026-W10 to 2026-W19: 9 journals, 13 ruptures logged."))
        #expect(cli.fileSystem.fileExists(at: "report/trends.html"))
    }

    @Test("rejects a malformed week and a backwards range before reading anything", arguments: [
        (["--since", "2026-47"], "Error: --since '2026-47' is not an ISO week; write it like 2026-W47."),
        (["--until", "soon"], "Error: --until 'soon' is not an ISO week; write it like 2026-W47."),
        (["--since", "2026-W47", "--until", "2026-W01"], "Error: --since 2026-W47 is after --until 2026-W01."),
    ])
    func badWeeks(arguments: [String], message: String) {
        let cli = CLIHarness()
        let code = arguments.count == 2
            ? cli.run("trends", arguments[0], arguments[1])
            : cli.run("trends", arguments[0], arguments[1], arguments[2], arguments[3])
        #expect(code == 64)
        #expect(cli.stderr.hasPrefix(message))
    }

    @Test("prints every log error at its line and column, and writes nothing")
    func logErrors() throws {
        let cli = CLIHarness(files: [
            "journal/2026-W47.md": ruptureJournalText("2026-W47", ["client: Harbour\nmarkers: [marker-denial, marker-control-pressure]\ntype: withdrawal\ntension: 6\nresolution: 2"]),
        ])
        #expect(cli.run("trends") == 1)
        #expect(cli.stderr == """
        journal/2026-W47.md:12:26: error: marker 'marker-control-pressure' is a confrontation marker, but this rupture's type is 'withdrawal'
        journal/2026-W47.md:14:10: error: 'tension' is a whole number from 1 to 5, not '6'
        attune: 2 errors while trying to read journals; nothing was written.
        """)
        #expect(cli.fileSystem.snapshot.keys.sorted() == ["journal/2026-W47.md"])
    }

    @Test("the example year passes the privacy check, and its report builds")
    func exampleYearIsClean() throws {
        let cli = CLIHarness(files: exampleYear)
        #expect(cli.run("check", "--privacy", "journal") == 0)
        #expect(cli.stderr == "")
        #expect(cli.stdout.hasSuffix("47 journals, no likely client identifiers."))
        #expect(cli.run("trends") == 0)
    }
}

@Suite("attune new carries open ruptures forward")
struct CarryForwardCommandTests {
    @Test("asks what happened next with each client whose latest rupture is rated 2 or lower, and says so")
    func carries() throws {
        let cli = CLIHarness(files: [
            "journal/2026-W45.md": ruptureJournalText("2026-W45", [kestrel]),
            "journal/2026-W46.md": ruptureJournalText("2026-W46", [harbour]),
        ])
        let before = cli.fileSystem.snapshot
        #expect(cli.run("new", "--start", "2025-11-24") == 0)
        #expect(cli.stdout.contains("\nCarried forward 1 open rupture to the rupture log: Harbour.\nWrite your answers under each question"))
        let text = try cli.fileSystem.readText(at: "journal/2026-W47.md")
        #expect(text.contains("\n### What happened next with Harbour?\n\n<!--\nFrom 2026-W46: a confrontation rupture"))
        #expect(text.contains("Tried so far: Pause and breathe.\n"))
        #expect(!text.contains("Kestrel"))
        // The old journals are untouched.
        for (path, old) in before { #expect(try cli.fileSystem.readText(at: path) == old) }
    }

    @Test("warns about a journal it cannot read, and still writes the new one")
    func unreadable() throws {
        let cli = CLIHarness(files: [
            "journal/2026-W46.md": ruptureJournalText("2026-W46", ["client: Harbour\nmarkers: [marker-sulking]\ntension: 4\nresolution: 1"]),
        ])
        #expect(cli.run("new", "--therapist", "Sam Rivera", "--start", "2025-11-24") == 0)
        #expect(cli.stderr == "journal/2026-W46.md:1:1: warning: this journal has errors, so no rupture in it was carried forward; 'attune check journal/2026-W46.md' shows them")
        #expect(!(try cli.fileSystem.readText(at: "journal/2026-W47.md")).contains("### What happened next"))
    }
}
