import Diagnostics
import Foundation
import Yams

/// `site.yaml` in the content: what the published site (`attune site`) calls
/// itself. The bundled content has one; a `site.yaml` in a `--content`
/// folder replaces it whole, as any content file with the same name does.
///
/// ```yaml
/// title: Rupture and repair in the therapeutic alliance   # at most 80 characters, one line
/// description: Teaching material for ...                 # at most 300 characters
/// version: 2026-12-05                                     # optional: the day the material was last revised
/// logo: logo.png                                          # optional: a PNG, JPEG or WebP in the content folder
/// ```
///
/// Every value is plain text, shown as written (never read as Markdown or
/// HTML), so a title like `<b>Group</b>` is shown with its angle brackets.
package struct SiteSettings: Sendable, Equatable {
    package static let fileName = "site.yaml"
    package static let keys = ["title", "description", "version", "logo"]
    /// A title fits a browser tab and a site header on a phone.
    package static let maximumTitleLength = 80
    /// Room for two sentences: the home page's lead and every page's
    /// `<meta name="description">`, which search engines cut near 160.
    package static let maximumDescriptionLength = 300
    /// The file holds four short values; 4 KiB leaves room for comments.
    package static let maximumBytes = 4096

    package var title: String
    package var description: String
    /// The day this version of the material was made, if the file says.
    package var version: MaterialDate?
    /// The logo's path inside the content folder, as written.
    package var logo: String?
    /// Where the title and description were written, for the material
    /// screen; where the logo was named, for errors about the image.
    package var titleLocation: SourceLocation
    package var descriptionLocation: SourceLocation
    package var logoLocation: SourceLocation?

    package init(
        title: String, description: String, version: MaterialDate? = nil, logo: String? = nil,
        titleLocation: SourceLocation, descriptionLocation: SourceLocation, logoLocation: SourceLocation? = nil
    ) {
        self.title = title
        self.description = description
        self.version = version
        self.logo = logo
        self.titleLocation = titleLocation
        self.descriptionLocation = descriptionLocation
        self.logoLocation = logoLocation
    }

    /// Reads a settings file; every problem is a diagnostic at its place,
    /// and there are settings only when there is no problem.
    package static func parse(_ file: SourceFile) -> (settings: SiteSettings?, problems: [Diagnostic]) {
        var fields = YAMLFields(path: file.path)
        guard
            let entries = fields.fileMapping(
                file, kind: "site file", maximumBytes: maximumBytes, allowed: keys,
                ifEmpty: "the site file is empty: give the site a title and a description, as in title: Our programme")
        else { return (nil, fields.diagnostics) }
        let title = fields.string(entries, "title", in: "the site file")
        if let title, let node = entries["title"] {
            if title.contains(where: \.isNewline) {
                fields.error("the title must be one line: it heads every page and names the browser tab", at: node)
            } else if title.count > maximumTitleLength {
                fields.error("the title is \(title.count) characters; a site's title is at most \(maximumTitleLength)", at: node)
            }
        }
        let description = fields.string(entries, "description", in: "the site file")
        if let description, let node = entries["description"], description.count > maximumDescriptionLength {
            fields.error("the description is \(description.count) characters; a site's description is at most \(maximumDescriptionLength)", at: node)
        }
        var version: MaterialDate?
        if let node = entries["version"] {
            if case .scalar(let scalar) = node, let date = MaterialDate(scalar.string) {
                version = date
            } else {
                fields.error("version must be a date such as 2026-12-05: the day this version of the material was made", at: node)
            }
        }
        var logo: String?
        if let name = fields.optionalString(entries, "logo"), let node = entries["logo"] {
            if let problem = logoPathProblem(name) {
                fields.error(problem, at: node)
            } else {
                logo = name
            }
        }
        guard !fields.diagnostics.hasErrors, let title, let description else { return (nil, fields.diagnostics) }
        return (SiteSettings(
            title: title, description: description.replacingOccurrences(of: "\n", with: " "), version: version, logo: logo,
            titleLocation: fields.location(of: entries["title"]), descriptionLocation: fields.location(of: entries["description"]),
            logoLocation: entries["logo"].map { fields.location(of: $0) }
        ), fields.diagnostics)
    }

    /// The logo is a file of the content folder itself: a relative path
    /// that cannot climb out of it, naming a PNG, JPEG or WebP.
    static func logoPathProblem(_ path: String) -> String? {
        let parts = path.split(separator: "/", omittingEmptySubsequences: false)
        if path.hasPrefix("/") || path.contains("\\") || parts.contains("..") || parts.contains("") || parts.contains(where: { $0.hasPrefix(".") }) {
            return "logo must name a file inside the content folder, such as logo.png (no '..', no absolute path, no hidden file)"
        }
        guard LogoFormat.isPictureName(path) else {
            return "logo must be a PNG, JPEG or WebP image (.png, .jpg, .jpeg, .webp); SVG is refused because it can carry script"
        }
        return nil
    }
}

/// The image formats a site's logo may have, told apart by their first
/// bytes, never by the file's name alone.
package enum LogoFormat: String, Sendable, CaseIterable {
    case png, jpeg, webp

    /// At most 32 KiB: every page carries the logo inside itself (see
    /// `Site`), so its size is paid once per page.
    package static let maximumBytes = 32 * 1024

    /// A name that ends like a picture's: the content loader leaves such
    /// files to the site rather than reading them as text.
    package static func isPictureName(_ name: String) -> Bool {
        let lower = name.lowercased()
        return allCases.contains { format in format.extensions.contains { lower.hasSuffix("." + $0) } }
    }

    /// For a `data:` address.
    package var mediaType: String { "image/\(rawValue)" }

    package var extensions: [String] {
        switch self {
        case .png: return ["png"]
        case .jpeg: return ["jpg", "jpeg"]
        case .webp: return ["webp"]
        }
    }

    /// The format `bytes` start with, or `nil` for anything else.
    package static func sniff(_ bytes: [UInt8]) -> LogoFormat? {
        if bytes.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) { return .png }
        if bytes.starts(with: [0xFF, 0xD8, 0xFF]) { return .jpeg }
        if bytes.count >= 12, bytes.starts(with: Array("RIFF".utf8)), Array(bytes[8..<12]) == Array("WEBP".utf8) { return .webp }
        return nil
    }
}

/// A calendar day, as content files write it (`2026-12-05`) and as a
/// reader says it ("5 December 2026"): no clock and no locale involved, so
/// the words are the same on every machine.
package struct MaterialDate: Sendable, Equatable {
    package let year: Int
    package let month: Int
    package let day: Int

    /// `nil` unless `text` is a real day written `YYYY-MM-DD`.
    package init?(_ text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              parts.allSatisfy({ $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }),
              let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]),
              (1...12).contains(month), day >= 1, day <= Gregorian.days(inMonth: month, of: year)
        else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// "5 December 2026".
    package var words: String { "\(day) \(Gregorian.monthNames[month - 1]) \(year)" }
}
