import ContentModel
import Diagnostics
import Files
import Foundation
import Journal
import MarkdownSafety
import Printing
import Rendering
import struct SystemPackage.FilePath

/// Builds the trends report from a folder of journals: load, read, find
/// the trends, render, write. Every problem in every journal is reported
/// before anything is written; each file is written atomically, owner-only,
/// because the report names clients by their aliases.
package struct TrendsPipeline: Sendable {
    package let fileSystem: FileSystem

    package static let markdownTemplate = "trends.md"
    package static let htmlTemplate = "trends.html"
    package static let stylesheets = ["workbook.css", "trends.css"]

    package init(fileSystem: FileSystem = LocalFileSystem()) {
        self.fileSystem = fileSystem
    }

    package func run(_ request: TrendsRequest) throws(TrendsError) -> TrendsReport {
        let resources = try TrendsStep.loadResources.run { () throws(DiagnosticError) in
            try Resources.load(
                contentOverlay: request.contentOverlay, templatesOverlay: request.templatesOverlay, fileSystem: fileSystem
            )
        }
        let folder = SourceLocation(path: request.journalDirectory, line: 1, column: 1)
        let journals = try TrendsStep.readJournals.run { () throws(DiagnosticError) in
            guard fileSystem.directoryExists(at: request.journalDirectory) else {
                throw DiagnosticError([.error(
                    fileSystem.fileExists(at: request.journalDirectory)
                        ? "this is a file; 'attune trends' reads a folder of journals" : "no such folder",
                    at: folder
                )])
            }
            return try JournalReader(fileSystem: fileSystem, content: resources.content).read([request.journalDirectory])
        }
        let figures = try TrendsStep.analyse.run { () throws(DiagnosticError) in
            try TrendsFigures(
                journals: journals, content: resources.content, since: request.since, until: request.until, location: folder
            )
        }
        let files = try TrendsStep.render.run { () throws(DiagnosticError) in
            try TrendsRenderer(resources: resources).render(figures)
        }
        let directory = request.outputDirectory
        var pdf: Data?
        if request.formats.contains(.pdf) {
            pdf = try TrendsStep.print.run { () throws(DiagnosticError) in
                let location = SourceLocation(path: directory, line: 1, column: 1)
                guard let printer = request.printer else { throw DiagnosticError([.error("PDF output needs a printer (Chromium)", at: location)]) }
                do {
                    let head = "Rupture trends · \(figures.first) to \(figures.last)"
                    return try printer.print([PrintJob(html: Data(files.html.utf8), runningHead: head)])[0]
                } catch {
                    throw DiagnosticError([.error("cannot print the PDF: \(error)", at: location)])
                }
            }
        }
        let written = try TrendsStep.write.run { () throws(DiagnosticError) in
            let outputs = request.formats.sorted().map { format in
                let data: Data
                switch format {
                case .html: data = Data(files.html.utf8)
                case .md: data = Data(files.markdown.utf8)
                case .pdf: data = pdf ?? Data()
                }
                return OutputFile(FilePath("trends.\(format.fileExtension)"), data, permissions: .privateFile)
            }
            do {
                // One change, never over or among the inputs (see `OutputWriter`).
                return try OutputWriter(fileSystem: fileSystem).write(
                    .files(outputs, into: FilePath(directory)),
                    inputs: OutputGuard.inputs([request.journalDirectory, request.contentOverlay, request.templatesOverlay])
                ).files.map(\.string)
            } catch {
                throw DiagnosticError(writing: error, at: directory)
            }
        }
        return TrendsReport(
            written: written, first: figures.first, last: figures.last,
            journals: figures.journalWeeks.count, ruptures: figures.entries.count
        )
    }

}

/// figures → two contexts → `trends.md` and `trends.html`, in memory.
package struct TrendsRenderer: Sendable {
    package let resources: Resources

    package init(resources: Resources) {
        self.resources = resources
    }

    package struct Rendered: Sendable {
        package var markdown: String
        package var html: String
    }

    package func render(_ figures: TrendsFigures) throws(DiagnosticError) -> Rendered {
        let content = resources.content
        let stylesheet = TrendsPipeline.stylesheets.compactMap(resources.templates.asset).joined(separator: "\n")
        let markdown = try resources.templates.render(
            TrendsPipeline.markdownTemplate,
            context: TrendsPage(figures: figures, content: content, format: .markdown, stylesheet: "", fingerprint: resources.fingerprint)
        )
        let html = try resources.templates.render(
            TrendsPipeline.htmlTemplate,
            context: TrendsPage(figures: figures, content: content, format: .html, stylesheet: stylesheet, fingerprint: resources.fingerprint)
        )
        return Rendered(markdown: MarkdownSafety.neutralise(markdown), html: html)
    }
}
