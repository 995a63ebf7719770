import ContentModel
import Diagnostics
import Files
import Printing
import Rendering
import Sharing
import Workbook

/// What `attune site` was asked to do.
package struct SiteRequest: Sendable {
    package var outputDirectory: String
    /// Only for `sitemap.xml` and canonical links; every other link is relative.
    package var baseURL: BaseURL?
    package var contentOverlay: String?
    package var templatesOverlay: String?
    /// Prints each week's blank workbook to PDF for the downloads (`site
    /// --pdf`); nil, the default, makes a site that needs no browser.
    package var printer: PDFPrinter?

    package init(
        outputDirectory: String = "site", baseURL: BaseURL? = nil, contentOverlay: String? = nil, templatesOverlay: String? = nil,
        printer: PDFPrinter? = nil
    ) {
        self.printer = printer
        self.outputDirectory = outputDirectory
        self.baseURL = baseURL
        self.contentOverlay = contentOverlay
        self.templatesOverlay = templatesOverlay
    }
}

/// The site build, one named step after another. Each reads what the last made.
package enum SiteStep: String, PipelineStep {
    case loadResources = "load content and templates"
    case inspectOutput = "check the output folder"
    case render = "render the site"
    case screen = "screen the material before publishing"
    case write = "write the site"
}

/// A failed site build: the step it stopped in and every problem found by
/// then. Nothing has been written unless the step is `.write`.
package typealias SiteError = PipelineError<SiteStep>

/// What a finished build did.
package struct SiteReport: Sendable, Equatable {
    package var outputDirectory: String
    /// Every file of the site, sorted.
    package var written: [SitePath]
    /// Files the last build wrote that this one no longer has, now gone.
    package var removed: [SitePath]
    package var pages: Int

    /// What `attune site` says when it is done: where, how much, what it
    /// removed, and what to do with the folder.
    package var summary: String {
        let folder = outputDirectory.hasSuffix("/") ? String(outputDirectory.dropLast()) : outputDirectory
        let gone = removed.isEmpty ? "" : ", removed \(removed.count) it no longer has"
        return """
            Wrote the site to \(folder)/: \(pages) pages, \(written.count) files\(gone).
            Open \(folder)/index.html in a browser, or publish the folder as it is.
            """
    }
}

/// Publishes the training material as a static website: load, check the
/// folder, render everything in memory, screen it, then write it.
package struct SitePipeline: Sendable {
    package let fileSystem: FileSystem
    /// Screens every piece of material about to be published; any error
    /// stops the build before a file is written. There is no default: a
    /// site cannot be built without deciding what may be published.
    package let policy: SharingPolicy

    package init(fileSystem: FileSystem = LocalFileSystem(), policy: SharingPolicy) {
        self.fileSystem = fileSystem
        self.policy = policy
    }

    package func run(_ request: SiteRequest) throws(SiteError) -> SiteReport {
        let (resources, logo) = try SiteStep.loadResources.run { () throws(DiagnosticError) in
            let resources = try Resources.load(
                contentOverlay: request.contentOverlay, templatesOverlay: request.templatesOverlay,
                fileSystem: fileSystem
            )
            return (resources, try SiteLogo.load(resources.content.site, overlay: request.contentOverlay, fileSystem: fileSystem))
        }
        let folder = try SiteStep.inspectOutput.run { () throws(DiagnosticError) in
            try OutputGuard(fileSystem: fileSystem).check(
                outputs: [request.outputDirectory], inputs: [request.contentOverlay, request.templatesOverlay])
            return try OutputFolder.inspect(request.outputDirectory, fileSystem: fileSystem)
        }
        // Where every page goes and what links to what: the content alone decides.
        let plan = SitePlan(content: resources.content)
        let files = try SiteStep.render.run { () throws(DiagnosticError) in
            try SiteRenderer(resources: resources, plan: plan, baseURL: request.baseURL, logo: logo, printer: request.printer).render()
        }
        try SiteStep.screen.run { () throws(DiagnosticError) in
            try screenSources(of: files, overlay: request.contentOverlay)
        }
        let removed = try SiteStep.write.run { () throws(DiagnosticError) in
            try folder.write(
                files, fileSystem: fileSystem, inputs: OutputGuard.inputs([request.contentOverlay, request.templatesOverlay]))
        }
        return SiteReport(
            outputDirectory: request.outputDirectory, written: files.map(\.path).sorted(), removed: removed,
            pages: plan.pages.count
        )
    }

    /// The one place every page's material passes through before anything
    /// is written; a card shown on three pages is screened once.
    private func screenSources(of files: [SiteFile], overlay: String?) throws(DiagnosticError) {
        var seen: Set<PageSource> = []
        var sources: [PageSource] = []
        for source in files.flatMap(\.sources) where seen.insert(source).inserted { sources.append(source) }
        let diagnostics = policy.material.screen(sources, overlay: overlay)
        if diagnostics.hasErrors { throw DiagnosticError(diagnostics.sortedByLocation) }
    }

}
