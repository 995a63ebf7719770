import Bundled
import ContentModel
import Diagnostics
import Journal
import TestSupport
import Testing

/// Mutates a valid journal at random, a bounded number of times, and checks
/// the parser's promises hold for every result: no crash, and either a
/// journal or errors that point inside the file.
@Suite("Journal parser under random damage", .timeLimit(.minutes(2)))
struct JournalFuzzTests {
    static let seed = TestJournal.header + """
    Before the prompts: **Harbour** and *Kestrel*.

    <!-- prompt: reflect-questioned-process -->
    ## When a client questions the point of therapy

    - a list with `code` and a [link](https://example.org)
    - [ ] a task

    | a | b |
    | - | - |
    | 1 | 2 |

    ```
    ## not a heading
    ```

    <!-- prompt: reflect-what-i-did -->
    ## What did I do?

    > quoted ~~struck~~

    """

    /// Fragments that matter to the parser: structure, Markdown, YAML and
    /// byte-level oddities.
    static let fragments = [
        "\n", "\r\n", "\r", "---", "## ", "# ", "### ", "<!--", "-->", "<!-- prompt: reflect-what-i-did -->",
        "<!-- prompt: nope -->", "```", "~~~", "|", "[", "]", "(", ")", "*", "_", "`", ">", "<", "&", "\\",
        "\u{FEFF}", "é", "🙂", "\u{0}", "\t", "    ", "- ", "1. ", "therapist:", "week: 2026-W99", "focus:", ": ", "&a ", "*a",
    ]

    @Test("300 damaged journals: each parses or is refused with errors inside the file")
    func randomDamage() throws {
        let content = try TestJournal.content()
        let parser = JournalParser(content: content)
        var random = SplitMix64(seed: 20_261_122)
        for round in 0..<300 {
            var text = Array(Self.seed.unicodeScalars)
            for _ in 0..<Int.random(in: 1...6, using: &random) {
                let position = Int.random(in: 0...text.count, using: &random)
                switch Int.random(in: 0..<3, using: &random) {
                case 0:
                    text.insert(contentsOf: Self.fragments.randomElement(using: &random)!.unicodeScalars, at: position)
                case 1 where !text.isEmpty:
                    let end = min(text.count, position + Int.random(in: 1...40, using: &random))
                    text.removeSubrange(min(position, end)..<end)
                default:
                    let fragment = Array(Self.fragments.randomElement(using: &random)!.unicodeScalars)
                    let end = min(text.count, position + fragment.count)
                    text.replaceSubrange(position..<end, with: fragment)
                }
            }
            var string = ""
            string.unicodeScalars.append(contentsOf: text)
            let lineCount = string.normalizingLineEndings.split(separator: "\n", omittingEmptySubsequences: false).count
            do {
                let journal = try parser.parse(SourceFile(path: "j.md", name: "j.md", text: string))
                for answer in journal.answers {
                    #expect(content.prompt(answer.promptID) != nil, "round \(round)")
                    #expect(!answer.markdown.contains("\r"), "round \(round)")
                }
            } catch {
                #expect(!error.diagnostics.isEmpty, "round \(round): an error with nothing to say")
                for diagnostic in error.diagnostics {
                    #expect(diagnostic.location.path == "j.md")
                    #expect((1...lineCount + 1).contains(diagnostic.location.line), "round \(round): \(diagnostic)")
                    #expect(diagnostic.location.column >= 1, "round \(round): \(diagnostic)")
                }
            }
        }
    }
}
