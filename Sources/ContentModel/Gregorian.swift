/// The proleptic Gregorian calendar as plain arithmetic: the one place the
/// leap-year rule, the months' lengths and their English names live, so
/// that ISO weeks, content dates and every date a page prints agree, and no
/// output depends on the machine's calendar, zone or locale.
package enum Gregorian {
    /// Every fourth year, except centuries not divisible by 400.
    package static func isLeapYear(_ year: Int) -> Bool {
        (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    }

    /// 28 to 31; `month` is 1 to 12.
    package static func days(inMonth month: Int, of year: Int) -> Int {
        switch month {
        case 2: return isLeapYear(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// "January" to "December", as every page writes a date in words.
    package static let monthNames = [
        "January", "February", "March", "April", "May", "June",
        "July", "August", "September", "October", "November", "December",
    ]
}
