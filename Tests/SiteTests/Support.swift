import ContentModel
import Files
import Foundation
import Privacy
import Rendering
import Sharing
import Site
import Workbook

/// Shared helpers: build the bundled site into memory, and read the pages
/// back the way a browser or a link checker would.
enum Support {
    static let resources: Resources = try! Resources.load(fileSystem: InMemoryFileSystem())
    static var content: ContentModel { resources.content }

    /// Builds into `out/` on a fresh in-memory disk holding `files`.
    static func build(
        _ request: SiteRequest = SiteRequest(outputDirectory: "out"), files: [String: String] = [:],
        policy: SharingPolicy = SharingPolicy(rules: PrivacyRules())
    ) throws(SiteError) -> (fileSystem: InMemoryFileSystem, report: SiteReport) {
        let fileSystem = InMemoryFileSystem(files: files)
        let report = try SitePipeline(fileSystem: fileSystem, policy: policy).run(request)
        return (fileSystem, report)
    }

    /// The bundled site, built once for the tests that only read it.
    static let site: [String: String] = {
        let (fileSystem, _) = try! build()
        return fileSystem.snapshot
            .filter { $0.key.hasPrefix("out/") }
            .reduce(into: [:]) { $0[String($1.key.dropFirst("out/".count))] = $1.value }
    }()

    static var pages: [String] { site.keys.filter { $0.hasSuffix(".html") && !$0.hasPrefix("downloads/") }.sorted() }

    static func page(_ path: String) -> String { site[path] ?? "" }
}

/// Just enough HTML reading for the tests: attributes by regular expression.
enum HTML {
    static func values(of attribute: String, in html: String) -> [String] {
        let regex = try! NSRegularExpression(pattern: "\\s\(attribute)=\"([^\"]*)\"")
        return regex.matches(in: html, range: NSRange(html.startIndex..., in: html)).map {
            unescape(String(html[Range($0.range(at: 1), in: html)!]))
        }
    }

    static func links(in html: String) -> [String] { values(of: "href", in: html) + values(of: "src", in: html) }

    static func ids(in html: String) -> [String] { values(of: "id", in: html) }

    /// The `<article>` with this ID, up to its end tag.
    static func article(_ id: String, in html: String) -> String {
        guard let start = html.range(of: "<article class=\"card\" id=\"\(id)\">")
                ?? html.range(of: "<article class=\"prompt\" id=\"\(id)\">")
                ?? html.range(of: "<article class=\"source\" id=\"\(id)\">"),
              let end = html.range(of: "</article>", range: start.upperBound..<html.endIndex)
        else { return "" }
        return String(html[start.lowerBound..<end.upperBound])
    }

    /// The links listed under one label of a card's cross-links.
    static func linkGroup(_ label: String, in article: String) -> [String] {
        guard let start = article.range(of: "<dt>\(label)</dt>"),
              let end = article.range(of: "</dd>", range: start.upperBound..<article.endIndex)
        else { return [] }
        return values(of: "href", in: String(article[start.upperBound..<end.lowerBound]))
    }

    static func count(_ needle: String, in html: String) -> Int { html.components(separatedBy: needle).count - 1 }

    static func unescape(_ text: String) -> String {
        text.replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
            .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&amp;", with: "&")
    }

    /// `target` resolved against the folder of `page`, both site-relative.
    static func resolve(_ target: String, from page: String) -> String {
        var parts = page.split(separator: "/").dropLast().map(String.init)
        for part in target.split(separator: "/", omittingEmptySubsequences: false) {
            if part == ".." { _ = parts.popLast() } else if part != "." { parts.append(String(part)) }
        }
        return parts.joined(separator: "/")
    }
}
