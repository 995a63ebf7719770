import Diagnostics

/// The sections of the teaching material, in the order a reader meets them.
package enum SectionID: String, CaseIterable, Sendable, Codable {
    case alliance
    case ruptureTypes = "rupture-types"
    case markers
    case noticing
    case triggers
    case internalStates = "internal-states"
    case repairSteps = "repair-steps"
    case practices
    case repairMarks = "repair-marks"
    case strategies
    case blindspots
    case lenses
    case ethics

    /// The `group` values a section's cards may take; empty where cards have no group.
    package var groups: [String] {
        switch self {
        case .noticing: return ["direct", "quiet", "nonverbal"]
        case .strategies: return ["immediate", "exploratory"]
        default: return []
        }
    }

    /// Sections whose cards can answer a marker.
    package static let repairSections: [SectionID] = [.repairSteps, .practices, .strategies]
}

/// A section heading and its introduction, gathered from every file that names it.
package struct Section: Sendable {
    package var id: SectionID
    package var title: String
    /// Markdown.
    package var intro: String?
    /// The research codebook the section's names come from, e.g. `3RS-2015`.
    package var codebook: String?
    package var location: SourceLocation
}

/// One teaching card: a short, citable piece of the material.
package struct Card: Sendable {
    package var id: String
    /// "Card 12": the same in every workbook, handout and site page, so a
    /// supervisor's "card 12" means one card. Given by `ContentModel` alone
    /// (see `ContentModel.assignNumbers`), never by a renderer.
    package internal(set) var number = 0
    package var section: SectionID
    package var title: String
    /// One plain sentence.
    package var summary: String
    /// Markdown.
    package var body: String
    package var points: [String]
    /// Source IDs: every card cites at least one (see `SourceValidator`).
    package var sources: [String]
    /// How the card stands to its sources: taken from them, or Attune's own
    /// synthesis of them (the card then says so, and cites what it draws on).
    package var basis: CardBasis = .cited
    /// Markers only: the rupture-types card it belongs to.
    package var ruptureType: String?
    /// Markers only: repair steps, practices or strategies that answer it.
    package var answeredBy: [String]
    /// Noticing and strategies only.
    package var group: String?
    /// Triggers only: reflection prompts to work through.
    package var prompts: [String]
    package var location: SourceLocation
    /// Where each ID this card names was written, for precise errors.
    package var references: [Reference] = []
    /// Part of the bundled material, held to the stricter standard: a
    /// missing source is an error here and a warning in an overlay.
    var isBundled = false

    /// "Card 12 · Minimal response": how every output names a card it lists
    /// or counts (a rupture log's table, the form's choices, trends, the
    /// cohort summary), so the number a supervisor reads in one is the
    /// number the handout and the site show. Plain text: each renderer
    /// escapes it for its format.
    package var numberedTitle: String { "Card \(number) · \(title)" }
}

/// Whether a card reports its sources or is Attune's synthesis of them.
package enum CardBasis: String, Sendable, CaseIterable {
    /// The card restates what its sources say.
    case cited
    /// The card is Attune's own synthesis, drawing on its sources.
    case synthesis
}

/// One ID named by a field, and where it was written.
package struct Reference: Sendable {
    package var field: String
    package var id: String
    package var location: SourceLocation
}

package enum PromptKind: String, Sendable, CaseIterable {
    /// A reflection question about this week's practice.
    case reflection
    /// A "what I wish I'd known" prompt, closing the week.
    case wish
}

/// A question the therapist answers in their journal.
package struct Prompt: Sendable {
    package var id: String
    /// "Prompt 3", numbered like cards (see `ContentModel.assignNumbers`),
    /// one sequence for reflections and wishes alike.
    package internal(set) var number = 0
    package var kind: PromptKind
    package var text: String
    package var hint: String?
    package var location: SourceLocation

    /// "Prompt 6 · What did you notice …": how a list or a table names a
    /// prompt, as its heading in a workbook or handout does. Plain text.
    package var numberedText: String { "Prompt \(number) · \(text)" }
}

/// One work the material cites. The reference fields are what a reader
/// needs to find the work; `citation` is how it is displayed, and must
/// agree with them (see `SourceValidator`).
package struct Source: Sendable {
    package var id: String
    /// "Safran & Muran 2000"
    package var short: String
    /// Markdown: the full reference as readers see it.
    package var citation: String
    package var kind: SourceKind?
    /// People or bodies, as cited: "Safran, J. D." or "National Data Guardian".
    package var authors: [String] = []
    /// Four digits.
    package var year: String?
    package var title: String?
    /// The journal, publisher or issuing body.
    package var venue: String?
    /// Volume, issue and pages for an article ("48(1), 80–87"); the
    /// section of a law ("§ 164.514(b)(2)").
    package var locator: String?
    /// A bare DOI, "10.1037/a0022140".
    package var doi: String?
    /// A stable http(s) address.
    package var url: String?
    package var location: SourceLocation
    /// Where each reference field was written, for precise errors.
    var fieldLocations: [String: SourceLocation] = [:]
    /// See `Card.isBundled`.
    var isBundled = false
}

/// What kind of work a source is; decides which reference fields it needs.
package enum SourceKind: String, Sendable, CaseIterable {
    /// A journal article: needs volume/issue/pages and a DOI or address.
    case article
    case book
    /// A manual, report or other document from a research group.
    case report
    /// Guidance or an ethical code from a professional or public body: needs an address.
    case guidance
    /// A law or regulation: needs its section and an address.
    case legislation
}

/// One week of the curriculum: a focus and the cards and prompts it draws on.
package struct Week: Sendable {
    package var id: String
    package var title: String
    package var summary: String
    package var cards: [String]
    package var prompts: [String]
    package var location: SourceLocation
    package var references: [Reference] = []
}

/// The whole validated teaching material. Every reference in it resolves.
package struct ContentModel: Sendable {
    // Fixed once made, so the lookups by ID below can never go stale.
    package let sections: [Section]
    package let cards: [Card]
    package let prompts: [Prompt]
    package let sources: [Source]
    package let weeks: [Week]
    /// Problems that do not stop a build, such as an overlay card without a
    /// source; `attune check` prints them.
    package internal(set) var warnings: [Diagnostic] = []
    /// What the published site calls itself (`site.yaml`); `nil` only for
    /// material loaded without one, which the site names plainly.
    package internal(set) var site: SiteSettings?
    /// With a `--content` folder: a fingerprint of its content files in
    /// effect, since the bundled fingerprint alone cannot tell two versions
    /// of a programme's own material apart.
    package internal(set) var overlayFingerprint: String?

    private let cardPositions: PositionsByID
    private let promptPositions: PositionsByID
    private let sourcePositions: PositionsByID
    private let weekPositions: PositionsByID

    /// `bundledIDs`: the cards and prompts first read from the bundled
    /// material (an overlay may have replaced them since).
    init(sections: [Section], cards: [Card], prompts: [Prompt], sources: [Source], weeks: [Week], bundledIDs: Set<String> = []) {
        self.sections = sections
        self.cards = Self.assignNumbers(cards, bundledIDs: bundledIDs)
        self.prompts = Self.assignNumbers(prompts, bundledIDs: bundledIDs)
        self.sources = sources
        self.weeks = weeks
        cardPositions = PositionsByID(cards.map(\.id))
        promptPositions = PositionsByID(prompts.map(\.id))
        sourcePositions = PositionsByID(sources.map(\.id))
        weekPositions = PositionsByID(weeks.map(\.id))
    }

    /// The one place cards and prompts get their numbers, counting from 1 in
    /// the model's own order (cards section by section as `SectionID` lists
    /// them, then as written; prompts as written).
    ///
    /// The bundled material's items come first, then those an overlay adds,
    /// so a trainer's own card or prompt takes the next number after
    /// Attune's and never renumbers them; an overlay item that replaces a
    /// bundled one by ID keeps that one's number. Within the bundled
    /// material, an item added at the end of the order (the last section's
    /// last card, the last prompt) takes the next number and moves no other;
    /// one inserted earlier moves those after it, which is why new material
    /// goes at the end.
    static func assignNumbers<Item: Numbered>(_ items: [Item], bundledIDs: Set<String>) -> [Item] {
        let order = items.indices.filter { bundledIDs.contains(items[$0].id) }
            + items.indices.filter { !bundledIDs.contains(items[$0].id) }
        var numbered = items
        for (position, index) in order.enumerated() { numbered[index].number = position + 1 }
        return numbered
    }

    package func card(_ id: String) -> Card? { cardPositions.item(id, in: cards) }
    package func prompt(_ id: String) -> Prompt? { promptPositions.item(id, in: prompts) }
    package func source(_ id: String) -> Source? { sourcePositions.item(id, in: sources) }
    package func week(_ id: String) -> Week? { weekPositions.item(id, in: weeks) }
    package func section(_ id: SectionID) -> Section? { sections.first { $0.id == id } }
    package func cards(in section: SectionID) -> [Card] { cards.filter { $0.section == section } }

    /// The curriculum week for an ISO week when the therapist picks none:
    /// the weeks repeat in order, continuing across year boundaries.
    package func defaultWeek(for isoWeek: ISOWeek) -> Week {
        weeks[isoWeek.absoluteIndex.positiveModulo(weeks.count)]
    }
}

/// Where each ID first stands in a list, so that finding an item by its ID
/// is one dictionary read rather than a search. The first of a repeated ID
/// wins: validation has already reported the others.
struct PositionsByID: Sendable {
    private let positions: [String: Int]

    init(_ ids: [String]) {
        var positions: [String: Int] = [:]
        positions.reserveCapacity(ids.count)
        for (position, id) in ids.enumerated() where positions[id] == nil {
            positions[id] = position
        }
        self.positions = positions
    }

    func item<Item>(_ id: String, in items: [Item]) -> Item? {
        positions[id].map { items[$0] }
    }
}

/// A card or a prompt: what `ContentModel.assignNumbers` numbers.
protocol Numbered {
    var id: String { get }
    var number: Int { get set }
}

extension Card: Numbered {}
extension Prompt: Numbered {}

extension Int {
    func positiveModulo(_ divisor: Int) -> Int { ((self % divisor) + divisor) % divisor }
}
