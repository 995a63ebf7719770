import Foundation
import Privacy
import Sharing
import Site
import Templating
import Testing

/// The site's pages are as strict as the workbooks: nothing from elsewhere
/// loads, the search page's own script runs by hash, pictures only if
/// embedded, and a remote picture in content becomes a link.
@Suite("The site's Content-Security-Policy")
struct ContentSecurityPolicyTests {
    static func policy(of page: String) -> String? {
        guard let start = page.range(of: #"<meta http-equiv="Content-Security-Policy" content=""#) else { return nil }
        let rest = page[start.upperBound...]
        // As the browser reads the attribute.
        return rest.firstIndex(of: "\"").map { String(rest[..<$0]).replacingOccurrences(of: "&#39;", with: "'").replacingOccurrences(of: "&amp;", with: "&") }
    }

    @Test("every page carries the policy before anything that could load")
    func everyPage() throws {
        #expect(Support.pages.count > 10)
        for path in Support.pages {
            let page = Support.page(path)
            let policy = try #require(Self.policy(of: page), "\(path)")
            #expect(page.hasPrefix("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<meta http-equiv=\"Content-Security-Policy\""), "\(path)")
            for directive in ["default-src 'none'", "style-src 'self'", "img-src data:", "base-uri 'none'", "form-action 'self'"] {
                #expect(policy.contains(directive), "\(path): \(directive)")
            }
            #expect(!policy.contains("unsafe"), "\(path)")
            if path == "search.html" {
                let script = try #require(Support.resources.templates.asset("site/search.js"))
                #expect(policy.contains("script-src \(CSPHash.source(for: script))"))
                #expect(page.contains("<script>\(script)</script>"))
            } else {
                #expect(!policy.contains("script-src"), "\(path)")
                #expect(!page.contains("<script"), "\(path)")
            }
        }
    }

    @Test("the published 404 page allows exactly its own <base>")
    func base() throws {
        let (fileSystem, _) = try Support.build(SiteRequest(outputDirectory: "out", baseURL: BaseURL("https://example.org/a;b,c")))
        let page = try fileSystem.readText(at: "out/404.html")
        let policy = try #require(Self.policy(of: page))
        #expect(policy.contains("base-uri https://example.org/a%3Bb%2Cc/;"))
        #expect(page.components(separatedBy: "<base ").count == 2)
        #expect(page.range(of: "Content-Security-Policy")!.lowerBound < page.range(of: "<base ")!.lowerBound)
    }

    @Test("a remote picture or a refused link in content is shown as a link or text, never loaded or opened")
    func remoteImages() throws {
        let hostile = OverlayTests.card.replacingOccurrences(
            of: "A short question is enough.",
            with: "![tracker](https://tracker.example/p.png) ![svg](data:image/svg+xml,<svg/onload=alert(1)>) ![ok](data:image/png;base64,AAAA) [open](vscode://file/x) [search](search-ms:query=x)")
        // The programme's own link, allowed past the privacy screen, so the
        // rendering is what is tested.
        let allowed = SharingPolicy(rules: PrivacyRules(allowed: [("https://tracker.example/p.png", "test")]))
        let (fileSystem, _) = try Support.build(
            SiteRequest(outputDirectory: "out", contentOverlay: "mine"), files: ["mine/extra.yaml": hostile], policy: allowed)
        let article = HTML.article("practice-check-in", in: try fileSystem.readText(at: "out/sections/practices.html"))
        #expect(article.contains(#"<a href="https://tracker.example/p.png">tracker</a>"#))
        #expect(!article.contains("<img src=\"https"))
        #expect(!article.contains("svg+xml\""))
        #expect(article.contains(#"<img src="data:image/png;base64,AAAA" alt="ok" />"#))
        #expect(!article.contains("href=\"vscode:") && !article.contains("href=\"search-ms:"))
        #expect(article.contains("[open](vscode://file/x)"))
    }
}
