import Diagnostics
import Foundation
import Testing
@testable import Templating

/// An HTML template overlay shapes pages other people open: it may not add
/// script, navigate, load anything, or weaken the page's policy.
@Suite struct HTMLTemplateCheckTests {
    static let page = """
    <!DOCTYPE html>
    <html lang="{{lang}}">
    <head>
    <meta charset="utf-8">
    <meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
    <title>{{title}}</title>
    <style>
    {{{stylesheet}}}
    </style>
    </head>
    <body>
    MARK
    </body>
    </html>
    """

    static func problems(_ body: String, page: String = page) -> [String] {
        HTMLTemplateCheck.problems(in: template("workbook.html.mustache", page.replacingOccurrences(of: "MARK", with: body), folder: "look"))
            .map(\.description)
    }

    @Test("refused in a template, at the place", arguments: [
        "<script>alert(1)</script>", "<SCRIPT src=https://x.example/a.js></SCRIPT>", "<script>{{{script}}}</script><script>x</script>",
        "<meta http-equiv=\"refresh\" content=\"0;url=https://x.example/\">", "<meta HTTP-EQUIV=Refresh content=0>",
        "<base href=\"https://x.example/\">", "<iframe src=\"https://x.example/\"></iframe>", "<object data=x></object>",
        "<embed src=x>", "<audio src=x></audio>", "<video poster=x></video>", "<picture></picture>", "<math></math>",
        "<img src=\"https://x.example/p.png\" alt=\"\">", "<img src=x onerror=alert(1)>", "<body onload=\"alert(1)\">",
        "<p ONMOUSEOVER=alert(1)>x</p>", "<img srcset=\"a.png 1x\" src=\"data:image/png;base64,AA\" alt=\"\">",
        "<button formaction=\"https://x.example/\">x</button>", "<a ping=\"https://x.example/\" href=\"/\">x</a>",
        "<a href=\"javascript:alert(1)\">x</a>", "<a href=\"JaVaScRiPt :alert(1)\">x</a>",
        "<link rel=\"stylesheet\" href=\"https://x.example/a.css\">", "<link rel=\"prefetch\" href=\"/x\">", "<link rel=stylesheet href=//x.example/a.css>",
        "<form action=\"https://x.example/\"></form>", "<style>@import 'a.css';</style>", "<p style=\"background:url(https://x.example/p.png)\">x</p>",
        "<style>p{width:expression(alert(1))}</style>",
    ])
    func refused(body: String) {
        let found = Self.problems(body)
        #expect(!found.isEmpty, "\(body)")
        #expect(found.allSatisfy { $0.hasPrefix("look/workbook.html.mustache:12:") }, "\(found)")
    }

    @Test("a page's policy must be there, first, and strict", arguments: [
        ("default-src 'none'; style-src 'unsafe-inline'; img-src data:", true),
        ("default-src *", false),
        ("style-src 'unsafe-inline'", false),
        ("default-src 'none'; script-src 'unsafe-inline'", false),
        ("default-src 'none'; script-src https://x.example", false),
        ("default-src 'none'; script-src 'unsafe-eval'", false),
        ("default-src 'none'; img-src https:", false),
        ("default-src 'none'; font-src data:", false),
        ("{{contentSecurityPolicy}}", true),
    ])
    func policy(policy: String, accepted: Bool) {
        let page = Self.page.replacingOccurrences(of: "default-src 'none'; style-src 'unsafe-inline'; img-src data:", with: policy)
        #expect(Self.problems("", page: page).isEmpty == accepted, "\(policy)")
    }

    @Test func aPageWithoutAPolicyOrWithItTooLateIsRefused() {
        let without = Self.page.replacingOccurrences(of: #"<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">"#, with: "")
        #expect(Self.problems("", page: without) == ["look/workbook.html.mustache:1:1: error: a page needs a Content-Security-Policy <meta> in its <head>"])
        let late = Self.page.replacingOccurrences(of: "<title>{{title}}</title>", with: "<link rel=\"stylesheet\" href=\"a.css\">")
            .replacingOccurrences(of: "<meta charset=\"utf-8\">\n", with: "<meta charset=\"utf-8\">\n<link rel=\"stylesheet\" href=\"b.css\">\n")
        #expect(Self.problems("", page: late).contains { $0.contains("must come before anything that loads") })
    }

    @Test("what Attune's own pages use passes", arguments: [
        "<p>{{therapist}}</p>", "<script>{{{script}}}</script>", "<script type=\"application/json\" id=\"form-data\">{{{formData}}}</script>",
        "<img src=\"data:image/png;base64,AAAA\" alt=\"\">", "<a href=\"{{href}}\">{{text}}</a>", "<form action=\"search.html\" method=\"get\"></form>",
        "<p>Behaviour, content=, onward, ontology.</p>",
    ])
    func allowed(body: String) {
        #expect(Self.problems(body).isEmpty, "\(Self.problems(body))")
    }

    @Test func onlyHTMLTemplatesAreChecked() {
        #expect(HTMLTemplateCheck.problems(in: template("workbook.md.mustache", "<script>alert(1)</script>")).isEmpty)
    }
}
