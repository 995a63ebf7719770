import Diagnostics
import Testing

@Suite("LineIndex finds lines and converts columns")
struct LineIndexTests {
    @Test("line(n) is the 1-based line without its line break")
    func lines() {
        let index = LineIndex("one\ntwo\n\nfour")
        #expect(index.line(1) == "one")
        #expect(index.line(2) == "two")
        #expect(index.line(3) == "")
        #expect(index.line(4) == "four")
    }

    @Test("line(n) strips the \\r of a CRLF line ending")
    func crlf() {
        let index = LineIndex("one\r\ntwo\r\nthree")
        #expect(index.line(1) == "one")
        #expect(index.line(2) == "two")
        #expect(index.line(3) == "three")
        #expect(index.lines.map(String.init) == ["one\r", "two\r", "three"])
    }

    @Test("a line past the end, line 0 or a negative line is empty")
    func outOfRange() {
        let index = LineIndex("one\ntwo")
        #expect(index.line(0) == "")
        #expect(index.line(-1) == "")
        #expect(index.line(3) == "")
        #expect(index.line(100) == "")
    }

    @Test("a trailing line break makes an empty last line")
    func trailingNewline() {
        let index = LineIndex("one\n")
        #expect(index.lines.count == 2)
        #expect(index.line(2) == "")
    }

    @Test("for ASCII, the scalar column is the byte column")
    func asciiColumns() {
        let index = LineIndex("# Hello\nplain text")
        #expect(index.scalarColumn(line: 1, byteColumn: 1) == 1)
        #expect(index.scalarColumn(line: 1, byteColumn: 3) == 3)
        #expect(index.scalarColumn(line: 2, byteColumn: 7) == 7)
    }

    @Test("é takes two bytes but one column")
    func twoByteScalar() {
        // c  a  f  é(2)  ' '  x
        // 1  2  3  4-5   6    7   (bytes)
        let index = LineIndex("café x")
        #expect(index.scalarColumn(line: 1, byteColumn: 4) == 4)
        #expect(index.scalarColumn(line: 1, byteColumn: 6) == 5)
        #expect(index.scalarColumn(line: 1, byteColumn: 7) == 6)
    }

    @Test("an emoji takes four bytes but one column")
    func fourByteScalar() {
        let index = LineIndex("a🙂b")
        #expect(index.scalarColumn(line: 1, byteColumn: 2) == 2)
        #expect(index.scalarColumn(line: 1, byteColumn: 6) == 3)
    }

    @Test("a CJK character takes three bytes but one column")
    func threeByteScalar() {
        let index = LineIndex("日本語 x")
        #expect(index.scalarColumn(line: 1, byteColumn: 4) == 2)
        #expect(index.scalarColumn(line: 1, byteColumn: 7) == 3)
        #expect(index.scalarColumn(line: 1, byteColumn: 10) == 4)
        #expect(index.scalarColumn(line: 1, byteColumn: 11) == 5)
    }

    @Test("columns on later lines count only that line's bytes")
    func laterLine() {
        let index = LineIndex("日本\n# é!")
        #expect(index.scalarColumn(line: 2, byteColumn: 6) == 5)
    }

    @Test("a byte column past the end of the line is one past its last scalar")
    func pastTheEnd() {
        let index = LineIndex("é\nab")
        #expect(index.scalarColumn(line: 1, byteColumn: 3) == 2)
        #expect(index.scalarColumn(line: 1, byteColumn: 50) == 2)
        #expect(index.scalarColumn(line: 9, byteColumn: 5) == 1)
    }
}
