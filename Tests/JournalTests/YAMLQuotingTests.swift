import Testing
@testable import Journal

@Suite("YAML double-quoted names")
struct YAMLQuotingTests {
    @Test("quotes and backslashes are escaped whatever the rule, and the rule sees every other scalar once, in order")
    func frame() {
        var seen: [Unicode.Scalar] = []
        let quoted = YAMLQuoting.doubleQuoted(#"a"\é"#) { scalar in
            seen.append(scalar)
            return nil
        }
        #expect(quoted == #""a\"\\é""#)
        #expect(seen == ["a", "é"])
        #expect(YAMLQuoting.doubleQuoted("") { _ in "x" } == #""""#)
        #expect(YAMLQuoting.doubleQuoted("ab") { $0 == "a" ? "[A]" : nil } == #""[A]b""#)
    }

    @Test("a \\u escape is four upper-case hex digits, padded")
    func escape() {
        #expect(YAMLQuoting.escape("\u{1}") == #"\u0001"#)
        #expect(YAMLQuoting.escape("<") == #"\u003C"#)
        #expect(YAMLQuoting.escape("\u{2028}") == #"\u2028"#)
        #expect(YAMLQuoting.escape("\u{FEFF}") == #"\uFEFF"#)
    }

    @Test("the front matter's therapist and an entry's client keep their own rules")
    func bothWriters() {
        #expect(JournalScaffold.yamlQuoted("Ana <b>\t\u{7}\"x\"") == #""Ana \u003Cb\u003E  \"x\"""#)
        #expect(RuptureEntryDraft.quoted("#3 <b>\t\u{7}\"x\"") == ##""#3 <b>\u0009\u0007\"x\"""##)
    }
}
