import ContentModel
import Foundation
import Testing

/// Foundation's own ISO 8601 calendar, in UTC, to check the pure arithmetic against.
private let iso: Calendar = {
    var calendar = Calendar(identifier: .iso8601)
    calendar.timeZone = TimeZone(secondsFromGMT: 0)!
    return calendar
}()

private func date(_ year: Int, _ month: Int, _ day: Int, hour: Int = 12, minute: Int = 0) -> Date {
    iso.date(from: DateComponents(year: year, month: month, day: day, hour: hour, minute: minute))!
}

private func civil(_ date: Date) -> [Int] {
    let parts = iso.dateComponents([.year, .month, .day], from: date)
    return [parts.year!, parts.month!, parts.day!]
}

private func array(_ day: (year: Int, month: Int, day: Int)) -> [Int] { [day.year, day.month, day.day] }

@Suite("ISO weeks")
struct ISOWeekTests {
    @Test("parses YYYY-Www", arguments: [
        ("2026-W47", 2026, 47), ("2026-W01", 2026, 1), ("2026-W53", 2026, 53), ("2020-W53", 2020, 53),
        ("0001-W01", 1, 1), ("9999-W52", 9999, 52),
    ])
    func parses(text: String, year: Int, week: Int) throws {
        let parsed = try #require(ISOWeek(text))
        #expect(parsed.year == year)
        #expect(parsed.week == week)
        #expect(parsed == ISOWeek(year: year, week: week))
    }

    @Test("rejects anything else", arguments: [
        "2026-W5", "2026W47", "2026-W00", "2026-W54", "2025-W53", "2026-w47", "26-W47", "2026-W047",
        "", "2026-W4a", " 2026-W47", "2026-W47 ", "2026-W+7", "+026-W47", "0000-W01", "２０２６-W47", "2026-W-7",
    ])
    func rejects(text: String) {
        #expect(ISOWeek(text) == nil)
    }

    @Test("knows 2026 has 53 weeks and 2025 has 52, as Foundation does")
    func weekCountsOfTheBrief() {
        #expect(ISOWeek.weeks(inYear: 2026) == 53)
        #expect(ISOWeek.weeks(inYear: 2025) == 52)
        #expect(iso.component(.weekOfYear, from: date(2026, 12, 28)) == 53)
        #expect(iso.component(.weekOfYear, from: date(2025, 12, 28)) == 52)
        #expect(ISOWeek(year: 2026, week: 53) != nil)
        #expect(ISOWeek(year: 2025, week: 53) == nil)
    }

    @Test("counts 53 weeks in exactly the long years from 2000 to 2040, as Foundation does")
    func weekCounts() {
        let longYears: Set = [2004, 2009, 2015, 2020, 2026, 2032, 2037]
        for year in 2000...2040 {
            let expected = longYears.contains(year) ? 53 : 52
            #expect(ISOWeek.weeks(inYear: year) == expected, "\(year)")
            // 28 December always falls in a year's last ISO week.
            #expect(iso.component(.weekOfYear, from: date(year, 12, 28)) == expected, "Foundation, \(year)")
        }
    }

    @Test("writes the week zero-padded", arguments: [
        (2026, 5, "2026-W05"), (2026, 47, "2026-W47"), (987, 1, "0987-W01"),
    ])
    func description(year: Int, week: Int, text: String) throws {
        #expect(try #require(ISOWeek(year: year, week: week)).description == text)
    }

    @Test("round-trips every week from 2000 to 2040 through its text")
    func roundTrip() throws {
        var week = try #require(ISOWeek("2000-W01"))
        while week.year <= 2040 {
            #expect(ISOWeek(week.description) == week)
            week = week.next
        }
    }

    @Test("finds the week containing a date", arguments: [
        ((2026, 11, 19), "2026-W47"),
        ((2024, 12, 29), "2024-W52"), ((2024, 12, 30), "2025-W01"), ((2025, 1, 1), "2025-W01"),
        ((2025, 12, 28), "2025-W52"), ((2025, 12, 29), "2026-W01"), ((2026, 1, 4), "2026-W01"), ((2026, 1, 5), "2026-W02"),
        ((2026, 12, 31), "2026-W53"), ((2027, 1, 3), "2026-W53"), ((2027, 1, 4), "2027-W01"),
        ((2021, 1, 1), "2020-W53"), ((2021, 1, 3), "2020-W53"), ((2021, 1, 4), "2021-W01"),
        ((2024, 2, 29), "2024-W09"),
    ])
    func containing(day: (Int, Int, Int), expected: String) {
        let week = ISOWeek(containing: date(day.0, day.1, day.2), timeZone: TimeZone(secondsFromGMT: 0)!)
        #expect(week.description == expected)
    }

    @Test("agrees with Foundation and with its own Monday and Sunday around every year boundary")
    func containingAroundNewYear() {
        for year in 1999...2041 {
            for offset in -5...5 {
                let day = iso.date(byAdding: .day, value: offset, to: date(year, 1, 1))!
                let week = ISOWeek(containing: day, timeZone: TimeZone(secondsFromGMT: 0)!)
                let parts = iso.dateComponents([.yearForWeekOfYear, .weekOfYear], from: day)
                #expect(week.year == parts.yearForWeekOfYear && week.week == parts.weekOfYear, "\(civil(day))")
                #expect(array(week.monday).lexicographicallyPrecedes(civil(day)) || array(week.monday) == civil(day))
                #expect(civil(day).lexicographicallyPrecedes(array(week.sunday)) || array(week.sunday) == civil(day))
            }
        }
    }

    @Test("takes the week in the given time zone")
    func timeZone() {
        // Sunday 22 November 2026, 23:30 in UTC, is already Monday in UTC+1.
        let instant = date(2026, 11, 22, hour: 23, minute: 30)
        #expect(ISOWeek(containing: instant, timeZone: TimeZone(secondsFromGMT: 0)!).description == "2026-W47")
        #expect(ISOWeek(containing: instant, timeZone: TimeZone(secondsFromGMT: 3600)!).description == "2026-W48")
        #expect(ISOWeek(containing: instant, timeZone: TimeZone(secondsFromGMT: -3600)!).description == "2026-W47")
    }

    @Test("gives its Monday and Sunday", arguments: [
        ("2026-W47", [2026, 11, 16], [2026, 11, 22]),
        ("2026-W01", [2025, 12, 29], [2026, 1, 4]),
        ("2026-W53", [2026, 12, 28], [2027, 1, 3]),
        ("2020-W53", [2020, 12, 28], [2021, 1, 3]),
        ("2024-W09", [2024, 2, 26], [2024, 3, 3]),
        ("0001-W01", [1, 1, 1], [1, 1, 7]),
    ])
    func mondayAndSunday(text: String, monday: [Int], sunday: [Int]) throws {
        let week = try #require(ISOWeek(text))
        #expect(array(week.monday) == monday)
        #expect(array(week.sunday) == sunday)
    }

    @Test("puts every Monday from 2000 to 2040 where Foundation does")
    func mondaysAgreeWithFoundation() throws {
        var week = try #require(ISOWeek("2000-W01"))
        while week.year <= 2040 {
            let monday = iso.date(from: DateComponents(weekday: 2, weekOfYear: week.week, yearForWeekOfYear: week.year))!
            #expect(array(week.monday) == civil(monday), "\(week)")
            week = week.next
        }
    }

    @Test("moves to the next week, rolling over into the next year", arguments: [
        ("2026-W47", "2026-W48"), ("2026-W52", "2026-W53"), ("2026-W53", "2027-W01"), ("2025-W52", "2026-W01"),
    ])
    func next(text: String, expected: String) throws {
        #expect(try #require(ISOWeek(text)).next.description == expected)
    }

    @Test("numbers consecutive weeks consecutively, across years")
    func absoluteIndex() throws {
        var week = try #require(ISOWeek("1999-W01"))
        while week.year <= 2041 {
            let next = week.next
            #expect(next.absoluteIndex == week.absoluteIndex + 1, "\(week) → \(next)")
            #expect(next > week)
            week = next
        }
    }

    @Test("orders weeks by year, then week")
    func order() throws {
        let weeks = try ["2026-W01", "2025-W52", "2026-W53", "2026-W10"].map { try #require(ISOWeek($0)) }
        #expect(weeks.sorted().map(\.description) == ["2025-W52", "2026-W01", "2026-W10", "2026-W53"])
    }
}
