import ContentModel
import Diagnostics
import Files
import Journal

/// What `attune build` was asked to do.
public struct BuildRequest: Sendable {
    /// Journal files, or folders of them.
    public var inputs: [String]
    public var outputDirectory: String
    public var formats: [OutputFormat]
    public var contentOverlay: String?
    public var templatesOverlay: String?

    public init(
        inputs: [String], outputDirectory: String = "out", formats: [OutputFormat] = OutputFormat.allCases,
        contentOverlay: String? = nil, templatesOverlay: String? = nil
    ) {
        self.inputs = inputs
        self.outputDirectory = outputDirectory
        self.formats = formats
        self.contentOverlay = contentOverlay
        self.templatesOverlay = templatesOverlay
    }
}

/// A failed build: the step it stopped in and every problem found by then.
/// Nothing has been written when this is thrown.
public struct BuildError: Error, Sendable, CustomStringConvertible {
    public var step: BuildStep
    public var diagnostics: [Diagnostic]

    public var description: String {
        diagnostics.map(\.description).joined(separator: "\n")
    }
}

/// The build, one named step after another. Each reads what the last made.
public enum BuildStep: String, Sendable {
    case loadResources = "load content and templates"
    case readJournals = "read journals"
    case render = "render workbooks"
    case write = "write files"
}

/// Builds personal workbooks from journals. Every problem in every input is
/// reported before anything is written; each file is written atomically.
public struct BuildPipeline: Sendable {
    public let fileSystem: FileSystem

    public init(fileSystem: FileSystem = LocalFileSystem()) {
        self.fileSystem = fileSystem
    }

    /// Returns the paths written, in order.
    public func run(_ request: BuildRequest) throws(BuildError) -> [String] {
        let resources = try step(.loadResources) { () throws(DiagnosticError) in
            try Resources.load(
                contentOverlay: request.contentOverlay, templatesOverlay: request.templatesOverlay,
                fileSystem: fileSystem
            )
        }
        let journals = try step(.readJournals) { () throws(DiagnosticError) in
            try JournalReader(fileSystem: fileSystem, content: resources.content).read(request.inputs)
        }
        let renderer = WorkbookRenderer(resources: resources)
        let workbooks = try step(.render) { () throws(DiagnosticError) in
            var diagnostics: [Diagnostic] = []
            var workbooks: [RenderedWorkbook] = []
            for journal in journals {
                do throws(DiagnosticError) { workbooks.append(try renderer.render(journal)) } catch { diagnostics += error.diagnostics }
            }
            if !diagnostics.isEmpty { throw DiagnosticError(diagnostics) }
            return workbooks
        }
        return try step(.write) { () throws(DiagnosticError) in
            try write(workbooks, formats: request.formats, to: request.outputDirectory)
        }
    }

    private func step<T>(_ step: BuildStep, _ body: () throws(DiagnosticError) -> T) throws(BuildError) -> T {
        do {
            return try body()
        } catch {
            throw BuildError(step: step, diagnostics: error.diagnostics)
        }
    }

    private func write(_ workbooks: [RenderedWorkbook], formats: [OutputFormat], to directory: String) throws(DiagnosticError) -> [String] {
        var written: [String] = []
        do {
            try fileSystem.createDirectory(at: directory, permissions: .privateDirectory)
            for workbook in workbooks {
                for format in formats.sorted() {
                    let path = directory + "/\(workbook.week).\(format.fileExtension)"
                    try fileSystem.writeAtomically(workbook.text(for: format), to: path, permissions: .privateFile)
                    written.append(path)
                }
            }
        } catch {
            throw DiagnosticError([.error("cannot write: \(error)", at: SourceLocation(path: directory, line: 1, column: 1))])
        }
        return written
    }
}
