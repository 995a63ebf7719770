import ContentModel
import Diagnostics
import Foundation
import Testing

/// Every card cites a source, and every source is a full reference: an
/// error in the bundled material, a warning in an overlay.
@Suite("Sources and citations")
struct SourceValidatorTests {
    // MARK: The bundled material

    @Test("every bundled card cites at least one source, and every source is a full reference, with no warnings")
    func bundledIsComplete() throws {
        let content = try TestContent.bundled()
        #expect(content.warnings.map(\.description) == [])
        for card in content.cards {
            #expect(!card.sources.isEmpty, "\(card.id) cites no source")
            for id in card.sources { #expect(content.source(id) != nil, "\(card.id) cites unknown \(id)") }
        }
        for source in content.sources {
            #expect(source.kind != nil && !source.authors.isEmpty, "\(source.id)")
            #expect(source.year != nil && source.title != nil && source.venue != nil, "\(source.id)")
            if source.kind == .article { #expect(source.doi != nil, "\(source.id): an article without a DOI") }
        }
        // Every source is cited by some card: nothing on the sources page is there for show.
        let cited = Set(content.cards.flatMap(\.sources))
        for source in content.sources { #expect(cited.contains(source.id), "\(source.id) is cited by no card") }
    }

    /// The test the issue asks for, for every card rather than one example:
    /// strip one card's `sources` line and the bundled load must fail,
    /// pointing at that card.
    @Test("removing any one bundled card's sources is an error at that card")
    func everyBundledCardNeedsASource() throws {
        var checked = 0
        for (index, file) in TestContent.bundledFiles.enumerated() {
            let lines = file.text.split(separator: "\n", omittingEmptySubsequences: false)
            var cardLine = 0
            for (number, line) in lines.enumerated() {
                if line.hasPrefix("  - id: ") { cardLine = number + 1 }
                guard line.hasPrefix("    sources: "), cardLine > 0 else { continue }
                var edited = lines
                edited.remove(at: number)
                var files = TestContent.bundledFiles
                files[index] = SourceFile(path: file.path, name: file.name, text: edited.joined(separator: "\n"))
                let messages = Self.errors(layers: [files], bundledLayers: 1)
                let id = lines[cardLine - 1].dropFirst("  - id: ".count)
                let blockEnd = lines[cardLine...].firstIndex { $0.hasPrefix("  - id: ") } ?? lines.count
                let synthesis = lines[cardLine..<blockEnd].contains("    basis: synthesis")
                let advice = synthesis
                    ? "a synthesis card cites the sources it draws on"
                    : "add 'sources: [...]' naming entries of sources.yaml, or mark it 'basis: synthesis' and cite what it draws on"
                #expect(messages == ["\(file.path):\(cardLine):5: error: card '\(id)' cites no source; \(advice)"])
                checked += 1
            }
        }
        #expect(checked >= 73)
    }

    @Test("removing any reference field of any bundled source is an error at that source", arguments: [
        "kind", "authors", "year", "title", "venue",
    ])
    func everyBundledSourceIsFull(field: String) throws {
        let index = try #require(TestContent.bundledFiles.firstIndex { $0.name == "sources.yaml" })
        let file = TestContent.bundledFiles[index]
        let lines = file.text.split(separator: "\n", omittingEmptySubsequences: false)
        var sourceLine = 0
        var checked = 0
        for (number, line) in lines.enumerated() {
            if line.hasPrefix("  - id: ") { sourceLine = number + 1 }
            guard line.hasPrefix("    \(field): "), sourceLine > 0 else { continue }
            var edited = lines
            edited.remove(at: number)
            var files = TestContent.bundledFiles
            files[index] = SourceFile(path: file.path, name: file.name, text: edited.joined(separator: "\n"))
            let messages = Self.errors(layers: [files], bundledLayers: 1)
            let id = lines[sourceLine - 1].dropFirst("  - id: ".count)
            let expected = "\(file.path):\(sourceLine):5: error: source '\(id)' is not a full reference: missing '\(field)'"
            #expect(messages.contains(expected), "\(messages)")
            // A field the citation no longer has to match is not reported twice.
            #expect(messages.allSatisfy { $0.contains("error: source '\(id)'") }, "\(messages)")
            checked += 1
        }
        #expect(checked >= 19)
    }

    /// `Docs/content-review.md` is what a programme director audits: it
    /// must list every card with exactly its sources, and every source.
    @Test("Docs/content-review.md lists every bundled card with its sources, and every source")
    func reviewDocumentIsCurrent() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let review = try String(contentsOf: root.appendingPathComponent("Docs/content-review.md"), encoding: .utf8)
        var rows: [String: String] = [:]
        for line in review.split(separator: "\n") where line.hasPrefix("| `") {
            let id = line.dropFirst(3).prefix { $0 != "`" }
            #expect(rows.updateValue(String(line), forKey: String(id)) == nil, "\(id) is listed twice")
        }
        let content = try TestContent.bundled()
        for card in content.cards {
            let found = rows.removeValue(forKey: card.id)
            let row = try #require(found, "\(card.id) is missing from the review")
            let listed = row.split(separator: "|").last.map { $0.matches(of: /`([a-z0-9-]+)`/).map { String($0.1) } } ?? []
            #expect(listed == card.sources, "\(card.id): the review lists \(listed)")
            #expect(row.contains(card.basis == .synthesis ? "| Synthesis |" : "| Cited |"), "\(card.id)")
        }
        for source in content.sources {
            let found = rows.removeValue(forKey: source.id)
            #expect(found != nil, "\(source.id) is missing from the review")
        }
        #expect(rows.keys.sorted() == [], "the review lists items the content does not have")
    }

    /// The fields only some kinds need: removing one from a bundled source
    /// of a kind that needs it is an error; from any other kind, nothing.
    @Test("removing a kind's own required field from any bundled source is an error at that source", arguments: [
        "locator", "doi", "url",
    ])
    func everyBundledSourceKeepsItsKindsFields(field: String) throws {
        let index = try #require(TestContent.bundledFiles.firstIndex { $0.name == "sources.yaml" })
        let file = TestContent.bundledFiles[index]
        let content = try TestContent.bundled()
        let lines = file.text.split(separator: "\n", omittingEmptySubsequences: false)
        var sourceLine = 0
        var checked = 0
        for (number, line) in lines.enumerated() {
            if line.hasPrefix("  - id: ") { sourceLine = number + 1 }
            guard line.hasPrefix("    \(field): "), sourceLine > 0 else { continue }
            let id = String(lines[sourceLine - 1].dropFirst("  - id: ".count))
            let source = try #require(content.source(id))
            let needed: String? = switch (source.kind, field) {
            case (.article, "locator"): "locator (volume, issue and pages)"
            case (.article, "doi") where source.url == nil, (.article, "url") where source.doi == nil: "doi or url"
            case (.legislation, "locator"): "locator (the section cited)"
            case (.legislation, "url"), (.guidance, "url"): "url"
            default: nil
            }
            var edited = lines
            edited.remove(at: number)
            var files = TestContent.bundledFiles
            files[index] = SourceFile(path: file.path, name: file.name, text: edited.joined(separator: "\n"))
            let messages = Self.errors(layers: [files], bundledLayers: 1)
            if let needed {
                #expect(messages == ["\(file.path):\(sourceLine):5: error: source '\(id)' is not a full reference: missing '\(needed)'"], "\(id)")
            } else {
                #expect(messages == [], "\(id)")
            }
            checked += 1
        }
        #expect(checked >= 4)
    }

    // MARK: Strictness: bundled versus overlay

    static let unsourcedCard = """
    section: blindspots
    title: Blindspots
    cards:
      - id: blindspot-urgency
        title: Urgency
        summary: Hurrying to fix things.
        body: Slow down.
    """

    static let partialSource = """
    sources:
      - id: safran-2000
        short: Safran & Muran 2000
        citation: "Safran, J. D., & Muran, J. C. (2000). *Negotiating the Therapeutic Alliance.* Guilford."
    """

    @Test("in an overlay, an unsourced card and a partial reference are warnings, and the content loads")
    func overlayWarns() throws {
        let overlay = [
            TestContent.file("extra.yaml", Self.unsourcedCard, folder: "overlay"),
            TestContent.file("sources.yaml", Self.partialSource, folder: "overlay"),
        ]
        let content = try ContentLoader.load(layers: [Self.fullSmall, overlay], bundledLayers: 1)
        #expect(content.card("blindspot-urgency") != nil)
        #expect(content.warnings.map(\.description) == [
            "overlay/extra.yaml:4:5: warning: card 'blindspot-urgency' cites no source; add 'sources: [...]' naming entries of sources.yaml, or mark it 'basis: synthesis' and cite what it draws on",
            "overlay/sources.yaml:2:5: warning: source 'safran-2000' is not a full reference: missing 'kind', 'authors', 'year', 'title', 'venue'",
        ])
    }

    @Test("the same problems in the bundled layer are errors, all reported in one run")
    func bundledErrs() {
        let bundled = Self.fullSmall.filter { $0.name != "blindspots.yaml" && $0.name != "sources.yaml" } + [
            TestContent.file("blindspots.yaml", Self.unsourcedCard),
            TestContent.file("sources.yaml", Self.partialSource),
        ]
        #expect(Self.errors(layers: [bundled], bundledLayers: 1) == [
            "c/blindspots.yaml:4:5: error: card 'blindspot-urgency' cites no source; add 'sources: [...]' naming entries of sources.yaml, or mark it 'basis: synthesis' and cite what it draws on",
            "c/sources.yaml:2:5: error: source 'safran-2000' is not a full reference: missing 'kind', 'authors', 'year', 'title', 'venue'",
        ])
    }

    @Test("an overlay that replaces a bundled card without sources is held to the overlay standard")
    func overlayReplacement() throws {
        let overlay = [TestContent.file("blindspots.yaml", Self.unsourcedCard, folder: "overlay")]
        let content = try ContentLoader.load(layers: [Self.fullSmall, overlay], bundledLayers: 1)
        #expect(content.warnings.count == 1)
        #expect(content.warnings.first?.severity == .warning)
        #expect(content.warnings.first?.location == SourceLocation(path: "overlay/blindspots.yaml", line: 4, column: 5))
    }

    @Test("a synthesis card must still cite what it draws on")
    func synthesisNeedsSources() {
        let card = Self.unsourcedCard + "\n    basis: synthesis"
        let bundled = Self.fullSmall.filter { $0.name != "blindspots.yaml" } + [TestContent.file("blindspots.yaml", card)]
        #expect(Self.errors(layers: [bundled], bundledLayers: 1) == [
            "c/blindspots.yaml:4:5: error: card 'blindspot-urgency' cites no source; a synthesis card cites the sources it draws on",
        ])
    }

    @Test("basis and kind take only their listed values, in any layer")
    func enumerations() {
        let card = Self.unsourcedCard + "\n    basis: opinion\n    sources: [safran-2000]"
        let source = Self.source(replacing: "kind: book", with: "kind: blog")
        let files = Self.fullSmall.filter { $0.name != "blindspots.yaml" && $0.name != "sources.yaml" } + [
            TestContent.file("blindspots.yaml", card), TestContent.file("sources.yaml", source),
        ]
        #expect(Self.errors(layers: [files], bundledLayers: 0) == [
            "c/blindspots.yaml:8:12: error: basis 'opinion' is not one of: cited, synthesis",
            "c/sources.yaml:4:11: error: source kind 'blog' is not one of: article, book, report, guidance, legislation",
        ])
    }

    // MARK: What a full reference is

    /// The small test set with every card sourced and a full book reference.
    static let fullSource = """
    sources:
      - id: safran-2000
        short: Safran & Muran 2000
        kind: book
        authors: ["Safran, J. D.", "Muran, J. C."]
        year: 2000
        title: "Negotiating the therapeutic alliance: A relational treatment guide"
        venue: Guilford Press
        citation: "Safran, J. D., & Muran, J. C. (2000). *Negotiating the therapeutic alliance: A relational treatment guide.* Guilford Press."
    """

    static var fullSmall: [SourceFile] {
        TestContent.files(["sources.yaml": fullSource]).map { file in
            guard file.name != "sources.yaml", file.name != "markers.yaml" else { return file }
            let text = file.text.replacingOccurrences(
                of: "\n    body: ", with: "\n    sources: [safran-2000]\n    body: ")
            return SourceFile(path: file.path, name: file.name, text: text)
        }
    }

    static func source(replacing old: String, with new: String) -> String {
        precondition(fullSource.contains(old), old)
        return fullSource.replacingOccurrences(of: old, with: new)
    }

    static func article(_ changes: [(String, String)]) -> String {
        var text = """
        sources:
          - id: safran-2000
            short: Safran, Muran & Eubanks-Carter 2011
            kind: article
            authors: ["Safran, J. D.", "Muran, J. C.", "Eubanks-Carter, C."]
            year: 2011
            title: Repairing alliance ruptures
            venue: Psychotherapy
            locator: 48(1), 80–87
            doi: 10.1037/a0022140
            citation: "Safran, J. D., Muran, J. C., & Eubanks-Carter, C. (2011). Repairing alliance ruptures. *Psychotherapy*, 48(1), 80–87. https://doi.org/10.1037/a0022140"
        """
        for (old, new) in changes {
            precondition(text.contains(old), old)
            text = text.replacingOccurrences(of: old, with: new)
        }
        return text
    }

    static func problems(_ sourcesFile: String) -> [String] {
        let files = fullSmall.filter { $0.name != "sources.yaml" } + [TestContent.file("sources.yaml", sourcesFile)]
        return errors(layers: [files], bundledLayers: 1)
    }

    @Test("the small set with full references loads cleanly with no warnings")
    func fullSmallLoads() throws {
        let content = try ContentLoader.load(layers: [Self.fullSmall], bundledLayers: 1)
        #expect(content.warnings.isEmpty)
        #expect(content.source("safran-2000")?.authors == ["Safran, J. D.", "Muran, J. C."])
        #expect(content.source("safran-2000")?.kind == .book)
        #expect(content.source("safran-2000")?.year == "2000")
        let warnings = try ContentLoader.load(layers: [Self.fullSmall.filter { $0.name != "sources.yaml" } + [
            TestContent.file("sources.yaml", Self.article([])),
        ]], bundledLayers: 1).warnings
        for warning in warnings { Issue.record("\(warning)") }
    }

    @Test("a year is exactly four digits", arguments: [
        ("999", false), ("20111", false), ("2O11", false), ("'2011 '", false), ("n.d.", false), ("٢٠١١", false),
        ("0999", true), ("2011", true),
    ])
    func years(year: String, valid: Bool) {
        let citationYear = year.hasPrefix("'") ? "2011" : year
        let problems = Self.problems(Self.article([("year: 2011", "year: \(year)"), ("(2011)", "(\(citationYear))")]))
        if valid {
            #expect(problems == [])
        } else {
            #expect(problems.contains { $0.hasPrefix("c/sources.yaml:6:11: error: source 'safran-2000' is not a full reference: 'year' must be four digits") }, "\(problems)")
        }
    }

    @Test("a DOI is bare, starts 10.<digits>/ and has nothing that could end or break a link", arguments: [
        "doi:10.1037/a0022140", "https://doi.org/10.1037/a0022140", "10.1037", "10./a0022140", "10.1037/",
        "10.1037/a0022140<script>", "10.1037/a 0022140", "10.10x7/a0022140", "10.1037/a\"b", "11.1037/a0022140",
    ])
    func badDOIs(doi: String) {
        let problems = Self.problems(Self.article([
            ("doi: 10.1037/a0022140", "doi: '\(doi.replacingOccurrences(of: "'", with: "''"))'"),
            ("https://doi.org/10.1037/a0022140\"", "https://doi.org/\(doi.replacingOccurrences(of: "\"", with: "\\\""))\""),
        ]))
        #expect(problems.contains { $0.hasPrefix("c/sources.yaml:10:10: error: source 'safran-2000' is not a full reference: 'doi' must be a bare DOI") }, "\(problems)")
    }

    @Test("an address is http or https with a dotted host and no spaces or markup", arguments: [
        "javascript:alert(1)", "ftp://example.org/x", "https://", "https://localhost/x", "http://exa mple.org",
        "https://example.org/<b>", "//example.org/x", "data:text/html,hi", "mailto:a@example.org",
    ])
    func badAddresses(url: String) {
        let problems = Self.problems(Self.article([
            ("doi: 10.1037/a0022140", "url: '\(url)'"),
            ("https://doi.org/10.1037/a0022140", url),
        ]))
        #expect(problems.contains { $0.hasPrefix("c/sources.yaml:10:10: error: source 'safran-2000' is not a full reference: 'url' must be an http or https address") }, "\(problems)")
    }

    @Test("an article needs volume, issue and pages, and a DOI or an address")
    func articleDetails() {
        #expect(Self.problems(Self.article([("    locator: 48(1), 80–87\n", ""), ("    doi: 10.1037/a0022140\n", "")])) == [
            "c/sources.yaml:2:5: error: source 'safran-2000' is not a full reference: missing 'locator (volume, issue and pages)', 'doi or url'",
        ])
        // An address instead of a DOI is enough.
        #expect(Self.problems(Self.article([
            ("doi: 10.1037/a0022140", "url: https://example.org/article"),
            ("https://doi.org/10.1037/a0022140", "https://example.org/article"),
        ])) == [])
    }

    @Test("guidance and legislation need an address; legislation its section too")
    func guidanceAndLaw() {
        let guidance = Self.source(replacing: "kind: book", with: "kind: guidance")
        #expect(Self.problems(guidance) == ["c/sources.yaml:2:5: error: source 'safran-2000' is not a full reference: missing 'url'"])
        let law = Self.source(replacing: "kind: book", with: "kind: legislation")
        #expect(Self.problems(law) == [
            "c/sources.yaml:2:5: error: source 'safran-2000' is not a full reference: missing 'locator (the section cited)', 'url'",
        ])
    }

    @Test("the citation readers see must carry every field, each one named")
    func citationAgrees() {
        let wrong = Self.article([
            ("(2011). Repairing alliance ruptures.", "(2012). Repairing ruptures."),
            ("Eubanks-Carter, C. (", "Eubanks, C. ("),
            ("https://doi.org/10.1037/a0022140", "https://doi.org/10.1037/a0022141"),
        ])
        #expect(Self.problems(wrong) == [
            "c/sources.yaml:11:15: error: source 'safran-2000': the citation does not show its author 'Eubanks-Carter', year '2011', title 'Repairing alliance ruptures', doi '10.1037/a0022140'",
        ])
    }

    @Test("emphasis, escapes and line breaks in the citation do not hide a match")
    func citationIsReadAsText() {
        let text = Self.article([(
            "citation: \"Safran, J. D., Muran, J. C., & Eubanks-Carter, C. (2011). Repairing alliance ruptures. *Psychotherapy*, 48(1), 80–87. https://doi.org/10.1037/a0022140\"",
            "citation: |\n      Safran, J. D., Muran, J. C., & Eubanks-Carter, C. (2011). Repairing\n      alliance ruptures. _Psychotherapy_, 48\\(1), 80–87.\n      https://doi.org/10.1037/a0022140"
        )])
        #expect(Self.problems(text) == [])
    }

    @Test("a reference field must be text on one scalar, not a list or a mapping")
    func fieldShapes() {
        let problems = Self.problems(Self.article([("year: 2011", "year: [2011]"), ("venue: Psychotherapy", "venue: {name: Psychotherapy}")]))
        #expect(problems.contains("c/sources.yaml:6:11: error: field 'year' must be text, not a list"), "\(problems)")
        #expect(problems.contains("c/sources.yaml:8:12: error: field 'venue' must be text, not a mapping"), "\(problems)")
    }

    @Test("at most 50 authors, as an error even in an overlay, at the field", arguments: [50, 51])
    func authorLimit(count: Int) {
        let authors = (1...count).map { "\"Author\($0), A.\"" }.joined(separator: ", ")
        let names = (1...count).map { "Author\($0), A." }.joined(separator: ", ")
        let text = Self.article([
            ("authors: [\"Safran, J. D.\", \"Muran, J. C.\", \"Eubanks-Carter, C.\"]", "authors: [\(authors)]"),
            ("\"Safran, J. D., Muran, J. C., & Eubanks-Carter, C. (2011)", "\"\(names) (2011)"),
        ])
        let overlay = [TestContent.file("sources.yaml", text, folder: "overlay")]
        let result = Self.errors(layers: [Self.fullSmall, overlay], bundledLayers: 1)
        if count == 50 {
            #expect(result.filter { !$0.contains("cites no source") } == [])
            // A citation showing none of them: five named, the rest counted, on one line.
            let unnamed = Self.article([("authors: [\"Safran, J. D.\", \"Muran, J. C.\", \"Eubanks-Carter, C.\"]", "authors: [\(authors)]")])
            #expect(Self.errors(layers: [Self.fullSmall, [TestContent.file("sources.yaml", unnamed, folder: "overlay")]], bundledLayers: 1) == [
                "overlay/sources.yaml:11:15: warning: source 'safran-2000': the citation does not show its author 'Author1', author 'Author2', author 'Author3', author 'Author4', author 'Author5' and 45 more",
            ])
        } else {
            #expect(result == ["overlay/sources.yaml:5:14: error: source 'safran-2000' lists 51 authors; at most 50 (cite the first and 'et al.')"])
        }
    }

    @Test("a reference field over 1,000 bytes is refused before any comparison", arguments: [999, 1000, 1001])
    func fieldLimit(bytes: Int) {
        let title = String(repeating: "a", count: bytes)
        let text = Self.article([("title: Repairing alliance ruptures", "title: \(title)"), ("Repairing alliance ruptures.", "\(title).")])
        let result = Self.problems(text)
        if bytes <= 1000 {
            #expect(result == [])
        } else {
            #expect(result == ["c/sources.yaml:7:12: error: source 'safran-2000': 'title' is 1001 bytes; at most 1000"])
        }
    }

    @Test("a citation of 4,000 bytes is checked; one of 4,001 is refused", arguments: [4000, 4001])
    func citationLimit(bytes: Int) {
        let start = "Safran, J. D., Muran, J. C., & Eubanks-Carter, C. (2011). Repairing alliance ruptures. *Psychotherapy*, 48(1), 80–87. https://doi.org/10.1037/a0022140 "
        let padding = String(repeating: "é", count: (bytes - start.utf8.count) / 2) + String(repeating: "x", count: (bytes - start.utf8.count) % 2)
        #expect((start + padding).utf8.count == bytes)
        let result = Self.problems(Self.article([("https://doi.org/10.1037/a0022140\"", "https://doi.org/10.1037/a0022140 \(padding)\"")]))
        #expect(result == (bytes > 4000 ? ["c/sources.yaml:11:15: error: source 'safran-2000': 'citation' is 4001 bytes; at most 4000"] : []))
    }

    @Test("an author typed with a combining accent matches the composed spelling in the citation")
    func canonicalEquivalence() {
        let text = """
        sources:
          - id: safran-2000
            short: Schön 1983
            kind: book
            authors: ["Scho\u{0308}n, D. A."]
            year: 1983
            title: "The reflective practitioner: How professionals think in action"
            venue: Basic Books
            citation: "Schön, D. A. (1983). *The reflective practitioner: How professionals think in action.* Basic Books."
        """
        #expect(Self.problems(text) == [])
    }

    static func errors(layers: [[SourceFile]], bundledLayers: Int) -> [String] {
        do {
            let content = try ContentLoader.load(layers: layers, bundledLayers: bundledLayers)
            return content.warnings.map(\.description)
        } catch {
            return error.diagnostics.map(\.description)
        }
    }
}
