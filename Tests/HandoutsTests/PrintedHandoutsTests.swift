import Foundation
import Rendering
import Testing

@testable import Handouts
@testable import Printing

/// Prints a page as a stand-in PDF: a page for the cover, then for each
/// handout (found by its id, in order) `pages(id)` pages, each handout's
/// first page named by its id, as Chromium names the cover's link targets.
final class CountingPrinter: PDFPrinter, @unchecked Sendable {
    private let lock = NSLock()
    private var jobs: [PrintJob] = []
    let pages: @Sendable (String) -> Int
    var printed: [PrintJob] { lock.withLock { jobs } }

    init(pages: @escaping @Sendable (String) -> Int) { self.pages = pages }

    func print(_ jobs: [PrintJob]) throws(PrintError) -> [Data] {
        lock.withLock { self.jobs += jobs }
        return jobs.map { job in
            let html = String(decoding: job.html, as: UTF8.self)
            // The page numbers: a page per named page, its content the name.
            guard job.tagged else {
                let names = html.components(separatedBy: #"<div style="page: "#).dropFirst().map { String($0.prefix { $0 != ";" }) }
                return Self.pdf(texts: names)
            }
            let ids = html.components(separatedBy: #"<article class="handout" id=""#).dropFirst().map { String($0.prefix { $0 != "\"" }) }
            return Self.pdf(cover: 1, handouts: ids.map { ($0, pages($0)) })
        }
    }

    /// A PDF of `texts.count` pages, each page's content its text.
    static func pdf(texts: [String]) -> Data {
        var objects: [Int: PDFObject] = [:]
        func dict(_ entries: [(String, PDFValue)]) -> PDFValue { .dictionary(PDFDictionary(entries: entries.map { (key: $0.0, value: $0.1) })) }
        let tree = 2 * texts.count + 1
        for (index, text) in texts.enumerated() {
            let bytes = Array(text.utf8)
            objects[2 * index + 1] = PDFObject(value: dict([("Length", .token("\(bytes.count)"))]), stream: bytes)
            objects[2 * index + 2] = PDFObject(value: dict([("Type", .name("Page")), ("Parent", .reference(tree)), ("Contents", .reference(2 * index + 1))]))
        }
        objects[tree] = PDFObject(value: dict([("Type", .name("Pages")), ("Count", .token("\(texts.count)")),
                                               ("Kids", .array((0..<texts.count).map { .reference(2 * $0 + 2) }))]))
        objects[tree + 1] = PDFObject(value: dict([("Type", .name("Catalog")), ("Pages", .reference(tree))]))
        return PDFDocument(objects: objects, root: tree + 1, info: nil).serialized()
    }

    static func pdf(cover: Int, handouts: [(id: String, pages: Int)]) -> Data {
        var objects: [Int: PDFObject] = [:]
        func dict(_ entries: [(String, PDFValue)]) -> PDFValue { .dictionary(PDFDictionary(entries: entries.map { (key: $0.0, value: $0.1) })) }
        let total = cover + handouts.map(\.pages).reduce(0, +)
        let tree = 2 * total + 1
        for index in 0..<total {
            let text = Array("(page \(index + 1))".utf8)
            objects[2 * index + 1] = PDFObject(value: dict([("Length", .token("\(text.count)"))]), stream: text)
            objects[2 * index + 2] = PDFObject(value: dict([("Type", .name("Page")), ("Parent", .reference(tree)), ("Contents", .reference(2 * index + 1))]))
        }
        objects[tree] = PDFObject(value: dict([("Type", .name("Pages")), ("Count", .token("\(total)")),
                                               ("Kids", .array((0..<total).map { .reference(2 * $0 + 2) }))]))
        var dests: [(String, PDFValue)] = []
        var start = cover
        for handout in handouts {
            let name = handout.id.utf8.map { $0 < 0x80 ? String(UnicodeScalar($0)) : String(format: "#25%02X", $0) }.joined()
            dests.append((name, .array([.reference(2 * start + 2), .name("XYZ")])))
            start += handout.pages
        }
        objects[tree + 1] = PDFObject(value: dict([("Type", .name("Catalog")), ("Pages", .reference(tree)), ("Dests", dict(dests)),
                                                   ("Lang", .string(Array("(en)".utf8)))]))
        return PDFDocument(objects: objects, root: tree + 1, info: nil).serialized()
    }
}

@Suite("all.pdf: the cohort printed once, every handout on an odd page, each trainee's PDF cut from it")
struct PrintedHandoutsTests {
    /// Ana's handout takes 3 pages, Ben's 4, Chiara's 1.
    static func pages(_ id: String) -> Int {
        id.contains("ana") ? 3 : id.contains("ben") ? 4 : 1
    }

    /// Each page's text: its own content (the printer's "(page N)"), then
    /// the number drawn over it, if any ("number-4-2": page 2 of 4).
    static func texts(_ pdf: Data) throws -> [String] {
        let document = try PDFDocument(parsing: pdf)
        return try document.pages().map { number in
            let page = document.objects[number]!.value.dictionary!
            let streams = document.contentStreams(page).map { String(decoding: document.objects[$0]!.stream!, as: UTF8.self) }
            guard !streams.isEmpty else { return "blank" }
            let own = streams.first { $0.hasPrefix("(page") } ?? "?"
            let form = document.resolve(page["Resources"] ?? .null).dictionary?["XObject"]
                .flatMap { document.resolve($0).dictionary?[PDFDocument.pageNumberName]?.reference }
            return own + (form.map { " + " + String(decoding: document.objects[$0]!.stream!, as: UTF8.self) } ?? "")
        }
    }

    @Test("one print for the whole cohort; a blank page after the cover and every handout of odd length; each trainee's PDF is their pages")
    func padding() throws {
        let printer = CountingPrinter(pages: Self.pages)
        let (report, fileSystem) = try Fixtures.run(HandoutsPipelineTests.files, formats: [.pdf], workers: 1, printer: printer)
        #expect(report.files.contains("out/all.pdf"))
        #expect(report.files.contains("out/ana-lópez.pdf"))
        #expect(printer.printed.count == 2, "one print of the cohort, however many trainees, and one of the page numbers")
        #expect(printer.printed.map(\.tagged) == [true, false], "the page numbers bring no tags of their own")
        let job = try #require(printer.printed.first)
        #expect(job.runningHead == nil, "the page's own CSS says whose each page is")
        let html = String(decoding: job.html, as: UTF8.self)
        #expect(html.contains(#"<div class="pdf-handout" style="page: handout-1">"#))
        #expect(html.contains("@page handout-1 { @top-left { content: \"2026\\2d W47 \\b7  Ana L\\f3 pez\""))
        let all = try #require(fileSystem.data(at: "out/all.pdf"))
        // cover, blank, Ana 1-3 (pages 2-4 printed), blank, Ben (5-8), Chiara (9), blank; each handout page numbered within its handout.
        #expect(try Self.texts(all) == ["(page 1)", "blank",
                                         "(page 2) + number-3-1", "(page 3) + number-3-2", "(page 4) + number-3-3", "blank",
                                         "(page 5) + number-4-1", "(page 6) + number-4-2", "(page 7) + number-4-3", "(page 8) + number-4-4",
                                         "(page 9) + number-1-1", "blank"])
        #expect(try Self.texts(try #require(fileSystem.data(at: "out/ana-lópez.pdf"))) == ["(page 2) + number-3-1", "(page 3) + number-3-2", "(page 4) + number-3-3"])
        #expect(try Self.texts(try #require(fileSystem.data(at: "out/chiara-bianchi.pdf"))) == ["(page 9) + number-1-1"])
        // The numbers' page: each length once, shortest first, every sheet saying its number in the handouts' margin box.
        let numbers = String(decoding: printer.printed[1].html, as: UTF8.self)
        #expect(numbers.components(separatedBy: #"<div style="page: "#).dropFirst().map { String($0.prefix { $0 != ";" }) }
                == ["number-1-1", "number-3-1", "number-3-2", "number-3-3", "number-4-1", "number-4-2", "number-4-3", "number-4-4"])
        #expect(numbers.contains(#"@page number-4-2 { @bottom-right { content: "Page 2 of 4"; } }"#))
        #expect(!numbers.contains("Reflection handout for"), "numbers only: no handout's text")
        #expect(numbers.contains("@top-left { content: none; }") && numbers.contains("@bottom-center { content: none; }"), "no other margin box")
        let ana = try PDFDocument(parsing: try #require(fileSystem.data(at: "out/ana-lópez.pdf")))
        let title = ana.info.flatMap { ana.objects[$0]?.value.dictionary?["Title"] }
        #expect(title == PDFDocument.textString("Ana López · 2026-W47 · When the therapy itself is questioned"))
        // The manifest and the index list each trainee's PDF.
        let manifest = try fileSystem.readText(at: "out/manifest.json")
        #expect(manifest.contains("\"path\" : \"ana-lópez.pdf\"") || manifest.contains("\"path\": \"ana-lópez.pdf\""))
        let index = try fileSystem.readText(at: "out/index.html")
        #expect(index.contains("ana-l%C3%B3pez.pdf") || index.contains("ana-lópez.pdf"))
    }

    @Test("a name is a CSS string that cannot end its rule or its style element")
    func cssString() {
        #expect(PrintedHandouts.cssString("Jo \"x\"; } </style><b>") == #""Jo \22 x\22 \3b  \7d  \3c \2f style\3e \3c b\3e ""#)
        #expect(PrintedHandouts.cssString("") == "\"\"")
    }

    @Test("a page's title, its character references undone")
    func title() {
        #expect(PrintedHandouts.title(of: "<head><title>Jo &amp; Al &lt;3 &#39;x&#39;</title></head>") == "Jo & Al <3 'x'")
        #expect(PrintedHandouts.title(of: "no title") == "")
    }
}
