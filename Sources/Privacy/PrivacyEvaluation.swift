import Foundation

/// A labelled corpus of reflective writing and how well the guard does on
/// it: recall per identifier kind, precision per finding kind. Used by the
/// corpus test (which fails below the thresholds) and `make privacy-eval`.
package struct LabelledCorpus: Sendable {
    package struct Passage: Sendable {
        package var title: String
        package var text: String
        package var identifiers: [(category: String, range: NSRange)]
        package var lookAlikes: [NSRange]
    }

    package var passages: [Passage] = []
    package var allowed: [String] = []

    /// Every labelled name, as a therapist's names list would hold them.
    package var names: [String] {
        var seen: Set<String> = []
        var names: [String] = []
        for passage in passages {
            for identifier in passage.identifiers where identifier.category == "name" {
                let name = (passage.text as NSString).substring(with: identifier.range)
                if seen.insert(name).inserted { names.append(name) }
            }
        }
        return names
    }

    /// Reads the format described in `Tests/PrivacyTests/Corpus/README.md`.
    package init(parsing source: String) {
        var current: Passage?
        var body = ""
        func finish() {
            guard var passage = current else { return }
            let (text, identifiers, lookAlikes) = Self.strip(body)
            passage.text = text
            passage.identifiers = identifiers
            passage.lookAlikes = lookAlikes
            passages.append(passage)
        }
        for line in source.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("=== ") {
                finish()
                current = Passage(title: String(line.dropFirst(4)), text: "", identifiers: [], lookAlikes: [])
                body = ""
            } else if current == nil, line.hasPrefix("allow:") {
                allowed += line.dropFirst(6).split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
            } else if current != nil {
                body += body.isEmpty ? String(line) : "\n" + line
            }
        }
        finish()
    }

    private static func strip(_ body: String) -> (String, [(String, NSRange)], [NSRange]) {
        let decoded = decodeEscapes(body.trimmingCharacters(in: .whitespacesAndNewlines))
        var text = ""
        var identifiers: [(String, NSRange)] = []
        var lookAlikes: [NSRange] = []
        var rest = Substring(decoded)
        while !rest.isEmpty {
            if rest.hasPrefix("[["), let bar = rest.firstIndex(of: "|"), let close = rest.range(of: "]]") {
                let category = String(rest[rest.index(rest.startIndex, offsetBy: 2)..<bar])
                let value = String(rest[rest.index(after: bar)..<close.lowerBound])
                let start = (text as NSString).length
                text += value
                identifiers.append((category, NSRange(location: start, length: (value as NSString).length)))
                rest = rest[close.upperBound...]
            } else if rest.hasPrefix("{{"), let close = rest.range(of: "}}") {
                let value = String(rest[rest.index(rest.startIndex, offsetBy: 2)..<close.lowerBound])
                let start = (text as NSString).length
                text += value
                lookAlikes.append(NSRange(location: start, length: (value as NSString).length))
                rest = rest[close.upperBound...]
            } else {
                text.append(rest.removeFirst())
            }
        }
        return (text, identifiers, lookAlikes)
    }

    /// `\u{200B}` as the character it names.
    private static func decodeEscapes(_ text: String) -> String {
        var result = ""
        var rest = Substring(text)
        while let start = rest.range(of: "\\u{") {
            result += rest[..<start.lowerBound]
            guard let close = rest[start.upperBound...].firstIndex(of: "}"),
                  let value = UInt32(rest[start.upperBound..<close], radix: 16), let scalar = Unicode.Scalar(value) else {
                result += rest[start]
                rest = rest[start.upperBound...]
                continue
            }
            result.unicodeScalars.append(scalar)
            rest = rest[rest.index(after: close)...]
        }
        return result + rest
    }
}

/// Recall and precision of one scanner on one corpus.
package struct PrivacyScore: Sendable {
    package struct Tally: Sendable {
        package var total = 0
        package var hit = 0
        package var rate: Double { total == 0 ? 1 : Double(hit) / Double(total) }
    }

    /// Per labelled kind: identifiers, and how many were wholly covered.
    package var recall: [String: Tally] = [:]
    /// Per labelled kind: of those covered, how many had the right label.
    package var labelled: [String: Tally] = [:]
    /// Per finding kind: findings, and how many overlap a labelled identifier.
    package var precision: [String: Tally] = [:]
    /// Identifiers no finding touched at all: left whole in a redacted copy.
    package var leftWhole = 0
    /// Planted look-alikes that were flagged.
    package var lookAlikesFlagged = 0
    package var lookAlikes = 0
    /// What was missed and what was wrongly flagged, for tuning.
    package var misses: [String] = []
    package var falseAlarms: [String] = []
    package var mislabelled: [String] = []

    package var overallRecall: Tally { recall.values.reduce(into: Tally()) { $0.total += $1.total; $0.hit += $1.hit } }
    package var overallPrecision: Tally { precision.values.reduce(into: Tally()) { $0.total += $1.total; $0.hit += $1.hit } }

    /// Scores `scanner` on `corpus`: an identifier counts as caught only
    /// when findings that are not allowed cover every letter and digit of it.
    package init(_ scanner: PrivacyScanner, on corpus: LabelledCorpus) {
        for passage in corpus.passages {
            let source = passage.text as NSString
            let matches = scanner.allowances(in: passage.text, path: "", firstLine: 1).filter { $0.allowedBy == nil }.map(\.0)
            for identifier in passage.identifiers {
                recall[identifier.category, default: Tally()].total += 1
                let overlapping = matches.filter { NSIntersectionRange($0.range, identifier.range).length > 0 }
                var covered = true
                for offset in identifier.range.location..<NSMaxRange(identifier.range) {
                    let unit = source.character(at: offset)
                    guard let scalar = Unicode.Scalar(unit), scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || scalar.properties.numericType != nil else { continue }
                    if !overlapping.contains(where: { NSLocationInRange(offset, $0.range) }) { covered = false; break }
                }
                let text = source.substring(with: identifier.range)
                if overlapping.isEmpty { leftWhole += 1 }
                if covered {
                    recall[identifier.category]!.hit += 1
                    labelled[identifier.category, default: Tally()].total += 1
                    if overlapping.contains(where: { $0.category.rawValue == identifier.category }) {
                        labelled[identifier.category]!.hit += 1
                    } else {
                        mislabelled.append("\(passage.title): \(identifier.category): \"\(text)\" as \(overlapping.map(\.category.rawValue))")
                    }
                } else {
                    misses.append("\(passage.title): \(identifier.category): \"\(text)\"" + (overlapping.isEmpty ? "" : " (partly: \(overlapping.map(\.text)))"))
                }
            }
            for match in matches {
                precision[match.category.rawValue, default: Tally()].total += 1
                if passage.identifiers.contains(where: { NSIntersectionRange($0.range, match.range).length > 0 }) {
                    precision[match.category.rawValue]!.hit += 1
                } else {
                    falseAlarms.append("\(passage.title): \(match.category.rawValue): \"\(match.text)\"")
                }
            }
            lookAlikes += passage.lookAlikes.count
            lookAlikesFlagged += passage.lookAlikes.filter { range in matches.contains { NSIntersectionRange($0.range, range).length > 0 } }.count
        }
    }

    /// A Markdown table: recall per identifier kind, precision per finding kind.
    package func table(title: String) -> String {
        func percent(_ tally: Tally) -> String { tally.total == 0 ? "–" : String(format: "%.1f%%", tally.rate * 100) }
        var lines = ["### \(title)", "", "| kind | identifiers | caught whole | recall | right label | findings | precision |", "| --- | ---: | ---: | ---: | ---: | ---: | ---: |"]
        let kinds = Set(recall.keys).union(precision.keys).sorted()
        for kind in kinds {
            let r = recall[kind] ?? Tally(), p = precision[kind] ?? Tally(), l = labelled[kind] ?? Tally()
            lines.append("| \(kind) | \(r.total) | \(r.hit) | \(percent(r)) | \(percent(l)) | \(p.total) | \(percent(p)) |")
        }
        let r = overallRecall, p = overallPrecision
        lines.append("| **all** | \(r.total) | \(r.hit) | **\(percent(r))** | | \(p.total) | **\(percent(p))** |")
        lines.append("")
        lines.append("Look-alikes flagged: \(lookAlikesFlagged) of \(lookAlikes). Identifiers no finding touched (left whole by `--redact`): \(leftWhole).")
        return lines.joined(separator: "\n")
    }
}
