import Foundation
import Testing
@testable import Printing

@Suite("PDF bytes")
struct PDFBytesTests {
    @Test("the print time Chromium stamps is replaced by a fixed date of the same length")
    func fixedDates() {
        let pdf = Data("1 0 obj\n<</Creator (Chromium)\n/CreationDate (D:20261204183000+00'00')\n/ModDate (D:20261204183001-05'30')>>\nendobj\n".utf8)
        let fixed = PDFDates.fixed(pdf)
        #expect(fixed.count == pdf.count)
        #expect(String(decoding: fixed, as: UTF8.self) == "1 0 obj\n<</Creator (Chromium)\n/CreationDate (D:20000101000000+00'00')\n/ModDate (D:20000101000000+00'00')>>\nendobj\n")
        #expect(PDFDates.fixed(fixed) == fixed)
    }

    @Test("a PDF without dates is left exactly as it was")
    func noDates() {
        let pdf = Data("%PDF-1.4\n/Title (CreationDate)\n".utf8)
        #expect(PDFDates.fixed(pdf) == pdf)
        #expect(PDFDates.fixed(Data()) == Data())
    }

    @Test("pages are the /Type /Page objects, not the page tree")
    func pageCount() {
        #expect(PDFPages.count(Data("<</Type /Pages /Kids [3 0 R 4 0 R]>> <</Type /Page>> <</Type /Page/Parent 2 0 R>>".utf8)) == 2)
        #expect(PDFPages.count(Data()) == 0)
        #expect(PDFPages.count(Data("/Type /Page".utf8)) == 1)
    }

    @Test("the running head is text: markup in a name is escaped")
    func runningHeadEscaped() {
        #expect(Browser.header("<b>Jo & \"Al\"</b>").contains("&lt;b&gt;Jo &amp; &quot;Al&quot;&lt;/b&gt;"))
    }
}

@Suite("Finding Chromium")
struct LocateTests {
    @Test("ATTUNE_CHROMIUM wins; a missing one is not found, never replaced by another")
    func explicit() {
        #expect(Chromium.locate(environment: ["ATTUNE_CHROMIUM": "/bin/sh"]) == "/bin/sh")
        #expect(Chromium.locate(environment: ["ATTUNE_CHROMIUM": "/nonexistent/chromium", "PATH": "/usr/bin"]) == nil)
    }

    @Test("without a browser on the PATH there is none")
    func emptyPath() {
        #expect(Chromium.locate(environment: ["PATH": "/nonexistent"]) == nil)
    }

    @Test("the message names the package to install, on one line")
    func message() {
        #expect(Chromium.missingMessage.contains("apt-get install chromium"))
        #expect(!Chromium.missingMessage.contains("\n"))
    }
}

@Suite("Printing with Chromium", .enabled(if: Chromium.locate() != nil))
struct ChromiumTests {
    @Test("one browser prints several pages; the same page gives the same bytes")
    func printsDeterministically() throws {
        let chromium = Chromium(executable: Chromium.locate()!)
        defer { chromium.close() }
        let page = Data(#"<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>T</title></head><body><h1>Hello</h1><p>Text</p></body></html>"#.utf8)
        let pdfs = try chromium.print([PrintJob(html: page, runningHead: "W1"), PrintJob(html: page, runningHead: "W1")])
        #expect(pdfs.count == 2)
        #expect(pdfs[0].starts(with: Data("%PDF-".utf8)))
        #expect(PDFPages.count(pdfs[0]) == 1)
        #expect(pdfs[0] == pdfs[1])
    }
}
