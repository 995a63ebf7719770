import Foundation
import Testing
@testable import Printing

/// A small PDF shaped as Chromium prints a cohort: a page tree two levels
/// deep (pages inheriting their size), a shared font, named destinations,
/// an outline (a cover entry with an entry per handout under it, each
/// pointing at its structure element), a link annotation on each page, and
/// a structure tree: a Document holding a Sect for the cover and an Art per
/// handout, each with a P per page (its MCID 0) and a Link per page (its
/// annotation), and one P whose two marked-content references sit on the
/// last page of one handout and the first of the next; a parent tree
/// naming them (a page's key is its index, its link's 100 + the index).
enum SamplePDF {
    /// `handouts`: each handout's id and page count; the cover takes `cover` pages.
    static func make(cover: Int = 1, handouts: [(anchor: String, pages: Int)]) -> Data {
        var objects: [Int: PDFObject] = [:]
        var next = 1
        func add(_ value: PDFValue, stream: [UInt8]? = nil) -> Int {
            objects[next] = PDFObject(value: value, stream: stream)
            next += 1
            return next - 1
        }
        func dict(_ entries: [(String, PDFValue)]) -> PDFValue { .dictionary(PDFDictionary(entries: entries.map { (key: $0.0, value: $0.1) })) }
        let info = add(dict([("Title", .string(Array("(All handouts)".utf8))), ("Producer", .string(Array("(Skia/PDF m156)".utf8)))]))
        let font = add(dict([("Type", .name("Font")), ("Subtype", .name("Type0")), ("BaseFont", .name("AAAAAA+DejaVuSans"))]))
        let structure = add(dict([("Type", .name("StructElem")), ("S", .name("Document"))]))
        let middle = next + 1000  // the page tree's inner node, numbered last
        let treeRoot = middle + 1
        var pages: [Int] = []
        let total = cover + handouts.map(\.pages).reduce(0, +)
        for index in 0..<total {
            let text = Array("BT /F1 12 Tf (page \(index + 1)) Tj ET".utf8)
            let content = add(dict([("Length", .token("\(text.count)"))]), stream: text)
            let link = add(dict([("Type", .name("Annot")), ("Subtype", .name("Link")), ("StructParent", .token("\(100 + index)")),
                                 ("Dest", .array([.reference(index == 0 ? middle + 2 : pages.first ?? 0), .name("XYZ")]))]))
            pages.append(add(dict([("Type", .name("Page")), ("Parent", .reference(middle)), ("Contents", .reference(content)),
                                   ("Resources", dict([("Font", dict([("F1", .reference(font))]))])), ("StructParents", .token("\(index)")),
                                   ("Annots", .array([.reference(link)]))])))
        }
        // The first page's link points at a page (the first) once it exists.
        if let first = pages.first {
            for (number, object) in objects where object.value.dictionary?["Subtype"]?.name == "Link" {
                var link = object.value.dictionary!
                if link["Dest"]?.array?.first?.reference == middle + 2 { link["Dest"] = .array([.reference(first), .name("XYZ")]) }
                objects[number]?.value = .dictionary(link)
            }
        }
        // The last page of a handout of two pages or more links to its first: a link that stays inside the handout.
        var start = cover
        for handout in handouts {
            if handout.pages > 1, let link = objects[pages[start + handout.pages - 1]]!.value.dictionary!["Annots"]!.array![0].reference {
                var dictionary = objects[link]!.value.dictionary!
                dictionary["Dest"] = .array([.reference(pages[start]), .name("XYZ")])
                objects[link]?.value = .dictionary(dictionary)
            }
            start += handout.pages
        }
        objects[middle] = PDFObject(value: dict([("Type", .name("Pages")), ("Parent", .reference(treeRoot)), ("Count", .token("\(total)")),
                                                 ("Kids", .array(pages.map { .reference($0) })),
                                                 ("MediaBox", .array(["0", "0", "595", "842"].map { .token($0) }))]))
        objects[treeRoot] = PDFObject(value: dict([("Type", .name("Pages")), ("Count", .token("\(total)")), ("Kids", .array([.reference(middle)]))]))
        // The structure tree.
        let structRoot = add(dict([("Type", .name("StructTreeRoot"))]))
        var parentTree: [PDFValue] = []
        var links: [PDFValue] = []
        var groups: [PDFValue] = []
        var first = 0
        for (index, length) in ([cover] + handouts.map(\.pages)).enumerated() {
            let group = add(.null)
            var kids: [PDFValue] = []
            for page in first..<(first + length) {
                let paragraph = add(dict([("Type", .name("StructElem")), ("S", .name("P")), ("P", .reference(group)),
                                          ("Pg", .reference(pages[page])), ("K", .token("0"))]))
                let annotation = objects[pages[page]]!.value.dictionary!["Annots"]!.array![0]
                let link = add(dict([("Type", .name("StructElem")), ("S", .name("Link")), ("P", .reference(group)),
                                     ("K", .array([dict([("Type", .name("OBJR")), ("Obj", annotation), ("Pg", .reference(pages[page]))])]))]))
                kids += [.reference(paragraph), .reference(link)]
                parentTree += [.token("\(page)"), .array([.reference(paragraph), .null])]
                links += [.token("\(100 + page)"), .reference(link)]
            }
            objects[group] = PDFObject(value: dict([("Type", .name("StructElem")), ("S", .name(index == 0 ? "Sect" : "Art")),
                                                    ("P", .reference(structure)), ("K", .array(kids))]))
            groups.append(.reference(group))
            first += length
        }
        // A paragraph over a page break: MCID 1 on the last page of the first handout and on the first of the second.
        if handouts.count > 1 {
            let across = [cover + handouts[0].pages - 1, cover + handouts[0].pages]
            let paragraph = add(dict([("Type", .name("StructElem")), ("S", .name("P")), ("P", .reference(structure)),
                                      ("K", .array(across.map { dict([("Type", .name("MCR")), ("Pg", .reference(pages[$0])), ("MCID", .token("1"))]) }))]))
            groups.append(.reference(paragraph))
            for page in across { parentTree[2 * page + 1] = .array([parentTree[2 * page + 1].array![0], .reference(paragraph)]) }
        }
        objects[structure] = PDFObject(value: dict([("Type", .name("StructElem")), ("S", .name("Document")), ("P", .reference(structRoot)),
                                                    ("Lang", .string(Array("(en)".utf8))), ("K", .array(groups))]))
        let parents = add(dict([("Type", .name("ParentTree")), ("Nums", .array(parentTree + links))]))
        objects[structRoot] = PDFObject(value: dict([("Type", .name("StructTreeRoot")), ("K", .reference(structure)),
                                                     ("ParentTreeNextKey", .token("\(100 + total)")), ("ParentTree", .reference(parents))]))
        var dests: [(String, PDFValue)] = [("handouts", .array([.reference(pages[0]), .name("XYZ")]))]
        start = cover
        var entries: [Int] = []
        let outlineRoot = treeRoot + 1
        let coverEntry = treeRoot + 2
        var entryNumber = treeRoot + 3
        for handout in handouts {
            dests.append((handout.anchor.utf8.allSatisfy { $0 < 0x80 } ? handout.anchor : percentName(handout.anchor), .array([.reference(pages[start]), .name("XYZ")])))
            let child = entryNumber + 1
            objects[entryNumber] = PDFObject(value: dict([("Title", .string(Array("(\(handout.anchor))".utf8))), ("Parent", .reference(coverEntry)),
                                                          ("Dest", .array([.reference(pages[start]), .name("XYZ")])), ("SE", .reference(structure)),
                                                          ("First", .reference(child)), ("Last", .reference(child)), ("Count", .token("1"))]))
            objects[child] = PDFObject(value: dict([("Title", .string(Array("(Prompts)".utf8))), ("Parent", .reference(entryNumber)),
                                                    ("Dest", .array([.reference(pages[start + handout.pages - 1]), .name("XYZ")]))]))
            entries.append(entryNumber)
            entryNumber += 2
            start += handout.pages
        }
        for (index, entry) in entries.enumerated() {
            var value = objects[entry]!.value.dictionary!
            if index > 0 { value["Prev"] = .reference(entries[index - 1]) }
            if index + 1 < entries.count { value["Next"] = .reference(entries[index + 1]) }
            objects[entry]?.value = .dictionary(value)
        }
        objects[coverEntry] = PDFObject(value: dict([("Title", .string(Array("(Cover)".utf8))), ("Parent", .reference(outlineRoot)),
                                                     ("Dest", .array([.reference(pages[0]), .name("XYZ")])), ("SE", .reference(structure)),
                                                     ("First", .reference(entries.first ?? coverEntry)), ("Last", .reference(entries.last ?? coverEntry))]))
        objects[outlineRoot] = PDFObject(value: dict([("Type", .name("Outlines")), ("First", .reference(coverEntry)), ("Last", .reference(coverEntry))]))
        let catalog = entryNumber
        objects[catalog] = PDFObject(value: dict([("Type", .name("Catalog")), ("Pages", .reference(treeRoot)), ("Dests", dict(dests)),
                                                  ("MarkInfo", dict([("Marked", .token("true"))])), ("StructTreeRoot", .reference(structRoot)),
                                                  ("Outlines", .reference(outlineRoot)), ("Lang", .string(Array("(en)".utf8)))]))
        return PDFDocument(objects: objects, root: catalog, info: info).serialized()
    }

    /// An id as Chromium names it: percent-encoded UTF-8, each % written #25.
    static func percentName(_ id: String) -> String {
        id.utf8.map { $0 < 0x80 ? String(UnicodeScalar($0)) : String(format: "#25%02X", $0) }.joined()
    }
}

@Suite("Reading and writing PDF objects")
struct PDFDocumentTests {
    @Test("a file read and written again reads back to the same objects, and writes the same bytes")
    func roundTrip() throws {
        let data = SamplePDF.make(handouts: [("handout-a", 2)])
        let document = try PDFDocument(parsing: data)
        #expect(document.serialized() == data)
        let again = try PDFDocument(parsing: document.serialized())
        #expect(again.objects == document.objects)
        #expect(again.root == document.root && again.info == document.info)
    }

    @Test("strings keep their escapes and nested parentheses; streams their bytes; names their escapes")
    func values() throws {
        var lexer = PDFLexer(bytes: Array(#"<</T (a \) (b) c) /H <FEFF0041> /N /A#20B /R 12 0 R /A [1 -2.5 true null]>>"#.utf8), at: 0)
        let value = try lexer.value()
        let dictionary = try #require(value.dictionary)
        #expect(dictionary["T"] == .string(Array(#"(a \) (b) c)"#.utf8)))
        #expect(dictionary["H"] == .string(Array("<FEFF0041>".utf8)))
        #expect(dictionary["N"] == .name("A#20B"))
        #expect(dictionary["R"] == .reference(12))
        #expect(dictionary["A"] == .array([.token("1"), .token("-2.5"), .token("true"), .null]))
        #expect(PDFDocument.decodeName("handout-ana-l#25C3#25B3pez") == "handout-ana-l%C3%B3pez")
        #expect(PDFDocument.destinationName("handout-ana-l#25C3#25B3pez") == "handout-ana-lópez")
    }

    @Test("what is not a PDF as Chromium writes one is refused, never guessed at")
    func refused() {
        #expect(throws: PDFFormatError.self) { try PDFDocument(parsing: Data("%PDF-1.4\nnot a pdf".utf8)) }
        #expect(throws: PDFFormatError.self) { try PDFDocument(parsing: Data()) }
        var broken = SamplePDF.make(handouts: [("handout-a", 1)])
        broken.removeLast(40)
        #expect(throws: PDFFormatError.self) { try PDFDocument(parsing: broken) }
    }

    @Test("a title is written as UTF-16 with its byte order mark")
    func title() {
        #expect(PDFDocument.textString("Ló") == .string(Array("<FEFF004C00F3>".utf8)))
    }

    @Test("replacing references reaches every one, however deep, in the order written, and changes nothing else")
    func replacingReferences() throws {
        var lexer = PDFLexer(bytes: Array("<</A 7 0 R /B [3 0 R [5 0 R] (7 0 R)] /C <</D 3 0 R /E /Name>> /F 12>>".utf8), at: 0)
        let value = try lexer.value()
        var met: [Int] = []
        let replaced = value.replacingReferences { number in
            met.append(number)
            return number == 5 ? .null : .reference(number * 10)
        }
        #expect(met == [7, 3, 5, 3])
        var expected = PDFDictionary()
        expected["A"] = .reference(70)
        expected["B"] = .array([.reference(30), .array([.null]), .string(Array("(7 0 R)".utf8))])
        var inner = PDFDictionary()
        inner["D"] = .reference(30)
        inner["E"] = .name("Name")
        expected["C"] = .dictionary(inner)
        expected["F"] = .token("12")
        #expect(replaced == .dictionary(expected))
        // A value with no reference in it comes back as it was, and `replace` is never asked.
        let plain = PDFValue.array([.token("1"), .name("N"), .dictionary(PDFDictionary())])
        #expect(plain.replacingReferences { _ in Issue.record("asked"); return .null } == plain)
    }
}

@Suite("all.pdf and each trainee's PDF from one print")
struct CohortPDFTests {
    static let handouts = [(anchor: "handout-ana-lópez", pages: 3), (anchor: "handout-ben", pages: 4), (anchor: "handout-chiara", pages: 1)]
    static func cut(cover: Int = 1) throws -> (all: Data, handouts: [Data]) {
        try CohortPDF.split(SamplePDF.make(cover: cover, handouts: handouts),
                            handouts: handouts.map { CohortPDF.Handout(anchor: $0.anchor, title: "Handout \($0.anchor)") })
    }

    @Test("a blank page after the cover and every handout of odd length: every handout starts on an odd page")
    func oddStarts() throws {
        let (all, _) = try Self.cut()
        let document = try PDFDocument(parsing: all)
        let pages = try document.pages()
        // cover, blank, Ana 3, blank, Ben 4, Chiara 1, blank.
        #expect(pages.count == 1 + 1 + 3 + 1 + 4 + 1 + 1)
        let blank = { (index: Int) in document.objects[pages[index]]!.value.dictionary!["Contents"] == nil }
        #expect((0..<pages.count).filter(blank) == [1, 5, 11])
        let starts = Self.handouts.map { document.destinations()[$0.anchor].flatMap(pages.firstIndex) }
        #expect(starts == [2, 6, 10])
        #expect(starts.allSatisfy { ($0 ?? 1) % 2 == 0 }, "0-based even: the 3rd, 7th and 11th pages")
        // Tags, outline and language stay.
        let catalog = try #require(document.objects[document.root]?.value.dictionary)
        #expect(catalog["StructTreeRoot"] != nil && catalog["Outlines"] != nil && catalog["Lang"] != nil)
        // Every page's parent is the one tree, whose count is right.
        let tree = try #require(catalog["Pages"]?.reference)
        #expect(pages.allSatisfy { document.objects[$0]!.value.dictionary!["Parent"] == .reference(tree) })
        #expect(document.objects[tree]!.value.dictionary!["Count"] == .token("\(pages.count)"))
        #expect(!document.objects.values.contains { $0.value.dictionary?["Type"]?.name == "Pages" && $0.value.dictionary?["Parent"] != nil })
    }

    @Test("a two-page cover needs no blank page after it")
    func evenCover() throws {
        let (all, _) = try Self.cut(cover: 2)
        #expect(try PDFDocument(parsing: all).pages().count == 2 + 3 + 1 + 4 + 1 + 1)
    }

    @Test("each trainee's PDF holds exactly their pages, with what the pages use, their outline and links inside, a title and the language")
    func ownPDFs() throws {
        let (_, own) = try Self.cut()
        #expect(own.count == 3)
        for (data, handout) in zip(own, Self.handouts) {
            let document = try PDFDocument(parsing: data)
            let pages = try document.pages()
            #expect(pages.count == handout.pages)
            let texts = pages.map { String(decoding: document.objects[document.objects[$0]!.value.dictionary!["Contents"]!.reference!]!.stream!, as: UTF8.self) }
            let first = 1 + Self.handouts.prefix { $0.anchor != handout.anchor }.map(\.pages).reduce(0, +) + 1
            #expect(texts == (first..<(first + handout.pages)).map { "BT /F1 12 Tf (page \($0)) Tj ET" })
            let catalog = try #require(document.objects[document.root]?.value.dictionary)
            #expect(catalog["Lang"] == .string(Array("(en)".utf8)))
            #expect(catalog["MarkInfo"]?.dictionary?["Marked"] == .token("true") && catalog["StructTreeRoot"] != nil, "tagged")
            let info = try #require(document.info.flatMap { document.objects[$0]?.value.dictionary })
            #expect(info["Title"] == PDFDocument.textString("Handout \(handout.anchor)"))
            #expect(info["Producer"] != nil)
            // The outline: the handout's own entry on top, its child under it, its element (the Document) kept.
            let outlines = try #require(catalog["Outlines"].flatMap { document.resolve($0).dictionary })
            let top = try #require(outlines["First"]?.reference.flatMap { document.objects[$0]?.value.dictionary })
            #expect(top["Title"] == .string(Array("(\(handout.anchor))".utf8)))
            #expect(top["Parent"] == catalog["Outlines"] && top["Next"] == nil && top["Prev"] == nil)
            #expect(top["SE"]?.reference.flatMap { document.objects[$0]?.value.dictionary?["S"] } == .name("Document"))
            #expect(top["First"] != nil)
            // No object refers to anything missing, and nothing else was carried (no other page).
            for object in document.objects.values {
                #expect(!Self.references(object.value).contains { document.objects[$0] == nil })
            }
            #expect(document.objects.values.filter { $0.value.dictionary?["Type"]?.name == "Page" }.count == handout.pages)
            // Links: those pointing at the cover (not here) are gone; the last page's, to the first, stays.
            var links = 0
            for page in pages {
                for annotation in document.objects[page]!.value.dictionary!["Annots"]?.array ?? [] {
                    let link = try #require(annotation.reference.flatMap { document.objects[$0]?.value.dictionary })
                    #expect(link["Dest"]?.array?.first?.reference == pages.first)
                    links += 1
                }
            }
            #expect(links == (handout.pages > 1 ? 1 : 0))
            #expect(try PDFDocument(parsing: document.serialized()).serialized() == data, "the same pages give the same bytes")
        }
    }

    @Test("each trainee's PDF is tagged with the elements on its pages only: a paragraph over a page break keeps its part, a link element its kept link")
    func ownTags() throws {
        let (_, own) = try Self.cut()
        for (index, (data, handout)) in zip(own, Self.handouts).enumerated() {
            let document = try PDFDocument(parsing: data)
            let pages = try document.pages()
            let catalog = try #require(document.objects[document.root]?.value.dictionary)
            let rootNumber = try #require(catalog["StructTreeRoot"]?.reference)
            let root = try #require(document.objects[rootNumber]?.value.dictionary)
            // Walk the tree: every element's parent is the one it sits under, every page reference a page of this file.
            var paragraphs: [Int: [String]] = [:]  // page → the marked content claimed on it
            var linkElements = 0
            var kinds: [String] = []
            func walk(_ number: Int, parent: Int, page: Int?) throws {
                let element = try #require(document.objects[number]?.value.dictionary)
                #expect(element["P"] == .reference(parent))
                kinds.append(element["S"]?.name ?? "?")
                let at = element["Pg"]?.reference ?? page
                if let own = element["Pg"]?.reference { #expect(pages.contains(own)) }
                for kid in PDFDocument.items(element["K"]) {
                    switch kid {
                    case .token(let mcid): paragraphs[try #require(at), default: []].append(mcid)
                    case .reference(let child): try walk(child, parent: number, page: at)
                    case .dictionary(let reference):
                        let on = try #require(reference["Pg"]?.reference)
                        #expect(pages.contains(on))
                        if reference["Type"]?.name == "OBJR" {
                            linkElements += 1
                            let annotation = try #require(reference["Obj"]?.reference)
                            #expect(document.objects[on]!.value.dictionary!["Annots"]?.array?.contains(.reference(annotation)) == true)
                        } else {
                            guard case .token(let mcid)? = reference["MCID"] else { Issue.record("a reference without an MCID"); continue }
                            paragraphs[on, default: []].append(mcid)
                        }
                    default: Issue.record("an unexpected kid \(kid)")
                    }
                }
            }
            try walk(try #require(root["K"]?.reference), parent: rootNumber, page: nil)
            #expect(kinds.first == "Document" && kinds.filter { $0 == "Art" }.count == 1 && !kinds.contains("Sect"), "its own Art, not the cover's")
            // MCID 0 on every page; MCID 1 (the paragraph over the break) on the first handout's last page and the second's first.
            var expected = Dictionary(uniqueKeysWithValues: pages.map { ($0, ["0"]) })
            if index == 0 { expected[pages.last!]!.append("1") }
            if index == 1 { expected[pages.first!]!.append("1") }
            #expect(paragraphs == expected)
            #expect(linkElements == (handout.pages > 1 ? 1 : 0))
            // The parent tree: the kept pages' keys (and the kept link's), nothing else.
            let tree = try #require(root["ParentTree"].flatMap { document.resolve($0).dictionary })
            let nums = try #require(tree["Nums"]?.array)
            let keys = stride(from: 0, to: nums.count, by: 2).map { nums[$0] }
            let pageKeys = pages.map { document.objects[$0]!.value.dictionary!["StructParents"]! }
            let linkKeys = pages.flatMap { document.objects[$0]!.value.dictionary!["Annots"]?.array ?? [] }
                .map { document.resolve($0).dictionary!["StructParent"]! }
            #expect(keys == pageKeys + linkKeys)
        }
    }

    @Test("an untagged document's cuts are untagged, not given an empty tree")
    func untagged() throws {
        var document = try PDFDocument(parsing: SamplePDF.make(handouts: [("handout-a", 2)]))
        var catalog = document.objects[document.root]!.value.dictionary!
        catalog["StructTreeRoot"] = nil
        catalog["MarkInfo"] = nil
        document.objects[document.root]!.value = .dictionary(catalog)
        let (_, own) = try CohortPDF.split(document.serialized(), handouts: [.init(anchor: "handout-a", title: "A")])
        let cut = try PDFDocument(parsing: own[0])
        let cutCatalog = try #require(cut.objects[cut.root]?.value.dictionary)
        #expect(cutCatalog["StructTreeRoot"] == nil && cutCatalog["MarkInfo"] == nil)
        #expect(try cut.pages().allSatisfy { cut.objects[$0]!.value.dictionary!["StructParents"] == nil })
    }

    /// Printed page numbers as Chromium gives them: "Page i of n" for each
    /// length in turn, a page each, with a font of its own; `size` the pages' width.
    static func numbers(_ lengths: [Int], size: String = "595") -> CohortPDF.PageNumbers {
        var objects: [Int: PDFObject] = [:]
        func dict(_ entries: [(String, PDFValue)]) -> PDFValue { .dictionary(PDFDictionary(entries: entries.map { (key: $0.0, value: $0.1) })) }
        let texts = lengths.flatMap { length in (1...length).map { "BT /F9 8 Tf (Page \($0) of \(length)) Tj ET" } }
        objects[1] = PDFObject(value: dict([("Type", .name("Font")), ("Subtype", .name("Type0")), ("BaseFont", .name("BAAAAA+DejaVuSans")),
                                            ("ToUnicode", .reference(2))]))
        objects[2] = PDFObject(value: dict([("Length", .token("3"))]), stream: Array("map".utf8))
        let tree = 3 + 2 * texts.count
        for (index, text) in texts.enumerated() {
            objects[3 + 2 * index] = PDFObject(value: dict([("Length", .token("\(text.utf8.count)")), ("Filter", .name("None"))]), stream: Array(text.utf8))
            objects[4 + 2 * index] = PDFObject(value: dict([("Type", .name("Page")), ("Parent", .reference(tree)), ("Contents", .reference(3 + 2 * index)),
                                                            ("Resources", dict([("Font", dict([("F9", .reference(1))]))])),
                                                            ("MediaBox", .array(["0", "0", size, "842"].map { .token($0) }))]))
        }
        objects[tree] = PDFObject(value: dict([("Type", .name("Pages")), ("Count", .token("\(texts.count)")),
                                               ("Kids", .array((0..<texts.count).map { .reference(4 + 2 * $0) }))]))
        objects[tree + 1] = PDFObject(value: dict([("Type", .name("Catalog")), ("Pages", .reference(tree))]))
        return CohortPDF.PageNumbers(pdf: PDFDocument(objects: objects, root: tree + 1, info: nil).serialized(), lengths: lengths)
    }

    /// What a page shows: its own content, then the number drawn over it ("" for none).
    static func shown(_ document: PDFDocument, _ page: Int) -> (own: [String], number: String) {
        let dictionary = document.objects[page]!.value.dictionary!
        let streams = document.contentStreams(dictionary).map { String(decoding: document.objects[$0]!.stream!, as: UTF8.self) }
        let form = document.resolve(dictionary["Resources"] ?? .null).dictionary?["XObject"]
            .flatMap { document.resolve($0).dictionary?[PDFDocument.pageNumberName]?.reference }
        let text = form.map { String(decoding: document.objects[$0]!.stream!, as: UTF8.self) } ?? ""
        return (streams, text.replacingOccurrences(of: "BT /F9 8 Tf (", with: "").replacingOccurrences(of: ") Tj ET", with: ""))
    }

    @Test("page numbers: every handout page says its number within its handout, in all.pdf and the trainee's PDF; the cover and blank pages none")
    func pageNumbers() throws {
        let lengths = CohortPDF.PageNumbers.lengths(of: try CohortPDF.lengths(SamplePDF.make(handouts: Self.handouts), handouts: Self.handouts.map {
            CohortPDF.Handout(anchor: $0.anchor, title: "") }))
        #expect(lengths == [1, 3, 4])
        let (all, own) = try CohortPDF.split(SamplePDF.make(handouts: Self.handouts),
                                             handouts: Self.handouts.map { CohortPDF.Handout(anchor: $0.anchor, title: "Handout \($0.anchor)") },
                                             pageNumbers: Self.numbers(lengths))
        let document = try PDFDocument(parsing: all)
        let pages = try document.pages()
        // cover, blank, Ana 3, blank, Ben 4, Chiara 1, blank.
        #expect(pages.map { Self.shown(document, $0).number } == ["", "", "Page 1 of 3", "Page 2 of 3", "Page 3 of 3", "",
                                                                   "Page 1 of 4", "Page 2 of 4", "Page 3 of 4", "Page 4 of 4", "Page 1 of 1", ""])
        // A numbered page's own content is kept whole, between q and Q, the number drawn after it as a pagination artifact.
        let page = Self.shown(document, pages[2])
        #expect(page.own == ["q\n", "BT /F1 12 Tf (page 2) Tj ET", "Q\nq /Artifact <</Type /Pagination /Subtype /Footer>> BDC /AttunePageNumber Do EMC Q\n"])
        #expect(Self.shown(document, pages[1]).own.isEmpty, "a blank page stays blank")
        #expect(Self.shown(document, pages[0]).own == ["BT /F1 12 Tf (page 1) Tj ET"], "the cover is not numbered")
        // Each number is one form, with the font it uses copied in once.
        let forms = document.objects.values.filter { $0.value.dictionary?["Subtype"]?.name == "Form" }
        #expect(forms.count == 8)
        #expect(document.objects.values.filter { $0.value.dictionary?["BaseFont"] == .name("BAAAAA+DejaVuSans") }.count == 1)
        #expect(forms.allSatisfy { $0.value.dictionary?["BBox"] == .array(["0", "0", "595", "842"].map { .token($0) }) })
        for object in document.objects.values {
            #expect(!CohortPDFTests.references(object.value).contains { document.objects[$0] == nil })
        }
        // Each trainee's PDF: the same numbers, the font with them.
        for (data, handout) in zip(own, Self.handouts) {
            let cut = try PDFDocument(parsing: data)
            #expect(try cut.pages().map { Self.shown(cut, $0).number } == (1...handout.pages).map { "Page \($0) of \(handout.pages)" })
            #expect(cut.objects.values.contains { $0.value.dictionary?["BaseFont"] == .name("BAAAAA+DejaVuSans") })
            #expect(cut.objects.values.filter { $0.value.dictionary?["Subtype"]?.name == "Form" }.count == handout.pages, "only its own numbers")
        }
        // The same input, the same bytes.
        let again = try CohortPDF.split(SamplePDF.make(handouts: Self.handouts),
                                        handouts: Self.handouts.map { CohortPDF.Handout(anchor: $0.anchor, title: "Handout \($0.anchor)") },
                                        pageNumbers: Self.numbers(lengths))
        #expect(again.all == all && again.handouts == own)
    }

    @Test("numbers for another length, or printed on pages of another size, are an error, never a wrong number")
    func wrongNumbers() throws {
        let handouts = Self.handouts.map { CohortPDF.Handout(anchor: $0.anchor, title: "") }
        #expect(throws: PrintError.self) { try CohortPDF.split(SamplePDF.make(handouts: Self.handouts), handouts: handouts, pageNumbers: Self.numbers([1, 3])) }
        #expect(throws: PrintError.self) {
            try CohortPDF.split(SamplePDF.make(handouts: Self.handouts), handouts: handouts, pageNumbers: Self.numbers([1, 3, 4], size: "612"))
        }
        var short = Self.numbers([1, 3, 4])
        short.lengths = [1, 3, 5]
        #expect(throws: PrintError.self) { try CohortPDF.split(SamplePDF.make(handouts: Self.handouts), handouts: handouts, pageNumbers: short) }
    }

    @Test("a handout the printed PDF does not name, or one out of order, is an error, never a wrong cut")
    func missing() throws {
        let data = SamplePDF.make(handouts: [("handout-a", 1), ("handout-b", 1)])
        #expect(throws: PrintError.self) { try CohortPDF.split(data, handouts: [.init(anchor: "handout-x", title: "X")]) }
        #expect(throws: PrintError.self) {
            try CohortPDF.split(data, handouts: [.init(anchor: "handout-b", title: "B"), .init(anchor: "handout-a", title: "A")])
        }
        #expect(throws: PrintError.self) { try CohortPDF.split(Data("not a pdf".utf8), handouts: []) }
    }

    static func references(_ value: PDFValue) -> [Int] {
        switch value {
        case .reference(let number): return [number]
        case .array(let items): return items.flatMap(references)
        case .dictionary(let dictionary): return dictionary.entries.flatMap { references($0.value) }
        default: return []
        }
    }
}
