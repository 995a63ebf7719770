import ContentModel
import Diagnostics
import Foundation
import Rendering
import Sharing
import Templating

/// A finished file of the site, in memory.
package struct SiteFile: Sendable {
    package let path: SitePath
    package let text: String
    /// The content the file shows, with where each piece was written.
    package let sources: [PageSource]
    /// A file that is not text (a blank workbook's PDF): its bytes.
    package var data: Data? = nil

    /// What is written: `data`, or `text` as UTF-8.
    var bytes: Data { data ?? Data(text.utf8) }
}

/// A piece of the material as written in the content files: what a check
/// on everything about to be published (the `screen` step) reads.
package typealias PageSource = MaterialItem

/// Renders one planned page: builds its template context from the content
/// model, renders the page's own template, then wraps it in the layout.
struct PageRenderer: Sendable {
    static let layoutTemplate = "site/layout.html"

    let resources: Resources
    let plan: SitePlan
    let references: CrossReferences
    let baseURL: BaseURL?
    var logo: SiteLogo? = nil
    /// Whether each week's downloads list its blank workbook as a PDF (`site --pdf`).
    var withPDF = false

    private var content: ContentModel { plan.content }

    func render(_ page: Page) throws(DiagnosticError) -> SiteFile {
        var sources: [PageSource] = []
        let context: any Encodable
        switch page.kind {
        case .home: context = home(page, sources: &sources)
        case .section(.cards(let id)): context = section(id, page, sources: &sources)
        case .section(.prompts(let kind)): context = prompts(kind, page, sources: &sources)
        case .section(.sources): context = sourceList(page, sources: &sources)
        case .week(let index): context = week(content.weeks[index], page, sources: &sources)
        case .search: context = search(page, sources: &sources)
        case .notFound: context = NotFoundContext(
            title: page.title, homeHref: SitePath.home.href(from: page.path),
            curriculumHref: SitePath.home.href(from: page.path, anchor: "curriculum"),
            searchHref: SitePath.search.href(from: page.path))
        }
        let body = try resources.templates.render(page.kind.template, context: context)
        let layout = SiteLayoutContext(
            lang: "en",
            title: page.kind == .home ? plan.siteName : "\(page.title) · \(plan.siteName)",
            siteName: plan.siteName,
            description: plan.settings.description,
            logoPNG: logo?.format == .png ? logo?.base64 : nil,
            logoJPEG: logo?.format == .jpeg ? logo?.base64 : nil,
            logoWebP: logo?.format == .webp ? logo?.base64 : nil,
            root: String(repeating: "../", count: page.path.depth),
            baseHref: page.kind == .notFound ? baseURL.map { $0.value + "/" } : nil,
            canonical: page.isPublic ? baseURL?.url(of: page.path) : nil,
            breadcrumbs: page.breadcrumbs.map { link($0, from: page.path) },
            hasBreadcrumbs: !page.breadcrumbs.isEmpty,
            current: page.title,
            sections: plan.sections.map { LinkContext(href: $0.path.href(from: page.path), text: SitePlan.title(of: $0, in: content)) },
            body: body,
            fingerprint: resources.fingerprint,
            materialVersion: Self.materialVersion(
                plan.settings.version, fingerprint: resources.fingerprint, overlay: content.overlayFingerprint),
            contentSecurityPolicy: Self.contentSecurityPolicy(
                script: page.kind == .search ? searchScript : nil,
                base: page.kind == .notFound ? baseURL.map { $0.value + "/" } : nil)
        )
        let html = try resources.templates.render(Self.layoutTemplate, context: layout)
        return SiteFile(path: page.path, text: html, sources: sources)
    }

    /// The footer's account of which material made the page, in words
    /// rather than a bare hash, from the content alone (never the clock):
    /// "Material version of 5 December 2026 (fingerprint …)"; with a
    /// `--content` folder, its own fingerprint too, so a change to the
    /// programme's cards shows even when the date was not changed.
    static func materialVersion(_ version: MaterialDate?, fingerprint: String, overlay: String? = nil) -> String {
        let prints = "fingerprint \(fingerprint)" + (overlay.map { ", local content \($0)" } ?? "")
        guard let version else { return "Material without a version date (\(prints))" }
        return "Material version of \(version.words) (\(prints))"
    }

    /// The search page's script, placed inline.
    var searchScript: String { resources.templates.asset(Self.searchScriptAsset) ?? "" }

    static let searchScriptAsset = "site/search.js"

    /// Nothing from elsewhere: the site's own stylesheets (`'self'`), the
    /// search page's own script by hash, embedded pictures, no plugins,
    /// frames or forms sent anywhere but the site, and no `<base>` but the
    /// 404 page's own. The `<meta>` comes before `<base>`, so it governs it.
    static func contentSecurityPolicy(script: String?, base: String?) -> String {
        [
            "default-src 'none'",
            "style-src 'self'",
            "img-src data:",
            script.map { "script-src \(CSPHash.source(for: $0))" },
            // A base URL is http(s) with no quote, blank or `<>`; `;` and `,`
            // would end the directive, so they are percent-encoded.
            "base-uri " + (base.map { $0.replacingOccurrences(of: ";", with: "%3B").replacingOccurrences(of: ",", with: "%2C") } ?? "'none'"),
            "form-action 'self'",
        ].compactMap { $0 }.joined(separator: "; ")
    }

    // MARK: - Pages

    private func home(_ page: Page, sources: inout [PageSource]) -> HomeContext {
        if let site = content.site {
            sources.append(PageSource(location: site.titleLocation, text: site.title))
            sources.append(PageSource(location: site.descriptionLocation, text: site.description))
        }
        return HomeContext(
            title: page.title,
            description: plan.settings.description,
            weeks: content.weeks.enumerated().map { index, week in
                sources.append(PageSource(location: week.location, text: week.title + "\n" + week.summary))
                return WeekSummaryContext(
                    href: SitePlan.path(ofWeek: week).href(from: page.path), number: index + 1,
                    title: week.title, summary: week.summary)
            },
            sections: plan.sections.map { section in
                SectionSummaryContext(
                    href: section.path.href(from: page.path), title: SitePlan.title(of: section, in: content),
                    count: count(of: section))
            },
            searchHref: SitePath.search.href(from: page.path)
        )
    }

    private func section(_ id: SectionID, _ page: Page, sources: inout [PageSource]) -> SectionContext {
        let section = content.section(id)
        if let section, let intro = section.intro {
            sources.append(PageSource(location: section.location, text: section.title + "\n" + intro))
        }
        return SectionContext(
            title: page.title,
            introHTML: section?.intro.map { MarkdownFragment.html($0, headingsBelow: 1) },
            codebook: section?.codebook,
            cards: content.cards(in: id).map { card($0, heading: 2, on: page, sources: &sources) },
            pager: pager(page, label: "Sections")
        )
    }

    private func prompts(_ kind: PromptKind, _ page: Page, sources: inout [PageSource]) -> PromptsContext {
        let intro = kind == .reflection
            ? "Questions to answer in your weekly journal. Each week of the curriculum picks a few; the trigger categories point to the ones that fit them."
            : "Prompts that close each week: what you would tell yourself a few weeks ago, now that you know more."
        return PromptsContext(
            title: page.title, intro: intro,
            prompts: content.prompts.filter { $0.kind == kind }.map { prompt in
                sources.append(PageSource(location: prompt.location, text: [prompt.text, prompt.hint ?? ""].joined(separator: "\n")))
                return promptItem(prompt, heading: 2, groups: [
                    group("Trigger categories", references.triggersForPrompt[prompt.id, default: []].compactMap(plan.link(toCard:)), from: page.path),
                    group("In the curriculum", references.weeksUsing[prompt.id, default: []].compactMap(plan.link(toWeek:)), from: page.path),
                ])
            },
            pager: pager(page, label: "Sections")
        )
    }

    /// The sources page's groups, in reading order: a programme director
    /// checking the material sees the research apart from the codes and law.
    static let sourceGroups: [(kind: SourceKind?, title: String)] = [
        (.article, "Journal articles"), (.book, "Books"), (.report, "Research manuals and reports"),
        (.guidance, "Professional guidance and codes"), (.legislation, "Law and regulation"),
        (nil, "Other references"),
    ]

    private func sourceList(_ page: Page, sources: inout [PageSource]) -> SourcesContext {
        let items = content.sources.map { source in
            sources.append(PageSource(location: source.location, text: source.short + "\n" + source.citation, isCitation: true))
            let cited = references.citingCards[source.id, default: []].compactMap(plan.link(toCard:))
            let groups = [group("Cited by", cited, from: page.path)].compactMap { $0 }
            return (source.kind, SourceItemContext(
                id: source.id, short: source.short,
                citationHTML: MarkdownFragment.html(source.citation, headingsBelow: 3),
                linkGroups: groups, hasLinks: !groups.isEmpty))
        }
        return SourcesContext(
            title: page.title,
            sources: items.map(\.1),
            groups: Self.sourceGroups.compactMap { kind, title in
                let members = items.filter { $0.0 == kind }.map(\.1)
                return members.isEmpty ? nil : SourceGroupContext(title: title, sources: members)
            },
            pager: pager(page, label: "Sections")
        )
    }

    private func week(_ week: Week, _ page: Page, sources: inout [PageSource]) -> WeekContext {
        sources.append(PageSource(location: week.location, text: week.title + "\n" + week.summary))
        let prompts = week.prompts.compactMap(content.prompt)
        func item(_ prompt: Prompt) -> PromptItemContext {
            sources.append(PageSource(location: prompt.location, text: [prompt.text, prompt.hint ?? ""].joined(separator: "\n")))
            let home = plan.link(toPrompt: prompt.id).map { PageLink(title: SitePlan.title(of: .prompts(prompt.kind), in: content), path: $0.path, anchor: $0.anchor) }
            return promptItem(prompt, heading: 3, groups: [group("Listed in", [home].compactMap { $0 }, from: page.path)])
        }
        return WeekContext(
            title: page.title,
            summary: week.summary,
            downloads: [
                LinkContext(href: SitePlan.download(ofWeek: week, fileExtension: "html").href(from: page.path),
                            text: "Blank workbook for this week (HTML, ready to print)"),
                LinkContext(href: SitePlan.download(ofWeek: week, fileExtension: "md").href(from: page.path),
                            text: "Blank workbook for this week (Markdown)"),
            ] + (withPDF ? [
                LinkContext(href: SitePlan.download(ofWeek: week, fileExtension: "pdf").href(from: page.path),
                            text: "Blank workbook for this week (PDF, A4)"),
            ] : []),
            cards: week.cards.compactMap(content.card).map { card($0, heading: 3, on: page, sources: &sources) },
            reflections: prompts.filter { $0.kind == .reflection }.map(item),
            wishes: prompts.filter { $0.kind == .wish }.map(item),
            pager: pager(page, label: "Curriculum weeks")
        )
    }

    private func search(_ page: Page, sources: inout [PageSource]) -> SearchContext {
        let entries = SearchIndex.entries(plan: plan)
        return SearchContext(
            title: page.title,
            entries: entries.map { entry in
                let target = entry.url.split(separator: "#", maxSplits: 1).map(String.init)
                return SearchEntryContext(
                    href: SitePath(target[0]).href(from: page.path, anchor: target.count > 1 ? target[1] : nil),
                    title: entry.title, kind: entry.kind, snippet: entry.summary.isEmpty ? nil : entry.summary)
            },
            indexJSON: SearchIndex.json(SearchIndex.data(entries)),
            script: searchScript
        )
    }

    // MARK: - Parts

    /// A card with every cross-link the content model gives it, both ways.
    private func card(_ card: Card, heading: Int, on page: Page, sources: inout [PageSource]) -> SiteCardContext {
        sources.append(PageSource(
            location: card.location,
            text: ([card.title, card.summary, card.body] + card.points).joined(separator: "\n")))
        let from = page.path
        let home: [PageLink] = page.kind == .section(.cards(card.section)) ? [] : [
            PageLink(title: SitePlan.title(of: .cards(card.section), in: content), path: SectionPage.cards(card.section).path, anchor: card.id),
        ]
        let groups = [
            group("In the section", home, from: from),
            group("Rupture type", [card.ruptureType].compactMap { $0 }.compactMap(plan.link(toCard:)), from: from),
            group("Answered by", card.answeredBy.compactMap(plan.link(toCard:)), from: from),
            group("Markers of this type", references.markersOfType[card.id, default: []].compactMap(plan.link(toCard:)), from: from),
            group("Answers these markers", references.markersAnswered[card.id, default: []].compactMap(plan.link(toCard:)), from: from),
            group("Prompts to work through", card.prompts.compactMap(plan.link(toPrompt:)), from: from),
            // A synthesis card says so wherever its sources are listed.
            group(card.basis == .synthesis ? "Attune’s synthesis, drawing on" : "Sources",
                  card.sources.compactMap(plan.link(toSource:)), from: from),
            group("In the curriculum", references.weeksUsing[card.id, default: []].compactMap(plan.link(toWeek:)), from: from),
        ].compactMap { $0 }
        return SiteCardContext(
            id: card.id, number: card.number, heading: "h\(heading)", title: card.title, summary: card.summary,
            bodyHTML: MarkdownFragment.html(card.body, headingsBelow: heading),
            points: card.points, hasPoints: !card.points.isEmpty,
            groupName: card.group.map { "\($0.prefix(1).uppercased())\($0.dropFirst())" },
            linkGroups: groups, hasLinks: !groups.isEmpty
        )
    }

    private func promptItem(_ prompt: Prompt, heading: Int, groups: [LinkGroupContext?]) -> PromptItemContext {
        let groups = groups.compactMap { $0 }
        return PromptItemContext(
            id: prompt.id, number: prompt.number, heading: "h\(heading)", text: prompt.text, hint: prompt.hint,
            linkGroups: groups, hasLinks: !groups.isEmpty)
    }

    /// `nil` when there is nothing to link to, so the label is not printed alone.
    private func group(_ label: String, _ targets: [PageLink], from page: SitePath) -> LinkGroupContext? {
        targets.isEmpty ? nil : LinkGroupContext(label: label, links: targets.map { link($0, from: page) })
    }

    private func link(_ target: PageLink, from page: SitePath) -> LinkContext {
        LinkContext(href: target.path.href(from: page, anchor: target.anchor), text: target.title)
    }

    private func pager(_ page: Page, label: String) -> PagerContext? {
        guard page.previous != nil || page.next != nil else { return nil }
        return PagerContext(
            label: label,
            previous: page.previous.map { link($0, from: page.path) },
            next: page.next.map { link($0, from: page.path) })
    }

    private func count(of section: SectionPage) -> String {
        let count: Int
        let noun: String
        switch section {
        case .cards(let id): (count, noun) = (content.cards(in: id).count, "card")
        case .prompts(let kind): (count, noun) = (content.prompts.filter { $0.kind == kind }.count, "prompt")
        case .sources: (count, noun) = (content.sources.count, "source")
        }
        return "\(count) \(noun)\(count == 1 ? "" : "s")"
    }
}
