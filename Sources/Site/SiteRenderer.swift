import ContentModel
import Diagnostics
import Dispatch
import Foundation
import Printing
import Rendering
import Templating
import Workbook

/// Renders every file of the site in memory: the pages (in parallel), each
/// week's blank workbook, the stylesheets and script, and with a base URL
/// the sitemap. Reports every problem of every page at once.
struct SiteRenderer: Sendable {
    /// Files copied from `Templates/site/` as they are (`search.js` is placed
    /// inside the search page instead); a `--templates`
    /// folder with a file of the same name (say `site/site.css`) replaces one.
    static let assets: [(template: String, path: SitePath)] = [
        ("site/site.css", .stylesheet),
        ("site/print.css", .printStylesheet),
    ]

    let resources: Resources
    let plan: SitePlan
    let baseURL: BaseURL?
    var logo: SiteLogo? = nil
    /// Prints each week's blank workbook to PDF too (`site --pdf`); nil: none.
    var printer: PDFPrinter? = nil

    func render() throws(DiagnosticError) -> [SiteFile] {
        let pages = PageRenderer(
            resources: resources, plan: plan, references: CrossReferences(content: plan.content), baseURL: baseURL, logo: logo,
            withPDF: printer != nil)
        let workbooks = WorkbookRenderer(resources: resources)
        let weeks = plan.content.weeks

        // One job per page and one per week's workbook; each renders alone,
        // so the order of the results, not of the threads, fixes the output.
        let results = Self.parallelMap(plan.pages.count + weeks.count) { index -> Result<[SiteFile], DiagnosticError> in
            do throws(DiagnosticError) {
                if index < plan.pages.count { return .success([try pages.render(plan.pages[index])]) }
                return .success(try blankWorkbook(weeks[index - plan.pages.count], renderer: workbooks))
            } catch {
                return .failure(error)
            }
        }
        var files: [SiteFile] = []
        var diagnostics: [Diagnostic] = []
        for result in results {
            switch result {
            case .success(let rendered): files += rendered
            case .failure(let error):
                // A broken tag fails every page that uses it: say so once,
                // as the first page to fail put it.
                for diagnostic in error.diagnostics where !diagnostics.contains(where: { $0.location == diagnostic.location }) {
                    diagnostics.append(diagnostic)
                }
            }
        }
        for asset in Self.assets {
            guard let text = resources.templates.asset(asset.template) else {
                diagnostics.append(.error("the site needs this file, and no templates folder has it",
                                          at: SourceLocation(path: "Templates/\(asset.template)", line: 1, column: 1)))
                continue
            }
            files.append(SiteFile(path: asset.path, text: text, sources: []))
        }
        if let baseURL {
            files.append(SiteFile(path: .sitemap, text: Self.sitemap(plan.pages.filter(\.isPublic).map(\.path), baseURL: baseURL), sources: []))
        }
        if diagnostics.hasErrors { throw DiagnosticError(diagnostics.sortedByLocation) }
        if let printer { files += try printBlankWorkbooks(weeks, renderer: workbooks, printer: printer) }
        return files
    }

    /// Every week's blank workbook printed to PDF by one printer (one
    /// browser for the whole site), in one call, after the pages are made.
    private func printBlankWorkbooks(_ weeks: [Week], renderer: WorkbookRenderer, printer: PDFPrinter) throws(DiagnosticError) -> [SiteFile] {
        var workbooks: [RenderedWorkbook] = []
        for week in weeks { workbooks.append(try renderer.renderBlank(week)) }
        let pdfs: [Data]
        do {
            pdfs = try printer.print(workbooks.map { PrintJob(html: Data($0.html.utf8), runningHead: $0.runningHead) })
        } catch {
            throw DiagnosticError([.error("cannot print the blank workbooks: \(error)", at: SourceLocation(path: "downloads", line: 1, column: 1))])
        }
        return zip(weeks, pdfs).map { week, pdf in
            var file = SiteFile(path: SitePlan.download(ofWeek: week, fileExtension: "pdf"), text: "",
                                sources: [PageSource(location: week.location, text: week.title + "\n" + week.summary)])
            file.data = pdf
            return file
        }
    }

    /// The week's workbook as `attune build` would render it, every prompt open.
    private func blankWorkbook(_ week: Week, renderer: WorkbookRenderer) throws(DiagnosticError) -> [SiteFile] {
        let workbook = try renderer.renderBlank(week)
        let sources = [PageSource(location: week.location, text: week.title + "\n" + week.summary)]
        return OutputFormat.defaults.map { format in
            SiteFile(path: SitePlan.download(ofWeek: week, fileExtension: format.fileExtension),
                     text: String(decoding: workbook.data(for: format), as: UTF8.self), sources: sources)
        }
    }

    /// The sitemaps.org format: one `<loc>` per public page, nothing that
    /// changes between builds (no dates), so the output stays byte-identical.
    static func sitemap(_ paths: [SitePath], baseURL: BaseURL) -> String {
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
        for path in paths {
            xml += "  <url><loc>\(HTMLText.escape(baseURL.url(of: path)))</loc></url>\n"
        }
        return xml + "</urlset>\n"
    }

    /// `transform(0..<count)` on every core, results in index order.
    static func parallelMap<T: Sendable>(_ count: Int, _ transform: @Sendable (Int) -> T) -> [T] {
        let slots = Slots<T>(count)
        DispatchQueue.concurrentPerform(iterations: count) { index in
            let value = transform(index)
            slots.lock.withLock { slots.values[index] = value }
        }
        return slots.values.map { $0! }
    }
}

/// The results of a parallel map, one slot per job, filled under a lock.
private final class Slots<T>: @unchecked Sendable {
    let lock = NSLock()
    var values: [T?]
    init(_ count: Int) { values = Array(repeating: nil, count: count) }
}
