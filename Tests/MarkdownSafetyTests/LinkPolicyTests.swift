import MarkdownSafety
import Testing

/// Only http, https, mailto and relative addresses stay links, however the
/// scheme is disguised.
@Suite struct LinkPolicyTests {
    @Test("allowed", arguments: [
        "https://x.example/", "http://x.example", "HTTPS://X.EXAMPLE", "mailto:sam@x.example", "notes/a.md", "#card-1", "/abs",
        "//x.example/p", "?q=1", "", "%6Aavascript:alert(1)", "./javascript:alert(1)", "a/b:c",
    ])
    func allowed(url: String) {
        #expect(LinkPolicy.allowsLink(url))
    }

    @Test("refused", arguments: [
        "javascript:alert(1)", "JaVaScRiPt:alert(1)", " javascript:alert(1)", "java\tscript:alert(1)", "java\nscript:alert(1)",
        "\u{01}javascript:alert(1)", "javascript\u{0B}:x", "vbscript:x", "data:text/html,x", "data:image/png;base64,AA", "file:///etc/passwd",
        "ftp://x.example", "search-ms:query=x", "vscode://file/x", "vscode-insiders:x", "intent://x#Intent;end", "xmpp:a@b.example",
        "ms-settings:", "c:\\windows", "tel:123", "sms:1", "blob:https://x.example/1", "https://x.\u{07}example/",
    ])
    func refused(url: String) {
        #expect(!LinkPolicy.allowsLink(url))
    }

    @Test func onlyEmbeddedPicturesStayPictures() {
        #expect(LinkPolicy.allowsImage("data:image/png;base64,AAAA"))
        #expect(LinkPolicy.allowsImage(" DATA:image/webp;base64,AAAA"))
        #expect(!LinkPolicy.allowsImage("data:image/svg+xml,<svg/>"))
        #expect(!LinkPolicy.allowsImage("https://tracker.example/p.png"))
        #expect(!LinkPolicy.allowsImage("p.png"))
    }
}
