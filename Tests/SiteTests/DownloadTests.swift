import Site
import Testing
import Workbook

@Suite("Blank workbooks to download")
struct DownloadTests {
    @Test("are the workbook attune build renders, in HTML and Markdown, for every week", arguments: Support.content.weeks.map(\.id))
    func sameRenderer(weekID: String) throws {
        let week = try #require(Support.content.week(weekID))
        let workbook = try WorkbookRenderer(resources: Support.resources).renderBlank(week)
        #expect(Support.site["downloads/\(weekID)-workbook.html"] == workbook.html)
        #expect(Support.site["downloads/\(weekID)-workbook.md"] == workbook.markdown)
    }

    @Test("leave every prompt open, with lines to fill in for the therapist and the week")
    func blank() throws {
        let week = try #require(Support.content.week("noticing-withdrawal"))
        let markdown = try #require(Support.site["downloads/noticing-withdrawal-workbook.md"])
        #expect(markdown.hasPrefix("""
        # Noticing withdrawal

        - **Therapist:** \\_\\_\\_\\_\\_\\_\\_\\_
        - **Week:** \\_\\_\\_\\_\\_\\_\\_\\_ (\\_\\_\\_\\_\\_\\_\\_\\_)
        - **Focus:** Noticing withdrawal

        """))
        #expect(HTML.count("*Open: not answered yet.*", in: markdown) == week.prompts.count)
        #expect(!markdown.contains("2026-W"))
        let html = try #require(Support.site["downloads/noticing-withdrawal-workbook.html"])
        #expect(html.contains("<title>Noticing withdrawal · blank workbook</title>"))
        #expect(HTML.count((#"<div class="writing-space" aria-hidden="true">"# + String(repeating: "<span></span>", count: 12) + "</div>"), in: html) == week.prompts.count)
    }
}
