import ArgumentParser
import Sharing
import Site
import Workbook

/// `attune site`: the training material as a static website.
struct SiteCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "site",
        abstract: "Publish the training material as a static website.",
        discussion: """
        Every section, card and curriculum week as a cross-linked page, with offline \
        search and a blank workbook to download for each week (HTML and Markdown; \
        with --pdf also a PDF, printed by Chromium). Every link is relative, \
        so the folder works opened from disk, in a sub-folder or at a domain's root. \
        Attune only writes into a new or empty folder, or one it made before; a rebuild \
        removes the pages it wrote that no longer exist, and never any other file.
        """
    )

    @Option(help: ArgumentHelp("Folder for the site.", valueName: "dir"))
    var out = "site"

    @Option(name: .customLong("base-url"), help: ArgumentHelp(
        "Where the site will be published, e.g. https://example.org/training; adds sitemap.xml and canonical links.",
        valueName: "url"))
    var baseURL: BaseURL?

    @Flag(help: ArgumentHelp(
        "Also print each week's blank workbook to PDF for the downloads (needs Chromium: apt-get install chromium)."))
    var pdf = false

    @OptionGroup var material: MaterialOptions
    @OptionGroup var privacy: PrivacyOptions

    func run() throws {
        let environment = Environment.current
        // A published site is the most shared output of all: the sharing
        // policy screens the programme's own material (`--content`) before
        // a page is written.
        let policy = SharingPolicy(rules: try privacy.load())
        let printer = try environment.printer(for: pdf ? [.pdf] : [])
        defer { printer?.close() }
        let request = SiteRequest(
            outputDirectory: out, baseURL: baseURL,
            contentOverlay: material.contentOverlay, templatesOverlay: material.templatesOverlay, printer: printer
        )
        let report: SiteReport
        do {
            report = try SitePipeline(fileSystem: environment.fileSystem, policy: policy).run(request)
        } catch {
            throw InputProblems(error.diagnostics, stoppedWhile: "trying to \(error.step.rawValue)", wroteNothing: error.step != .write)
        }
        environment.output(report.summary)
    }
}

extension BaseURL: ExpressibleByArgument {
    package init?(argument: String) { self.init(argument) }
}
