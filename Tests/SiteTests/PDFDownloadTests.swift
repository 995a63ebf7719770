import Files
import Foundation
import Printing
import Site
import Testing

/// A printer that records its jobs and answers each with a stand-in PDF
/// naming the job, so a test can tell which page became which file.
final class RecordingPrinter: PDFPrinter, @unchecked Sendable {
    private let lock = NSLock()
    private var jobs: [PrintJob] = []
    var printed: [PrintJob] { lock.withLock { jobs } }
    var calls = 0

    func print(_ jobs: [PrintJob]) throws(PrintError) -> [Data] {
        lock.withLock { self.jobs += jobs; calls += 1 }
        return jobs.map { Data("%PDF-stand-in \($0.runningHead ?? "")\n".utf8) + Data([0xE2, 0xE3]) }
    }
}

@Suite("Blank workbooks as PDF downloads (site --pdf)")
struct PDFDownloadTests {
    @Test("with a printer: each week's blank workbook printed in one call, written as bytes and listed in the week's downloads")
    func printed() throws {
        let printer = RecordingPrinter()
        let fileSystem = InMemoryFileSystem()
        let report = try SitePipeline(fileSystem: fileSystem, policy: .screening).run(SiteRequest(outputDirectory: "out", printer: printer))
        let weeks = Support.content.weeks
        #expect(printer.calls == 1, "one browser session for the whole site")
        #expect(printer.printed.count == weeks.count)
        for (week, job) in zip(weeks, printer.printed) {
            #expect(job.runningHead == "\(week.title) · blank workbook")
            #expect(String(decoding: job.html, as: UTF8.self).contains("<html"))
            let pdf = try #require(fileSystem.data(at: "out/downloads/\(week.id)-workbook.pdf"))
            #expect(pdf == Data("%PDF-stand-in \(week.title) · blank workbook\n".utf8) + Data([0xE2, 0xE3]), "bytes, not text")
            #expect(report.written.map(\.value).contains("downloads/\(week.id)-workbook.pdf"))
            let page = try fileSystem.readText(at: "out/weeks/\(week.id).html")
            #expect(page.contains("href=\"../downloads/\(week.id)-workbook.pdf\""))
        }
    }

    @Test("without a printer: no PDF is written or linked, and nothing asks for a browser")
    func notAsked() throws {
        let fileSystem = InMemoryFileSystem()
        let report = try SitePipeline(fileSystem: fileSystem, policy: .screening).run(SiteRequest(outputDirectory: "out"))
        #expect(!report.written.contains { $0.value.hasSuffix(".pdf") })
        for week in Support.content.weeks {
            #expect(!(try fileSystem.readText(at: "out/weeks/\(week.id).html")).contains(".pdf"))
        }
    }

    @Test("a rebuild without --pdf removes the PDFs the last build wrote, and their links")
    func rebuiltWithout() throws {
        let fileSystem = InMemoryFileSystem()
        _ = try SitePipeline(fileSystem: fileSystem, policy: .screening).run(SiteRequest(outputDirectory: "out", printer: RecordingPrinter()))
        let report = try SitePipeline(fileSystem: fileSystem, policy: .screening).run(SiteRequest(outputDirectory: "out"))
        #expect(report.removed.count == Support.content.weeks.count)
        #expect(!fileSystem.snapshot.keys.contains { $0.hasSuffix(".pdf") })
    }

    @Test("a printer that fails stops the build before anything is written")
    func printerFails() {
        struct Broken: PDFPrinter { func print(_ jobs: [PrintJob]) throws(PrintError) -> [Data] { throw PrintError("no browser") } }
        let fileSystem = InMemoryFileSystem()
        #expect(throws: SiteError.self) {
            try SitePipeline(fileSystem: fileSystem, policy: .screening).run(SiteRequest(outputDirectory: "out", printer: Broken()))
        }
        #expect(fileSystem.snapshot.isEmpty)
    }
}
