import Foundation

/// An ISO 8601 week such as `2026-W47`: weeks start on Monday, and week 1 is
/// the week with the year's first Thursday.
package struct ISOWeek: Hashable, Comparable, Sendable, CustomStringConvertible {
    package let year: Int
    package let week: Int

    /// Fails for weeks the year does not have (`2025-W53`).
    package init?(year: Int, week: Int) {
        guard (1...9999).contains(year), week >= 1, week <= ISOWeek.weeks(inYear: year) else { return nil }
        self.year = year
        self.week = week
    }

    /// Parses `YYYY-Www`.
    package init?(_ text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].count == 4, parts[1].count == 3, parts[1].first == "W",
              parts[0].allSatisfy(\.isASCIIDigit), parts[1].dropFirst().allSatisfy(\.isASCIIDigit),
              let year = Int(parts[0]), let week = Int(parts[1].dropFirst())
        else { return nil }
        self.init(year: year, week: week)
    }

    /// The ISO week containing `date` in `timeZone`.
    package init(containing date: Date, timeZone: TimeZone = .current) {
        var calendar = Calendar(identifier: .iso8601)
        calendar.timeZone = timeZone
        let parts = calendar.dateComponents([.yearForWeekOfYear, .weekOfYear], from: date)
        self.year = parts.yearForWeekOfYear!
        self.week = parts.weekOfYear!
    }

    /// `2026-W07`. Built by hand: `String(format:)` is slow enough to show
    /// in a profile of a 1,000-trainee cohort, which prints its week often.
    package var description: String {
        func padded(_ number: Int, _ width: Int) -> String {
            let digits = String(number)
            return String(repeating: "0", count: max(0, width - digits.count)) + digits
        }
        return padded(year, 4) + "-W" + padded(week, 2)
    }

    package static func < (lhs: Self, rhs: Self) -> Bool { (lhs.year, lhs.week) < (rhs.year, rhs.week) }

    /// Days from 0001-01-01 (proleptic Gregorian, day 0) to this week's Monday.
    /// Pure arithmetic, so it does not depend on the machine's calendar or zone.
    var mondayDayNumber: Int {
        let jan4 = Self.dayNumber(year: year, month: 1, day: 4)
        let weekdayOfJan4 = jan4 % 7  // 0 = Monday, because day 0 was a Monday
        return jan4 - weekdayOfJan4 + (week - 1) * 7
    }

    /// Consecutive weeks have consecutive indexes, across years.
    package var absoluteIndex: Int { mondayDayNumber / 7 }

    /// The week's Monday as `(year, month, day)`.
    package var monday: (year: Int, month: Int, day: Int) { Self.civil(fromDayNumber: mondayDayNumber) }

    /// The week's Sunday as `(year, month, day)`.
    package var sunday: (year: Int, month: Int, day: Int) { Self.civil(fromDayNumber: mondayDayNumber + 6) }

    /// The week that follows, rolling over into the next year.
    package var next: ISOWeek {
        ISOWeek(year: year, week: week + 1) ?? ISOWeek(year: year + 1, week: 1)!
    }

    /// 52 or 53: a year has 53 ISO weeks when it starts on a Thursday, or is a
    /// leap year starting on a Wednesday.
    package static func weeks(inYear year: Int) -> Int {
        let jan1 = dayNumber(year: year, month: 1, day: 1) % 7
        return jan1 == 3 || (Gregorian.isLeapYear(year) && jan1 == 2) ? 53 : 52
    }

    static func dayNumber(year: Int, month: Int, day: Int) -> Int {
        let y = year - 1
        let daysBeforeYear = y * 365 + y / 4 - y / 100 + y / 400
        let cumulative = [0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334]
        return daysBeforeYear + cumulative[month - 1] + (Gregorian.isLeapYear(year) && month > 2 ? 1 : 0) + day - 1
    }

    static func civil(fromDayNumber number: Int) -> (year: Int, month: Int, day: Int) {
        var year = number / 366 + 1
        while dayNumber(year: year + 1, month: 1, day: 1) <= number { year += 1 }
        var month = 1
        while month < 12 && dayNumber(year: year, month: month + 1, day: 1) <= number { month += 1 }
        return (year, month, number - dayNumber(year: year, month: month, day: 1) + 1)
    }
}

extension Character {
    /// `0` to `9` only: `Int("+7")` would also accept a sign.
    fileprivate var isASCIIDigit: Bool { ("0"..."9").contains(self) }
}
