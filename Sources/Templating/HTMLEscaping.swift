import Mustache

/// How `{{name}}` is escaped in HTML templates: the five characters
/// swift-mustache's own HTML content type escapes, to the same entities,
/// found by scanning bytes. swift-mustache looks each Character up in a
/// dictionary, which was a quarter of rendering a handout's HTML.
struct HTMLEscaping: MustacheContentType {
    static let name = "ATTUNE_HTML"

    /// Registers the content type; safe to call any number of times.
    static func register() { _ = registered }
    private static let registered: Void = MustacheContentTypes.register(HTMLEscaping(), named: name)

    func escapeText(_ text: String) -> String { HTMLText.escape(text) }
}

/// Text made safe for HTML and XML: `<`, `>`, `&`, `"` and `'` as entities.
/// The one escaper for HTML that Attune writes outside a template (SVG
/// charts, the sitemap), and the one its HTML templates use.
package enum HTMLText {
    /// Scans bytes, and returns `text` itself when nothing needs escaping.
    package static func escape(_ text: String) -> String {
        let utf8 = text.utf8
        guard utf8.contains(where: needsEscape) else { return text }
        var escaped: [UInt8] = []
        escaped.reserveCapacity(utf8.count + 16)
        for byte in utf8 {
            switch byte {
            case UInt8(ascii: "<"): escaped += "&lt;".utf8
            case UInt8(ascii: ">"): escaped += "&gt;".utf8
            case UInt8(ascii: "&"): escaped += "&amp;".utf8
            case UInt8(ascii: "\""): escaped += "&quot;".utf8
            case UInt8(ascii: "'"): escaped += "&#39;".utf8
            default: escaped.append(byte)
            }
        }
        return String(decoding: escaped, as: UTF8.self)
    }

    private static func needsEscape(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: "<") || byte == UInt8(ascii: ">") || byte == UInt8(ascii: "&")
            || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'")
    }
}
