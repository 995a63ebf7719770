import ContentModel
import Diagnostics
import Files
import Foundation
import Handouts
import Printing
import Privacy
import Rendering
import Sharing

/// Shared inputs: the bundled material, small rosters written inline, and
/// journals in the format `attune new` writes.
enum Fixtures {
    static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static let goldenFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")

    static let resources: Resources = try! Resources.load(fileSystem: InMemoryFileSystem())
    static var content: ContentModel { resources.content }

    static let week = ISOWeek("2026-W47")!
    /// Every cohort here began on 2026-10-05 (as if given with `--start`),
    /// so 2026-W47 is the course's seventh week: "When the therapy itself is
    /// questioned". `currentWeek` is used when neither a flag nor the roster
    /// names a week.
    static let start = CourseStart(date: "2026-10-05", origin: "--start")!
    static let overrides = RosterOverrides(start: start, currentWeek: week)
    /// No start from the command line: the roster's or course.yaml's counts.
    static let noStart = RosterOverrides(currentWeek: week)
    static let seventhWeek = "when-therapy-is-questioned"

    /// A YAML roster for 2026-W47 with the given trainee rows (already indented list items).
    static func yaml(_ trainees: String, extra: String = "") -> String {
        """
        cohort: Group B
        supervisor: Dr Morgan Ellery
        week: 2026-W47
        \(extra)trainees:
        \(trainees)
        """
    }

    /// A journal for 2026-W47 answering the given prompts (ID → answer; "" leaves it open).
    static func journal(
        therapist: String = "A Trainee", week: String = "2026-W47", focus: String = "when-therapy-is-questioned",
        answers: [(String, String)], frontMatter: String = ""
    ) -> String {
        var text = """
        ---
        therapist: "\(therapist)"
        week: \(week)
        focus: \(focus)
        \(frontMatter)---

        # \(week)

        """
        for (id, answer) in answers {
            text += "\n<!-- prompt: \(id) -->\n## \(content.prompt(id)!.text)\n\n\(answer)\n"
        }
        return text
    }

    /// Runs the pipeline on an in-memory disk holding `files`.
    static func run(
        _ files: [String: String], roster: String = "cohort/roster.yaml", overrides: RosterOverrides = overrides,
        out: String = "out", formats: [OutputFormat] = OutputFormat.defaults, keepGoing: Bool = false, workers: Int = 2,
        policy: SharingPolicy = .screening, printer: PDFPrinter? = nil
    ) throws(HandoutsError) -> (report: HandoutsReport, fileSystem: InMemoryFileSystem) {
        let fileSystem = InMemoryFileSystem(files: files)
        let request = HandoutsRequest(
            roster: roster, overrides: overrides, outputDirectory: out, formats: formats, keepGoing: keepGoing, workers: workers,
            printer: printer)
        let report = try HandoutsPipeline(fileSystem: fileSystem, policy: policy).run(request)
        return (report, fileSystem)
    }

    /// The problems a run stops with, as the user sees them.
    static func problems(
        _ files: [String: String], roster: String = "cohort/roster.yaml", overrides: RosterOverrides = overrides
    ) -> (step: HandoutsStep?, lines: [String], written: [String]) {
        let fileSystem = InMemoryFileSystem(files: files)
        do {
            _ = try HandoutsPipeline(fileSystem: fileSystem, policy: .screening).run(HandoutsRequest(roster: roster, overrides: overrides, outputDirectory: "out"))
            return (nil, [], fileSystem.snapshot.keys.filter { $0.hasPrefix("out/") }.sorted())
        } catch {
            return (error.step, error.diagnostics.map(\.description), fileSystem.snapshot.keys.filter { $0.hasPrefix("out/") }.sorted())
        }
    }

    /// Every output file's text, keyed by its path inside `out/`.
    /// The files a reader of the folder sees: the hidden record of what was
    /// written (`.attune-handouts`) is left out here and tested on its own.
    static func outputs(_ fileSystem: InMemoryFileSystem, in folder: String = "out") -> [String: String] {
        var result: [String: String] = [:]
        for (path, text) in fileSystem.snapshot where path.hasPrefix(folder + "/") && !path.hasPrefix(folder + "/.") {
            result[String(path.dropFirst(folder.count + 1))] = text
        }
        return result
    }
}
