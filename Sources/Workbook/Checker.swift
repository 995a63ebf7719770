import ContentModel
import Diagnostics
import Files
import Journal
import Privacy
import Rendering

/// What `attune check` found, when it found no errors.
package struct CheckReport: Sendable {
    package var cards: Int
    package var prompts: Int
    package var weeks: Int
    package var templates: Int
    package var journals: Int
    /// Allowed privacy findings, reported so no allowance goes unseen.
    package var notes: [Diagnostic] = []
    /// Set when the privacy guard ran.
    package var privacyChecked = false
    /// Warnings about unfinished overlay content, printed above the
    /// summary; the summary counts them so "no problems" is never said
    /// under a list of problems.
    package var warnings = 0

    package var summary: String {
        (warnings == 0 ? "No problems: " : "No errors, \(warnings) warning\(warnings == 1 ? "" : "s") (above): ")
            + "\(cards) cards, \(prompts) prompts, \(weeks) curriculum weeks, \(templates) templates, \(journals) journal\(journals == 1 ? "" : "s")"
            + (privacyChecked ? ", no likely client identifiers." : ".")
    }
}

/// Validates everything a build would touch, and writes nothing: `check` is
/// the build itself (`BuildPipeline`) with its write step left out, so it
/// refuses what the build refuses, with the same diagnostics.
package struct Checker: Sendable {
    package let fileSystem: FileSystem
    package let resources: Resources

    package init(fileSystem: FileSystem, resources: Resources) {
        self.fileSystem = fileSystem
        self.resources = resources
    }

    /// Templates come first, by rendering every curriculum week with an
    /// empty journal: a name a template uses but the context lacks shows up
    /// here, not in a trainee's build.
    ///
    /// Then the build runs every step but `write`, twice: as `attune build`
    /// makes the therapist's own workbooks, then, for the journals not
    /// marked private, as `attune build --share --redact` makes the shared
    /// copies, so whatever `check` passes, either builds. With `privacy`
    /// rules the second run is `attune build --share`, where any likely
    /// client identifier stops it. The first run that fails is the failure,
    /// as it would be in a build; its diagnostics follow the templates'.
    package func check(journals inputs: [String], privacy: PrivacyRules? = nil) throws(BuildError) -> CheckReport {
        var problems = blankWeekProblems()
        let pipeline = BuildPipeline(fileSystem: fileSystem)
        var personal = BuildRequest(inputs: inputs, privacyRules: privacy ?? PrivacyRules(), resources: resources)
        // Only the allowances of a privacy check are shown.
        personal.privacyWarnings = false
        var shared = personal
        shared.audience = .shared(redact: privacy == nil)
        shared.privacyWarnings = privacy != nil
        let built: BuildReport
        var notes: [Diagnostic] = []
        do {
            built = try pipeline.run(personal, until: .write)
            if built.shareable > 0 {
                let sharedRun = try pipeline.run(shared, until: .write)
                if privacy != nil { notes = sharedRun.warnings.filter { $0.severity == .note } }
            }
        } catch {
            for diagnostic in error.diagnostics where !problems.contains(diagnostic) { problems.append(diagnostic) }
            throw BuildError(step: error.step, diagnostics: problems)
        }
        if problems.hasErrors { throw BuildError(step: .render, diagnostics: problems) }
        var report = CheckReport(
            cards: resources.content.cards.count, prompts: resources.content.prompts.count,
            weeks: resources.content.weeks.count, templates: resources.templates.names.count,
            journals: built.journals
        )
        report.notes = notes
        report.privacyChecked = privacy != nil
        report.warnings = resources.content.warnings.count
        return report
    }

    /// Every curriculum week rendered with an empty journal; each problem once.
    private func blankWeekProblems() -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        let renderer = WorkbookRenderer(resources: resources)
        for week in resources.content.weeks {
            let blank = Journal(
                path: "check", therapist: "Check", week: ISOWeek(year: 2026, week: 1)!,
                weekLocation: week.location, focus: week.id, preamble: nil, answers: []
            )
            do throws(DiagnosticError) { _ = try renderer.render(blank) } catch {
                for diagnostic in error.diagnostics where !diagnostics.contains(diagnostic) { diagnostics.append(diagnostic) }
            }
        }
        return diagnostics
    }
}
