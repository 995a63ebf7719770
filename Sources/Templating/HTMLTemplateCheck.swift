import Diagnostics
import Foundation

/// An HTML template (`*.html.mustache`, bundled or from a `--templates`
/// overlay) is checked before any command renders with it, like the
/// stylesheets (`InlineAssetCheck`): an overlay is untrusted input, and the
/// page it shapes is opened by people who did not write it.
///
/// Refused, each at its line and column:
/// - a `<script>` other than the two forms Attune's pages use, a script
///   whose whole text is a context field (`<script>{{{script}}}</script>`,
///   allowed by hash in the page's policy) or a JSON data block;
/// - `http-equiv` other than `Content-Security-Policy` (a meta refresh
///   navigates, and no policy stops it), `<base>` other than the site's own
///   `<base href="{{.}}">`;
/// - elements that load or embed (`iframe`, `frame`, `object`, `embed`,
///   `applet`, `portal`, `audio`, `video`, `source`, `track`, `picture`, an
///   `img` that is not `data:`), event-handler attributes, `srcset`,
///   `formaction`, `ping`, `javascript:`/`vbscript:` addresses, a `<link>`
///   other than a stylesheet or canonical link to a relative or field
///   address, a form sent elsewhere, and CSS that loads (`@import`, `url()`
///   to anything but `data:`, `expression(`, `behavior:`);
/// - a page template (one that starts `<!DOCTYPE`) without a
///   Content-Security-Policy `<meta>` before anything that loads, or whose
///   literal policy does not start from `default-src 'none'`, allows any
///   other host, `unsafe-eval`, or inline script.
enum HTMLTemplateCheck {
    static func problems(in file: SourceFile) -> [Diagnostic] {
        guard file.name.hasSuffix(".html" + TemplateSet.suffix) else { return [] }
        let text = file.text
        var problems: [(String.Index, String)] = []
        func each(_ pattern: String, _ body: (Range<String.Index>, NSTextCheckingResult) -> String?) {
            guard let regex = try? NSRegularExpression(pattern: pattern, options: [.caseInsensitive]) else { return }
            for match in regex.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
                guard let range = Range(match.range, in: text), let message = body(range, match) else { continue }
                problems.append((range.lowerBound, message))
            }
        }
        let allowedScripts = #"<script(\s+type="application/json"\s+id="[a-z0-9-]+")?>\{\{\{\s*[A-Za-z]+\s*\}\}\}</script>"#
        each(#"<script\b"#) { range, _ in
            text[range.lowerBound...].range(of: allowedScripts, options: [.regularExpression, .anchored, .caseInsensitive]) == nil
                ? "a template may hold only a script whose text is a field ({{{script}}}) or a JSON data block" : nil
        }
        each(#"http-equiv\s*=\s*["']?([a-z-]*)"#) { _, match in
            let value = Range(match.range(at: 1), in: text).map { text[$0].lowercased() } ?? ""
            return value == "content-security-policy" ? nil : "'http-equiv=\(value)' acts on the page (a refresh navigates away, and no policy stops it)"
        }
        each(#"<base\b[^>]*>"#) { range, _ in
            text[range] == #"<base href="{{.}}">"# ? nil : "a <base> other than the site's own <base href=\"{{.}}\"> changes where every link goes"
        }
        each(#"<(iframe|frame|frameset|object|embed|applet|portal|audio|video|source|track|picture|math)\b"#) { _, match in
            let name = Range(match.range(at: 1), in: text).map { text[$0].lowercased() } ?? ""
            return "<\(name)> loads or embeds something"
        }
        each(#"<img\b[^>]*>"#) { range, _ in
            text[range].range(of: #"\ssrc\s*=\s*["']?data:image/(png|gif|jpeg|webp)"#, options: [.regularExpression, .caseInsensitive]) != nil
                ? nil : "a picture that is not embedded (src=\"data:image/...\") is fetched when the page opens"
        }
        each(#"<[a-z][^>]*?\s(on[a-z]+|srcset|formaction|ping|background|poster|xlink:href)\s*="#) { _, match in
            let name = Range(match.range(at: 1), in: text).map { text[$0].lowercased() } ?? ""
            return "the attribute '\(name)' runs script or loads something"
        }
        each(#"(javascript|vbscript|livescript)\s*:"#) { _, _ in "a script address" }
        each(#"<link\b[^>]*>"#) { range, _ in
            let tag = String(text[range])
            let kind = tag.range(of: #"\srel\s*=\s*"(stylesheet|canonical)""#, options: [.regularExpression, .caseInsensitive]) != nil
            let remote = tag.range(of: #"\shref\s*=\s*["']?\s*([a-z][a-z0-9+.-]*:|//)"#, options: [.regularExpression, .caseInsensitive]) != nil
            return kind && !remote ? nil : "a <link> other than a stylesheet or canonical link to the site's own address loads something"
        }
        each(#"<form\b[^>]*\saction\s*=\s*["']?\s*([a-z][a-z0-9+.-]*:|//)"#) { _, _ in "a form that sends answers elsewhere" }
        each(#"@import|expression\s*\(|behavior\s*:|-moz-binding"#) { _, _ in "CSS that loads or runs something" }
        each(#"url\s*\(\s*["']?"#) { range, _ in
            text[range.upperBound...].lowercased().hasPrefix("data:") ? nil : "CSS that loads something: 'url(' may only hold a data: address"
        }
        if text.trimmingCharacters(in: .whitespacesAndNewlines).lowercased().hasPrefix("<!doctype") {
            problems += policyProblems(text)
        }
        return problems.sorted { $0.0 < $1.0 }.map { .error($0.1, at: TemplateSet.location(of: $0.0, in: file)) }
    }

    /// A page's Content-Security-Policy: present, before anything that
    /// loads, and (when written out rather than filled in) strict.
    static func policyProblems(_ text: String) -> [(String.Index, String)] {
        let meta = #"<meta\s+http-equiv\s*=\s*"content-security-policy"\s+content\s*=\s*"([^"]*)"\s*/?>"#
        guard let found = text.range(of: meta, options: [.regularExpression, .caseInsensitive]) else {
            return [(text.startIndex, "a page needs a Content-Security-Policy <meta> in its <head>")]
        }
        var problems: [(String.Index, String)] = []
        if let loader = text.range(of: #"<(style|link|script|base|img)\b"#, options: [.regularExpression, .caseInsensitive]),
           loader.lowerBound < found.lowerBound {
            problems.append((loader.lowerBound, "the Content-Security-Policy <meta> must come before anything that loads"))
        }
        let tag = String(text[found])
        guard let open = tag.range(of: #"content\s*=\s*""#, options: [.regularExpression, .caseInsensitive]) else { return problems }
        let policy = String(tag[open.upperBound...].prefix { $0 != "\"" })
        if policy.hasPrefix("{{") { return problems }  // filled in by Attune (the form, the site)
        let directives = policy.lowercased().split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
        if directives.first != "default-src 'none'" {
            problems.append((found.lowerBound, "the page's policy must start from default-src 'none'"))
        }
        for directive in directives {
            let name = directive.split(separator: " ").first.map(String.init) ?? ""
            let sources = directive.split(separator: " ").dropFirst()
            if sources.contains(where: { $0 == "*" || $0.contains("://") || $0 == "http:" || $0 == "https:" || $0 == "'unsafe-eval'" })
                || (sources.contains("'unsafe-inline'") && name != "style-src")
                || (sources.contains("data:") && name != "img-src") {
                problems.append((found.lowerBound, "the page's policy may not allow '\(directive)'"))
            }
        }
        return problems
    }
}
