import ContentModel
import Diagnostics
import Foundation
import MarkdownSafety
import Rendering

/// One trainee's handout, in memory only until it is written.
struct RenderedHandout: Sendable {
    var markdown: String
    var html: String
    /// The handout as one `<article>` of `all.html`, its headings a level down.
    var article: String

    /// Printed from `html` when PDF is asked for.
    var pdf: Data?

    func data(for format: OutputFormat) -> Data {
        switch format {
        case .html: return Data(html.utf8)
        case .md: return Data(markdown.utf8)
        case .pdf: return pdf ?? Data()
        }
    }
}

/// trainee + roster + content → template context → Markdown → HTML, the way
/// a workbook is made: the same card partial, the same safe cmark-gfm path.
///
/// A handout is two parts. The trainee's own (`handout.md`: title page and
/// the supervisor's notes) is rendered for each trainee; the week's material
/// (`handout-material.md`: cards, prompts with writing space, sources) is the
/// same for everyone with that focus, so it is rendered, parsed and turned
/// into HTML once per curriculum week. That keeps a 1,000-trainee cohort fast,
/// and a note can never swallow the material (say, with an unclosed code fence).
struct HandoutRenderer: Sendable {
    static let markdownTemplate = "handout.md"
    static let materialTemplate = "handout-material.md"
    static let htmlTemplate = "handout.html"

    let resources: Resources
    let roster: RosterInfo
    /// `workbook.css` and `handout.css`, embedded in every page.
    let stylesheet: String
    private let material: [String: Result<SharedPart, DiagnosticError>]

    /// The roster's fields every handout shows, as written.
    struct RosterInfo: Sendable {
        var cohort: String
        var supervisor: String
        var week: ISOWeek
        var notes: String?
    }

    /// One curriculum week's material, finished: Markdown, HTML, and the HTML
    /// a heading level down for `all.html`.
    struct SharedPart: Sendable {
        var week: Week
        var markdown: String
        var html: String
        var demotedHTML: String
    }

    init(resources: Resources, roster: RosterInfo, focuses: Set<String>) {
        self.resources = resources
        self.roster = roster
        self.stylesheet = Self.stylesheet(resources)
        var material: [String: Result<SharedPart, DiagnosticError>] = [:]
        for id in focuses.sorted() {
            guard let week = resources.content.week(id) else { continue }
            material[id] = Result { () throws(DiagnosticError) in
                let context = MaterialContext(
                    week: roster.week.description, supervisor: MarkdownSafety.escapeText(roster.supervisor), focusID: week.id,
                    material: WeekMaterial(week: week, content: resources.content))
                let markdown = try resources.templates.render(Self.materialTemplate, context: context)
                let html = SafeMarkdown.html(markdown)
                return SharedPart(week: week, markdown: markdown, html: html, demotedHTML: HeadingLevels.demote(html))
            }
        }
        self.material = material
    }

    static func stylesheet(_ resources: Resources) -> String {
        [Resources.pageStylesheet, "handout.css"].compactMap(resources.templates.asset).joined(separator: "\n")
    }

    /// `anchor` is the handout's id in `all.html`: its file stem, which is
    /// letters, digits and dashes only, so it needs no escaping.
    func render(_ trainee: Trainee, anchor: String) throws(DiagnosticError) -> RenderedHandout {
        let shared = try material[trainee.focus]!.get()
        let week = shared.week
        let escape = MarkdownSafety.escapeText
        let context = HandoutContext(
            trainee: escape(trainee.name),
            cohort: escape(roster.cohort),
            supervisor: escape(roster.supervisor),
            week: roster.week.description,
            dates: roster.week.readableDates,
            focusID: week.id,
            focusTitle: escape(week.title),
            focusSummary: escape(week.summary),
            hasSupervisorNotes: roster.notes != nil || trainee.note != nil,
            notes: roster.notes,
            note: trainee.note
        )
        var own = try resources.templates.render(Self.markdownTemplate, context: context)
        while own.hasSuffix("\n") { own.removeLast() }
        // Made safe as one document: a reference definition in the notes
        // could otherwise turn text in the material into a link.
        let markdown = MarkdownSafety.neutralise(own + "\n\n" + shared.markdown)
        let ownHTML = SafeMarkdown.html(own)
        let page = LayoutContext(
            title: "\(trainee.name) · \(roster.week) · \(week.title)",
            byline: HandoutByline(trainee: trainee.name, cohort: roster.cohort, supervisor: roster.supervisor),
            week: roster.week.description,
            focusTitle: week.title,
            stylesheet: stylesheet,
            body: ownHTML + shared.html,
            contentFingerprint: resources.fingerprint
        )
        let html = try resources.templates.render(Self.htmlTemplate, context: page)
        let article = "<article class=\"handout\" id=\"\(anchor)\">\n" + HeadingLevels.demote(ownHTML) + shared.demotedHTML + "</article>\n"
        return RenderedHandout(markdown: markdown, html: html, article: article)
    }
}

/// In `all.html` the cohort's title is the page's one `h1`, so each handout's
/// headings move one level down (`h1` → `h2`, ..., `h5` → `h6`; `h6` stays).
///
/// Safe as plain text surgery because the input is cmark-gfm's own safe-mode
/// output: there, `<` in anything a person typed is escaped (`&lt;`) or the
/// raw HTML is dropped, so every `<h1>`...`</h6>` is a heading cmark made.
enum HeadingLevels {
    /// Works on the UTF-8 bytes: only ASCII is ever changed, and walking
    /// Characters made this a twentieth of rendering a handout.
    static func demote(_ html: String) -> String {
        var bytes = Array(html.utf8)
        let (open, slash, letter, close) = (UInt8(ascii: "<"), UInt8(ascii: "/"), UInt8(ascii: "h"), UInt8(ascii: ">"))
        var index = 0
        while index < bytes.count {
            defer { index += 1 }
            guard bytes[index] == open else { continue }
            let digit = index + (index + 1 < bytes.count && bytes[index + 1] == slash ? 3 : 2)
            guard digit + 1 < bytes.count, bytes[digit - 1] == letter, bytes[digit + 1] == close,
                  (UInt8(ascii: "1")...UInt8(ascii: "6")).contains(bytes[digit]) else { continue }
            bytes[digit] = min(bytes[digit] + 1, UInt8(ascii: "6"))
            index = digit + 1
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
