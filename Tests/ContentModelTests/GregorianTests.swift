import ContentModel
import Foundation
import Testing

@Suite("Gregorian calendar arithmetic")
struct GregorianTests {
    @Test("leap years: every fourth, except centuries not divisible by 400")
    func leapYears() {
        #expect(Gregorian.isLeapYear(2024))
        #expect(!Gregorian.isLeapYear(2026))
        #expect(!Gregorian.isLeapYear(1900))
        #expect(!Gregorian.isLeapYear(2100))
        #expect(Gregorian.isLeapYear(2000))
        #expect(Gregorian.isLeapYear(1600))
        #expect(!Gregorian.isLeapYear(1))
        #expect(Gregorian.isLeapYear(4))
    }

    @Test("every month's length agrees with Foundation's Gregorian calendar, 1583 to 2500")
    func monthLengths() {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(secondsFromGMT: 0)!
        for year in 1583...2500 {
            for month in 1...12 {
                let first = calendar.date(from: DateComponents(year: year, month: month, day: 1))!
                let length = calendar.range(of: .day, in: .month, for: first)!.count
                #expect(Gregorian.days(inMonth: month, of: year) == length, "\(year)-\(month)")
            }
        }
    }

    @Test("month names are the English ones, January first")
    func monthNames() {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        #expect(Gregorian.monthNames == formatter.monthSymbols)
    }
}
