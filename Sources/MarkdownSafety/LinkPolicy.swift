/// Which link addresses an output may carry: `http`, `https`, `mailto` and
/// relative addresses. Everything else (`javascript:`, `data:`, `vscode:`,
/// `search-ms:`, `intent:`, `ftp:`, `file:`, ...) opens a local program or
/// runs code when clicked, so it is shown as text instead. One rule for HTML
/// and Markdown outputs.
///
/// The address is read the way a browser's URL parser reads it (WHATWG URL):
/// tab, line feed and carriage return anywhere are dropped, and leading and
/// trailing C0 controls and spaces are trimmed, so `java\tscript:` and
/// ` javascript:` are seen as the scheme they are. cmark-gfm has already
/// decoded entities (`&#106;avascript:`) and backslash escapes by the time an
/// address reaches this check. A percent-encoded scheme (`%6Aavascript:`) is
/// not a scheme to a browser (a scheme starts with a letter and has no `%`),
/// so it stays a harmless relative path.
package enum LinkPolicy {
    package static let allowedSchemes: Set<String> = ["http", "https", "mailto"]

    /// `data:` pictures in the formats cmark-gfm's safe mode lets through:
    /// embedded, so showing them fetches nothing.
    package static let embeddedImagePrefixes = ["data:image/png", "data:image/gif", "data:image/jpeg", "data:image/webp"]

    /// Whether a link to `url` may stay a link.
    package static func allowsLink(_ url: String) -> Bool {
        guard let scheme = scheme(of: url) else { return !hasControlCharacters(url) }
        return allowedSchemes.contains(scheme) && !hasControlCharacters(url)
    }

    /// Whether a picture at `url` may be shown in place: only embedded ones.
    package static func allowsImage(_ url: String) -> Bool {
        let lower = normalised(url).lowercased()
        return embeddedImagePrefixes.contains { lower.hasPrefix($0) }
    }

    /// The scheme as a browser would read it, lowercased, or `nil` for a
    /// relative address.
    package static func scheme(of url: String) -> String? {
        let scalars = Array(normalised(url).unicodeScalars)
        guard let first = scalars.first, first.isASCIILetter else { return nil }
        for (index, scalar) in scalars.enumerated() {
            if scalar == ":" { return String(String.UnicodeScalarView(scalars[..<index])).lowercased() }
            guard scalar.isASCIILetter || ("0"..."9").contains(scalar) || scalar == "+" || scalar == "-" || scalar == "." else {
                return nil
            }
        }
        return nil
    }

    /// Tab, LF and CR removed anywhere; C0 controls and spaces trimmed at both ends.
    static func normalised(_ url: String) -> String {
        var scalars = url.unicodeScalars.filter { $0 != "\t" && $0 != "\n" && $0 != "\r" }
        while let first = scalars.first, first.value <= 0x20 { scalars.removeFirst() }
        while let last = scalars.last, last.value <= 0x20 { scalars.removeLast() }
        return String(String.UnicodeScalarView(scalars))
    }

    /// Any other control character left inside is a trick, never an address.
    static func hasControlCharacters(_ url: String) -> Bool {
        normalised(url).unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7F }
    }
}

extension Unicode.Scalar {
    var isASCIILetter: Bool { ("a"..."z").contains(self) || ("A"..."Z").contains(self) }
}
