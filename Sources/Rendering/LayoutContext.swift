/// What a printed page's HTML template (`workbook.html`, `handout.html`)
/// wraps around cmark-gfm's output. Mustache escapes every field but `body`
/// and `stylesheet`, which Attune made.
///
/// The pages differ only in who they are for: `byline` holds those fields
/// (the therapist; the trainee, cohort and supervisor). They are encoded
/// beside the page's own, as if declared here, so each template names them
/// directly, and a template naming another page's field is still an error
/// rather than an empty string.
package struct LayoutContext<Byline: Encodable>: Encodable {
    package var lang = "en"
    package var title: String
    package var byline: Byline
    package var week: String
    package var focusTitle: String
    package var stylesheet: String
    package var body: String
    package var contentFingerprint: String

    package init(
        title: String, byline: Byline, week: String, focusTitle: String, stylesheet: String, body: String, contentFingerprint: String
    ) {
        self.title = title
        self.byline = byline
        self.week = week
        self.focusTitle = focusTitle
        self.stylesheet = stylesheet
        self.body = body
        self.contentFingerprint = contentFingerprint
    }

    private enum CodingKeys: String, CodingKey {
        case lang, title, week, focusTitle, stylesheet, body, contentFingerprint
    }

    /// The byline's fields after the title, where both pages have always
    /// listed them (a template error lists the fields in this order).
    package func encode(to encoder: any Encoder) throws {
        var head = encoder.container(keyedBy: CodingKeys.self)
        try head.encode(lang, forKey: .lang)
        try head.encode(title, forKey: .title)
        try byline.encode(to: encoder)
        var rest = encoder.container(keyedBy: CodingKeys.self)
        try rest.encode(week, forKey: .week)
        try rest.encode(focusTitle, forKey: .focusTitle)
        try rest.encode(stylesheet, forKey: .stylesheet)
        try rest.encode(body, forKey: .body)
        try rest.encode(contentFingerprint, forKey: .contentFingerprint)
    }
}

extension Resources {
    /// `workbook.css`: the printed pages' look. The workbook's own, and the
    /// base that the handouts' and the form's stylesheets add to.
    package static let pageStylesheet = "workbook.css"
}
