import Diagnostics
import Foundation

/// Holds the material to the standard a programme director can audit: every
/// card cites at least one source, and every source is a full reference
/// (authors, year, title, venue, and the details its kind needs) whose
/// displayed `citation` agrees with those fields.
///
/// Problems in the bundled material are errors, so a test fails and no
/// build ships them; in an overlay they are warnings, so a trainer's draft
/// still builds while `attune check` points at what to finish.
struct SourceValidator {
    let model: ContentModel

    func validate() -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        for card in model.cards where card.sources.isEmpty {
            let advice = card.basis == .synthesis
                ? "a synthesis card cites the sources it draws on"
                : "add 'sources: [...]' naming entries of sources.yaml, or mark it 'basis: synthesis' and cite what it draws on"
            diagnostics.append(Diagnostic(
                card.isBundled ? .error : .warning, at: card.location,
                "card '\(card.id)' cites no source; \(advice)"
            ))
        }
        for source in model.sources {
            let oversized = Self.sizeProblems(with: source)
            guard oversized.isEmpty else {
                diagnostics += oversized
                continue
            }
            let severity: Diagnostic.Severity = source.isBundled ? .error : .warning
            diagnostics += Self.problems(with: source).map { Diagnostic(severity, at: $0.location, $0.message) }
        }
        return diagnostics
    }

    /// A real reference lists a few authors and runs to a few hundred
    /// characters (APA lists at most 21 authors; the longest bundled
    /// citation is under 400 characters). The limits keep the citation
    /// cross-check, authors × citation length, small for any overlay; they
    /// are size guards, so an error in every layer.
    ///
    /// Measured (debug build, `attune check --content DIR`, 2 cores): a
    /// 1 MiB sources file at these limits built so every byte of every
    /// citation starts a near-match for 50 authors (136 sources) takes
    /// 0.57 s, against 0.33 s for the same file with no near-matches and
    /// 0.12 s for the bundled content with 136 ordinary sources: 1.7x the
    /// cost of parsing the same bytes, so no quadratic blow-up is possible.
    static let maxAuthors = 50
    static let maxFieldBytes = 1000
    static let maxCitationBytes = 4000

    /// Size problems, reported as errors in every layer; a source with any
    /// is not checked further.
    static func sizeProblems(with source: Source) -> [Diagnostic] {
        func at(_ field: String) -> SourceLocation { source.fieldLocations[field] ?? source.location }
        var problems: [Diagnostic] = []
        if source.authors.count > maxAuthors {
            problems.append(.error(
                "source '\(source.id)' lists \(source.authors.count) authors; at most \(maxAuthors) (cite the first and 'et al.')",
                at: at("authors")))
        }
        let fields: [(String, String?, Int)] = [
            ("citation", source.citation, maxCitationBytes), ("title", source.title, maxFieldBytes),
            ("venue", source.venue, maxFieldBytes), ("locator", source.locator, maxFieldBytes),
            ("doi", source.doi, maxFieldBytes), ("url", source.url, maxFieldBytes), ("year", source.year, maxFieldBytes),
        ]
        for (field, value, limit) in fields {
            if let value, value.utf8.count > limit {
                problems.append(.error("source '\(source.id)': '\(field)' is \(value.utf8.count) bytes; at most \(limit)", at: at(field)))
            }
        }
        if let long = source.authors.first(where: { $0.utf8.count > maxFieldBytes }) {
            problems.append(.error(
                "source '\(source.id)': an author is \(long.utf8.count) bytes; at most \(maxFieldBytes)", at: at("authors")))
        }
        return problems
    }

    /// Everything that keeps `source` from being a full reference, each at
    /// the spot to fix.
    static func problems(with source: Source) -> [(location: SourceLocation, message: String)] {
        var problems: [(SourceLocation, String)] = []
        func at(_ field: String) -> SourceLocation { source.fieldLocations[field] ?? source.location }
        let what = "source '\(source.id)' is not a full reference"

        var missing: [String] = []
        if source.kind == nil { missing.append("kind") }
        if source.authors.isEmpty { missing.append("authors") }
        for (field, value) in [("year", source.year), ("title", source.title), ("venue", source.venue)] where value == nil {
            missing.append(field)
        }
        switch source.kind {
        case .article:
            if source.locator == nil { missing.append("locator (volume, issue and pages)") }
            if source.doi == nil && source.url == nil { missing.append("doi or url") }
        case .legislation:
            if source.locator == nil { missing.append("locator (the section cited)") }
            if source.url == nil { missing.append("url") }
        case .guidance:
            if source.url == nil { missing.append("url") }
        case .book, .report, nil:
            break
        }
        if !missing.isEmpty {
            let names = missing.map { "'\($0)'" }.joined(separator: ", ")
            problems.append((source.location, "\(what): missing \(names)"))
        }

        if let year = source.year, !Self.isYear(year) {
            problems.append((at("year"), "\(what): 'year' must be four digits, not '\(year)'"))
        }
        if let doi = source.doi, !Self.isDOI(doi) {
            problems.append((at("doi"), "\(what): 'doi' must be a bare DOI such as 10.1037/a0022140, not '\(doi)'"))
        }
        if let url = source.url, !Self.isWebAddress(url) {
            problems.append((at("url"), "\(what): 'url' must be an http or https address with no spaces, not '\(url)'"))
        }

        // The citation is what readers see: it must carry what the fields say.
        let shown = Self.plain(source.citation)
        var absent: [String] = []
        for author in source.authors where shown.firstByteRange(of: Self.plain(Self.familyName(author))) == nil {
            absent.append("author '\(Self.familyName(author))'")
        }
        let checked: [(String, String?)] = [
            ("year", source.year), ("title", source.title), ("venue", source.venue),
            ("locator", source.locator), ("doi", source.doi), ("url", source.url),
        ]
        for (field, value) in checked {
            if let value, shown.firstByteRange(of: Self.plain(value)) == nil { absent.append("\(field) '\(value)'") }
        }
        if !absent.isEmpty {
            // Five are enough to see the pattern; the message stays one line.
            let shownCount = 5
            let more = absent.count > shownCount ? " and \(absent.count - shownCount) more" : ""
            problems.append((at("citation"),
                "source '\(source.id)': the citation does not show its \(absent.prefix(shownCount).joined(separator: ", "))\(more)"))
        }
        return problems
    }

    static func isYear(_ text: String) -> Bool {
        text.utf8.count == 4 && text.utf8.allSatisfy { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }
    }

    /// `10.` then a registrant code of digits (dotted parts allowed), `/`, and
    /// a suffix of printable characters with nothing that ends a link.
    static func isDOI(_ text: String) -> Bool {
        guard text.hasPrefix("10."), let slash = text.firstIndex(of: "/") else { return false }
        let registrant = text[text.index(text.startIndex, offsetBy: 3)..<slash]
        let suffix = text[text.index(after: slash)...]
        return !registrant.isEmpty && registrant.allSatisfy { $0.isASCII && ($0.isNumber || $0 == ".") }
            && !suffix.isEmpty && suffix.unicodeScalars.allSatisfy { $0.value > 0x20 && $0.value < 0x7F && !"<>\"`{}|\\^".unicodeScalars.contains($0) }
    }

    static func isWebAddress(_ text: String) -> Bool {
        let lower = text.lowercased()
        guard let rest = ["https://", "http://"].first(where: lower.hasPrefix).map({ text.dropFirst($0.count) }) else { return false }
        let host = rest.prefix { $0 != "/" && $0 != "?" && $0 != "#" }
        return !host.isEmpty && host.contains(".")
            && text.unicodeScalars.allSatisfy { $0.value > 0x20 && $0.value != 0x7F && !"<>\"`{}|\\^".unicodeScalars.contains($0) }
    }

    /// "Safran, J. D." → "Safran"; a body such as "National Data Guardian" is its own name.
    static func familyName(_ author: String) -> String {
        author.prefix { $0 != "," }.trimmingWhitespace()
    }

    /// The citation as read: without emphasis marks or escapes, spaces
    /// collapsed, in canonical composed form (so "Schön" typed either way
    /// matches), ready for a byte search.
    static func plain(_ markdown: String) -> String {
        var result = ""
        var lastWasSpace = false
        for character in markdown where character != "*" && character != "_" && character != "\\" {
            if character.isWhitespace {
                if !lastWasSpace { result.append(" ") }
                lastWasSpace = true
            } else {
                result.append(character)
                lastWasSpace = false
            }
        }
        return result.precomposedStringWithCanonicalMapping
    }
}
