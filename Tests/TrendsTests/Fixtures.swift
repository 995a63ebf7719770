import ContentModel
import Diagnostics
import Files
import Foundation
import Journal
import Rendering
import Trends
import Workbook

/// Shared inputs: the bundled material, journals written inline with rupture
/// logs, and the example year in `Examples/journal-year`.
enum Fixtures {
    static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static let goldenFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")

    static let resources: Resources = try! Resources.load(fileSystem: InMemoryFileSystem())
    static var content: ContentModel { resources.content }

    /// The example year's journals, keyed by their path under `journal/`.
    static var exampleYear: [String: String] {
        let folder = repository.appendingPathComponent("Examples/journal-year")
        let names = try! FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".md") }
        return Dictionary(uniqueKeysWithValues: names.map { name in
            ("journal/\(name)", try! String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8))
        })
    }

    /// A journal for `week` (focus `when-therapy-is-questioned`) whose log
    /// holds one block per entry; `answers` fills prompts by ID.
    static func journal(
        _ week: String, entries: [String] = [], answers: [String: String] = [:], therapist: String = "Sam Rivera",
        focus: String = "when-therapy-is-questioned"
    ) -> String {
        var text = """
        ---
        therapist: "\(therapist)"
        week: \(week)
        focus: \(focus)
        ---

        <!-- prompt: rupture-log -->
        ## Rupture log

        \(entries.map { "```rupture\n\($0)\n```" }.joined(separator: "\n\n"))

        """
        for id in content.week(focus)!.prompts {
            text += "\n<!-- prompt: \(id) -->\n## \(content.prompt(id)!.text)\n\n\(answers[id] ?? "")\n"
        }
        return text
    }

    /// One entry's YAML.
    static func entry(
        _ client: String, markers: String = "[marker-minimal-response]", tension: Int = 3, resolution: Int = 3,
        extra: String = ""
    ) -> String {
        "client: \(client)\nmarkers: \(markers)\ntension: \(tension)\nresolution: \(resolution)" + (extra.isEmpty ? "" : "\n\(extra)")
    }

    static func parse(_ files: [String: String]) throws -> [Journal] {
        let parser = JournalParser(content: content)
        return try files.keys.sorted().map { path in
            try parser.parse(SourceFile(path: path, name: path, text: files[path]!))
        }
    }

    static func figures(
        _ files: [String: String], since: String? = nil, until: String? = nil
    ) throws -> TrendsFigures {
        try TrendsFigures(
            journals: parse(files), content: content, since: since.flatMap(ISOWeek.init), until: until.flatMap(ISOWeek.init),
            location: SourceLocation(path: "journal", line: 1, column: 1)
        )
    }

    /// Runs the pipeline on an in-memory disk holding `files`.
    static func run(_ files: [String: String], request: TrendsRequest = TrendsRequest())
        throws(TrendsError) -> (report: TrendsReport, fileSystem: InMemoryFileSystem) {
        let fileSystem = InMemoryFileSystem(files: files)
        let report = try TrendsPipeline(fileSystem: fileSystem).run(request)
        return (report, fileSystem)
    }
}
