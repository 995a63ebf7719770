import GFM
import MarkdownSafety
import TestSupport
import Testing

/// Plain text (a name, a title, a prompt) placed in Markdown is printed
/// exactly as typed, in every GFM viewer, and never becomes markup or a link.
@Suite struct EscapeTextTests {
    /// What a reader should see: the text on one line.
    static func expected(_ text: String) -> String {
        String(text.map { $0 == "\n" || $0 == "\r" || $0 == "\r\n" ? " " : $0 }).replacingOccurrences(of: "\u{2060}", with: "")
    }

    static func check(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let escaped = MarkdownSafety.escapeText(text)
        let parsed = Reparse(escaped)
        #expect(parsed.rawHTML.isEmpty, "raw HTML from \(text.debugDescription) → \(escaped.debugDescription)", sourceLocation: sourceLocation)
        // E-mail addresses are the one exception: GFM links them from the
        // text after escapes are undone, so no escape can stop it; they stay
        // `mailto:` links to exactly the address shown.
        for link in parsed.links {
            let shown = link.plainText
            #expect(link.kind == .link && (link.url == "mailto:" + shown || (link.url == shown && shown.hasPrefix("mailto:"))),
                    "a link from \(text.debugDescription) → \(escaped.debugDescription)", sourceLocation: sourceLocation)
        }
        let blocks = parsed.document.blocks
        #expect(blocks.count <= 1 && blocks.allSatisfy { $0.kind == .paragraph },
                "structure from \(text.debugDescription) → \(escaped.debugDescription)", sourceLocation: sourceLocation)
        #expect(parsed.visibleText.replacingOccurrences(of: "\u{2060}", with: "") == expected(text),
                "text of \(text.debugDescription) → \(escaped.debugDescription)", sourceLocation: sourceLocation)
    }

    @Test("random strings over the markup alphabets print as typed", arguments: 0..<8)
    func property(seed: UInt64) {
        var generator = SplitMix64(seed: seed &* 7919)
        for _ in 0..<600 {
            let text = HostileStrings.make(&generator)
            guard !text.allSatisfy({ $0 == " " || $0 == "\t" || $0.isNewline }) else { continue }
            Self.check(text)
        }
    }

    @Test("hand-picked tricks", arguments: [
        "A_B", "Sam *Rivera*", "1. first", "2) second", "# not a heading", "- not a list", "+ plus", "= under",
        "> not a quote", "    four spaces", "\tTab", "trailing  ", "`code`", "~~gone~~", "| a | b |",
        "<img src=x onerror=alert(1)>", "<!-- hidden -->", "<!-->", "&lt;b&gt;", "&#106;avascript:", "AT&T",
        "https://x.example/\"><img src=x>", "www.x.example", "WWW.X.EXAMPLE/<b>", "ftp://files.example",
        "xmpp:someone@x.example", "XMPP:someone@x.example", "mailto:sam@x.example", "[x](javascript:alert(1))",
        "![x](https://tracker.example/p.png)", "[x]: vscode:open", "<https://x.example>", "<vscode:a>", "a\\", "\\<b>",
        "line\nbreak", "cr\rbreak", "crlf\r\nbreak", "- [ ] task", "[^1]", "*emph*_x_", "Sam Rivera", "",
    ])
    func tricks(text: String) {
        guard !text.isEmpty else {
            #expect(MarkdownSafety.escapeText(text) == "")
            return
        }
        Self.check(text)
    }

    @Test func ordinaryNamesAreUnchanged() {
        for name in ["Sam Rivera", "Dr Amara Okafor", "José Núñez", "李小龙", "O'Brien"] {
            #expect(MarkdownSafety.escapeText(name) == name)
        }
    }
}
