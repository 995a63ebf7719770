import ContentModel
import Testing

@Suite("Did-you-mean suggestions")
struct SuggestionTests {
    static let sections = SectionID.allCases.map(\.rawValue)

    @Test("finds the word a typo was meant to be", arguments: [
        ("withdrawl", ["confrontation", "withdrawal"], "withdrawal"),
        ("marker", sections, "markers"),
        ("repair-step", sections, "repair-steps"),
        ("sumary", ["summary", "sum"], "summary"),
        ("group", ["title", "group"], "group"),
        // Two letters swapped count as one edit.
        ("titel", ["title", "description", "version", "logo"], "title"),
        ("pormpts", ["prompts", "points"], "prompts"),
    ])
    func typo(word: String, candidates: [String], expected: String) {
        #expect(Suggestion.closest(to: word, in: candidates) == expected)
    }

    @Test("suggests nothing for an unrelated word", arguments: [
        ("weather", sections),
        ("gardening", ["noticing-withdrawal", "the-working-alliance"]),
        ("colour", ["id", "title", "summary", "cards", "prompts"]),
        ("anything", []),
    ])
    func unrelated(word: String, candidates: [String]) {
        #expect(Suggestion.closest(to: word, in: candidates) == nil)
    }

    @Test("prefers the nearest candidate")
    func nearest() {
        #expect(Suggestion.closest(to: "marker-denail", in: ["marker-defending-self", "marker-denial"]) == "marker-denial")
    }
}
