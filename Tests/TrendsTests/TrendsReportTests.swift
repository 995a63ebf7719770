import Files
import Foundation
import Testing
import Trends

/// The example year's report, compared byte for byte with reviewed copies
/// in `Golden/`. Set ATTUNE_UPDATE_GOLDEN=1 to rewrite them, then read the
/// diff. The stylesheet and the material's fingerprint change with any
/// template or content edit, so they are written as `STYLESHEET` and
/// `FINGERPRINT` here.
@Suite("The example year's trends report")
struct TrendsReportTests {
    static func render() throws -> (markdown: String, html: String) {
        let fileSystem = try Fixtures.run(Fixtures.exampleYear).fileSystem
        return (try fileSystem.readText(at: "out/trends.md"), try fileSystem.readText(at: "out/trends.html"))
    }

    static func stable(_ html: String) -> String {
        var text = html.replacingOccurrences(of: Fixtures.resources.fingerprint, with: "FINGERPRINT")
        if let open = text.range(of: "<style>\n"), let close = text.range(of: "</style>", range: open.upperBound..<text.endIndex) {
            text.replaceSubrange(open.upperBound..<close.lowerBound, with: "STYLESHEET\n")
        }
        return text
    }

    @Test("renders exactly as the reviewed golden files", arguments: ["trends.md", "trends.html"])
    func matchesGolden(name: String) throws {
        let rendered = try Self.render()
        let actual = name == "trends.md" ? rendered.markdown : Self.stable(rendered.html)
        let golden = Fixtures.goldenFolder.appendingPathComponent(name)
        if ProcessInfo.processInfo.environment["ATTUNE_UPDATE_GOLDEN"] == "1" {
            try FileManager.default.createDirectory(at: Fixtures.goldenFolder, withIntermediateDirectories: true)
            try actual.write(to: golden, atomically: true, encoding: .utf8)
        }
        let expected = try String(contentsOf: golden, encoding: .utf8)
        #expect(actual == expected, "differs from \(golden.path); rerun with ATTUNE_UPDATE_GOLDEN=1 and review the diff")
    }

    @Test("gives every chart a title and a description it is labelled by, and a table after it")
    func accessibleCharts() throws {
        let html = try Self.render().html
        let charts = html.components(separatedBy: "<svg ").dropFirst()
        #expect(charts.count == 6)
        for chart in charts {
            let id = try #require(chart.firstMatch(of: /aria-labelledby="([a-z-]+)-title \1-desc"/)?.1)
            #expect(chart.contains(#"role="img""#))
            #expect(chart.contains(#"<title id="\#(id)-title">"#))
            #expect(chart.contains(#"<desc id="\#(id)-desc">"#))
            let after = try #require(chart.components(separatedBy: "</svg>").dropFirst().first)
            #expect(after.contains("<table>"), "no table after \(id)")
        }
        #expect(!html.lowercased().contains("<script"))
        #expect(!html.contains("http://") || !html.replacingOccurrences(of: "http://www.w3.org/2000/svg", with: "").contains("http://"))
        #expect(!html.contains("https://"))
    }

    @Test("carries the same figures in the Markdown as in the HTML tables")
    func sameFigures() throws {
        let (markdown, html) = try Self.render()
        // Every table row, as its cells' text, in order.
        let htmlRows = html.components(separatedBy: "<tr>").dropFirst().map { row in
            row.components(separatedBy: "</tr>")[0].matches(of: /<t[hd][^>]*>([^<]*)<\/t[hd]>/).map { String($0.1) }
        }
        let markdownRows = markdown.split(separator: "\n").filter { $0.hasPrefix("| ") && !$0.hasPrefix("| ---") }.map { line in
            line.dropFirst(2).dropLast(2).components(separatedBy: " | ")
        }
        func plain(_ text: String) -> String {
            text.replacingOccurrences(of: "&#39;", with: "'").replacingOccurrences(of: "&amp;", with: "&")
                .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "\\", with: "")
        }
        #expect(htmlRows.count == markdownRows.count)
        #expect(htmlRows.map { $0.map(plain) } == markdownRows.map { $0.map(plain) })
    }
}
