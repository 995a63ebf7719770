/// What the templates in `Templates/site/` can name. Mustache escapes every
/// field except those ending in `HTML` (cmark-gfm's safe output) and the
/// layout's `body`; every `href` is already relative to the page.
///
/// Mustache looks a name up the context stack, so an optional nested field
/// that is `nil` would fall through to an outer field of the same name: no
/// optional field below the page reuses a page-level name (a test checks).

/// The frame around every page: head, skip link, navigation, footer.
///
/// Not the printed pages' `LayoutContext` (Rendering): a site page is
/// navigation around an HTML body, with no one it is written for, and its
/// template names none of a workbook's or handout's fields.
struct SiteLayoutContext: Encodable {
    let lang: String
    /// The `<title>`: the page's title, then the site's name.
    let title: String
    let siteName: String
    /// `site.yaml`'s description: every page's `<meta name="description">`.
    let description: String
    /// The logo's bytes in base64, under its format's name, so the template
    /// can name each kind of embedded picture literally (`data:image/png`).
    let logoPNG: String?
    let logoJPEG: String?
    let logoWebP: String?
    /// `""` or `"../"`: the way back to the site's root.
    let root: String
    /// The 404 page only, with `--base-url`: hosts serve it at any depth.
    let baseHref: String?
    /// With `--base-url`: the page's absolute address.
    let canonical: String?
    let breadcrumbs: [LinkContext]
    let hasBreadcrumbs: Bool
    let current: String
    let sections: [LinkContext]
    let body: String
    let fingerprint: String
    /// "Material version of 5 December 2026 (fingerprint …)", for the footer.
    let materialVersion: String
    /// As strict as a workbook's: nothing loads but the site's own
    /// stylesheets, the search page's own script by hash, embedded pictures.
    let contentSecurityPolicy: String
}

struct LinkContext: Encodable {
    let href: String
    let text: String
}

/// "Answered by", "Sources", ...: one line of a card's cross-links.
struct LinkGroupContext: Encodable {
    let label: String
    let links: [LinkContext]
}

struct PagerContext: Encodable {
    /// Names the navigation landmark, e.g. "Curriculum weeks".
    let label: String
    let previous: LinkContext?
    let next: LinkContext?
}

/// A card on a section or week page. Not the shared `CardContext`
/// (Rendering), which the `card.md` partial reads: that one's text is
/// Markdown-escaped for a Markdown page, where this one's is plain text for
/// Mustache to HTML-escape, with the body already HTML and the card's
/// cross-links beside it.
struct SiteCardContext: Encodable {
    let id: String
    /// The content model's number for the card, as workbooks and handouts show it.
    let number: Int
    /// `h2` on a section page, `h3` under a week's "Teaching cards".
    let heading: String
    let title: String
    let summary: String
    let bodyHTML: String
    let points: [String]
    let hasPoints: Bool
    let groupName: String?
    let linkGroups: [LinkGroupContext]
    let hasLinks: Bool
}

struct PromptItemContext: Encodable {
    let id: String
    /// The content model's number for the prompt, as workbooks and handouts show it.
    let number: Int
    let heading: String
    let text: String
    let hint: String?
    let linkGroups: [LinkGroupContext]
    let hasLinks: Bool
}

struct HomeContext: Encodable {
    let title: String
    /// `site.yaml`'s description, as the page's lead paragraph.
    let description: String
    let weeks: [WeekSummaryContext]
    let sections: [SectionSummaryContext]
    let searchHref: String
}

struct WeekSummaryContext: Encodable {
    let href: String
    let number: Int
    let title: String
    let summary: String
}

struct SectionSummaryContext: Encodable {
    let href: String
    let title: String
    /// "14 cards", "22 prompts"
    let count: String
}

struct SectionContext: Encodable {
    let title: String
    let introHTML: String?
    let codebook: String?
    let cards: [SiteCardContext]
    let pager: PagerContext?
}

struct PromptsContext: Encodable {
    let title: String
    let intro: String
    let prompts: [PromptItemContext]
    let pager: PagerContext?
}

struct SourcesContext: Encodable {
    let title: String
    /// Every source in file order (for templates written before `groups`).
    let sources: [SourceItemContext]
    /// The same sources by kind: articles, books, manuals, guidance, law.
    let groups: [SourceGroupContext]
    let pager: PagerContext?
}

struct SourceGroupContext: Encodable {
    let title: String
    let sources: [SourceItemContext]
}

struct SourceItemContext: Encodable {
    let id: String
    let short: String
    let citationHTML: String
    let linkGroups: [LinkGroupContext]
    let hasLinks: Bool
}

struct WeekContext: Encodable {
    let title: String
    let summary: String
    let downloads: [LinkContext]
    let cards: [SiteCardContext]
    let reflections: [PromptItemContext]
    let wishes: [PromptItemContext]
    let pager: PagerContext?
}

struct SearchContext: Encodable {
    let title: String
    let entries: [SearchEntryContext]
    /// The search index as JSON, safe inside a `<script>` data block.
    let indexJSON: String
    /// `search.js`, inline: the page's Content-Security-Policy allows it by
    /// hash (a file loaded by `src` cannot be checked by hash from file://).
    /// `TemplateSet` has refused a script that could close its element.
    let script: String
}

struct SearchEntryContext: Encodable {
    let href: String
    let title: String
    let kind: String
    let snippet: String?
}

struct NotFoundContext: Encodable {
    let title: String
    let homeHref: String
    let curriculumHref: String
    let searchHref: String
}
