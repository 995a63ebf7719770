import Privacy
import Testing

/// Shapes that made the old regular expressions backtrack for seconds or
/// minutes, built at 64 KiB (the largest answer a journal can hold is
/// smaller). Every scanner is linear, so each finishes at once; these tests
/// check the results are still right, and the benchmark times them
/// (`make bench`: "privacy scan, hostile 64 KiB").
@Suite("Hostile inputs")
struct HostileInputTests {
    static let size = 64 * 1024

    static func repeated(_ unit: String) -> String {
        String(repeating: unit, count: size / unit.utf8.count)
    }

    static let shapes: [(String, String)] = [
        ("dotted run before an @", String(repeating: "a.", count: size / 2) + "@b.co"),
        ("e-mail addresses back to back", repeated("ab.cd@example.org ")),
        ("e-mail-like without a domain", repeated("a.b@")),
        ("URLs back to back", repeated("https://example.org/a/b?c=d ")),
        ("bare hosts", repeated("a.b.c.d.e.f.g.h.")),
        ("comment openers with no closer", repeated("<!--")),
        ("character references", repeated("&#64;&amp")),
        ("digits and separators", repeated("1 2-3.4 ")),
        ("capitalised words", repeated("Abc Def ")),
        ("spaces", repeated(" ") + "Zanele"),
        ("colons and hex", repeated("a:b:")),
    ]

    @Test("each shape is scanned whole and gives sensible findings", arguments: shapes.map(\.0))
    func scans(name: String) {
        let text = Self.shapes.first { $0.0 == name }!.1
        let findings = PrivacyScanner().scan(text, path: "j.md")
        switch name {
        case "dotted run before an @": #expect(findings.map(\.category) == [.email])
        case "e-mail addresses back to back": #expect(findings.count == Self.size / 18 && findings.allSatisfy { $0.category == .email })
        case "URLs back to back": #expect(findings.count == Self.size / 28 && findings.allSatisfy { $0.category == .url })
        case "spaces": #expect(findings.map(\.text) == ["Zanele"])
        case "comment openers with no closer", "character references", "colons and hex", "e-mail-like without a domain":
            #expect(findings.isEmpty)
        default: #expect(findings.count < Self.size)
        }
        #expect(PrivacyScanner().redact(text).replaced == findings.count)
    }
}
