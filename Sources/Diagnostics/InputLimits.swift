import Foundation
/// Bounds on what Attune reads, so no file can make it hang or crash.
///
/// Debian's cmark-gfm (0.29.0.gfm.6) predates upstream's 2023 fixes for
/// inputs that take quadratic time (very wide tables, long runs of `<?`,
/// `<!`, `<![CDATA[`). Measured here: a 120 KB table header of 30,000 cells
/// took 5 s, and 200 KB of `<?` took 4.5 s. The limits below keep the worst
/// case well under a second while leaving room for years of reflection.
package enum InputLimits {
    /// A weekly journal: about 40,000 words.
    package static let journalBytes = 256 * 1024
    /// One answer, or the text before a journal's first prompt: about
    /// 10,000 words. Each is rendered on its own, so each has its own bound.
    /// (A rupture log's notes live in its answer and share this bound.)
    package static let answerBytes = 64 * 1024
    /// A content file (YAML).
    package static let yamlBytes = 1024 * 1024
    /// One card's body in a content file: rendered as Markdown on its own.
    package static let cardBodyBytes = 64 * 1024
    /// A roster, YAML or CSV: thousands of trainees with notes.
    package static let rosterBytes = 1024 * 1024
    /// A roster's notes for everyone, or one trainee's note: Markdown each.
    package static let noteBytes = 64 * 1024
    /// A privacy names or allow list (`.attune/names.txt`, `--allow`).
    package static let listBytes = 1024 * 1024
    /// A template or stylesheet.
    package static let templateBytes = 256 * 1024
    /// Cells in one table row; cmark-gfm slows quadratically with more.
    package static let tableCells = 200
    /// Cells in one table, counting the ones cmark-gfm adds to fill out
    /// short rows to the header's width: a 200-column header over 30,000
    /// one-word rows (64 KiB) makes six million cells, measured at 51 s
    /// and 3 GiB. A table of 50,000 cells renders in well under a second.
    package static let tableTotalCells = 50_000
    /// `<?`, `<!` and `<![CDATA[` openers in one journal; each makes
    /// cmark-gfm rescan the rest of the text.
    package static let htmlOpeners = 1000

    /// Problems that make `file` unsafe to parse at all: too large, or
    /// binary (a NUL byte). Checked before any parser sees the text.
    package static func check(_ file: SourceFile, maxBytes: Int, kind: String) -> [Diagnostic] {
        let size = file.text.utf8.count
        if size > maxBytes {
            return [.error(
                "this \(kind) is \(size.formattedBytes), over Attune's limit of \(maxBytes.formattedBytes)",
                at: SourceLocation(path: file.path, line: 1, column: 1)
            )]
        }
        if let nul = file.text.unicodeScalars.firstIndex(of: "\0") {
            let before = file.text.unicodeScalars[..<nul]
            let line = before.reduce(1) { $1 == "\n" ? $0 + 1 : $0 }
            let column = before.count - (before.lastIndex(of: "\n").map { before.distance(from: before.startIndex, to: $0) + 1 } ?? 0) + 1
            return [.error(
                "this \(kind) contains a NUL byte, so it looks like a binary file, not text",
                at: SourceLocation(path: file.path, line: line, column: column)
            )]
        }
        return []
    }

    /// A part of a file (an answer, a note, a card's body) over its own
    /// limit, checked before that part is parsed on its own: `what` is
    /// "this answer", and `per`, if given, says what the limit is for
    /// ("one answer").
    package static func tooLarge(_ text: String, limit: Int, what: String, per: String? = nil, at location: SourceLocation) -> Diagnostic? {
        let size = text.utf8.count
        guard size > limit else { return nil }
        return .error("\(what) is \(size.formattedBytes), over Attune's limit of \(limit.formattedBytes)" + (per.map { " for \($0)" } ?? ""), at: location)
    }
}

extension Int {
    /// "256 KiB", "1 MiB", "10.0 MiB", "65537 bytes": exact below a MiB
    /// unless a whole number of KiB, so a size one byte over a limit never
    /// reads the same as the limit.
    package var formattedBytes: String {
        if self >= 1024 * 1024, self % (1024 * 1024) == 0 { return "\(self / (1024 * 1024)) MiB" }
        if self >= 1024 * 1024 { return "\((self * 10 / (1024 * 1024)) / 10).\((self * 10 / (1024 * 1024)) % 10) MiB" }
        if self >= 1024, self % 1024 == 0 { return "\(self / 1024) KiB" }
        return "\(self) bytes"
    }
}

extension String {
    /// `\r\n` and lone `\r` as `\n`, so every parser counts lines alike.
    package var normalizingLineEndings: String {
        guard utf8.contains(13) else { return self }
        return replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
    }
}

