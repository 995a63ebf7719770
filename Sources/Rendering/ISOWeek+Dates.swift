import ContentModel

extension ISOWeek {
    /// The week's dates as a reader says them, e.g. "16–22 November 2026".
    package var readableDates: String { dateRange }
}

extension ISOWeek {
    /// "16–22 November 2026", "30 November – 6 December 2026", "28 December 2026 – 3 January 2027".
    package var dateRange: String {
        let months = Gregorian.monthNames
        let start = monday
        let end = sunday
        if start.year != end.year {
            return "\(start.day) \(months[start.month - 1]) \(start.year) – \(end.day) \(months[end.month - 1]) \(end.year)"
        }
        if start.month != end.month {
            return "\(start.day) \(months[start.month - 1]) – \(end.day) \(months[end.month - 1]) \(end.year)"
        }
        return "\(start.day)–\(end.day) \(months[end.month - 1]) \(end.year)"
    }
}
