import Diagnostics
import Rendering

/// The cohort's own pages: `all.html`, `index.html` and `cohort-summary.html`.
/// Each is a Mustache template over plain fields, which Mustache escapes.
enum CohortPages {
    static let allTemplate = "handouts-all.html"
    static let indexTemplate = "cohort-index.html"
    static let indexRowTemplate = "cohort-index-row.html"
    static let summaryTemplate = "cohort-summary.html"

    static let allFile = "all.html"
    static let allPDFFile = "all.pdf"
    static let indexFile = "index.html"
    static let summaryFile = "cohort-summary.html"
    static let manifestFile = "manifest.json"

    /// Where the handouts go in `all.html`. The page is rendered around this
    /// marker and split there, so the handouts' articles, gathered as bytes
    /// while they render, are spliced in rather than copied through Mustache.
    static let handoutsMarker = "<!-- attune:handouts -->"

    /// Where the trainees' rows go in `index.html`: rendered one per handout
    /// as it is made (`indexRow`) and spliced in, so the page never needs
    /// every trainee's row as a template context at once.
    static let rowsMarker = "<!-- attune:rows -->"

    /// `all.html` before and after its handouts.
    static func allPage(
        roster: Roster, trainees: [(name: String, anchor: String)], stylesheet: String, resources: Resources
    ) throws(DiagnosticError) -> (head: String, tail: String) {
        let page = AllPage(
            lang: "en",
            title: "\(roster.cohort) · \(roster.week) · reflection handouts",
            cohort: roster.cohort, supervisor: roster.supervisor, week: roster.week.description,
            count: trainees.count == 1 ? "1 handout" : "\(trainees.count) handouts",
            contents: trainees.map { ContentsEntry(trainee: $0.name, anchor: $0.anchor) },
            stylesheet: stylesheet, handouts: handoutsMarker, contentFingerprint: resources.fingerprint
        )
        return try split(resources.templates.render(allTemplate, context: page), at: handoutsMarker, template: allTemplate)
    }

    /// `index.html` before and after the trainees' rows.
    static func indexPage(_ page: IndexPage, resources: Resources) throws(DiagnosticError) -> (head: String, tail: String) {
        try split(resources.templates.render(indexTemplate, context: page), at: rowsMarker, template: indexTemplate)
    }

    /// One trainee's row of `index.html`.
    static func indexRow(_ row: IndexRow, resources: Resources) throws(DiagnosticError) -> String {
        try resources.templates.render(indexRowTemplate, context: row)
    }

    private static func split(_ html: String, at marker: String, template: String) throws(DiagnosticError) -> (head: String, tail: String) {
        // Searched as bytes: Foundation's `components(separatedBy:)` was a
        // fifth of making all.html's head.
        guard let first = html.firstByteRange(of: marker),
              String(html[first.upperBound...]).firstByteRange(of: marker) == nil else {
            throw DiagnosticError([.error(
                "the template must place {{{handouts}}} exactly once, unescaped",
                at: SourceLocation(path: "Templates/\(template).mustache", line: 1, column: 1))])
        }
        return (String(html[..<first.lowerBound]), String(html[first.upperBound...]))
    }

    struct AllPage: Encodable {
        let lang: String
        let title: String
        let cohort: String
        let supervisor: String
        let week: String
        let count: String
        let contents: [ContentsEntry]
        let stylesheet: String
        let handouts: String
        let contentFingerprint: String
    }

    struct ContentsEntry: Encodable {
        let trainee: String
        let anchor: String
    }

    struct IndexPage: Encodable {
        let lang: String
        let title: String
        let cohort: String
        let supervisor: String
        let week: String
        let dates: String
        let count: String
        let allFile: String?
        let summaryFile: String?
        let manifestFile: String
        let hashName: String
        /// `rowsMarker`, where the rows are spliced in.
        let handouts: String
        let hasSkipped: Bool
        let skipped: [String]
        let roster: String
        let stylesheet: String
        let contentFingerprint: String
    }

    struct IndexRow: Encodable {
        let trainee: String
        let focusTitle: String
        let files: [IndexLink]
        let hasNote: Bool
        let sharedJournal: Bool
    }

    struct IndexLink: Encodable {
        let path: String
        let label: String
    }

    struct SummaryPage: Encodable {
        let lang: String
        let title: String
        let cohort: String
        let supervisor: String
        let week: String
        let journals: String
        let threshold: String
        let thresholdOrigin: String
        let groups: [SummaryGroup]
        let stylesheet: String
        let contentFingerprint: String
    }

    struct SummaryGroup: Encodable {
        let title: String
        let rows: [SummaryRow]
    }

    struct SummaryRow: Encodable {
        let title: String
        /// What a gathered row stands for, as one line; `nil` for a single topic.
        let covers: String?
        let shown: String
    }

    static func summaryPage(_ summary: CohortSummary, roster: Roster, stylesheet: String, resources: Resources) throws(DiagnosticError) -> String {
        let page = SummaryPage(
            lang: "en",
            title: "\(roster.cohort) · \(roster.week) · cohort summary",
            cohort: roster.cohort, supervisor: roster.supervisor, week: roster.week.description,
            journals: summary.journalsBand,
            threshold: "\(summary.threshold)", thresholdOrigin: roster.summaryThresholdOrigin,
            groups: summary.groups.map { group in
                SummaryGroup(title: group.title, rows: group.rows.map {
                    SummaryRow(title: $0.title, covers: $0.covers.isEmpty ? nil : $0.covers.joined(separator: "; "), shown: $0.shown)
                })
            },
            stylesheet: stylesheet, contentFingerprint: resources.fingerprint
        )
        return try resources.templates.render(summaryTemplate, context: page)
    }
}
