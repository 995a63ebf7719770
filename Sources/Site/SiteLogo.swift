import ContentModel
import Diagnostics
import Files
import Foundation

/// The programme's logo (`logo:` in `site.yaml`), read from the content
/// folder and known by its first bytes, never by its name alone.
///
/// Every page carries it inside itself as a `data:` address rather than
/// linking a copy: the pages' policy already allows embedded pictures and
/// nothing else (`img-src data:`), and a page template may name no picture
/// that is fetched, so neither rule has to be loosened for it. A PNG, JPEG
/// or WebP cannot run script, which is why SVG is refused.
struct SiteLogo: Sendable, Equatable {
    let format: LogoFormat
    let base64: String

    /// `nil` when `site.yaml` names no logo.
    static func load(_ settings: SiteSettings?, overlay: String?, fileSystem: FileSystem) throws(DiagnosticError) -> SiteLogo? {
        guard let settings, let name = settings.logo else { return nil }
        let at = settings.logoLocation ?? SourceLocation(path: SiteSettings.fileName, line: 1, column: 1)
        func problem(_ message: String) -> DiagnosticError { DiagnosticError([.error(message, at: at)]) }
        guard let overlay else { throw problem("logo '\(name)' can only be read from a --content folder") }
        let path = (overlay.hasSuffix("/") ? overlay : overlay + "/") + name
        let data: Data
        do {
            data = try fileSystem.readData(at: path)
        } catch FileSystemError.notFound {
            throw problem("logo '\(name)' is not in the content folder (there is no \(path))")
        } catch {
            throw problem("logo '\(name)' cannot be read: \(error)")
        }
        guard data.count <= LogoFormat.maximumBytes else {
            throw problem("logo '\(name)' is \(data.count) bytes; a logo is at most \(LogoFormat.maximumBytes) bytes (32 KiB), as every page carries it")
        }
        guard let format = LogoFormat.sniff(Array(data.prefix(12))) else {
            throw problem("logo '\(name)' is not a PNG, JPEG or WebP image: its first bytes are none of theirs")
        }
        return SiteLogo(format: format, base64: data.base64EncodedString())
    }
}
