import Foundation
import Printing

/// The cohort's handouts as one PDF, `all.pdf`, that prints double-sided:
/// every handout starts on an odd page, so no trainee's first page is on
/// the back of another's last.
///
/// Chromium does not honour `break-before: right`, so this is done in two
/// passes. Each handout is printed on its own first (its own PDF, which the
/// run writes anyway) and its pages counted. all.pdf is then printed once
/// from the same pages, each starting on a new sheet side, with a blank page
/// after every handout (and after the cover) of odd length. A handout laid
/// out from the top of a page with the same stylesheet, page size and margins
/// takes the same pages whether printed alone or in all.pdf; `make test`
/// checks every start with poppler.
struct PrintedHandouts: Sendable {
    /// One handout as printed alone: its page's body, and how many pages it took.
    struct Piece: Sendable {
        var body: String
        var pages: Int
    }

    /// In roster order.
    var pieces: [Piece] = []

    /// The part of a page between `<body ...>` and `</body>`.
    static func body(of html: String) -> String {
        guard let open = html.range(of: "<body"), let end = html[open.upperBound...].firstIndex(of: ">"),
              let close = html.range(of: "</body>", options: .backwards), close.lowerBound > end
        else { return html }
        return String(html[html.index(after: end)..<close.lowerBound])
    }

    static let blank = #"<div class="pdf-blank" aria-hidden="true"></div>"# + "\n"

    /// all.html's cover (`page.head`: title, count, list of trainees), then
    /// every handout, padded to odd starts.
    func allPDF(page: (head: String, tail: String), printer: PDFPrinter, runningHead: String) throws(PrintError) -> Data {
        let coverClose = "\n</main>\n</body>\n</html>\n"
        let cover = try printer.print([PrintJob(html: Data((page.head + coverClose).utf8), runningHead: runningHead)])[0]
        var html = page.head
        if PDFPages.count(cover) % 2 == 1 { html += Self.blank }
        for piece in pieces {
            html += #"<div class="pdf-handout">"# + piece.body + "</div>\n"
            if piece.pages % 2 == 1 { html += Self.blank }
        }
        html += page.tail
        return try printer.print([PrintJob(html: Data(html.utf8), runningHead: runningHead)])[0]
    }
}
