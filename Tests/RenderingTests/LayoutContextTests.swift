import Diagnostics
import Rendering
import Templating
import Testing

/// The printed pages' layout: the shared fields, and the byline's beside them.
@Suite("The printed pages' layout")
struct LayoutContextTests {
    struct Therapist: Encodable { let therapist: String }
    struct Trainee: Encodable {
        let trainee: String
        let cohort: String
    }

    static func templates(_ text: String) throws -> TemplateSet {
        try TemplateSet(layers: [[SourceFile(path: "t/page.md.mustache", name: "page.md.mustache", text: text)]])
    }

    static func layout<Byline: Encodable>(_ byline: Byline) -> LayoutContext<Byline> {
        LayoutContext(title: "T", byline: byline, week: "2026-W47", focusTitle: "F", stylesheet: "css", body: "B", contentFingerprint: "fp")
    }

    @Test("a template names the byline's fields as it names the page's")
    func bylineBesideThePage() throws {
        let set = try Self.templates("{{lang}}|{{title}}|{{therapist}}|{{week}}|{{focusTitle}}|{{stylesheet}}|{{body}}|{{contentFingerprint}}")
        #expect(try set.render("page.md", context: Self.layout(Therapist(therapist: "Sam"))) == "en|T|Sam|2026-W47|F|css|B|fp")
        let handout = try Self.templates("{{trainee}} of {{cohort}}, {{week}}")
        #expect(try handout.render("page.md", context: Self.layout(Trainee(trainee: "Ana", cohort: "Spring"))) == "Ana of Spring, 2026-W47")
    }

    @Test("a field of another page's byline is an error, listing the page's fields in order")
    func otherBylineIsAnError() throws {
        let set = try Self.templates("{{trainee}}")
        let error = try #require(throws: DiagnosticError.self) {
            try set.render("page.md", context: Self.layout(Therapist(therapist: "Sam")))
        }
        #expect(error.diagnostics.map(\.description) == [
            "t/page.md.mustache:1:1: error: 'trainee' is not in the page.md context "
                + "(lang, title, therapist, week, focusTitle, stylesheet, body, contentFingerprint)",
        ])
    }

    @Test("the printed pages' stylesheet is the workbook's")
    func stylesheet() {
        #expect(Resources.pageStylesheet == "workbook.css")
        #expect(Fixtures.resources.templates.asset(Resources.pageStylesheet)?.isEmpty == false)
    }
}
