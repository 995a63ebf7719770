import Foundation

/// One HTML page to print, as the pipelines render it.
package struct PrintJob: Sendable {
    /// The whole page, UTF-8. Printed as it is: nothing is fetched (the
    /// page's own Content-Security-Policy allows nothing to be).
    package var html: Data
    /// Printed at the top of every page: the week and whose it is. Nil
    /// when the page's own CSS sets what its margins hold (`@page` margin
    /// boxes), as the cohort's handouts do, a name per handout.
    package var runningHead: String?
    /// Tagged, with a document outline: every PDF a user gets. Off only for
    /// pages printed to be drawn into another PDF (the handouts' page
    /// numbers), which must bring no tags of their own.
    package var tagged: Bool

    package init(html: Data, runningHead: String?, tagged: Bool = true) {
        self.html = html
        self.runningHead = runningHead
        self.tagged = tagged
    }
}

/// What a PDF printer failed at, in one line for the user.
package struct PrintError: Error, Sendable, CustomStringConvertible {
    package var description: String
    package init(_ description: String) { self.description = description }
}

/// Turns HTML pages into PDF files. Pipelines take one of these, so a run
/// uses a single browser for all its pages, and tests can pass their own.
package protocol PDFPrinter: Sendable {
    /// One PDF per job, in order.
    func print(_ jobs: [PrintJob]) throws(PrintError) -> [Data]
    /// Ends the printer (the browser, its processes and profile) as soon as
    /// the run has its PDFs, rather than whenever it is released.
    func close()
}

extension PDFPrinter {
    package func close() {}
}

/// How many pages a PDF has: the `/Type /Page` objects in it, as
/// Chromium (Skia) writes them (never compressed into object streams).
package enum PDFPages {
    package static func count(_ pdf: Data) -> Int {
        let needle = Array("/Type /Page".utf8)
        var count = 0
        pdf.withUnsafeBytes { (raw: UnsafeRawBufferPointer) in
            let bytes = raw.bindMemory(to: UInt8.self)
            var i = 0
            let end = bytes.count - needle.count
            while i <= end {
                if bytes[i] == needle[0] {
                    var match = true
                    for j in 1..<needle.count where bytes[i + j] != needle[j] { match = false; break }
                    // `/Type /Pages` is the page tree, not a page.
                    if match, i + needle.count >= bytes.count || bytes[i + needle.count] != UInt8(ascii: "s") { count += 1 }
                }
                i += 1
            }
        }
        return count
    }
}
