import Diagnostics

/// Refuses the few shapes of Markdown that Debian's cmark-gfm parses in
/// quadratic time, before cmark sees them (see `InputLimits`).
enum SlowInputGuard {
    static func check(_ lines: LineIndex, path: String) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        var openers = 0
        for number in 1...max(1, lines.lines.count) {
            let line = lines.line(number)
            let cells = line.utf8.reduce(0) { $1 == UInt8(ascii: "|") ? $0 + 1 : $0 }
            if cells > InputLimits.tableCells {
                diagnostics.append(.error(
                    "this line has \(cells) '|' characters; a table row may have at most \(InputLimits.tableCells) cells",
                    at: SourceLocation(path: path, line: number, column: 1)
                ))
            }
            var previous: UInt8 = 0
            for (offset, byte) in line.utf8.enumerated() {
                if previous == UInt8(ascii: "<"), byte == UInt8(ascii: "?") || byte == UInt8(ascii: "!") {
                    openers += 1
                    if openers == InputLimits.htmlOpeners + 1 {
                        diagnostics.append(.error(
                            "more than \(InputLimits.htmlOpeners) '<!' or '<?' sequences in one journal; Attune stops here rather than risk a very slow parse",
                            at: SourceLocation(path: path, line: number, column: lines.scalarColumn(line: number, byteColumn: offset))
                        ))
                    }
                }
                previous = byte
            }
        }
        return diagnostics
    }
}
