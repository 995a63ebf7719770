import ContentModel
import Foundation
import Journal
import MarkdownSafety

/// Which file a context is for: it decides how text is made safe.
enum TrendsFormat {
    /// Text is Markdown-escaped; charts are left out (the tables carry them).
    case markdown
    /// Text is left as it is for Mustache to HTML-escape; charts are SVG.
    case html

    func text(_ plain: String) -> String {
        self == .markdown ? MarkdownSafety.escapeText(plain) : plain
    }
}

/// Everything `trends.md` and `trends.html` can name. No field is optional,
/// so no name can fall through to an enclosing context.
struct TrendsPage: Encodable {
    let lang: String
    let title: String
    let therapist: String
    /// "2026-W01 to 2026-W52"
    let range: String
    let journals: String
    let stylesheet: String
    let contentFingerprint: String
    let summary: [String]
    let hasRuptures: Bool
    let noRuptures: String
    let figures: [FigureContext]
    let stillOpen: ListContext
    let neverAnswered: ListContext
    let missingWeeks: ListContext
}

/// One chart and the table behind it.
struct FigureContext: Encodable {
    let id: String
    let heading: String
    let intro: String
    /// Inline SVG, trusted: drawn by `Charts`, every text in it escaped.
    let chart: String
    let caption: String
    let table: TableContext
}

/// A section that is a table, or a sentence when there is nothing to list.
struct ListContext: Encodable {
    let id: String
    let heading: String
    let intro: String
    let isEmpty: Bool
    let emptyNote: String
    let table: TableContext
}

struct TableContext: Encodable {
    let caption: String
    let header: [CellContext]
    let rows: [RowContext]
}

struct RowContext: Encodable {
    let cells: [CellContext]
}

struct CellContext: Encodable {
    let text: String
    /// Right-aligned: a count, a mean or a share.
    let numeric: Bool
    /// The row's first cell, which names it (`<th scope="row">`).
    let rowHeader: Bool
    /// The Markdown alignment row's cell for this column.
    let align: String
}

extension TrendsPage {
    init(figures: TrendsFigures, content: ContentModel, format: TrendsFormat, stylesheet: String, fingerprint: String) {
        let text = format.text
        let entries = figures.entries
        let range = "\(figures.first) to \(figures.last)"
        let journalCount = figures.journalWeeks.count
        self.lang = "en"
        self.title = text("Rupture and repair trends, \(range)")
        self.therapist = text(figures.therapist)
        self.range = range
        self.journals = "\(journalCount) journal\(journalCount == 1 ? "" : "s"), \(entries.count) rupture\(entries.count == 1 ? "" : "s") logged"
        self.stylesheet = stylesheet
        self.contentFingerprint = fingerprint
        self.summary = Self.summary(figures).map(text)
        self.hasRuptures = !entries.isEmpty
        self.noRuptures = text("No ruptures were logged between \(figures.first) and \(figures.last). Log them in each journal's '## Rupture log' section and they will show here.")
        self.figures = entries.isEmpty ? [] : Self.figures(figures, format: format)

        let cell = Cell.self
        stillOpen = ListContext(
            id: "still-open", heading: "Still unresolved",
            intro: text("Each client's latest rupture, when its resolution is rated 2 or lower and its \"What happened next\" question has no answer yet. 'attune new' asks about each of them in next week's journal."),
            isEmpty: figures.stillOpen.isEmpty,
            emptyNote: text("Nothing is left open: every client's latest rupture is rated 3 or more, or followed up."),
            table: TableContext(
                caption: "Open ruptures by client",
                header: [cell.header("Client"), cell.header("Week"), cell.header("Type"), cell.header("Markers"),
                         cell.header("Tension", numeric: true), cell.header("Resolution", numeric: true),
                         cell.header("Repair steps not yet tried")],
                rows: figures.stillOpen.map { item in
                    RowContext(cells: [
                        cell.name(text(item.client)), cell.plain("\(item.entry.week)"),
                        cell.plain(text(item.entry.type.capitalized)),
                        cell.plain(text(item.entry.markers.map { content.card($0)?.numberedTitle ?? $0 }.joined(separator: "; "))),
                        cell.number("\(item.entry.tension)"), cell.number("\(item.entry.resolution)"),
                        cell.plain(text(item.stepsNotTried.isEmpty ? "none" : item.stepsNotTried.map { content.card($0)?.numberedTitle ?? $0 }.joined(separator: "; "))),
                    ])
                }
            )
        )
        neverAnswered = ListContext(
            id: "never-answered", heading: "Prompts never answered",
            intro: text("Prompts the journals in this period asked that none of them answers: perhaps the hardest questions, perhaps ones that did not fit."),
            isEmpty: figures.neverAnswered.isEmpty,
            emptyNote: text("Every prompt the journals asked has an answer in at least one of them."),
            table: TableContext(
                caption: "Prompts asked but never answered",
                header: [cell.header("Prompt"), cell.header("Times asked", numeric: true), cell.header("Weeks")],
                rows: figures.neverAnswered.map { prompt in
                    RowContext(cells: [
                        cell.name(text(prompt.numberedText)), cell.number("\(prompt.offered.count)"),
                        cell.plain(prompt.offered.map(\.description).joined(separator: ", ")),
                    ])
                }
            )
        )
        let missing = figures.missingWeeks.reduce(0) { $0 + $1.count }
        missingWeeks = ListContext(
            id: "missing-weeks", heading: "Weeks with no journal",
            intro: text("\(missing) of the \(figures.weeks.count) weeks from \(range) have no journal."),
            isEmpty: figures.missingWeeks.isEmpty,
            emptyNote: text("There is a journal for every week from \(range)."),
            table: TableContext(
                caption: "Runs of weeks without a journal",
                header: [cell.header("From"), cell.header("To"), cell.header("Weeks", numeric: true)],
                rows: figures.missingWeeks.map { span in
                    RowContext(cells: [cell.name("\(span.first)"), cell.plain("\(span.last)"), cell.number("\(span.count)")])
                }
            )
        )
    }

    /// The headline sentences, in plain text.
    static func summary(_ figures: TrendsFigures) -> [String] {
        let entries = figures.entries
        guard !entries.isEmpty else { return [] }
        var lines: [String] = []
        let byType = figures.types.map { type in "\(entries.filter { $0.type == type.id }.count) \(type.id)" }
        lines.append("\(entries.count) rupture\(entries.count == 1 ? "" : "s") logged: \(byType.joined(separator: ", ")).")
        // Ties are all named: no marker, trigger or component is the "most" by accident of order.
        if let top = figures.markers.map(\.total).max(), top > 0 {
            let ties = figures.markers.filter { $0.total == top }.map(\.numberedTitle)
            lines.append("Most frequent marker: \(ties.joined(separator: "; ")) (\(top) rupture\(top == 1 ? "" : "s")).")
        }
        if let top = figures.triggers.map(\.total).max(), top > 0 {
            let ties = figures.triggers.filter { $0.total == top }.map(\.numberedTitle)
            lines.append("Trigger most often set off: \(ties.joined(separator: "; ")) (\(top)).")
        }
        let tension = mean(entries.map(\.tension)), resolution = mean(entries.map(\.resolution))
        lines.append("Mean tension \(decimal(tension)), mean resolution \(decimal(resolution)) (both rated 1 to 5).")
        if entries.count >= 4 {
            let half = entries.count / 2
            let early = mean(entries.prefix(half).map(\.resolution)), late = mean(entries.suffix(entries.count - half).map(\.resolution))
            let direction = late > early + 0.05 ? "rose" : late < early - 0.05 ? "fell" : "held steady"
            lines.append("Resolution \(direction): \(decimal(early)) for the earlier half of the ruptures, \(decimal(late)) for the later half.")
        }
        if let top = figures.components.map(\.count).max(), top > 0 {
            let ties = figures.components.filter { $0.count == top }.map(\.component.title)
            let recorded = entries.count - figures.componentNotRecorded
            lines.append("Strains most: \(ties.joined(separator: " and ").lowercased()) (\(top) of the \(recorded) ruptures with a component recorded).")
        }
        if let most = figures.repairs.first {
            lines.append("Repair tried most: \(most.numberedTitle) (\(most.tried) time\(most.tried == 1 ? "" : "s"), mean resolution \(decimal(most.meanResolution))).")
        }
        // The first of the best, in the table's order (most tried first).
        let repeated = figures.repairs.filter { $0.tried >= 2 }
        if repeated.count > 1, let best = repeated.first(where: { $0.meanResolution == repeated.map(\.meanResolution).max() }) {
            lines.append("Best resolved of the repairs tried at least twice: \(best.numberedTitle) (mean resolution \(decimal(best.meanResolution))).")
        }
        return lines
    }

    static func figures(_ figures: TrendsFigures, format: TrendsFormat) -> [FigureContext] {
        let text = format.text
        let cell = Cell.self
        let html = format == .html
        let typeSeries = figures.types.map { Charts.Series(name: $0.id.capitalized, cssClass: "s-\($0.id)") }
        let busiest = figures.perWeek.first { $0.total == figures.perWeek.map(\.total).max() }
        var result: [FigureContext] = []

        // Ruptures per week by type.
        result.append(FigureContext(
            id: "per-week", heading: "Ruptures per week by type",
            intro: text("How many ruptures each week's log holds, withdrawal and confrontation stacked. Pale columns are weeks with no journal."),
            chart: html ? Charts.stackedColumns(
                id: "per-week-chart", title: "Ruptures per week by type, \(figures.first) to \(figures.last)",
                description: "\(figures.entries.count) ruptures over \(figures.weeks.count) weeks; the most in one week: \(busiest?.total ?? 0), in \(busiest?.week.description ?? "none").",
                labels: figures.weeks.map(\.description), series: typeSeries,
                values: figures.types.indices.map { index in figures.perWeek.map { $0.byType[index] } },
                gaps: figures.perWeek.map { !$0.hasJournal }, gapName: "No journal"
            ) : "",
            caption: text("Ruptures per week, by type."),
            table: TableContext(
                caption: "Ruptures per week by type",
                header: [cell.header("Week")] + figures.types.map { cell.header(text($0.id.capitalized), numeric: true) }
                    + [cell.header("Total", numeric: true), cell.header("Journal")],
                rows: figures.perWeek.map { week in
                    RowContext(cells: [cell.name("\(week.week)")] + week.byType.map { cell.number("\($0)") }
                        + [cell.number("\(week.total)"), cell.plain(week.hasJournal ? "yes" : "none")])
                }
            )
        ))

        // Markers and trigger categories over time.
        let periods = figures.periods.map(\.label)
        let unit = figures.periods.count == figures.weeks.count ? "week" : figures.periods.first.map { $0.label.contains("Q") ? "quarter" : "month" } ?? "week"
        func overTime(id: String, heading: String, intro: String, series: [TrendsFigures.Series], nameHeader: String,
                      groupHeader: String?, extra: (label: String, counts: [Int])?) -> FigureContext {
            var rows = series.map { (label: $0.numberedTitle, counts: $0.counts, group: $0.group) }
            if let extra { rows.append((extra.label, extra.counts, nil)) }
            let seen = rows.filter { $0.counts.reduce(0, +) > 0 }
            return FigureContext(
                id: id, heading: heading, intro: text(intro),
                chart: html ? Charts.heatmap(
                    id: "\(id)-chart", title: "\(heading), by \(unit)",
                    description: "\(seen.count) of \(rows.count) rows appear at least once; "
                        + (seen.max { $0.counts.reduce(0, +) < $1.counts.reduce(0, +) }.map { "most often: \($0.label), \($0.counts.reduce(0, +)) times." } ?? "none appears."),
                    rows: rows.map { ($0.label, $0.counts) }, columns: periods
                ) : "",
                caption: text("\(heading), counted by \(unit); darker means more."),
                table: TableContext(
                    caption: "\(heading) by \(unit)",
                    header: [cell.header(nameHeader)] + (groupHeader.map { [cell.header($0)] } ?? [])
                        + periods.map { cell.header(text($0), numeric: true) } + [cell.header("Total", numeric: true)],
                    rows: rows.map { row in
                        RowContext(cells: [cell.name(text(row.label))] + (groupHeader == nil ? [] : [cell.plain(text(row.group ?? ""))])
                            + row.counts.map { cell.number("\($0)") } + [cell.number("\(row.counts.reduce(0, +))")])
                    }
                )
            )
        }
        result.append(overTime(
            id: "markers", heading: "3RS markers over time",
            intro: "Which markers the ruptures showed, \(unit) by \(unit). A rupture with two markers counts for both.",
            series: figures.markers, nameHeader: "Marker", groupHeader: "Type", extra: nil
        ))
        let noTrigger = figures.periods.map { period in
            figures.entries.filter { period.weeks.contains($0.week) && $0.trigger == nil }.count
        }
        result.append(overTime(
            id: "triggers", heading: "Trigger categories over time",
            intro: "What each rupture set off in you, \(unit) by \(unit).",
            series: figures.triggers, nameHeader: "Trigger category", groupHeader: nil,
            extra: noTrigger.contains { $0 > 0 } ? ("No trigger recorded", noTrigger) : nil
        ))

        // Tension against resolution.
        let rated = figures.ratings.compactMap { $0 }
        let widest = rated.first { $0.tension - $0.resolution == rated.map { $0.tension - $0.resolution }.max() }
        result.append(FigureContext(
            id: "ratings", heading: "Tension against resolution over time",
            intro: text("Your mean ratings, \(unit) by \(unit), from 1 to 5: how intense the tension was, and how far it was resolved. Where resolution sits below tension, ruptures were left more open than they were strained."),
            chart: html ? Charts.lines(
                id: "ratings-chart", title: "Mean tension and resolution by \(unit), \(figures.first) to \(figures.last)",
                description: "Tension (circles) and resolution (squares) on a scale of 1 to 5, for the \(rated.count) \(unit)s with ruptures"
                    + (widest.map { "; the widest gap, tension \(decimal($0.tension)) against resolution \(decimal($0.resolution)), in \($0.period)." } ?? "."),
                labels: periods,
                series: [Charts.Series(name: "Tension", cssClass: "s-tension"), Charts.Series(name: "Resolution", cssClass: "s-resolution")],
                values: [figures.ratings.map { $0?.tension }, figures.ratings.map { $0?.resolution }]
            ) : "",
            caption: text("Mean tension (circles) and resolution (squares) by \(unit)."),
            table: TableContext(
                caption: "Mean tension and resolution by \(unit)",
                header: [cell.header(unit.capitalized), cell.header("Ruptures", numeric: true), cell.header("Tension", numeric: true),
                         cell.header("Resolution", numeric: true)],
                rows: rated.map { period in
                    RowContext(cells: [cell.name(text(period.period)), cell.number("\(period.ruptures)"),
                                       cell.number(decimal(period.tension)), cell.number(decimal(period.resolution))])
                }
            )
        ))

        // Alliance components.
        var componentRows = figures.components.map { (label: $0.component.title, count: $0.count) }
        if figures.componentNotRecorded > 0 { componentRows.append(("Not recorded", figures.componentNotRecorded)) }
        let total = figures.entries.count
        result.append(FigureContext(
            id: "components", heading: "Which part of the alliance strains most",
            intro: text("Bordin's three components, by how many ruptures strained each."),
            chart: html ? Charts.bars(
                id: "components-chart", title: "Ruptures by the alliance component that strained",
                description: componentRows.map { "\($0.label): \($0.count)" }.joined(separator: "; ") + ".",
                rows: componentRows.map { ($0.label, [$0.count]) }, series: [Charts.Series(name: "Ruptures", cssClass: "s-component")]
            ) : "",
            caption: text("Ruptures by the alliance component that strained."),
            table: TableContext(
                caption: "Ruptures by alliance component",
                header: [cell.header("Component"), cell.header("Ruptures", numeric: true), cell.header("Share", numeric: true)],
                rows: componentRows.map { row in
                    RowContext(cells: [cell.name(text(row.label)), cell.number("\(row.count)"),
                                       cell.number("\(Int((Double(row.count) * 100 / Double(max(total, 1))).rounded()))%")])
                }
            )
        ))

        // Repairs and how those ruptures ended.
        if !figures.repairs.isEmpty {
            let kinds: [SectionID: String] = [.repairSteps: "Repair step", .practices: "Practice", .strategies: "3RS strategy"]
            result.append(FigureContext(
                id: "repairs", heading: "Repairs tried, and how those ruptures ended",
                intro: text("Each repair step, practice and strategy you logged, with how far the ruptures it was tried in were resolved: 4 or 5 resolved, 3 partly, 1 or 2 not yet. A rupture with several repairs counts for each."),
                chart: html ? Charts.bars(
                    id: "repairs-chart", title: "Repairs tried and the resolution of those ruptures",
                    description: "\(figures.repairs.count) repairs tried; most often \(figures.repairs[0].numberedTitle), \(figures.repairs[0].tried) times.",
                    rows: figures.repairs.map { ($0.numberedTitle, [$0.resolved, $0.partly, $0.unresolved]) },
                    series: [Charts.Series(name: "Resolved (4–5)", cssClass: "s-resolved"),
                             Charts.Series(name: "Partly (3)", cssClass: "s-partly"),
                             Charts.Series(name: "Not yet (1–2)", cssClass: "s-unresolved")]
                ) : "",
                caption: text("Ruptures each repair was tried in, by how far they were resolved."),
                table: TableContext(
                    caption: "Repairs tried and how those ruptures ended",
                    header: [cell.header("Repair"), cell.header("Kind"), cell.header("Tried", numeric: true),
                             cell.header("Resolved (4–5)", numeric: true), cell.header("Partly (3)", numeric: true),
                             cell.header("Not yet (1–2)", numeric: true), cell.header("Mean resolution", numeric: true)],
                    rows: figures.repairs.map { repair in
                        RowContext(cells: [
                            cell.name(text(repair.numberedTitle)), cell.plain(kinds[repair.section] ?? repair.section.rawValue),
                            cell.number("\(repair.tried)"), cell.number("\(repair.resolved)"), cell.number("\(repair.partly)"),
                            cell.number("\(repair.unresolved)"), cell.number(decimal(repair.meanResolution)),
                        ])
                    }
                )
            ))
        }
        return result
    }

    static func mean(_ values: [Int]) -> Double {
        values.isEmpty ? 0 : Double(values.reduce(0, +)) / Double(values.count)
    }

    /// One decimal, the same on every machine: "3.5".
    static func decimal(_ value: Double) -> String {
        let tenths = Int((value * 10).rounded())
        return "\(tenths / 10).\(tenths % 10)"
    }
}

/// Shorthands for table cells.
private enum Cell {
    static func header(_ text: String, numeric: Bool = false) -> CellContext {
        CellContext(text: text, numeric: numeric, rowHeader: false, align: numeric ? "---:" : "---")
    }
    static func name(_ text: String) -> CellContext {
        CellContext(text: text, numeric: false, rowHeader: true, align: "---")
    }
    static func plain(_ text: String) -> CellContext {
        CellContext(text: text, numeric: false, rowHeader: false, align: "---")
    }
    static func number(_ text: String) -> CellContext {
        CellContext(text: text, numeric: true, rowHeader: false, align: "---:")
    }
}
