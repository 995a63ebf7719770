import ContentModel
import Diagnostics
import Journal
import Rendering
import Templating

/// The week's workbook as one HTML page to fill in: the teaching cards, a
/// labelled box per prompt, and a small script that saves what is typed in
/// the browser and downloads it as the journal file `attune build` reads.
///
/// The page asks nothing of any server. Its Content-Security-Policy allows
/// no request at all, and only the exact script and stylesheet rendered
/// into it, by their SHA-256.
package struct FormRenderer: Sendable {
    package let resources: Resources

    package static let template = "form.html"
    package static let script = "form.js"
    /// The workbook's look, then the form's own rules on top.
    package static let stylesheets = [Resources.pageStylesheet, "form.css"]

    package init(resources: Resources) {
        self.resources = resources
    }

    /// The page for `therapist`'s journal of `week`, on the curriculum week
    /// `focus`. `carried` are the open ruptures `attune new` would ask about
    /// again: the downloaded journal carries them exactly as its scaffold does.
    package func render(
        therapist: String, week: ISOWeek, focus: Week, carried: [CarriedRupture] = []
    ) throws(DiagnosticError) -> String {
        let content = resources.content
        let templates = resources.templates
        let layout = JournalScaffold.layout(therapist: therapist, week: week, focus: focus, content: content, carried: carried)
        let script = templates.asset(Self.script) ?? ""
        let stylesheet = Self.stylesheets.compactMap(templates.asset).joined(separator: "\n")
        var problems: [Diagnostic] = []
        if script.isEmpty {
            problems.append(.error("the form needs its script, \(Self.script)", at: Self.templateLocation(Self.script)))
        }
        // Text that closes its own element would let the rest run as markup.
        let inlined = [(Self.script, "script")] + Self.stylesheets.map { ($0, "style") }
        for (name, tag) in inlined where (templates.asset(name) ?? "").lowercased().contains("</\(tag)") {
            problems.append(.error("cannot be placed inside the page: it contains '</\(tag)'", at: Self.templateLocation(name)))
        }
        if !problems.isEmpty { throw DiagnosticError(problems) }

        let context = FormContext(
            lang: "en",
            title: "\(week) · \(focus.title) · \(therapist)",
            therapist: therapist,
            week: week.description,
            dates: week.readableDates,
            focusTitle: focus.title,
            focusSummary: focus.summary,
            cards: try cardsHTML(focus),
            prompts: prompts(layout),
            log: logContext(week: week, carried: carried),
            sources: sourcesHTML(focus),
            fileName: Self.fileName(for: week),
            formData: FormData(therapist: therapist, week: week, layout: layout).json,
            script: script,
            stylesheet: stylesheet,
            contentSecurityPolicy: Self.contentSecurityPolicy(script: script, stylesheet: stylesheet),
            contentFingerprint: resources.fingerprint
        )
        return try templates.render(Self.template, context: context)
    }

    /// What "Download answers" saves the journal as: the name `attune new`
    /// gives it, so `attune import` of a new week adds the same file.
    package static func fileName(for week: ISOWeek) -> String { "\(week).md" }

    /// No requests of any kind; the one inline script and the one inline
    /// stylesheet by hash; pictures only if embedded, as in the workbook.
    static func contentSecurityPolicy(script: String, stylesheet: String) -> String {
        [
            "default-src 'none'",
            "script-src \(CSPHash.source(for: script))",
            "style-src \(CSPHash.source(for: stylesheet))",
            "img-src data:",
            "base-uri 'none'",
            "form-action 'none'",
        ].joined(separator: "; ")
    }

    /// The cards through the workbook's own `card.md` template and safe
    /// Markdown path, so they read exactly as in the printed workbook.
    private func cardsHTML(_ focus: Week) throws(DiagnosticError) -> String {
        let content = resources.content
        var markdown = ""
        for card in focus.cards.compactMap(content.card) {
            markdown += try resources.templates.render("card.md", context: CardContext(card: card, content: content)) + "\n"
        }
        return SafeMarkdown.html(markdown)
    }

    private func sourcesHTML(_ focus: Week) -> String? {
        let content = resources.content
        var ids: [String] = []
        for id in focus.cards.compactMap(content.card).flatMap(\.sources) where !ids.contains(id) { ids.append(id) }
        let list = ids.compactMap(content.source).map { "- \($0.citation)\n" }.joined()
        return list.isEmpty ? nil : SafeMarkdown.html(list)
    }

    /// One field per slot in the journal's layout, in the file's order.
    /// Element IDs are numbered: a prompt's ID is content, not markup.
    /// Each heading carries the prompt's number in the content model, as
    /// the workbook built from the downloaded journal will show it.
    private func prompts(_ layout: JournalLayout) -> [FormPromptContext] {
        layout.promptIDs.compactMap(resources.content.prompt).enumerated().map { index, prompt in
            let heading = prompt.kind == .wish
                ? "Prompt \(prompt.number) · What I wish I'd known: \(prompt.text)"
                : "Prompt \(prompt.number) · \(prompt.text)"
            return FormPromptContext(
                promptID: prompt.id, heading: heading, hint: prompt.hint,
                fieldID: "answer-\(index + 1)", hintID: "hint-\(index + 1)"
            )
        }
    }

    /// The rupture log's controls: every choice with its card's summary,
    /// labelled with the card's number and title as the workbook's log table
    /// will show it (the value saved is still the card's ID, which the
    /// downloaded journal spells as a title the reader accepts), grouped as
    /// the Markdown comment groups them, and the carried-forward
    /// questions with what was tried. Element IDs inside the entry template
    /// are numbered; the script gives each entry its own prefix.
    private func logContext(week: ISOWeek, carried: [CarriedRupture]) -> FormLogContext {
        let content = resources.content
        var number = 0
        func choices(_ cards: [Card]) -> [FormChoiceContext] {
            cards.map { card in
                number += 1
                return FormChoiceContext(id: card.id, title: card.numberedTitle, summary: card.summary, n: number, type: card.ruptureType ?? "")
            }
        }
        let types = content.cards(in: .ruptureTypes).map { type in
            // A rupture type is a card too, and is named as one.
            FormChoiceGroupContext(
                id: type.id, title: type.numberedTitle,
                choices: choices(content.cards(in: .markers).filter { $0.ruptureType == type.id })
            )
        }.filter { !$0.choices.isEmpty }
        let repairs = SectionID.repairSections.map { section in
            FormChoiceGroupContext(
                id: section.rawValue, title: content.section(section)?.title ?? section.rawValue,
                choices: choices(content.cards(in: section))
            )
        }.filter { !$0.choices.isEmpty }
        let components = AllianceComponent.allCases.map { component in
            FormChoiceContext(
                id: component.rawValue, title: component.title,
                summary: content.card(component.cardID)?.summary ?? "", n: 0, type: ""
            )
        }
        var weeks: [FormWeekContext] = []
        var earlier = week
        for _ in 0..<Self.earlierWeeks {
            earlier = earlier.previous
            weeks.append(FormWeekContext(value: earlier.description, label: "\(earlier) (\(earlier.readableDates))"))
        }
        let questions = carried.enumerated().map { index, item in
            FormCarriedContext(
                client: item.client,
                question: RuptureCarryForward.question(for: item.client),
                lines: JournalScaffold.carriedSummary(item, content: content),
                fieldID: "follow-up-\(index + 1)",
                aboutID: "follow-up-\(index + 1)-about"
            )
        }
        return FormLogContext(
            week: week.description, types: types, triggers: choices(content.cards(in: .triggers)),
            components: components, repairs: repairs, weeks: weeks, carried: questions, hasCarried: !questions.isEmpty
        )
    }

    /// How far back an entry's week may be chosen in the form: a session
    /// logged late is logged within weeks, and the Markdown takes any week.
    static let earlierWeeks = 8

    static func templateLocation(_ name: String) -> SourceLocation {
        SourceLocation(path: "Templates/\(name)", line: 1, column: 1)
    }
}

/// What `form.html.mustache` can name. Mustache escapes every field but the
/// trusted ones: `cards` and `sources` (cmark-gfm's safe HTML), `formData`
/// (JSON escaped for a script element), `script` and `stylesheet`.
struct FormContext: Encodable {
    let lang: String
    let title: String
    let therapist: String
    let week: String
    let dates: String
    let focusTitle: String
    let focusSummary: String
    let cards: String
    let prompts: [FormPromptContext]
    let log: FormLogContext
    let sources: String?
    let fileName: String
    let formData: String
    let script: String
    let stylesheet: String
    let contentSecurityPolicy: String
    let contentFingerprint: String
}

struct FormPromptContext: Encodable {
    let promptID: String
    let heading: String
    let hint: String?
    let fieldID: String
    let hintID: String
}


struct FormLogContext: Encodable {
    let week: String
    let types: [FormChoiceGroupContext]
    let triggers: [FormChoiceContext]
    let components: [FormChoiceContext]
    let repairs: [FormChoiceGroupContext]
    let weeks: [FormWeekContext]
    let carried: [FormCarriedContext]
    let hasCarried: Bool
}

struct FormChoiceGroupContext: Encodable {
    let id: String
    let title: String
    let choices: [FormChoiceContext]
}

/// A card to choose: its ID as the control's value, "Card N · title" as
/// the label, its summary as the description; `n` numbers its element IDs.
/// An alliance component has no number: it is a rating, not a card.
struct FormChoiceContext: Encodable {
    let id: String
    let title: String
    let summary: String
    let n: Int
    /// A marker's rupture type, so the script can keep an entry to one type.
    let type: String
}

struct FormWeekContext: Encodable {
    let value: String
    let label: String
}

struct FormCarriedContext: Encodable {
    let client: String
    let question: String
    let lines: [String]
    let fieldID: String
    let aboutID: String
}
