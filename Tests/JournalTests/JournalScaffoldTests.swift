import ContentModel
import Diagnostics
import Foundation
import GFM
import Journal
import Testing

@Suite("Scaffolding a new journal")
struct JournalScaffoldTests {
    let content: ContentModel

    init() throws {
        content = try TestJournal.content()
    }

    func scaffold(therapist: String = "Sam Rivera", week: String = "2026-W47", focus: String = "when-therapy-is-questioned",
                  content: ContentModel? = nil) throws -> String {
        let content = content ?? self.content
        return JournalScaffold.render(
            therapist: therapist, week: try #require(ISOWeek(week)), focus: try #require(content.week(focus)),
            content: content
        )
    }

    @Test("starts with front matter and the week's title")
    func opening() throws {
        let text = try scaffold()
        #expect(text.hasPrefix("""
        ---
        therapist: "Sam Rivera"
        week: 2026-W47
        focus: when-therapy-is-questioned
        ---

        # 2026-W47 · When the therapy itself is questioned

        """))
    }

    @Test("puts a marker and a heading for each of the week's prompts, in order")
    func markers() throws {
        let text = try scaffold()
        let week = try #require(content.week("when-therapy-is-questioned"))
        var rest = text[...]
        for id in week.prompts {
            let prompt = try #require(content.prompt(id))
            let block = "<!-- prompt: \(id) -->\n## \(prompt.text)\n"
            let range = try #require(rest.range(of: block), "\(id) is missing or out of order")
            rest = rest[range.upperBound...]
        }
    }

    @Test("heads each prompt with its own words, never the number the workbook shows, so markerless journals still match")
    func noNumbers() throws {
        let text = try scaffold()
        #expect(!text.contains("## Prompt "))
        #expect(!text.contains("Card "))
        // With every marker gone, each heading still finds its prompt by its words.
        let bare = text.split(separator: "\n", omittingEmptySubsequences: false)
            .filter { !$0.hasPrefix("<!-- prompt: ") }.joined(separator: "\n")
        let journal = try JournalParser(content: content).parse(SourceFile(path: "j.md", name: "j.md", text: bare))
        #expect(journal.promptAnswers.map(\.promptID) == content.week("when-therapy-is-questioned")?.prompts)
    }

    @Test("parses back for every week of the curriculum: one empty answer per prompt")
    func roundTrip() throws {
        let parser = JournalParser(content: content)
        var week = try #require(ISOWeek("2026-W47"))
        for focus in content.weeks {
            let text = JournalScaffold.render(therapist: "Sam Rivera", week: week, focus: focus, content: content)
            let journal = try parser.parse(SourceFile(path: "journal/\(week).md", name: "\(week).md", text: text))
            #expect(journal.therapist == "Sam Rivera")
            #expect(journal.week == week)
            #expect(journal.focus == focus.id)
            #expect(journal.preamble == nil, "\(focus.id)")
            #expect(journal.promptAnswers.map(\.promptID) == focus.prompts, "\(focus.id)")
            #expect(journal.answers.allSatisfy { $0.isEmpty }, "\(focus.id)")
            #expect(journal.promptAnswers.map(\.heading) == focus.prompts.compactMap { content.prompt($0)?.text }, "\(focus.id)")
            #expect(journal.ruptureLog == RuptureLog(), "\(focus.id)")
            week = week.next
        }
    }

    @Test("keeps any therapist's name intact through the front matter", arguments: [
        "Sam Rivera",
        #"Dr. "Kit" O'Hara"#,
        #"C:\Users\sam"#,
        "Rivera: Sam",
        "Zoë Ångström-Łukasiewicz 李小龍",
        "- Sam",
        "#hash and # not a comment",
        "  padded  ",
        "yes",
        "null",
        "2026",
        "{not: a mapping}",
        "&anchor *alias",
        "<img src=x onerror=alert(1)>",
        "[x](javascript:alert(1)) https://x.example/ a@b.example `c` \\<b>",
    ])
    func therapistNames(name: String) throws {
        let journal = try TestJournal.parse(scaffold(therapist: name))
        #expect(journal.therapist == name)
    }

    @Test("turns line breaks, tabs and other control characters in a name into spaces", arguments: [
        ("Sam\nRivera\r\tTrainee", "Sam Rivera  Trainee"),
        ("Sam\u{7}Rivera", "Sam Rivera"),
        ("Sam\u{0}Rivera\u{7F}", "Sam Rivera "),
        ("Sam\u{85}Rivera", "Sam Rivera"),
    ])
    func nameWithControlCharacters(name: String, expected: String) throws {
        let journal = try TestJournal.parse(scaffold(therapist: name))
        #expect(journal.therapist == expected)
    }

    @Test("lists the log's choices by title under the field they belong to, markers by rupture type")
    func logChoicesByTitle() throws {
        let text = try scaffold()
        #expect(text.contains("""

        markers (one or more, all of one type):
          Confrontation ruptures:
            - Complaints/concerns about the therapist
            - Rejecting the therapist's intervention
        """))
        #expect(text.contains("""
          Withdrawal ruptures:
            - Denial
            - Minimal response
        """))
        #expect(text.contains("""

        trigger (one):
          - When a client questions whether therapy is worth it
          - When a client needs frequent reassurance
          - When therapy stirs your own unresolved material
          - When cultural difference causes misunderstanding

        repairs (any you tried):
          Five steps to repair:
            - Recognise and name the rupture
        """))
        #expect(text.contains("""
          What works in practice:
            - Name it
        """))
        #expect(text.contains("""
          Resolution strategies:
            - Clarifying a misunderstanding
        """))
        // Every card a field accepts is listed, by title, and no ID is needed.
        for section in [SectionID.markers, .triggers] + SectionID.repairSections {
            for card in content.cards(in: section) { #expect(text.contains("- \(card.title)\n"), "\(card.id)") }
        }
        #expect(!text.contains("IDs to use"))
    }

    @Test("its example entry, copied out of the comment, reads as the canonical IDs")
    func exampleEntryParses() throws {
        let text = try scaffold()
        let start = try #require(text.range(of: "```rupture\n"))
        let end = try #require(text.range(of: "```\n", range: start.upperBound..<text.endIndex))
        let example = String(text[start.lowerBound..<end.upperBound])
        let logged = text.replacingOccurrences(of: "## Rupture log\n", with: "## Rupture log\n\n" + example)
        let entry = try #require(TestJournal.parse(logged).ruptureLog?.entries.first)
        #expect(entry.markers == ["marker-complaints-about-progress"])
        #expect(entry.trigger == "trigger-questioning-therapy")
        #expect(entry.repairs == ["practice-pause-breathe", "repair-recognise-name"])
        #expect(entry.component == .task)
    }

    @Test("keeps a hint with '--' or '>' from ending its comment early")
    func hostileHint() throws {
        let overlay = SourceFile(path: "mine/prompts.yaml", name: "extra-prompts.yaml", text: """
        prompts:
          - id: reflect-what-i-did
            kind: reflection
            text: What did I actually say or do when the strain appeared?
            hint: Don't stop here --> or here -- or > here <!-- nor here
        """)
        let content = try ContentLoader.load(layers: [TestJournal.bundledFiles, [overlay]])
        let text = try scaffold(content: content)
        #expect(text.contains("<!-- Don't stop here –› or here – or › here <!– nor here -->"))
        let journal = try TestJournal.parse(text, content: content)
        #expect(journal.promptAnswers.count == 4)
        #expect(journal.answers.allSatisfy { $0.isEmpty })
        #expect(journal.preamble == nil)
    }

    @Test("a scaffold opened in a Markdown viewer shows hostile names, titles and prompts as text")
    func hostileTextStaysText() throws {
        let overlay = SourceFile(path: "mine/extra.yaml", name: "extra-prompts.yaml", text: """
        prompts:
          - id: reflect-what-i-did
            kind: reflection
            text: "<img src=x onerror=alert(1)> [x](javascript:alert(2))?"
        """)
        let content = try ContentLoader.load(layers: [TestJournal.bundledFiles, [overlay]])
        let name = "Sam <script>alert(3)</script> [y](vscode:a)"
        let text = try scaffold(therapist: name, content: content)
        let document = MarkdownDocument(text, extensions: GFMExtension.github)
        for node in document.node.descendants {
            if node.kind == .htmlBlock {
                // Only the scaffold's own comments: markers and guides.
                #expect((node.literal ?? "").hasPrefix("<!--"), "\(node.literal ?? "")")
                #expect(!(node.literal ?? "").contains("<img") && !(node.literal ?? "").contains("<script"))
            }
            #expect(node.kind != .htmlInline, "\(node.literal ?? "")")
            #expect(node.kind != .link, "\(node.url ?? "")")
        }
        let journal = try TestJournal.parse(text, content: content)
        #expect(journal.therapist == name)
    }
}
