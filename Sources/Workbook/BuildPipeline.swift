import ContentModel
import Diagnostics
import Files
import Foundation
import Journal
import Printing
import Privacy
import Rendering
import Sharing

import struct SystemPackage.FilePath

/// What `attune build` was asked to do.
package struct BuildRequest: Sendable {
    /// Journal files, or folders of them.
    package var inputs: [String]
    package var outputDirectory: String
    package var formats: [OutputFormat]
    package var contentOverlay: String?
    package var templatesOverlay: String?
    package var audience: Audience
    package var privacyRules: PrivacyRules
    /// Prints the PDFs; needed only when `formats` has `.pdf`.
    package var printer: PDFPrinter?
    /// The content and templates when they are already loaded (`check`
    /// loads them once, to show their warnings, and runs the build twice);
    /// nil loads them from the overlays in the first step.
    package var resources: Resources?
    /// Whether a build that goes ahead reports what the privacy guard found
    /// (a personal build's findings, the allowances) as warnings. `check`
    /// shows none without `--privacy`, so it asks for none and the guard
    /// reads each journal once less; no refusal depends on it.
    package var privacyWarnings = true

    package init(
        inputs: [String], outputDirectory: String = "out", formats: [OutputFormat] = OutputFormat.defaults,
        contentOverlay: String? = nil, templatesOverlay: String? = nil,
        audience: Audience = .personal, privacyRules: PrivacyRules = PrivacyRules(), printer: PDFPrinter? = nil,
        resources: Resources? = nil
    ) {
        self.resources = resources
        self.printer = printer
        self.audience = audience
        self.privacyRules = privacyRules
        self.inputs = inputs
        self.outputDirectory = outputDirectory
        self.formats = formats
        self.contentOverlay = contentOverlay
        self.templatesOverlay = templatesOverlay
    }
}

/// Who a workbook is for, which decides what the privacy guard does.
package enum Audience: Sendable, Equatable {
    /// The therapist's own copy: findings are warnings, everything is kept.
    case personal
    /// For a supervisor: private journals and answers are left out, and any
    /// finding stops the build unless `redact` replaces it with its category.
    case shared(redact: Bool)
}

/// What a successful build did.
package struct BuildReport: Sendable {
    /// How many journals the inputs held.
    package var journals = 0
    /// How many of them are not marked `private: true`: what a shared
    /// build of the same inputs would share.
    package var shareable = 0
    package var written: [String] = []
    /// Privacy findings and notes that did not stop the build.
    package var warnings: [Diagnostic] = []
    /// How many findings `--redact` replaced.
    package var redactions: Int = 0
    /// Journals left out of a shared build because they are private.
    package var skippedPrivate: [String] = []
    /// Who the workbooks were for.
    package var audience: Audience = .personal

    /// Said under a personal build's warnings when some are likely client
    /// identifiers: the shared copy would refuse them. Nil when none are.
    package var findingsLine: String? {
        let findings = warnings.filter { $0.severity == .privacy }.count
        guard findings > 0 else { return nil }
        return "attune: \(findings) possible client identifier\(findings == 1 ? "" : "s") in your personal workbook; 'attune build --share' will refuse them."
    }

    /// After a redacted shared build: how many identifiers it replaced.
    package var redactionLine: String? {
        guard audience == .shared(redact: true) else { return nil }
        return "Redacted \(redactions) possible identifier\(redactions == 1 ? "" : "s")."
    }
}

/// A failed build: the step it stopped in and every problem found by then.
/// Nothing has been written when this is thrown.
package typealias BuildError = PipelineError<BuildStep>

/// The build, one named step after another, in this order. Each reads what
/// the last made. `attune check` is the same list without `write`.
package enum BuildStep: String, PipelineStep, CaseIterable {
    case loadResources = "load content and templates"
    case readJournals = "read journals"
    case guardPrivacy = "check privacy"
    case render = "render workbooks"
    case print = "print PDFs"
    case write = "write files"
}

/// Builds personal workbooks from journals. Every problem in every input is
/// reported before anything is written; each file is written atomically.
package struct BuildPipeline: Sendable {
    package let fileSystem: FileSystem

    package init(fileSystem: FileSystem = LocalFileSystem()) {
        self.fileSystem = fileSystem
    }

    /// Runs the build's steps in order, every one of them, or with `until`
    /// only those before it: `run(request, until: .write)` refuses exactly
    /// what the build would refuse, with the same diagnostics, and writes
    /// nothing (that is `attune check`, see `Checker`).
    package func run(_ request: BuildRequest, until stop: BuildStep? = nil) throws(BuildError) -> BuildReport {
        let steps = stop.map { stop in BuildStep.allCases.prefix { $0 != stop } } ?? BuildStep.allCases[...]
        var report = BuildReport(audience: request.audience)
        let resources = try BuildStep.loadResources.run { () throws(DiagnosticError) in
            if let loaded = request.resources { return loaded }
            return try Resources.load(
                contentOverlay: request.contentOverlay, templatesOverlay: request.templatesOverlay,
                fileSystem: fileSystem
            )
        }
        guard steps.contains(.readJournals) else { return report }
        var journals = try BuildStep.readJournals.run { () throws(DiagnosticError) in
            try JournalReader(fileSystem: fileSystem, content: resources.content).read(request.inputs)
        }
        report.journals = journals.count
        report.shareable = journals.count { !$0.isPrivate }
        guard steps.contains(.guardPrivacy) else { return report }
        journals = try BuildStep.guardPrivacy.run { () throws(DiagnosticError) in
            try guardPrivacy(journals, request: request, report: &report)
        }
        guard steps.contains(.render) else { return report }
        let renderer = WorkbookRenderer(resources: resources)
        var workbooks = try BuildStep.render.run { () throws(DiagnosticError) in
            var diagnostics: [Diagnostic] = []
            var workbooks: [RenderedWorkbook] = []
            for journal in journals {
                do throws(DiagnosticError) { workbooks.append(try renderer.render(journal)) } catch { diagnostics += error.diagnostics }
            }
            if !diagnostics.isEmpty { throw DiagnosticError(diagnostics) }
            return workbooks
        }
        if request.formats.contains(.pdf), steps.contains(.print) {
            workbooks = try BuildStep.print.run { () throws(DiagnosticError) in
                try Self.printPDFs(workbooks, printer: request.printer, at: request.outputDirectory)
            }
        }
        guard steps.contains(.write) else { return report }
        report.written = try BuildStep.write.run { () throws(DiagnosticError) in
            try write(workbooks, request: request)
        }
        return report
    }

    /// Every workbook's HTML printed by one printer (one browser), before
    /// anything is written.
    static func printPDFs(_ workbooks: [RenderedWorkbook], printer: PDFPrinter?, at directory: String) throws(DiagnosticError) -> [RenderedWorkbook] {
        let location = SourceLocation(path: directory, line: 1, column: 1)
        guard let printer else { throw DiagnosticError([.error("PDF output needs a printer (Chromium)", at: location)]) }
        do {
            let pdfs = try printer.print(workbooks.map { PrintJob(html: Data($0.html.utf8), runningHead: $0.runningHead) })
            return zip(workbooks, pdfs).map { workbook, pdf in
                var printed = workbook
                printed.pdf = pdf
                return printed
            }
        } catch {
            throw DiagnosticError([.error("cannot print the PDF: \(error)", at: location)])
        }
    }

    /// Personal: findings become warnings. Shared: private journals and
    /// answers are dropped, then any finding stops the build (listed with
    /// the allowances among them), unless redacting, which replaces each
    /// one and counts them.
    private func guardPrivacy(_ journals: [Journal], request: BuildRequest, report: inout BuildReport) throws(DiagnosticError) -> [Journal] {
        let privacy = PrivacyGuard(rules: request.privacyRules)
        guard case .shared(let redact) = request.audience else {
            if request.privacyWarnings { report.warnings = journals.flatMap(privacy.findings).map(\.diagnostic) }
            return journals
        }
        var shared: [Journal] = []
        var findings: [Diagnostic] = []
        for journal in journals {
            if journal.isPrivate {
                report.skippedPrivate.append(journal.path)
                continue
            }
            // Redacting refuses nothing: the findings are needed only to be shown.
            if !redact || request.privacyWarnings { findings += privacy.findings(in: journal).map(\.diagnostic) }
            let (journal, redactions) = privacy.shareable(journal, redact: redact)
            report.redactions += redactions
            shared.append(journal)
        }
        report.warnings = findings.filter { $0.severity == .note }
        // A refusal lists the allowances too, in place: nothing is waved through unseen.
        if !redact, findings.contains(where: { $0.severity == .privacy }) { throw DiagnosticError(findings) }
        if shared.isEmpty {
            let location = SourceLocation(path: request.inputs.first ?? "journal", line: 1, column: 1)
            throw DiagnosticError([.error("every journal given is marked private: true, so there is nothing to share", at: location)])
        }
        return shared
    }

    private func write(_ workbooks: [RenderedWorkbook], request: BuildRequest) throws(DiagnosticError) -> [String] {
        // A shared copy gets its own name, so it can never replace the private one.
        let suffix = request.audience == .personal ? "" : ".shared"
        let permissions: FilePermissions = request.audience == .personal ? .privateFile : .sharedFile
        let files = workbooks.flatMap { workbook in
            request.formats.sorted().map { format in
                OutputFile(FilePath("\(workbook.week)\(suffix).\(format.fileExtension)"), workbook.data(for: format), permissions: permissions)
            }
        }
        // One change to the folder, never over or among the inputs (see `OutputWriter`).
        do {
            return try OutputWriter(fileSystem: fileSystem).write(
                .files(files, into: FilePath(request.outputDirectory)),
                inputs: OutputGuard.inputs(request.inputs + [request.contentOverlay, request.templatesOverlay])
            ).files.map(\.string)
        } catch {
            throw DiagnosticError(writing: error, at: request.outputDirectory)
        }
    }
}
