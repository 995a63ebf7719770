import ContentModel
import Diagnostics

/// One of the site's section pages: the content model's card sections in
/// reading order, then the two kinds of prompt, then the sources.
enum SectionPage: Hashable, Sendable {
    case cards(SectionID)
    case prompts(PromptKind)
    case sources

    /// Also the page's file name: `sections/<slug>.html`.
    var slug: String {
        switch self {
        case .cards(let section): return section.rawValue
        case .prompts(.reflection): return "reflection-questions"
        case .prompts(.wish): return "what-i-wish-id-known"
        case .sources: return "sources"
        }
    }

    var path: SitePath { SitePath("sections/\(slug).html") }
}

/// Every kind of page; each has its own template in `Templates/site/`.
enum PageKind: Hashable, Sendable {
    case home
    case section(SectionPage)
    /// A curriculum week, by its position in the curriculum.
    case week(Int)
    case search
    case notFound

    var template: String {
        switch self {
        case .home: return "site/home.html"
        case .section(.cards): return "site/section.html"
        case .section(.prompts): return "site/prompts.html"
        case .section(.sources): return "site/sources.html"
        case .week: return "site/week.html"
        case .search: return "site/search.html"
        case .notFound: return "site/not-found.html"
        }
    }
}

/// A link with its text, as breadcrumbs and the pager print it.
struct PageLink: Sendable {
    let title: String
    let path: SitePath
    var anchor: String? = nil
}

/// One page, planned: where it goes, what it is called, and where it sits
/// among the others. Nothing is rendered yet.
struct Page: Sendable {
    let kind: PageKind
    let path: SitePath
    /// Plain text: the page's `h1`, and the start of its `<title>`.
    let title: String
    /// From the home page down to (not including) this page.
    let breadcrumbs: [PageLink]
    let previous: PageLink?
    let next: PageLink?
    /// Listed in `sitemap.xml` and given a canonical link.
    var isPublic: Bool { kind != .notFound }
}

/// The shape of the site, worked out from the content model alone: every
/// page, its path and title, and where every card, prompt and source lives.
struct SitePlan: Sendable {
    /// Names material loaded without a `site.yaml` (the bundled content has one).
    static let untitled = SiteSettings(
        title: "Training material", description: "Teaching material for reflective practice, made with Attune.",
        titleLocation: SourceLocation(path: SiteSettings.fileName, line: 1, column: 1),
        descriptionLocation: SourceLocation(path: SiteSettings.fileName, line: 1, column: 1))

    let content: ContentModel
    /// The programme's own name, description and version (`site.yaml`).
    var settings: SiteSettings { content.site ?? Self.untitled }
    /// Plain text: the home page's `h1`, the header of every page and the
    /// end of every `<title>`.
    var siteName: String { settings.title }
    let sections: [SectionPage]
    let pages: [Page]

    init(content: ContentModel) {
        self.content = content
        let sections = SectionID.allCases.filter { !content.cards(in: $0).isEmpty }.map(SectionPage.cards)
            + PromptKind.allCases.filter { kind in content.prompts.contains { $0.kind == kind } }.map(SectionPage.prompts)
            + (content.sources.isEmpty ? [] : [.sources])
        self.sections = sections

        let home = PageLink(title: "Home", path: .home)
        let curriculum = PageLink(title: "Curriculum", path: .home, anchor: "curriculum")
        let sectionsLink = PageLink(title: "Sections", path: .home, anchor: "sections")
        var pages = [Page(kind: .home, path: .home, title: content.site?.title ?? Self.untitled.title, breadcrumbs: [], previous: nil, next: nil)]

        let sectionLinks = sections.map { PageLink(title: Self.title(of: $0, in: content), path: $0.path) }
        for (index, section) in sections.enumerated() {
            pages.append(Page(
                kind: .section(section), path: section.path, title: sectionLinks[index].title,
                breadcrumbs: [home, sectionsLink],
                previous: index > 0 ? sectionLinks[index - 1] : nil,
                next: index + 1 < sectionLinks.count ? sectionLinks[index + 1] : nil
            ))
        }
        let weekLinks = content.weeks.indices.map { PageLink(title: Self.title(ofWeek: $0, in: content), path: Self.path(ofWeek: content.weeks[$0])) }
        for (index, link) in weekLinks.enumerated() {
            pages.append(Page(
                kind: .week(index), path: link.path, title: link.title,
                breadcrumbs: [home, curriculum],
                previous: index > 0 ? weekLinks[index - 1] : nil,
                next: index + 1 < weekLinks.count ? weekLinks[index + 1] : nil
            ))
        }
        pages.append(Page(kind: .search, path: .search, title: "Search", breadcrumbs: [home], previous: nil, next: nil))
        pages.append(Page(kind: .notFound, path: .notFound, title: "Page not found", breadcrumbs: [home], previous: nil, next: nil))
        self.pages = pages
    }

    static func title(of section: SectionPage, in content: ContentModel) -> String {
        switch section {
        case .cards(let id): return content.section(id)?.title ?? id.rawValue
        case .prompts(.reflection): return "Reflection questions"
        case .prompts(.wish): return "What I wish I'd known"
        case .sources: return "Sources"
        }
    }

    static func title(ofWeek index: Int, in content: ContentModel) -> String {
        "Week \(index + 1): \(content.weeks[index].title)"
    }

    static func path(ofWeek week: Week) -> SitePath { SitePath("weeks/\(week.id).html") }

    /// The blank workbook for a week, in each format `attune build` writes.
    static func download(ofWeek week: Week, fileExtension: String) -> SitePath {
        SitePath("downloads/\(week.id)-workbook.\(fileExtension)")
    }

    // Every item's home: its section page, at an anchor named by its ID.

    func link(toCard id: String) -> PageLink? {
        content.card(id).map { PageLink(title: $0.title, path: SectionPage.cards($0.section).path, anchor: $0.id) }
    }

    func link(toPrompt id: String) -> PageLink? {
        content.prompt(id).map { PageLink(title: $0.text, path: SectionPage.prompts($0.kind).path, anchor: $0.id) }
    }

    func link(toSource id: String) -> PageLink? {
        content.source(id).map { PageLink(title: $0.short, path: SectionPage.sources.path, anchor: $0.id) }
    }

    func link(toWeek id: String) -> PageLink? {
        content.weeks.firstIndex { $0.id == id }.map {
            PageLink(title: Self.title(ofWeek: $0, in: content), path: Self.path(ofWeek: content.weeks[$0]))
        }
    }
}
