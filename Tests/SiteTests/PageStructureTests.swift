import Site
import Testing

/// What axe-core checks in `make site-check`, as far as the markup alone shows it.
@Suite("Every page's structure")
struct PageStructureTests {
    @Test("one h1, a language, a skip link to the main landmark, labelled navigation and a footer")
    func landmarks() {
        for page in Support.pages {
            let html = Support.page(page)
            #expect(HTML.count("<h1", in: html) == 1, "\(page)")
            #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"en\">\n"), "\(page)")
            #expect(html.contains(##"<a class="skip-link" href="#mainContent">Skip to the content</a>"##), "\(page)")
            #expect(html.contains(#"<main id="mainContent" tabindex="-1">"#), "\(page)")
            #expect(html.contains(#"<nav class="site-nav" aria-label="Site">"#), "\(page)")
            #expect(html.contains(#"<nav aria-label="All sections">"#), "\(page)")
            #expect(!html.contains("<nav>"), "\(page): an unlabelled navigation landmark")
        }
    }

    @Test("headings never skip a level on the way down")
    func headingOrder() {
        let regex = try! Regex(#"<h([1-6])[ >]"#)
        for page in Support.pages {
            var previous = 0
            for match in Support.page(page).matches(of: regex) {
                let level = Int(match.output[1].substring!)!
                #expect(level <= previous + 1, "\(page): h\(level) after h\(previous)")
                previous = level
            }
        }
    }

    @Test("breadcrumbs on every page but the home page, ending at the page itself")
    func breadcrumbs() {
        #expect(!Support.page("index.html").contains("aria-label=\"Breadcrumb\""))
        let week = Support.page("weeks/noticing-withdrawal.html")
        #expect(week.contains("""
        <nav class="breadcrumbs" aria-label="Breadcrumb">
        <ol>
        <li><a href="../index.html">Home</a></li>
        <li><a href="../index.html#curriculum">Curriculum</a></li>
        <li><span aria-current="page">Week 4: Noticing withdrawal</span></li>
        </ol>
        </nav>
        """))
        for page in Support.pages where page != "index.html" {
            #expect(Support.page(page).contains("aria-label=\"Breadcrumb\""), "\(page)")
        }
    }

    @Test("previous and next lead through the curriculum in order, with none before the first or after the last")
    func pager() {
        let weeks = Support.content.weeks
        for (index, week) in weeks.enumerated() {
            let html = Support.page("weeks/\(week.id).html")
            let previous = index > 0 ? "../weeks/\(weeks[index - 1].id).html" : nil
            let next = index + 1 < weeks.count ? "../weeks/\(weeks[index + 1].id).html" : nil
            #expect(html.contains("rel=\"prev\"") == (previous != nil), "\(week.id)")
            #expect(html.contains("rel=\"next\"") == (next != nil), "\(week.id)")
            if let previous { #expect(html.contains("<a href=\"\(previous)\" rel=\"prev\">"), "\(week.id)") }
            if let next { #expect(html.contains("<a href=\"\(next)\" rel=\"next\">"), "\(week.id)") }
        }
        #expect(Support.page("weeks/the-working-alliance.html").contains(#"<nav class="pager" aria-label="Curriculum weeks">"#))
    }

    @Test("the home page offers the whole curriculum and a way into every section")
    func home() {
        let home = Support.page("index.html")
        let links = HTML.links(in: home)
        for week in Support.content.weeks { #expect(links.contains("weeks/\(week.id).html"), "\(week.id)") }
        for section in SitePipelineTests.sectionPages { #expect(links.contains(section), "\(section)") }
        #expect(home.contains("<h2 id=\"curriculum\">Curriculum</h2>"))
        #expect(home.contains("<a href=\"weeks/noticing-withdrawal.html\"><span class=\"week-number\">Week 4:</span> Noticing withdrawal</a>"))
    }

    @Test("every page links the stylesheet and a print stylesheet")
    func stylesheets() {
        #expect(Support.page("index.html").contains("<link rel=\"stylesheet\" href=\"assets/print.css\" media=\"print\">"))
        #expect(Support.page("sections/markers.html").contains("<link rel=\"stylesheet\" href=\"../assets/site.css\">"))
        #expect(Support.site["assets/print.css"]?.contains(".site-header, .breadcrumbs, .pager, .site-footer") == true)
    }
}
