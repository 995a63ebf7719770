import ContentModel
import Testing
@testable import Handouts

@Suite("The cohort summary")
struct CohortSummaryTests {
    func taken(_ focus: String, _ answered: [String]) -> [String] {
        CohortSummary.cardsTakenUp(by: JournalFacts(focus: focus, answered: Set(answered)), content: Fixtures.content).sorted()
    }

    @Test("counts a topic the journal's week teaches when a prompt tied to it is answered")
    func rule() {
        // The week teaches confrontation markers and the questioning-therapy trigger.
        #expect(taken("when-therapy-is-questioned", ["reflect-questioned-process"]) == ["confrontation", "trigger-questioning-therapy"])
        // A week prompt that the trigger card does not pose: the rupture type only.
        #expect(taken("when-therapy-is-questioned", ["reflect-what-i-wish"]) == ["confrontation"])
        // Nothing answered: nothing came up.
        #expect(taken("when-therapy-is-questioned", []) == [])
        // In the triggers week, each trigger counts only for its own prompts.
        #expect(taken("your-triggers", ["reflect-reassurance"]) == ["trigger-reassurance-seeking"])
        #expect(taken("your-triggers", ["wish-triggers-information"]) == ["trigger-own-material", "trigger-reassurance-seeking"])
        #expect(taken("five-repair-steps", ["reflect-repair-steps"]) == [
            "repair-listen-validate", "repair-realign-goals", "repair-recognise-name", "repair-regulate-yourself", "repair-take-accountability",
        ])
        #expect(taken("noticing-withdrawal", ["reflect-usual-response"]) == ["withdrawal"])
    }

    @Test("shows any count below 5 as \"fewer than 5\", zero included")
    func suppression() {
        #expect(CohortSummary.shown(0) == "fewer than 5")
        #expect(CohortSummary.shown(4) == "fewer than 5")
        #expect(CohortSummary.shown(5) == "5")
        let four = Array(repeating: JournalFacts(focus: "when-therapy-is-questioned", answered: ["reflect-questioned-process"]), count: 4)
        let five = four + [JournalFacts(focus: "noticing-withdrawal", answered: ["reflect-usual-response"])]
        let summary = CohortSummary(five, content: Fixtures.content)
        let counts = Dictionary(uniqueKeysWithValues: summary.groups.flatMap(\.counts).map { ($0.title, $0.shown) })
        #expect(summary.journals == 5)
        #expect(summary.groups.map(\.title) == ["Your triggers", "Two kinds of rupture", "Five steps to repair"])
        #expect(counts["Confrontation ruptures"] == "fewer than 5")
        #expect(counts["Withdrawal ruptures"] == "fewer than 5")
        let six = CohortSummary(five + [four[0]], content: Fixtures.content)
        #expect(six.groups[1].counts.map(\.shown) == ["5", "fewer than 5"])
    }
}
