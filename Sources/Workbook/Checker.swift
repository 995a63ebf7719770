import ContentModel
import Diagnostics
import Files
import Journal
import Privacy
import Rendering
import Sharing

/// What `attune check` found, when it found no errors.
public struct CheckReport: Sendable {
    public var cards: Int
    public var prompts: Int
    public var weeks: Int
    public var templates: Int
    public var journals: Int
    /// Allowed privacy findings, reported so no allowance goes unseen.
    public var notes: [Diagnostic] = []
    /// Set when the privacy guard ran.
    public var privacyChecked = false
    /// Warnings about unfinished overlay content, printed above the
    /// summary; the summary counts them so "no problems" is never said
    /// under a list of problems.
    public var warnings = 0

    public var summary: String {
        (warnings == 0 ? "No problems: " : "No errors, \(warnings) warning\(warnings == 1 ? "" : "s") (above): ")
            + "\(cards) cards, \(prompts) prompts, \(weeks) curriculum weeks, \(templates) templates, \(journals) journal\(journals == 1 ? "" : "s")"
            + (privacyChecked ? ", no likely client identifiers." : ".")
    }
}

/// Validates everything a build would touch, and writes nothing.
public struct Checker: Sendable {
    public let fileSystem: FileSystem
    public let resources: Resources

    public init(fileSystem: FileSystem, resources: Resources) {
        self.fileSystem = fileSystem
        self.resources = resources
    }

    /// Templates are checked by rendering every curriculum week with an empty
    /// journal: a name a template uses but the context lacks shows up here,
    /// not in a trainee's build.
    /// Every journal is then rendered exactly as `attune build` renders it
    /// (the personal workbook, and the redacted shared copy), minus the
    /// write: whatever `check` passes, `build` builds.
    /// With `privacy` rules, also scans every shareable answer for likely
    /// client identifiers; any finding fails the check.
    public func check(journals inputs: [String], privacy: PrivacyRules? = nil) throws(DiagnosticError) -> CheckReport {
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
        var journals: [Journal] = []
        do throws(DiagnosticError) {
            journals = try JournalReader(fileSystem: fileSystem, content: resources.content).read(inputs, oneJournalPerWeek: false)
        } catch { diagnostics += error.diagnostics }
        if let privacy {
            let guardian = PrivacyGuard(rules: privacy)
            diagnostics += journals.flatMap(guardian.findings).map(\.diagnostic)
        }
        diagnostics += render(journals, privacy: privacy ?? PrivacyRules(), renderer: renderer)
        if diagnostics.hasErrors { throw DiagnosticError(diagnostics) }
        var report = CheckReport(
            cards: resources.content.cards.count, prompts: resources.content.prompts.count,
            weeks: resources.content.weeks.count, templates: resources.templates.names.count,
            journals: journals.count
        )
        report.notes = diagnostics.filter { $0.severity == .note }
        report.privacyChecked = privacy != nil
        report.warnings = resources.content.warnings.count
        return report
    }

    /// The build's render step for each journal, the personal copy and, when
    /// the journal may be shared, the redacted shared copy; problems only.
    private func render(_ journals: [Journal], privacy: PrivacyRules, renderer: WorkbookRenderer) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        let guardian = PrivacyGuard(rules: privacy)
        for journal in journals {
            var copies = [journal]
            if !journal.isPrivate { copies.append(guardian.shareable(journal, redact: true).journal) }
            for copy in copies {
                do throws(DiagnosticError) { _ = try renderer.render(copy) } catch {
                    for diagnostic in error.diagnostics where !diagnostics.contains(diagnostic) { diagnostics.append(diagnostic) }
                }
            }
        }
        return diagnostics
    }
}
