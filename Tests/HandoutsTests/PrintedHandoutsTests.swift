import Foundation
import Printing
import Testing
@testable import Handouts
import Workbook

/// Prints a page as a stand-in PDF of a chosen length: `pages(html)` pages.
final class CountingPrinter: PDFPrinter, @unchecked Sendable {
    private let lock = NSLock()
    private var jobs: [PrintJob] = []
    let pages: @Sendable (String) -> Int
    var printed: [PrintJob] { lock.withLock { jobs } }

    init(pages: @escaping @Sendable (String) -> Int) { self.pages = pages }

    func print(_ jobs: [PrintJob]) throws(PrintError) -> [Data] {
        lock.withLock { self.jobs += jobs }
        return jobs.map { job in
            Data(("%PDF-fake\n" + String(repeating: "<</Type /Page>>\n", count: pages(String(decoding: job.html, as: UTF8.self)))).utf8)
        }
    }
}

@Suite("all.pdf: every handout on an odd page")
struct PrintedHandoutsTests {
    /// The cover alone takes 1 page; Ana's handout 3, Ben's 4, Chiara's 1.
    static func pages(_ html: String) -> Int {
        if html.contains(#"<div class="pdf-handout">"#) { return 99 }
        if html.contains("Reflection handout for Ana") { return 3 }
        if html.contains("Reflection handout for Ben") { return 4 }
        if html.contains("Reflection handout for Chiara") { return 1 }
        return 1
    }

    @Test("a blank page follows the cover and every handout of odd length, never one of even length")
    func padding() throws {
        let printer = CountingPrinter(pages: Self.pages)
        let (report, fileSystem) = try Fixtures.run(HandoutsPipelineTests.files, formats: [.pdf], workers: 1, printer: printer)
        #expect(report.files.contains("out/all.pdf"))
        #expect(report.files.contains("out/ana-lópez.pdf"))
        // Three handouts, the cover, then all.pdf: five pages printed, by one printer.
        #expect(printer.printed.count == 5)
        let all = String(decoding: try #require(printer.printed.last).html, as: UTF8.self)
        let blank = PrintedHandouts.blank
        let pieces = all.components(separatedBy: #"<div class="pdf-handout">"#)
        #expect(pieces.count == 4)
        #expect(pieces[0].hasSuffix(blank), "the one-page cover is followed by a blank page")
        #expect(pieces[1].contains("Reflection handout for Ana") && pieces[1].contains("</div>\n" + blank))
        #expect(pieces[2].contains("Reflection handout for Ben") && !pieces[2].contains(blank))
        #expect(pieces[3].contains("Reflection handout for Chiara") && pieces[3].contains(blank))
        #expect(printer.printed.last?.runningHead.hasSuffix(" · 2026-W47") == true)
        #expect(try fileSystem.readText(at: "out/all.pdf").hasPrefix("%PDF-fake"))
    }

    @Test("a page's body is what lies between its body tags")
    func body() {
        #expect(PrintedHandouts.body(of: "<html><body class=\"x\">\n<main>M</main>\n</body></html>") == "\n<main>M</main>\n")
        #expect(PrintedHandouts.body(of: "no body") == "no body")
    }
}
