import ContentModel
import Testing
@testable import Journal

@Suite("Reading a prompt's number in a heading")
struct PromptHeadingTests {
    @Test("reads 'Prompt N' and a separator before the words, in any case, with or without spaces", arguments: [
        ("Prompt 6 · What did I do?", 6, "What did I do?"),
        ("prompt 6·What did I do?", 6, "What did I do?"),
        ("PROMPT 12: What did I do?", 12, "What did I do?"),
        ("Prompt 06 - What did I do?", 6, "What did I do?"),
        ("Prompt 999999 — What did I do?", 999_999, "What did I do?"),
        ("Prompt 3 | Prompt 4 · nested", 3, "Prompt 4 · nested"),
    ])
    func numbered(heading: String, number: Int, words: String) {
        let read = PromptHeading.numbered(heading)
        #expect(read?.number == number)
        #expect(read?.words == words)
    }

    @Test("reads no number where the heading is only words", arguments: [
        "What did I do?",
        "Prompt",
        "Prompt 6",
        "Prompt 6 ·",
        "Prompt 6 What did I do?",
        "Prompts 6 · What did I do?",
        "Promptly, what did I do?",
        "Prompt six · What did I do?",
        "Prompt 1000000 · What did I do?",
        "Prompt ٦ · What did I do?",
    ])
    func notNumbered(heading: String) {
        #expect(PromptHeading.numbered(heading) == nil)
    }

    @Test("finds a prompt by its words alone, in any case and spacing, and a closing prompt after 'What I wish I'd known:' only")
    func words() throws {
        let content = try TestJournal.content()
        #expect(PromptHeading.prompt(withWords: "  what did I ACTUALLY say or do  when the strain appeared?", in: content)?.id == "reflect-what-i-did")
        #expect(PromptHeading.prompt(withWords: "What I wish I’d known: What has a rupture taught me that a smooth session never could?", in: content)?.id == "wish-ruptures-teach")
        // A reflection is never led by the closing prompts' words.
        #expect(PromptHeading.prompt(withWords: "What I wish I'd known: What did I actually say or do when the strain appeared?", in: content) == nil)
        #expect(PromptHeading.prompt(withWords: "", in: content) == nil)
    }
}

@Suite("Reading a number before a name")
struct NumberedNameTests {
    @Test("reads 'Card N' before a card's name as it reads 'Prompt N' before a prompt's words")
    func card() {
        #expect(NumberedName.split("Card 12 · Minimal response", word: "card")?.number == 12)
        #expect(NumberedName.split("Card 12 · Minimal response", word: "card")?.words == "Minimal response")
        #expect(NumberedName.split("Cards 12 · Minimal response", word: "card") == nil)
        #expect(NumberedName.split("Minimal response", word: "card") == nil)
        #expect(NumberedName.split("Prompt 6 · words", word: "card") == nil)
    }
}
