import Foundation

/// Page numbers for the handouts: "Page 2 of 4", counted within each
/// handout, in all.pdf and each trainee's PDF alike, and none on the blank
/// pages all.pdf adds.
///
/// Chromium numbers the pages of a whole document (its page counter runs
/// on through every handout, and `counter(pages)` is the whole cohort's),
/// so no CSS in the one print can say "Page 2 of 4" for a handout. Once
/// that print is read, each handout's length is known; Chromium then
/// prints a second, small page, one sheet per number needed ("Page 1 of 4"
/// to "Page 4 of 4" for every length a handout has: 4 pages when all
/// handouts are 4 long, however many there are), in the handouts' own
/// margin box, font and colour. Each of those sheets becomes a form drawn
/// over the handout pages it numbers, marked as a pagination artifact so
/// a screen reader skips it as it skips a printed page number.
///
/// Why not stamp text with a font of our own: the PDF's fonts are subsets
/// holding only the glyphs the page uses, so digits may be missing, and a
/// standard font (Helvetica) is not embedded, which pdf-check forbids. The
/// second print's fonts are Chromium's own, embedded and subset like the
/// rest, with their text mapping, so the number is selectable text. It
/// costs one more small print in the browser already running: 100
/// handouts to PDF took 3.34 s against 3.21 s before numbers and tags were
/// added (median of 5 runs each, the two builds alternating, 2026-12-05),
/// and `make bench-pdf` puts the whole run at 1.03× Chromium printing
/// all.html alone (the target is 1.5×).
extension CohortPDF {
    /// The printed numbers: one page for each of "Page 1 of n" ... "Page n
    /// of n", for each `n` in `lengths` in turn.
    package struct PageNumbers: Sendable {
        package var pdf: Data
        package var lengths: [Int]

        package init(pdf: Data, lengths: [Int]) {
            self.pdf = pdf
            self.lengths = lengths
        }

        /// The lengths to print numbers for: each handout length once, shortest first.
        package static func lengths(of handouts: [Int]) -> [Int] { Array(Set(handouts)).sorted() }

        /// The page of `pdf` (from 0) that says "Page `page + 1` of `length`".
        func index(page: Int, length: Int) -> Int? {
            var offset = 0
            for each in lengths {
                if each == length { return page < length ? offset + page : nil }
                offset += each
            }
            return nil
        }
    }
}

extension PDFDocument {
    /// The name a numbered page calls its number by.
    static let pageNumberName = "AttunePageNumber"

    /// This document with pages of `overlay` drawn over some of its own:
    /// `map` takes a page index here to the index of the page of `overlay`
    /// drawn over it. Each overlay page used becomes one form (its content
    /// and what that uses, copied in once however many pages draw it);
    /// each page drawing one keeps its own content whole (in `q`...`Q`)
    /// and draws the form after it, as a pagination artifact.
    func overlaying(_ overlay: PDFDocument, _ map: [Int: Int]) throws(PDFFormatError) -> PDFDocument {
        guard !map.isEmpty else { return self }
        let order = try pages()
        let theirs = try overlay.pages()
        let theirPages = try overlay.flattenedPages(theirs)
        let mine = try flattenedPages(map.keys.sorted().compactMap { $0 < order.count ? order[$0] : nil })
        var copy = self
        var next = (objects.keys.max() ?? 0) + 1
        var imported: [Int: Int] = [:]
        /// A reference of `overlay`'s, its object (and all it refers to) copied in once.
        func bringObject(_ number: Int) -> PDFValue {
            if let known = imported[number] { return .reference(known) }
            guard let object = overlay.objects[number] else { return .null }
            let here = next
            next += 1
            imported[number] = here
            copy.objects[here] = PDFObject(value: bring(object.value), stream: object.stream)
            return .reference(here)
        }
        /// A value of `overlay`'s with every object it refers to copied in.
        func bring(_ value: PDFValue) -> PDFValue { value.replacingReferences(bringObject) }
        var forms: [Int: Int] = [:]
        for index in Set(map.values).sorted() {
            guard index >= 0, index < theirs.count, let page = theirPages[theirs[index]] else { throw PDFFormatError("no page number \(index + 1) was printed") }
            let contents = overlay.contentStreams(page)
            guard contents.count == 1, let content = overlay.objects[contents[0]], let stream = content.stream else {
                throw PDFFormatError("a printed page number is not one content stream")
            }
            var form = PDFDictionary()
            form["Type"] = .name("XObject")
            form["Subtype"] = .name("Form")
            form["BBox"] = page["MediaBox"]
            form["Resources"] = bring(page["Resources"] ?? .dictionary(PDFDictionary()))
            for key in ["Filter", "DecodeParms", "Length"] { form[key] = content.value.dictionary?[key] }
            copy.objects[next] = PDFObject(value: .dictionary(form), stream: stream)
            forms[index] = next
            next += 1
        }
        let open = next
        let close = next + 1
        let opening = Array("q\n".utf8)
        let closing = Array("Q\nq /Artifact <</Type /Pagination /Subtype /Footer>> BDC /\(Self.pageNumberName) Do EMC Q\n".utf8)
        copy.objects[open] = PDFObject(value: .dictionary(PDFDictionary(entries: [("Length", .token("\(opening.count)"))])), stream: opening)
        copy.objects[close] = PDFObject(value: .dictionary(PDFDictionary(entries: [("Length", .token("\(closing.count)"))])), stream: closing)
        for (index, overlayIndex) in map.sorted(by: { $0.key < $1.key }) {
            guard index >= 0, index < order.count, var page = mine[order[index]] else { throw PDFFormatError("no page \(index + 1) to number") }
            guard resolve(page["MediaBox"] ?? .null) == overlay.resolve(theirPages[theirs[overlayIndex]]!["MediaBox"] ?? .null) else {
                throw PDFFormatError("the page numbers were printed on pages of another size")
            }
            var resources = resolve(page["Resources"] ?? .dictionary(PDFDictionary())).dictionary ?? PDFDictionary()
            var xobjects = resources["XObject"].map(resolve)?.dictionary ?? PDFDictionary()
            guard xobjects[Self.pageNumberName] == nil else { throw PDFFormatError("page \(index + 1) is numbered already") }
            xobjects[Self.pageNumberName] = .reference(forms[overlayIndex]!)
            resources["XObject"] = .dictionary(xobjects)
            page["Resources"] = .dictionary(resources)
            page["Contents"] = .array([.reference(open)] + contentStreams(page).map { .reference($0) } + [.reference(close)])
            copy.objects[order[index]]?.value = .dictionary(page)
        }
        return copy
    }

    /// The content streams of a page, in order (its /Contents: one stream, or an array of them).
    func contentStreams(_ page: PDFDictionary) -> [Int] {
        switch page["Contents"] {
        case .reference(let number)?:
            if objects[number]?.stream != nil { return [number] }
            return (objects[number]?.value.array ?? []).compactMap(\.reference)
        case .array(let items)?: return items.compactMap(\.reference)
        default: return []
        }
    }
}
