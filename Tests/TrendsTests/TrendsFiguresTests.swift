import ContentModel
import Diagnostics
import Journal
import Testing
@testable import Trends

/// Three weeks: two ruptures in W45, no journal in W46 (but a rupture
/// logged for it late, in W47's journal), one rupture in W47.
private let threeWeeks = [
    "journal/2026-W45.md": Fixtures.journal("2026-W45", entries: [
        Fixtures.entry("Harbour", markers: "[marker-complaints-about-progress]", tension: 4, resolution: 2, extra: """
        trigger: trigger-questioning-therapy
        component: task
        repairs: [practice-pause-breathe]
        """),
        Fixtures.entry("Kestrel", markers: "[marker-minimal-response, marker-denial]", tension: 3, resolution: 4, extra: """
        component: bond
        repairs: [practice-pause-breathe, repair-listen-validate]
        """),
    ], answers: ["reflect-questioned-process": "A jolt of insecurity."]),
    "journal/2026-W47.md": Fixtures.journal("2026-W47", entries: [
        Fixtures.entry("Harbour", markers: "[marker-rejecting-intervention]", tension: 2, resolution: 5, extra: """
        trigger: trigger-questioning-therapy
        component: task
        repairs: [repair-take-accountability]
        """),
        Fixtures.entry("Wren", markers: "[marker-content-affect-split]", tension: 5, resolution: 1, extra: """
        week: 2026-W46
        trigger: trigger-own-material
        """),
    ], answers: ["reflect-what-i-did": "I named it."]),
]

private func week(_ text: String) -> ISOWeek { ISOWeek(text)! }

@Suite("Working out the trends")
struct TrendsFiguresTests {
    @Test("covers every week from the first journal or entry to the last, journal or not")
    func weeks() throws {
        let figures = try Fixtures.figures(threeWeeks)
        #expect(figures.weeks == [week("2026-W45"), week("2026-W46"), week("2026-W47")])
        #expect(figures.journalWeeks == [week("2026-W45"), week("2026-W47")])
        #expect(figures.missingWeeks == [.init(first: week("2026-W46"), last: week("2026-W46"), count: 1)])
        #expect(figures.therapist == "Sam Rivera")
    }

    @Test("counts ruptures per week by type, a late entry in the week it happened")
    func perWeek() throws {
        let figures = try Fixtures.figures(threeWeeks)
        #expect(figures.types.map(\.id) == ["confrontation", "withdrawal"])
        #expect(figures.perWeek.map(\.byType) == [[1, 1], [0, 1], [1, 0]])
        #expect(figures.perWeek.map(\.hasJournal) == [true, false, true])
    }

    @Test("counts markers and trigger categories per period, a rupture counting for each of its markers")
    func overTime() throws {
        let figures = try Fixtures.figures(threeWeeks)
        #expect(figures.periods.map(\.label) == ["2026-W45", "2026-W46", "2026-W47"])
        let markers = Dictionary(uniqueKeysWithValues: figures.markers.map { ($0.id, $0.counts) })
        #expect(markers.count == 14)
        #expect(markers["marker-complaints-about-progress"] == [1, 0, 0])
        #expect(markers["marker-rejecting-intervention"] == [0, 0, 1])
        #expect(markers["marker-minimal-response"] == [1, 0, 0])
        #expect(markers["marker-denial"] == [1, 0, 0])
        #expect(markers["marker-content-affect-split"] == [0, 1, 0])
        #expect(markers["marker-control-pressure"] == [0, 0, 0])
        #expect(figures.markers.prefix(7).allSatisfy { $0.group == "confrontation" })
        #expect(figures.triggers.map(\.id) == [
            "trigger-questioning-therapy", "trigger-reassurance-seeking", "trigger-own-material", "trigger-cultural-difference",
        ])
        #expect(figures.triggers.map(\.counts) == [[1, 0, 1], [0, 0, 0], [0, 1, 0], [0, 0, 0]])
    }

    @Test("averages tension and resolution per period, leaving periods without ruptures out")
    func ratings() throws {
        let figures = try Fixtures.figures(threeWeeks)
        #expect(figures.ratings == [
            .init(period: "2026-W45", ruptures: 2, tension: 3.5, resolution: 3),
            .init(period: "2026-W46", ruptures: 1, tension: 5, resolution: 1),
            .init(period: "2026-W47", ruptures: 1, tension: 2, resolution: 5),
        ])
        let gap = try Fixtures.figures([
            "journal/2026-W45.md": Fixtures.journal("2026-W45", entries: [Fixtures.entry("Harbour")]),
            "journal/2026-W47.md": Fixtures.journal("2026-W47", entries: [Fixtures.entry("Harbour")]),
        ])
        #expect(gap.ratings.map { $0?.ruptures } == [1, nil, 1])
    }

    @Test("counts the alliance components, and the ruptures without one")
    func components() throws {
        let figures = try Fixtures.figures(threeWeeks)
        #expect(figures.components.map(\.count) == [0, 2, 1])
        #expect(figures.components.map(\.component) == [.goal, .task, .bond])
        #expect(figures.componentNotRecorded == 1)
    }

    @Test("lists each repair tried with how those ruptures ended, most tried first, then in the content's order")
    func repairs() throws {
        let figures = try Fixtures.figures(threeWeeks)
        let card = { (id: String) in try #require(Fixtures.content.card(id)) }
        #expect(figures.repairs == [
            .init(id: "practice-pause-breathe", title: "Pause and breathe", number: try card("practice-pause-breathe").number,
                  section: .practices, tried: 2, resolved: 1, partly: 0, unresolved: 1, meanResolution: 3),
            .init(id: "repair-listen-validate", title: try card("repair-listen-validate").title,
                  number: try card("repair-listen-validate").number,
                  section: .repairSteps, tried: 1, resolved: 1, partly: 0, unresolved: 0, meanResolution: 4),
            .init(id: "repair-take-accountability", title: try card("repair-take-accountability").title,
                  number: try card("repair-take-accountability").number,
                  section: .repairSteps, tried: 1, resolved: 1, partly: 0, unresolved: 0, meanResolution: 5),
        ])
        // Each is named as its card is headed everywhere else.
        #expect(figures.repairs.first?.numberedTitle == "Card \(try card("practice-pause-breathe").number) · Pause and breathe")
    }

    @Test("finds the prompts the journals asked and never answered, most asked first")
    func neverAnswered() throws {
        let figures = try Fixtures.figures(threeWeeks)
        #expect(figures.neverAnswered.map(\.id) == ["reflect-what-i-wish", "wish-uncomfortable-moments"])
        #expect(figures.neverAnswered.first?.offered == [week("2026-W45"), week("2026-W47")])
    }

    @Test("keeps each client's latest rupture when it is still rated 2 or lower")
    func stillOpen() throws {
        let figures = try Fixtures.figures(threeWeeks)
        #expect(figures.stillOpen.map(\.client) == ["Wren"])
        #expect(figures.stillOpen.first?.stepsNotTried.count == 5)
    }

    @Test("narrows to --since and --until, counting only what falls inside")
    func sinceAndUntil() throws {
        let late = try Fixtures.figures(threeWeeks, since: "2026-W46")
        #expect(late.weeks == [week("2026-W46"), week("2026-W47")])
        #expect(late.entries.map(\.client) == ["Wren", "Harbour"])
        #expect(late.journalWeeks == [week("2026-W47")])
        // Each asked once, so in the content's order.
        #expect(late.neverAnswered.map(\.id) == ["reflect-what-i-wish", "reflect-questioned-process", "wish-uncomfortable-moments"])

        let early = try Fixtures.figures(threeWeeks, until: "2026-W45")
        #expect(early.weeks == [week("2026-W45")])
        #expect(early.entries.map(\.client) == ["Harbour", "Kestrel"])
        #expect(early.stillOpen.map(\.client) == ["Harbour"])

        let wide = try Fixtures.figures(threeWeeks, since: "2026-W44", until: "2026-W48")
        #expect(wide.missingWeeks.map(\.count) == [1, 1, 1])
    }

    @Test("refuses a range with no journal in it, or longer than ten years, at the folder", arguments: [
        (nil, "2026-W44", "journal:1:1: error: no weeks between 2026-W45 and 2026-W44: the journals here cover 2026-W45 to 2026-W47"),
        ("2026-W40", "2026-W44", "journal:1:1: error: no journal between 2026-W40 and 2026-W44; the journals here cover 2026-W45 to 2026-W47"),
        ("2010-W01", nil, "journal:1:1: error: 2010-W01 to 2026-W47 is 881 weeks; a report covers at most 530 (ten years): narrow it with --since and --until"),
    ] as [(String?, String?, String)])
    func emptyRange(since: String?, until: String?, message: String) throws {
        do {
            _ = try Fixtures.figures(threeWeeks, since: since, until: until)
            Issue.record("expected an error")
        } catch let error as DiagnosticError {
            #expect(error.diagnostics.map(\.description) == [message])
        }
    }

    @Test("groups weeks by month past 16 weeks, and by quarter past 24 months, each week in its Thursday's month")
    func periods() throws {
        var weeks: [ISOWeek] = []
        var next = week("2025-W52")
        while weeks.count < 20 { weeks.append(next); next = next.next }
        // 2025-W52's Thursday is 25 December; 2026-W01's is 1 January.
        let months = TrendsFigures.periods(for: weeks)
        #expect(months.map(\.label) == ["Dec 2025", "Jan 2026", "Feb 2026", "Mar 2026", "Apr 2026", "May 2026"])
        #expect(months.first?.weeks == week("2025-W52")...week("2025-W52"))
        #expect(months[1].weeks == week("2026-W01")...week("2026-W05"))

        while weeks.count < 150 { weeks.append(next); next = next.next }
        let quarters = TrendsFigures.periods(for: weeks)
        #expect(quarters.map(\.label).prefix(3) == ["2025 Q4", "2026 Q1", "2026 Q2"])
        // 2025 Q4, the four quarters of 2026 and of 2027, and four of 2028 (to October).
        #expect(quarters.count == 13)
    }

    /// `count` consecutive weeks from `first`.
    func run(from first: String, count: Int) -> [ISOWeek] {
        var weeks: [ISOWeek] = []
        var next = week(first)
        while weeks.count < count { weeks.append(next); next = next.next }
        return weeks
    }

    @Test("16 weeks stay one column a week; the 17th groups them by month")
    func sixteenSeventeen() {
        let sixteen = TrendsFigures.periods(for: run(from: "2026-W01", count: 16))
        #expect(sixteen.count == 16)
        #expect(sixteen.map(\.label).first == "2026-W01" && sixteen.map(\.label).last == "2026-W16")
        #expect(sixteen.allSatisfy { $0.weeks.lowerBound == $0.weeks.upperBound })
        // 2026-W17's Thursday is 23 April: January to April.
        let seventeen = TrendsFigures.periods(for: run(from: "2026-W01", count: 17))
        #expect(seventeen.map(\.label) == ["Jan 2026", "Feb 2026", "Mar 2026", "Apr 2026"])
    }

    @Test("24 months stay months; a 25th month groups them by quarter")
    func twentyFourTwentyFive() {
        // 2024-W01's Thursday is 4 January 2024; 2025-W52's is 25 December 2025: 24 months.
        let twoYears = TrendsFigures.periods(for: run(from: "2024-W01", count: 104))
        #expect(twoYears.count == 24)
        #expect(twoYears.first?.label == "Jan 2024" && twoYears.last?.label == "Dec 2025")
        // One week more reaches January 2026, a 25th month.
        let more = TrendsFigures.periods(for: run(from: "2024-W01", count: 105))
        #expect(more.map(\.label) == ["2024 Q1", "2024 Q2", "2024 Q3", "2024 Q4", "2025 Q1", "2025 Q2", "2025 Q3", "2025 Q4", "2026 Q1"])
    }
}
