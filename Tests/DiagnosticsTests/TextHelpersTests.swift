import Diagnostics
import Foundation
import Testing

@Suite("Trimming")
struct TrimmingTests {
    static let samples = [
        "", " ", "\t\t", "  prompt: one  ", "\u{00A0}no-break\u{3000}", "\n line \n", "\r\n\tx\r\n", "a b",
        "\u{2028}sep\u{2029}", "\u{000B}vt\u{000C}", "é\u{0301} ", " 😀 ",
    ]

    @Test("trimmingSpaces matches Foundation's .whitespaces, newlines kept", arguments: samples)
    func spaces(_ text: String) {
        #expect(text.trimmingSpaces() == text.trimmingCharacters(in: .whitespaces))
    }

    @Test("trimmingWhitespace matches Foundation's .whitespacesAndNewlines", arguments: samples)
    func whitespace(_ text: String) {
        #expect(text.trimmingWhitespace() == text.trimmingCharacters(in: .whitespacesAndNewlines))
    }
}

@Suite("Finding text by its bytes")
struct ByteSearchTests {
    @Test("finds the first occurrence, in any script, or nothing", arguments: [
        ("a <!-- b <!--", "<!--", 2),
        ("Zoë’s 😀 <!-- x", "<!--", 8),
        ("nothing here", "<!--", nil),
        ("<!", "<!--", nil),
        ("", "x", nil),
    ] as [(String, String, Int?)])
    func first(text: String, needle: String, offset: Int?) {
        let range = text.firstByteRange(of: needle)
        #expect(range.map { text.distance(from: text.startIndex, to: $0.lowerBound) } == offset)
        if let range { #expect(String(text[range]) == needle) }
    }
}
