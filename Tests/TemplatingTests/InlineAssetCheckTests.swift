import Diagnostics
import Foundation
import Testing
@testable import Templating

/// A stylesheet or script overlay is placed inside a page: it may not close
/// its element, switch the HTML parser's state, or load or run anything.
@Suite struct InlineAssetCheckTests {
    static func problems(_ name: String, _ text: String) -> [String] {
        InlineAssetCheck.problems(in: template(name, text, folder: "look")).map(\.description)
    }

    @Test("stylesheets that escape or load are refused, at the place", arguments: [
        ("p{}</style><meta http-equiv=refresh content=\"0;url=https://x.example/\">", "look/x.css:1:4"),
        ("p{}</STYLE >", "look/x.css:1:4"),
        ("<!-- p{} -->", "look/x.css:1:1"),
        ("p{}\n@import 'https://x.example/a.css';", "look/x.css:2:1"),
        ("@IMPORT url(a.css);", "look/x.css:1:1"),
        ("@\\69mport 'a.css';", "look/x.css:1:1"),
        ("@\\49 MPORT 'a.css';", "look/x.css:1:1"),
        ("a{background:url(https://x.example/p.png)}", "look/x.css:1:14"),
        ("a{background:URL( \"//x.example/p.png\")}", "look/x.css:1:14"),
        ("a{background:u\\72l(https://x.example/p.png)}", "look/x.css:1:14"),
        ("a{background:u\\rl(p.png)}", "look/x.css:1:14"),
        ("a{background:url(p.png)}", "look/x.css:1:14"),
        ("a{background:image-set('https://x.example/p.png' 1x)}", "look/x.css:1:14"),
        ("@font-face{font-family:x;src:url(https://x.example/f.woff)}", "look/x.css:1:30"),
        ("a{width:expression(alert(1))}", "look/x.css:1:9"),
        ("a{-moz-binding:url(x.xml#x)}", "look/x.css:1:3"),
        ("a{behavior:url(x.htc)}", "look/x.css:1:3"),
        ("a{background:u/**/rl(p.png)}", "look/x.css:1:14"),
    ])
    func refusedStylesheet(text: String, at location: String) {
        let found = Self.problems("x.css", text)
        #expect(!found.isEmpty, "\(text)")
        #expect(found.first?.hasPrefix(location + ": error: ") == true, "\(found)")
    }

    @Test("ordinary stylesheets pass", arguments: [
        "body { color: #222; font: 1rem/1.5 system-ui, sans-serif; }",
        "a::after { content: \"\\2014\"; }",
        "li { background: url(data:image/png;base64,AAAA); }",
        "li { background: url( 'data:image/svg+xml,<svg/>' ); }",
        "/* no url() here, just a comment */ p { margin: 0 }",
        "@media print { .no-print { display: none } }",
    ])
    func allowedStylesheet(text: String) {
        #expect(Self.problems("x.css", text).isEmpty)
    }

    @Test("scripts that could end their element are refused", arguments: [
        "var a = '</script>';", "var a = '</SCRIPT';", "// <!-- x", "var s = '<script>';", "x --> y",
    ])
    func refusedScript(text: String) {
        #expect(!Self.problems("x.js", text).isEmpty)
    }

    @Test func otherFilesAreNotInlineAssets() {
        #expect(Self.problems("notes.txt", "</style> @import").isEmpty)
    }

    @Test("every bundled stylesheet and script passes")
    func bundled() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Templates")
        let files = FileManager.default.enumerator(atPath: root.path)!.compactMap { $0 as? String }
            .filter { $0.hasSuffix(".css") || $0.hasSuffix(".js") }
        #expect(files.count >= 6)
        for name in files {
            let text = try String(contentsOf: root.appendingPathComponent(name), encoding: .utf8)
            #expect(InlineAssetCheck.problems(in: template(name, text)).isEmpty, "\(name)")
        }
    }
}
