import ContentModel
import Rendering
import Testing

@Suite("A week's dates")
struct ISOWeekDatesTests {
    @Test("dates a week from Monday to Sunday, across months and years", arguments: [
        ("2026-W47", "16–22 November 2026"),
        ("2026-W49", "30 November – 6 December 2026"),
        ("2026-W53", "28 December 2026 – 3 January 2027"),
    ])
    func dateRange(week: String, expected: String) throws {
        let week = try #require(ISOWeek(week))
        #expect(week.dateRange == expected)
        #expect(week.readableDates == expected)
    }
}
