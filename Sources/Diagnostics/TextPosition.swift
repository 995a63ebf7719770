/// Converts between the positions different parsers report.
///
/// cmark reports byte columns; libyaml reports Unicode-scalar columns. Users
/// see one convention: Unicode scalars, 1-based.
package struct LineIndex: Sendable {
    /// The source split on `\n` (a trailing `\r` is kept with its line).
    package let lines: [Substring]

    package init(_ text: String) {
        // Split on the scalar: as a Character, "\r\n" is one grapheme that
        // is not equal to "\n", so a CRLF file would be a single line.
        lines = text.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false).map(Substring.init)
    }

    /// The text of 1-based line `number`, without its line break.
    package func line(_ number: Int) -> Substring {
        guard number >= 1, number <= lines.count else { return "" }
        let line = lines[number - 1]
        return line.hasSuffix("\r") ? line.dropLast() : line
    }

    /// The 1-based scalar column of 1-based byte column `byteColumn` on `line`.
    package func scalarColumn(line: Int, byteColumn: Int) -> Int {
        var bytes = 0
        var column = 1
        for scalar in self.line(line).unicodeScalars {
            if bytes >= byteColumn - 1 { break }
            bytes += UTF8.width(scalar)
            column += 1
        }
        return column
    }
}
