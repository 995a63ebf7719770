import Foundation
import Printing

/// The cohort's handouts on paper: `all.pdf`, in which every handout starts
/// on an odd page (so a cohort prints double-sided with no trainee's first
/// page on the back of another's last), and one PDF per trainee.
///
/// The cohort is printed once, as `all.html` is: its cover, then each
/// handout from the top of a new page, with the week and the trainee's name
/// at the top of each of its pages (a CSS named page per handout, so no
/// other page is needed to say whose it is). The printed PDF is then cut at
/// each handout's first page, found by the cover's link to it (see
/// `CohortPDF`): a blank page goes after the cover and after each handout
/// of odd length in all.pdf, and each trainee's pages become their PDF.
/// Printing each trainee's handout on its own as well took three times as
/// long as Chromium printing all.html alone (100 handouts: 3.16×, measured
/// by `make bench`); printing once and cutting takes about as long as
/// Chromium alone.
///
/// Chromium does not honour `break-before: right`, and its page counter
/// runs through the whole document (no counter per handout), so the print
/// carries no page numbers on handout pages; once its handouts' lengths
/// are known, a second small print gives the numbers ("Page 2 of 4"), each
/// drawn over the page it numbers (see `CohortPDF.PageNumbers`).
struct PrintedHandouts: Sendable {
    /// One handout to print: its `all.html` article, and what its own PDF needs.
    struct Piece: Sendable {
        var article: String
        var anchor: String
        var title: String
        var runningHead: String
        /// Its manifest entry so far (HTML and Markdown), the PDF added once printed.
        var handout: Manifest.Handout
    }

    /// In roster order.
    var pieces: [Piece] = []

    /// The page to print: all.html with a named page per handout. `page` is
    /// all.html's head (up to and including the list of trainees) and tail.
    func page(_ page: (head: String, tail: String), coverHead: String) -> String {
        let margin = "font: 8pt system-ui, sans-serif; color: #555555;"
        var style = "<style>\n@media print {\n"
        style += "  @page { @top-left { content: \(Self.cssString(coverHead)); \(margin) } @bottom-right { content: none; } }\n"
        for (index, piece) in pieces.enumerated() {
            style += "  @page handout-\(index + 1) { @top-left { content: \(Self.cssString(piece.runningHead)); \(margin) } }\n"
        }
        // all.html's colophon would take a page after the last handout (a
        // page of the cover's kind), and so end up in no handout or in the
        // last trainee's: the cover says as much.
        style += "  body > .colophon { display: none; }\n"
        style += "}\n</style>\n"
        var head = page.head
        if let end = head.range(of: "</head>") { head.insert(contentsOf: style, at: end.lowerBound) }
        var html = head
        for (index, piece) in pieces.enumerated() {
            html += #"<div class="pdf-handout" style="page: handout-\#(index + 1)">"# + "\n" + piece.article + "</div>\n"
        }
        return html + page.tail
    }

    /// Prints the page once, then the page numbers its handouts' lengths
    /// need, and cuts it: all.pdf, then each trainee's PDF in roster order.
    func print(_ page: (head: String, tail: String), coverHead: String, printer: PDFPrinter) throws(PrintError) -> (all: Data, handouts: [Data]) {
        let handouts = pieces.map { CohortPDF.Handout(anchor: $0.anchor, title: $0.title) }
        let printed = try printer.print([PrintJob(html: Data(self.page(page, coverHead: coverHead).utf8), runningHead: nil)])[0]
        let lengths = CohortPDF.PageNumbers.lengths(of: try CohortPDF.lengths(printed, handouts: handouts))
        guard !lengths.isEmpty else { return try CohortPDF.split(printed, handouts: handouts) }
        let numbers = try printer.print([PrintJob(html: Data(Self.pageNumbers(page.head, lengths: lengths).utf8), runningHead: nil, tagged: false)])[0]
        return try CohortPDF.split(printed, handouts: handouts, pageNumbers: CohortPDF.PageNumbers(pdf: numbers, lengths: lengths))
    }

    /// A page of page numbers and nothing else, to be drawn over the
    /// handouts' pages: all.html's head (its stylesheets, so each number is
    /// in the handouts' own bottom-right margin box, font and colour, as a
    /// handout printed from the browser has it), then an empty sheet per
    /// number, "Page 1 of n" to "Page n of n" for each `n` in `lengths`:
    /// each a named page whose margin box says its number.
    static func pageNumbers(_ head: String, lengths: [Int]) -> String {
        let top = head.range(of: "</head>").map { String(head[..<$0.lowerBound]) } ?? head
        // Only the number: any other margin box a stylesheet fills (a
        // `--templates` one may) would be drawn a second time over the page.
        let others = ["top-left-corner", "top-left", "top-center", "top-right", "top-right-corner", "bottom-left-corner", "bottom-left",
                      "bottom-center", "bottom-right-corner", "left-top", "left-middle", "left-bottom", "right-top", "right-middle", "right-bottom"]
        var style = "<style>\n@media print {\n  @page { " + others.map { "@\($0) { content: none; }" }.joined(separator: " ") + " }\n"
        style += "  body::before, body::after { content: none; }\n"
        var body = ""
        for length in lengths where length > 0 {
            for page in 1...length {
                style += "  @page number-\(length)-\(page) { @bottom-right { content: \"Page \(page) of \(length)\"; } }\n"
                body += #"<div style="page: number-\#(length)-\#(page); height: 1px"></div>"# + "\n"
            }
        }
        style += "}\n</style>\n"
        return top + style + "</head>\n<body>\n" + body + "</body>\n</html>\n"
    }

    /// `text` as a CSS string: every character but letters, digits and
    /// spaces written as a hexadecimal escape, so no name can end the string,
    /// the rule or the style element it sits in.
    static func cssString(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            if scalar.isASCII, scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || scalar == " " {
                out.unicodeScalars.append(scalar)
            } else {
                out += "\\" + String(scalar.value, radix: 16) + " "
            }
        }
        return out + "\""
    }

    /// The text of a page's `<title>`, its character references undone.
    static func title(of html: String) -> String {
        guard let open = html.range(of: "<title>"), let close = html.range(of: "</title>", range: open.upperBound..<html.endIndex) else { return "" }
        return String(html[open.upperBound..<close.lowerBound])
            .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
            .replacingOccurrences(of: "&#x27;", with: "'").replacingOccurrences(of: "&amp;", with: "&")
    }
}
