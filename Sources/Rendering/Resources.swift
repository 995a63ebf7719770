import Bundled
import ContentModel
import Diagnostics
import Files
import Foundation
import Templating

/// The material a build works from: the content model and the templates,
/// each the bundled folder overlaid by the user's, if any.
package struct Resources: Sendable {
    package let content: ContentModel
    package let templates: TemplateSet
    /// Identifies the bundled content and templates in every output.
    package let fingerprint: String

    package init(content: ContentModel, templates: TemplateSet, fingerprint: String) {
        self.content = content
        self.templates = templates
        self.fingerprint = fingerprint
    }

    /// Loads both, reporting the problems of both in one error.
    package static func load(
        contentOverlay: String? = nil, templatesOverlay: String? = nil, fileSystem: FileSystem
    ) throws(DiagnosticError) -> Resources {
        // Side by side: loading is most of a short command's time.
        let loaded = Loaded()
        DispatchQueue.concurrentPerform(iterations: 2) { part in
            if part == 0 {
                loaded.set(content: Result { () throws(DiagnosticError) in
                    let layers = [bundledLayer(BundledFiles.content)] + (try overlayLayer(contentOverlay, fileSystem))
                    return try ContentLoader.load(layers: layers, bundledLayers: 1)
                })
            } else {
                loaded.set(templates: Result { () throws(DiagnosticError) in
                    let layers = [bundledLayer(BundledFiles.templates)] + (try overlayLayer(templatesOverlay, fileSystem))
                    return try TemplateSet(layers: layers)
                })
            }
        }
        let (contentResult, templatesResult) = loaded.results
        var diagnostics: [Diagnostic] = []
        var content: ContentModel?
        var templates: TemplateSet?
        do { content = try contentResult.get() } catch { diagnostics += error.diagnostics }
        do { templates = try templatesResult.get() } catch { diagnostics += error.diagnostics }
        guard let content, let templates else { throw DiagnosticError(diagnostics) }
        return Resources(content: content, templates: templates, fingerprint: bundledFingerprint)
    }

    /// The bundled content's and templates' fingerprints, as every output and
    /// `attune --version` show them: two cohorts' material told apart.
    package static var bundledFingerprint: String {
        BundledFiles.content.fingerprint + "-" + BundledFiles.templates.fingerprint
    }

    /// The two halves of `load`, filled in from two threads.
    private final class Loaded: @unchecked Sendable {
        private let lock = NSLock()
        private var content: Result<ContentModel, DiagnosticError>?
        private var templates: Result<TemplateSet, DiagnosticError>?

        func set(content: Result<ContentModel, DiagnosticError>) { lock.withLock { self.content = content } }
        func set(templates: Result<TemplateSet, DiagnosticError>) { lock.withLock { self.templates = templates } }
        var results: (Result<ContentModel, DiagnosticError>, Result<TemplateSet, DiagnosticError>) {
            lock.withLock { (content!, templates!) }
        }
    }

    package static func bundledLayer(_ folder: BundledFolder) -> [SourceFile] {
        folder.files.map { SourceFile(path: "\(folder.name)/\($0.path)", name: $0.path, text: $0.text) }
    }

    package static func overlayLayer(_ directory: String?, _ fileSystem: FileSystem) throws(DiagnosticError) -> [[SourceFile]] {
        guard let directory else { return [] }
        let start = SourceLocation(path: directory, line: 1, column: 1)
        guard fileSystem.directoryExists(at: directory) else {
            throw DiagnosticError([.error("no such folder", at: start)])
        }
        var files: [SourceFile] = []
        var problems: [Diagnostic] = []
        let names: [String]
        do { names = try fileSystem.files(under: directory) } catch {
            throw DiagnosticError([.error("cannot be read: \(error)", at: start)])
        }
        // Pictures (a site's logo) are read as bytes by whoever uses them, never as text.
        for name in names where !LogoFormat.isPictureName(name) {
            let path = directory.hasSuffix("/") ? directory + name : directory + "/" + name
            do {
                files.append(SourceFile(path: path, name: name, text: try fileSystem.readText(at: path)))
            } catch {
                problems.append(.unreadable(path, error))
            }
        }
        if !problems.isEmpty { throw DiagnosticError(problems) }
        return [files]
    }
}
