import Diagnostics

/// Stylesheets and scripts from `Templates/` (or a user's overlay of it) are
/// placed inside pages, in `<style>` and `<script>` elements. An overlay is
/// untrusted like any input, so before any command uses one, its text is
/// checked for what would escape the element or fetch something:
///
/// - `</style` or `</script` would end the element early and let the rest of
///   the file be read as markup (a `<meta http-equiv=refresh>` that no
///   Content-Security-Policy stops); `<!--` and `-->` (and `<script` in a
///   script) switch the HTML parser into states where the end tag is missed
///   or found elsewhere.
/// - In a stylesheet, `@import`, `url(...)` to anything but an embedded
///   `data:` address, `image-set(`, `src(`, `expression(`, `-moz-binding`
///   and `behavior` load or run something. They are looked for after CSS
///   comments are removed and CSS escapes decoded (`@\69mport`, `u\72l(`),
///   case-blind, as a CSS parser reads them.
///
/// Each is an error at the file's line and column; every command loads the
/// templates through `TemplateSet`, so every command refuses the file.
enum InlineAssetCheck {
    static func problems(in file: SourceFile) -> [Diagnostic] {
        if file.name.hasSuffix(".css") {
            return raw(["</style", "<!--", "-->"], in: file, element: "style") + stylesheet(file)
        }
        if file.name.hasSuffix(".js") {
            return raw(["</script", "<!--", "<script", "-->"], in: file, element: "script")
        }
        return []
    }

    /// Sequences the HTML parser acts on inside the element, however they are cased.
    static func raw(_ needles: [String], in file: SourceFile, element: String) -> [Diagnostic] {
        let scalars = Array(file.text.unicodeScalars)
        let lowered = scalars.map(lower)
        var problems: [Diagnostic] = []
        for needle in needles {
            let pattern = Array(needle.unicodeScalars)
            for start in matches(of: pattern, in: lowered) {
                problems.append(.error(
                    "cannot be placed inside the page's <\(element)> element: it contains '\(needle)'",
                    at: location(of: start, in: scalars, file: file)))
            }
        }
        return problems.sorted { ($0.location.line, $0.location.column) < ($1.location.line, $1.location.column) }
    }

    static let loaders: [(needle: String, why: String)] = [
        ("@import", "'@import' loads another stylesheet"),
        ("image-set(", "'image-set(' loads pictures"),
        ("src(", "'src(' loads a file"),
        ("expression(", "'expression(' runs script"),
        ("-moz-binding", "'-moz-binding' loads and runs a binding"),
        ("behavior", "'behavior' loads and runs a component"),
    ]

    /// What a CSS parser would fetch or run.
    static func stylesheet(_ file: SourceFile) -> [Diagnostic] {
        let scalars = Array(file.text.unicodeScalars)
        let (text, origin) = decoded(scalars)
        var problems: [Diagnostic] = []
        for (needle, why) in loaders {
            for start in matches(of: Array(needle.unicodeScalars), in: text) {
                problems.append(.error("a stylesheet cannot load or run anything: \(why)",
                                       at: location(of: origin[start], in: scalars, file: file)))
            }
        }
        for start in matches(of: Array("url(".unicodeScalars), in: text) {
            var index = start + 4
            while index < text.count, text[index] == " " || text[index] == "\t" || text[index] == "\n" || text[index] == "\"" || text[index] == "'" {
                index += 1
            }
            let argument = String(String.UnicodeScalarView(text[index..<min(index + 5, text.count)]))
            if argument != "data:" {
                problems.append(.error("a stylesheet cannot load anything: 'url(' may only hold an embedded data: address",
                                       at: location(of: origin[start], in: scalars, file: file)))
            }
        }
        return problems.sorted { ($0.location.line, $0.location.column) < ($1.location.line, $1.location.column) }
    }

    /// The stylesheet as a CSS tokenizer sees its words: comments removed,
    /// escapes decoded, lowercased; with, for each scalar, where it began.
    static func decoded(_ scalars: [Unicode.Scalar]) -> ([Unicode.Scalar], [Int]) {
        var text: [Unicode.Scalar] = []
        var origin: [Int] = []
        var index = 0
        func hexValue(_ scalar: Unicode.Scalar) -> UInt32? {
            switch scalar {
            case "0"..."9": return scalar.value - 0x30
            case "a"..."f": return scalar.value - 0x61 + 10
            case "A"..."F": return scalar.value - 0x41 + 10
            default: return nil
            }
        }
        while index < scalars.count {
            let scalar = scalars[index]
            if scalar == "/", index + 1 < scalars.count, scalars[index + 1] == "*" {
                var end = index + 2
                while end + 1 < scalars.count, !(scalars[end] == "*" && scalars[end + 1] == "/") { end += 1 }
                index = min(end + 2, scalars.count)
                continue
            }
            if scalar == "\\", index + 1 < scalars.count {
                var end = index + 1
                var value: UInt32 = 0
                while end < scalars.count, end - index <= 6, let digit = hexValue(scalars[end]) {
                    value = value &* 16 &+ digit
                    end += 1
                }
                if end > index + 1 {
                    if end < scalars.count, scalars[end] == " " || scalars[end] == "\t" || scalars[end] == "\n" { end += 1 }
                    text.append(lower(Unicode.Scalar(value) ?? "\u{FFFD}"))
                } else if scalars[end] == "\n" {
                    end += 1
                    index = end
                    continue
                } else {
                    text.append(lower(scalars[end]))
                    end += 1
                }
                origin.append(index)
                index = end
                continue
            }
            text.append(lower(scalar))
            origin.append(index)
            index += 1
        }
        return (text, origin)
    }

    static func lower(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        ("A"..."Z").contains(scalar) ? Unicode.Scalar(scalar.value | 0x20)! : scalar
    }

    static func matches(of pattern: [Unicode.Scalar], in text: [Unicode.Scalar]) -> [Int] {
        guard !pattern.isEmpty, text.count >= pattern.count else { return [] }
        var found: [Int] = []
        for start in 0...(text.count - pattern.count) where text[start] == pattern[0] {
            if Array(text[start..<(start + pattern.count)]) == pattern { found.append(start) }
        }
        return found
    }

    /// 1-based line and Unicode-scalar column of scalar `index`.
    static func location(of index: Int, in scalars: [Unicode.Scalar], file: SourceFile) -> SourceLocation {
        var line = 1
        var lineStart = 0
        for position in 0..<min(index, scalars.count) where scalars[position] == "\n" {
            line += 1
            lineStart = position + 1
        }
        return SourceLocation(path: file.path, line: line, column: index - lineStart + 1)
    }
}
