/// Where a file sits in the site, relative to the site's root, e.g.
/// `sections/markers.html`.
///
/// Every link the site prints is made by `href(from:)`, relative to the page
/// it is printed on, so the same folder works opened from `file://`, copied
/// into a sub-folder of a web server, or served at a domain's root. Links
/// always name a file, never a folder: `file://` has no index pages.
package struct SitePath: Hashable, Comparable, Sendable, CustomStringConvertible {
    package let value: String

    package init(_ value: String) { self.value = value }

    package var description: String { value }

    package static func < (lhs: Self, rhs: Self) -> Bool { lhs.value < rhs.value }

    /// How many folders deep the file is: 0 for `index.html`.
    var depth: Int { value.split(separator: "/").count - 1 }

    /// The link to this file (and `anchor` in it) from a page at `page`.
    func href(from page: SitePath, anchor: String? = nil) -> String {
        String(repeating: "../", count: page.depth) + value + (anchor.map { "#" + $0 } ?? "")
    }

    /// The folders the file needs, outermost first: `a/b/c.html` → `a`, `a/b`.
    var folders: [String] {
        let parts = value.split(separator: "/").dropLast()
        return parts.indices.map { parts[...$0].joined(separator: "/") }
    }

    static let home = SitePath("index.html")
    static let search = SitePath("search.html")
    static let notFound = SitePath("404.html")
    static let stylesheet = SitePath("assets/site.css")
    static let printStylesheet = SitePath("assets/print.css")
    static let sitemap = SitePath("sitemap.xml")
}
