import ContentModel
import Diagnostics
import Journal
import Testing

/// The one layout that `attune new` and the browser form's download share.
@Suite("The journal layout shared by the scaffold and the form")
struct JournalLayoutTests {
    /// Answers a therapist might type, one per prompt in turn.
    static let answers = [
        "Ich war überrascht — 李小龍 said “no”. 🙂",
        "<script>alert(1)</script> and <b>bold?</b> & &amp; &lt;tag&gt;",
        "- a list\n- [ ] a task\n\n| a | table |\n| - | - |\n| 1 | 2 |",
        "    indented code, kept as code\n\n```\n## not a heading inside a fence\n```",
        "### A heading of my own\n\nLine with trailing spaces   \nand a hard break above.",
    ]

    @Test("with no answers, it is exactly the scaffold `attune new` writes, for every curriculum week")
    func emptyIsTheScaffold() throws {
        let content = try Fixtures.content()
        for focus in content.weeks {
            let layout = JournalScaffold.layout(therapist: "Sam Rivera", week: Fixtures.week, focus: focus, content: content)
            #expect(layout.filled(with: [:]) == JournalScaffold.render(therapist: "Sam Rivera", week: Fixtures.week, focus: focus, content: content))
            #expect(layout.promptIDs == focus.prompts, "\(focus.id)")
        }
    }

    @Test("filled, it is byte for byte the scaffold with each answer typed on its empty line")
    func filledIsTypedIntoTheScaffold() throws {
        let content = try Fixtures.content()
        for focus in content.weeks {
            let layout = JournalScaffold.layout(therapist: "Sam Rivera", week: Fixtures.week, focus: focus, content: content)
            let answers = Dictionary(uniqueKeysWithValues: zip(layout.promptIDs, Self.answers))
            let scaffold = JournalScaffold.render(therapist: "Sam Rivera", week: Fixtures.week, focus: focus, content: content)
            #expect(layout.filled(with: answers) == Fixtures.typedIntoScaffold(scaffold, answers), "\(focus.id)")
        }
    }

    @Test("an answer sits one blank line below its hint, one blank line above the next prompt")
    func slotPlacement() throws {
        let layout = try Fixtures.layout()
        let text = layout.filled(with: ["reflect-questioned-process": "My answer."])
        let content = try Fixtures.content()
        let prompt = try #require(content.prompt("reflect-questioned-process"))
        let next = try #require(layout.promptIDs.drop { $0 != "reflect-questioned-process" }.dropFirst().first)
        #expect(text.contains("""
        <!-- prompt: reflect-questioned-process -->
        ## \(prompt.text)

        <!-- \(try #require(prompt.hint)) -->

        My answer.

        <!-- prompt: \(next) -->
        """))
    }

    @Test("parses back to every answer as typed, for every curriculum week")
    func roundTrip() throws {
        let content = try Fixtures.content()
        for focus in content.weeks {
            let layout = JournalScaffold.layout(therapist: "Zoë \"Q\" Ångström", week: Fixtures.week, focus: focus, content: content)
            let answers = Dictionary(uniqueKeysWithValues: zip(layout.promptIDs, Self.answers))
            let journal = try Fixtures.parse(layout.filled(with: answers))
            #expect(journal.therapist == "Zoë \"Q\" Ångström")
            #expect(journal.focus == focus.id)
            for id in layout.promptIDs {
                #expect(journal.answer(to: id)?.markdown == answers[id] ?? "", "\(focus.id): \(id)")
            }
        }
    }

    @Test("keeps what was typed but the blank lines around it and the kind of line break", arguments: [
        ("", ""),
        ("   \n\t\n", ""),
        ("\n\n  Indented first line\nsecond  \n \n\n", "  Indented first line\nsecond  "),
        ("one\r\ntwo\rthree\n", "one\ntwo\nthree"),
        ("a\n\n\n\nb", "a\n\n\n\nb"),
        ("\u{A0}\nnot blank: a no-break space", "\u{A0}\nnot blank: a no-break space"),
    ])
    func answerText(typed: String, slot: String) {
        #expect(JournalLayout.answerText(typed) == slot)
    }

    @Test("an answer left empty keeps the scaffold's empty line, and reads as open")
    func emptyAnswer() throws {
        let layout = try Fixtures.layout()
        let journal = try Fixtures.parse(layout.filled(with: [layout.promptIDs[0]: " \n\t"]))
        let prompts = layout.promptIDs
        #expect(journal.answers.filter { prompts.contains($0.promptID) }.allSatisfy { $0.isEmpty })
        #expect(layout.filled(with: [layout.promptIDs[0]: " \n\t"]) == layout.filled(with: [:]))
    }
}
