import ContentModel
import Diagnostics
import Journal

/// Every number the trends report shows, worked out once from the journals
/// so the Markdown and the HTML (charts and tables) cannot disagree.
package struct TrendsFigures: Sendable {
    package var therapist: String
    /// Every week the report covers, first to last, with or without a journal.
    package var weeks: [ISOWeek]
    package var journalWeeks: Set<ISOWeek>
    /// Ruptures logged for a week in the range, oldest first.
    package var entries: [RuptureEntry]
    /// The rupture types, in the content's order.
    package var types: [Card]
    /// Ruptures per week, by type, for every week of `weeks`.
    package var perWeek: [WeekCount]
    /// The columns of the "over time" figures: weeks for a short report,
    /// months for up to two years, quarters beyond.
    package var periods: [Period]
    /// Every marker, by type then content order, with counts per period.
    package var markers: [Series]
    /// Every trigger category, with counts per period.
    package var triggers: [Series]
    /// Mean ratings in each period, `nil` where a period has no ruptures.
    package var ratings: [PeriodRatings?]
    package var components: [ComponentCount]
    /// Ruptures with no component recorded.
    package var componentNotRecorded: Int
    /// Each repair tried at least once, most tried first.
    package var repairs: [RepairOutcome]
    /// Prompts the journals offered that none of them answered.
    package var neverAnswered: [UnansweredPrompt]
    /// Runs of consecutive weeks without a journal.
    package var missingWeeks: [WeekSpan]
    /// Each client's latest rupture, when it is still rated 2 or lower.
    package var stillOpen: [CarriedRupture]

    package var first: ISOWeek { weeks.first! }
    package var last: ISOWeek { weeks.last! }

    package struct WeekCount: Sendable, Equatable {
        package var week: ISOWeek
        /// One count per rupture type, in `types` order.
        package var byType: [Int]
        package var hasJournal: Bool
        package var total: Int { byType.reduce(0, +) }
    }

    package struct Period: Sendable, Equatable {
        package var label: String
        package var weeks: ClosedRange<ISOWeek>
    }

    package struct Series: Sendable, Equatable {
        package var id: String
        package var title: String
        /// The card's number in the content model.
        package var number: Int
        /// The marker's rupture type, for markers.
        package var group: String?
        /// One count per period.
        package var counts: [Int]
        package var total: Int { counts.reduce(0, +) }
        /// "Card 12 · Minimal response", as workbooks and handouts head the card.
        package var numberedTitle: String { "Card \(number) · \(title)" }
    }

    package struct PeriodRatings: Sendable, Equatable {
        package var period: String
        package var ruptures: Int
        package var tension: Double
        package var resolution: Double
    }

    package struct ComponentCount: Sendable, Equatable {
        package var component: AllianceComponent
        package var count: Int
    }

    package struct RepairOutcome: Sendable, Equatable {
        package var id: String
        package var title: String
        /// The card's number in the content model.
        package var number: Int
        package var section: SectionID
        package var tried: Int
        /// Ruptures it was tried in that ended rated 4 or 5.
        package var resolved: Int
        /// Rated 3.
        package var partly: Int
        /// Rated 1 or 2.
        package var unresolved: Int
        package var meanResolution: Double
        /// "Card 40 · Pause and breathe".
        package var numberedTitle: String { "Card \(number) · \(title)" }
    }

    package struct UnansweredPrompt: Sendable, Equatable {
        package var id: String
        package var text: String
        /// The prompt's number in the content model.
        package var number: Int
        package var offered: [ISOWeek]
        /// "Prompt 6 · …", as the journal's workbook heads it.
        package var numberedText: String { "Prompt \(number) · \(text)" }
    }

    package struct WeekSpan: Sendable, Equatable {
        package var first: ISOWeek
        package var last: ISOWeek
        package var count: Int
    }

    /// The most weeks one report covers: ten years.
    package static let maxWeeks = 530
}

extension TrendsFigures {
    /// Works out the figures for the weeks `since` to `until` (by default,
    /// those the journals and their entries cover). `location` is where an
    /// empty range is reported.
    package init(
        journals: [Journal], content: ContentModel, since: ISOWeek?, until: ISOWeek?, location: SourceLocation
    ) throws(DiagnosticError) {
        let covered = journals.map(\.week) + journals.flatMap { $0.ruptureLog?.entries.map(\.week) ?? [] }
        guard let earliest = covered.min(), let latest = covered.max() else {
            throw DiagnosticError([.error("no journals to read here", at: location)])
        }
        let first = since ?? earliest
        let last = until ?? latest
        guard first <= last else {
            throw DiagnosticError([.error(
                "no weeks between \(first) and \(last): the journals here cover \(earliest) to \(latest)", at: location
            )])
        }
        let span = last.absoluteIndex - first.absoluteIndex + 1
        guard span <= Self.maxWeeks else {
            throw DiagnosticError([.error(
                "\(first) to \(last) is \(span) weeks; a report covers at most \(Self.maxWeeks) (ten years): narrow it with --since and --until",
                at: location
            )])
        }
        var weeks: [ISOWeek] = []
        var week = first
        while week <= last {
            weeks.append(week)
            week = week.next
        }
        let inRange = journals.filter { $0.week >= first && $0.week <= last }.sorted { $0.week < $1.week }
        guard !inRange.isEmpty else {
            throw DiagnosticError([.error(
                "no journal between \(first) and \(last); the journals here cover \(journals.map(\.week).min()!) to \(journals.map(\.week).max()!)",
                at: location
            )])
        }
        let entries = journals.sorted { $0.week < $1.week }
            .flatMap { $0.ruptureLog?.entries ?? [] }
            .filter { $0.week >= first && $0.week <= last }
            .enumerated().sorted { ($0.element.week, $0.offset) < ($1.element.week, $1.offset) }.map(\.element)

        self.therapist = inRange.last!.therapist
        self.weeks = weeks
        let journalWeeks = Set(inRange.map(\.week))
        self.journalWeeks = journalWeeks
        self.entries = entries
        self.types = content.cards(in: .ruptureTypes)
        let typeIDs = types.map(\.id)

        var byWeek: [ISOWeek: [RuptureEntry]] = [:]
        for entry in entries { byWeek[entry.week, default: []].append(entry) }
        perWeek = weeks.map { week in
            let logged = byWeek[week] ?? []
            return WeekCount(
                week: week, byType: typeIDs.map { type in logged.filter { $0.type == type }.count },
                hasJournal: journalWeeks.contains(week)
            )
        }

        let periods = Self.periods(for: weeks)
        self.periods = periods
        func counts(_ matches: (RuptureEntry) -> Bool) -> [Int] {
            periods.map { period in entries.filter { period.weeks.contains($0.week) && matches($0) }.count }
        }
        markers = typeIDs.flatMap { type in
            content.cards(in: .markers).filter { $0.ruptureType == type }.map { card in
                Series(id: card.id, title: card.title, number: card.number, group: type, counts: counts { $0.markers.contains(card.id) })
            }
        }
        triggers = content.cards(in: .triggers).map { card in
            Series(id: card.id, title: card.title, number: card.number, group: nil, counts: counts { $0.trigger == card.id })
        }

        ratings = periods.map { period in
            let logged = entries.filter { period.weeks.contains($0.week) }
            guard !logged.isEmpty else { return nil }
            return PeriodRatings(
                period: period.label, ruptures: logged.count,
                tension: Double(logged.map(\.tension).reduce(0, +)) / Double(logged.count),
                resolution: Double(logged.map(\.resolution).reduce(0, +)) / Double(logged.count)
            )
        }

        components = AllianceComponent.allCases.map { component in
            ComponentCount(component: component, count: entries.filter { $0.component == component }.count)
        }
        componentNotRecorded = entries.filter { $0.component == nil }.count

        let repairCards = SectionID.repairSections.flatMap { content.cards(in: $0) }
        repairs = repairCards.enumerated().compactMap { index, card -> (Int, RepairOutcome)? in
            let with = entries.filter { $0.repairs.contains(card.id) }
            guard !with.isEmpty else { return nil }
            let resolutions = with.map(\.resolution)
            return (index, RepairOutcome(
                id: card.id, title: card.title, number: card.number, section: card.section, tried: with.count,
                resolved: resolutions.filter { $0 >= 4 }.count, partly: resolutions.filter { $0 == 3 }.count,
                unresolved: resolutions.filter { $0 <= RuptureLog.unresolvedAtMost }.count,
                meanResolution: Double(resolutions.reduce(0, +)) / Double(resolutions.count)
            ))
        }
        .sorted { ($1.1.tried, $0.0) < ($0.1.tried, $1.0) }
        .map(\.1)

        var offered: [String: [ISOWeek]] = [:]
        var answered: Set<String> = []
        for journal in inRange {
            for id in content.week(journal.focus)?.prompts ?? [] { offered[id, default: []].append(journal.week) }
            for answer in journal.promptAnswers where !answer.isEmpty { answered.insert(answer.promptID) }
        }
        neverAnswered = content.prompts.compactMap { prompt in
            guard let weeks = offered[prompt.id], !answered.contains(prompt.id) else { return nil }
            return UnansweredPrompt(id: prompt.id, text: prompt.text, number: prompt.number, offered: weeks)
        }
        .enumerated().sorted { ($1.element.offered.count, $0.offset) < ($0.element.offered.count, $1.offset) }.map(\.element)

        var gaps: [WeekSpan] = []
        for week in weeks where !journalWeeks.contains(week) {
            if let open = gaps.last, open.last.next == week {
                gaps[gaps.count - 1] = WeekSpan(first: open.first, last: week, count: open.count + 1)
            } else {
                gaps.append(WeekSpan(first: week, last: week, count: 1))
            }
        }
        missingWeeks = gaps
        stillOpen = RuptureCarryForward.unresolved(
            in: journals.filter { $0.week <= last }, before: last.next, content: content
        ).filter { $0.entry.week >= first }
    }

    /// Columns for the "over time" figures, so that a year stays readable.
    static func periods(for weeks: [ISOWeek]) -> [Period] {
        if weeks.count <= 16 {
            return weeks.map { Period(label: "\($0)", weeks: $0...$0) }
        }
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        // A week belongs to the month (and quarter) of its Thursday, as ISO weeks belong to years.
        let byMonth = weeks.map { week -> (key: Int, label: String) in
            let thursday = week.thursday
            return (thursday.year * 12 + thursday.month - 1, "\(months[thursday.month - 1]) \(thursday.year)")
        }
        let monthCount = Set(byMonth.map(\.key)).count
        let keys: [(key: Int, label: String)] = monthCount <= 24 ? byMonth : weeks.map { week in
            let thursday = week.thursday
            let quarter = (thursday.month - 1) / 3 + 1
            return (thursday.year * 4 + quarter - 1, "\(thursday.year) Q\(quarter)")
        }
        var periods: [Period] = []
        var previous: Int?
        for (week, key) in zip(weeks, keys) {
            if key.key == previous, let open = periods.last {
                periods[periods.count - 1].weeks = open.weeks.lowerBound...week
            } else {
                periods.append(Period(label: key.label, weeks: week...week))
            }
            previous = key.key
        }
        return periods
    }
}

extension ISOWeek {
    /// The week's Thursday as `(year, month, day)`.
    var thursday: (year: Int, month: Int, day: Int) {
        let monday = self.monday
        var (year, month, day) = (monday.year, monday.month, monday.day + 3)
        let length = Gregorian.days(inMonth: month, of: year)
        if day > length {
            day -= length
            month += 1
            if month > 12 { (year, month) = (year + 1, 1) }
        }
        return (year, month, day)
    }
}
