/// Refuses the few shapes of Markdown that Debian's cmark-gfm parses in
/// quadratic time, before cmark sees them (see `InputLimits`).
package enum SlowInputGuard {
    /// A shape found: where, and what to tell the writer.
    package struct Finding: Sendable, Equatable {
        package var line: Int
        package var column: Int
        package var message: String
    }

    /// Every slow shape in a journal, at its place in the file. `kind`
    /// names the text in the message ("journal").
    package static func check(_ lines: LineIndex, path: String, kind: String = "journal") -> [Diagnostic] {
        findings(lines, scope: "one \(kind)").map { .error($0.message, at: SourceLocation(path: path, line: $0.line, column: $0.column)) }
    }

    /// The same for a Markdown value read from YAML or CSV (a note, a
    /// card's body), whose lines need not be the file's (YAML folds them):
    /// reported at the value's start, naming the line within it.
    package static func check(_ text: String, at location: SourceLocation, kind: String) -> [Diagnostic] {
        findings(LineIndex(text.normalizingLineEndings), scope: kind).map {
            .error("line \($0.line) of \(kind): " + $0.message, at: location)
        }
    }

    /// `scope` ends the message about `<!` openers: "one journal", "this note".
    static func findings(_ lines: LineIndex, scope: String) -> [Finding] {
        var found: [Finding] = []
        var openers = 0
        // The table being read, if any: where its delimiter row is, how
        // many columns it sets, how many rows follow it.
        var table: (line: Int, columns: Int, rows: Int, reported: Bool)?
        for number in 1...max(1, lines.lines.count) {
            let line = lines.line(number)
            let cells = line.utf8.reduce(0) { $1 == UInt8(ascii: "|") ? $0 + 1 : $0 }
            if cells > InputLimits.tableCells {
                found.append(Finding(
                    line: number, column: 1,
                    message: "this line has \(cells) '|' characters; a table row may have at most \(InputLimits.tableCells) cells"))
            }
            // Rows run until a blank line (counted generously: a row that
            // cmark-gfm ends sooner only makes the count larger).
            let content = line.utf8.drop { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") || $0 == UInt8(ascii: ">") }
            if content.isEmpty {
                table = nil
            } else if var current = table {
                current.rows += 1
                if !current.reported, current.columns * (current.rows + 1) > InputLimits.tableTotalCells {
                    current.reported = true
                    found.append(Finding(
                        line: current.line, column: 1,
                        message: "this table has \(current.columns) columns and at least \(current.rows) rows; cmark-gfm fills out every row to \(current.columns) cells, and a table may have at most \(InputLimits.tableTotalCells) cells: split it, or leave a blank line after it"))
                }
                table = current
            } else if let columns = delimiterColumns(content) {
                table = (number, columns, 0, false)
            }
            var previous: UInt8 = 0
            for (offset, byte) in line.utf8.enumerated() {
                if previous == UInt8(ascii: "<"), byte == UInt8(ascii: "?") || byte == UInt8(ascii: "!") {
                    openers += 1
                    if openers == InputLimits.htmlOpeners + 1 {
                        found.append(Finding(
                            line: number, column: lines.scalarColumn(line: number, byteColumn: offset),
                            message: "more than \(InputLimits.htmlOpeners) '<!' or '<?' sequences in \(scope); Attune stops here rather than risk a very slow parse"))
                    }
                }
                previous = byte
            }
        }
        return found
    }

    /// The number of columns a table's delimiter row (`| --- | :-: |`)
    /// sets, or nil for any other line: only `|`, `-`, `:` and spaces, at
    /// least one `|` and one `-`.
    static func delimiterColumns(_ line: Substring.UTF8View.SubSequence) -> Int? {
        var pipes = 0, dashes = false, columns = 0, inCell = false
        for byte in line {
            switch byte {
            case UInt8(ascii: "|"): pipes += 1; inCell = false
            case UInt8(ascii: "-"):
                dashes = true
                if !inCell { columns += 1; inCell = true }
            case UInt8(ascii: ":"), UInt8(ascii: " "), UInt8(ascii: "\t"): break
            default: return nil
            }
        }
        return pipes > 0 && dashes ? columns : nil
    }
}
