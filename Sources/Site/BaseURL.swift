import Foundation

/// Where the site will be published, from `--base-url`: only needed for what
/// must be absolute, `sitemap.xml` and canonical links. Every other link in
/// the site stays relative.
package struct BaseURL: Sendable, Equatable, CustomStringConvertible {
    /// Without a trailing slash: `https://example.org/training`.
    package let value: String

    /// An `http` or `https` address with a host and no query or fragment.
    package init?(_ text: String) {
        var text = text.trimmingCharacters(in: .whitespaces)
        let lower = text.lowercased()
        guard lower.hasPrefix("https://") || lower.hasPrefix("http://"),
              !text.contains("?"), !text.contains("#"), !text.contains(where: { $0.isWhitespace || $0 == "\"" || $0 == "<" || $0 == ">" })
        else { return nil }
        while text.hasSuffix("/") { text.removeLast() }
        let host = text.split(separator: "/", omittingEmptySubsequences: true).dropFirst().first
        guard let host, !host.isEmpty else { return nil }
        value = text
    }

    package var description: String { value }

    /// The absolute address of a page; the home page is the folder itself.
    func url(of path: SitePath) -> String {
        path == .home ? value + "/" : value + "/" + path.value
    }
}
