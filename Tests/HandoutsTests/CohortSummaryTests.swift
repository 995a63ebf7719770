import ContentModel
import Testing
@testable import Handouts

@Suite("The cohort summary")
struct CohortSummaryTests {
    func taken(_ focus: String, _ answered: [String]) -> [String] {
        CohortSummary.cardsTakenUp(by: JournalFacts(focus: focus, answered: Set(answered)), content: Fixtures.content).sorted()
    }

    /// `count` journals of the seventh week answering its questions (so
    /// each takes up confrontation, its three markers and one trigger),
    /// plus `withdrawn` of the withdrawal week.
    func summary(questioned count: Int, withdrawn: Int = 0, threshold: Int = 5) -> CohortSummary {
        let questioned = JournalFacts(focus: "when-therapy-is-questioned", answered: ["reflect-questioned-process"])
        let withdrawal = JournalFacts(focus: "noticing-withdrawal", answered: ["reflect-usual-response"])
        return CohortSummary(
            Array(repeating: questioned, count: count) + Array(repeating: withdrawal, count: withdrawn),
            content: Fixtures.content, threshold: threshold)
    }

    func table(_ summary: CohortSummary) -> [String] {
        summary.groups.flatMap { group in
            [group.title + ":"] + group.rows.map { "\($0.title) = \($0.shown)" + ($0.covers.isEmpty ? "" : " [\($0.covers.count)]") }
        }
    }

    @Test("counts a topic the journal's week teaches when a prompt tied to it is answered")
    func rule() {
        // The week teaches three confrontation markers and the questioning-therapy trigger.
        #expect(taken("when-therapy-is-questioned", ["reflect-questioned-process"]) == [
            "confrontation", "marker-complaints-about-activities", "marker-complaints-about-parameters",
            "marker-complaints-about-progress", "trigger-questioning-therapy",
        ])
        // A week prompt that the trigger card does not pose: the rupture type and its markers only.
        #expect(taken("when-therapy-is-questioned", ["reflect-what-i-wish"]).contains("trigger-questioning-therapy") == false)
        #expect(taken("when-therapy-is-questioned", ["reflect-what-i-wish"]).contains("confrontation"))
        // Nothing answered: nothing came up.
        #expect(taken("when-therapy-is-questioned", []) == [])
        // In the triggers week, each trigger counts only for its own prompts.
        #expect(taken("your-triggers", ["reflect-reassurance"]) == ["trigger-reassurance-seeking"])
        #expect(taken("your-triggers", ["wish-triggers-information"]) == ["trigger-own-material", "trigger-reassurance-seeking"])
        #expect(taken("five-repair-steps", ["reflect-repair-steps"]) == [
            "repair-listen-validate", "repair-realign-goals", "repair-recognise-name", "repair-regulate-yourself", "repair-take-accountability",
        ])
        #expect(taken("noticing-withdrawal", ["reflect-usual-response"]) == [
            "marker-abstract-communication", "marker-avoidant-storytelling", "marker-denial", "marker-minimal-response", "withdrawal",
        ])
    }

    @Test("shows a count at the threshold, and one below it only as \"fewer than N\", zero included")
    func shown() {
        #expect(CohortSummary.shown(0, threshold: 5) == "fewer than 5")
        #expect(CohortSummary.shown(4, threshold: 5) == "fewer than 5")
        #expect(CohortSummary.shown(5, threshold: 5) == "5")
        #expect(CohortSummary.shown(2, threshold: 3) == "fewer than 3")
        #expect(CohortSummary.shown(3, threshold: 3) == "3")
    }

    @Test("at the threshold, each topic has its own row; what stays below is gathered into one row per group")
    func atThreshold() {
        #expect(table(summary(questioned: 5)) == [
            "Your triggers:",
            "Card 29 · When a client questions whether therapy is worth it = 5",
            "Other triggers = fewer than 5 [3]",
            "Two kinds of rupture:",
            "Card 9 · Confrontation ruptures = 5",
            "Marker: Card 20 · Complaints/concerns about the activities of therapy = 5",
            "Marker: Card 21 · Complaints/concerns about the parameters of therapy = 5",
            "Marker: Card 22 · Complaints/concerns about progress in therapy = 5",
            "Other confrontation markers = fewer than 5 [4]",
            "Other rupture types = fewer than 5 [1]",
            "Five steps to repair:",
            "Any repair step = fewer than 5 [5]",
        ])
    }

    @Test("one below the threshold, a whole group is one row saying \"fewer than N\" once, and its markers go with it")
    func belowThreshold() {
        #expect(table(summary(questioned: 4)) == [
            "Your triggers:",
            "Any trigger = fewer than 5 [4]",
            "Two kinds of rupture:",
            "Any rupture type = fewer than 5 [2]",
            "Five steps to repair:",
            "Any repair step = fewer than 5 [5]",
        ])
    }

    @Test("a gathered row counts each trainee once, and is shown when together they reach the threshold")
    func gatheredReaches() {
        // Four confrontation and one withdrawal: neither type alone reaches 5, both together do.
        let mixed = summary(questioned: 4, withdrawn: 1)
        #expect(mixed.groups[1].rows == [
            .init(title: "Any rupture type", covers: ["Card 9 · Confrontation ruptures", "Card 10 · Withdrawal ruptures"], shown: "5"),
        ])
        // Six withdrawal: the type and its four markers of the week shown; the rest of its markers gathered.
        let withdrawn = summary(questioned: 0, withdrawn: 6)
        #expect(withdrawn.groups[1].rows.map(\.title) == [
            "Card 10 · Withdrawal ruptures", "Marker: Card 11 · Denial", "Marker: Card 12 · Minimal response",
            "Marker: Card 13 · Abstract communication", "Marker: Card 14 · Avoidant storytelling and/or shifting topic", "Other withdrawal markers", "Other rupture types",
        ])
        #expect(withdrawn.groups[1].rows[5].covers == [
            "Card 15 · Deferential and appeasing", "Card 16 · Content/affect split", "Card 17 · Self-criticism and/or hopelessness",
        ])
        #expect(withdrawn.groups[1].rows[5].shown == "fewer than 5")
    }

    @Test("the threshold is the summary's own: 3 shows a count of 3, which 5 would hide")
    func ownThreshold() {
        #expect(table(summary(questioned: 3, threshold: 3))[1] == "Card 29 · When a client questions whether therapy is worth it = 3")
        #expect(table(summary(questioned: 2, threshold: 3))[1] == "Any trigger = fewer than 3 [4]")
        #expect(summary(questioned: 3, threshold: 3).journalsBand == "3–9")
    }

    @Test("gives the number of shared journals as a band at least the threshold wide, never as a number")
    func bands() {
        let five = [0, 4, 5, 9, 10, 19, 20, 49, 50, 99, 100, 199, 200, 499, 500, 999, 1000, 5000].map { CohortSummary.band($0, threshold: 5) }
        #expect(five == [
            "fewer than 5", "fewer than 5", "5–9", "5–9", "10–19", "10–19", "20–49", "20–49", "50–99", "50–99",
            "100–199", "100–199", "200–499", "200–499", "500–999", "500–999", "1000 or more", "1000 or more",
        ])
        #expect([2, 3, 9, 10].map { CohortSummary.band($0, threshold: 3) } == ["fewer than 3", "3–9", "3–9", "10–19"])
        // 20 is less than 12 above 12, so the first band runs on to 49.
        #expect([11, 12, 19, 49, 50].map { CohortSummary.band($0, threshold: 12) } == [
            "fewer than 12", "12–49", "12–49", "12–49", "50–99",
        ])
        #expect([999, 1000, 100_000].map { CohortSummary.band($0, threshold: 1000) } == ["fewer than 1000", "1000 or more", "1000 or more"])
        #expect(summary(questioned: 4).journalsBand == "fewer than 5")
        #expect(summary(questioned: 5).journalsBand == "5–9")
    }
}
