import Diagnostics
import Foundation
import Yams

/// Turns the YAML files of `Content/` (and any overlay folders) into a
/// validated `ContentModel`, reporting every problem in one pass.
///
/// Layers come in precedence order: the bundled material first, then each
/// user folder. A later file with the same name replaces an earlier one; a
/// later item with the same ID replaces the earlier item in place.
///
/// The first `bundledLayers` layers are the material Attune ships, held to
/// the stricter standard: an unsourced card or an incomplete reference there
/// is an error, while in an overlay it is a warning (`ContentModel.warnings`),
/// so a trainer's draft still builds.
package enum ContentLoader {
    package static func load(layers: [[SourceFile]], bundledLayers: Int = 0) throws(DiagnosticError) -> ContentModel {
        let yaml = SourceFile.overlay(layers).filter { $0.file.name.hasSuffix(".yaml") || $0.file.name.hasSuffix(".yml") }
        // `site.yaml` is the site's own settings, not teaching material.
        let siteFile = yaml.last { $0.file.name == SiteSettings.fileName }?.file
        let files = yaml.filter { $0.file.name != SiteSettings.fileName }
        var collector = Collector(bundledLayers: bundledLayers)
        for parsed in ParsedFile.parse(files) {
            collector.read(parsed)
        }
        var model = collector.model()
        var diagnostics = collector.diagnostics
        if let siteFile {
            let (settings, problems) = SiteSettings.parse(siteFile)
            model.site = settings
            diagnostics += problems
        }
        let overlaid = yaml.filter { $0.layer >= bundledLayers }.map(\.file)
        if layers.count > bundledLayers { model.overlayFingerprint = ContentFingerprint.of(overlaid) }
        diagnostics += ReferenceValidator(model: model).validate()
        diagnostics += SourceValidator(model: model).validate()
        // Errors alone when loading fails: warnings would bury them, and
        // they show again once the errors are fixed.
        if diagnostics.hasErrors { throw DiagnosticError(diagnostics.errors.sortedByLocation) }
        model.warnings = diagnostics.sortedByLocation
        return model
    }

    package static func load(_ files: [SourceFile]) throws(DiagnosticError) -> ContentModel {
        try load(layers: [files])
    }
}

/// One content file's YAML, parsed. Files are parsed on several threads
/// (Yams is most of loading the content, which every command does first)
/// and then gathered in order, so the result never depends on timing.
private struct ParsedFile: @unchecked Sendable {
    var layer: Int
    var fields: YAMLFields
    /// `nil` when the file is empty, unsafe to parse, or not YAML (see `fields.diagnostics`).
    var root: Node?
    /// Why the file was not parsed at all (too large, invalid bytes).
    var unsafe: [Diagnostic]

    static func parse(_ files: [(file: SourceFile, layer: Int)]) -> [ParsedFile] {
        let results = Results(count: files.count)
        DispatchQueue.concurrentPerform(iterations: files.count) { index in
            let (file, layer) = files[index]
            var fields = YAMLFields(path: file.path)
            let unsafe = InputLimits.check(file, maxBytes: InputLimits.yamlBytes, kind: "content file")
            let root = unsafe.isEmpty ? fields.parse(file.text) : nil
            results.store(ParsedFile(layer: layer, fields: fields, root: root, unsafe: unsafe), at: index)
        }
        return results.values
    }

    private final class Results: @unchecked Sendable {
        private let lock = NSLock()
        private var slots: [ParsedFile?]
        init(count: Int) { slots = Array(repeating: nil, count: count) }
        func store(_ value: ParsedFile, at index: Int) { lock.withLock { slots[index] = value } }
        var values: [ParsedFile] { lock.withLock { slots.map { $0! } } }
    }
}

/// Gathers items from files, resolving overrides and duplicates by ID.
private struct Collector {
    enum Item {
        case card(Card)
        case prompt(Prompt)
        case source(Source)
        case week(Week)

        var location: SourceLocation {
            switch self {
            case .card(let card): return card.location
            case .prompt(let prompt): return prompt.location
            case .source(let source): return source.location
            case .week(let week): return week.location
            }
        }

        var kindName: String {
            switch self {
            case .card: return "card"
            case .prompt: return "prompt"
            case .source: return "source"
            case .week: return "curriculum week"
            }
        }
    }

    /// Layers below this index are the bundled material.
    let bundledLayers: Int
    var diagnostics: [Diagnostic] = []
    private var items: [(id: String, item: Item, layer: Int)] = []
    /// IDs first read from the bundled layers: they keep the bundled
    /// material's numbers even when an overlay replaces the item.
    private var bundledIDs: Set<String> = []
    private var positions: [String: Int] = [:]
    private var sections: [SectionID: (section: Section, layer: Int)] = [:]

    static let fileKeys = ["section", "title", "intro", "codebook", "cards", "prompts", "sources", "weeks"]
    static let cardKeys = ["id", "title", "summary", "body", "points", "sources", "basis", "rupture-type", "answered-by", "group", "prompts"]
    static let sourceKeys = ["id", "short", "citation", "kind", "authors", "year", "title", "venue", "locator", "doi", "url"]

    init(bundledLayers: Int) { self.bundledLayers = bundledLayers }

    mutating func read(_ parsed: ParsedFile) {
        guard parsed.unsafe.isEmpty else {
            diagnostics += parsed.unsafe
            return
        }
        let layer = parsed.layer
        var fields = parsed.fields
        defer { diagnostics += fields.diagnostics }
        guard let root = parsed.root else {
            if fields.diagnostics.isEmpty { fields.error("this content file is empty", at: nil) }
            return
        }
        guard let entries = fields.mapping(root, named: "a content file", allowed: Self.fileKeys) else { return }

        let kinds = ["section", "prompts", "sources", "weeks"].filter { entries[$0] != nil }
        guard kinds.count == 1 else {
            let message = kinds.isEmpty
                ? "a content file needs one of 'section', 'prompts', 'sources' or 'weeks'"
                : "a content file holds one kind of item, but this one has \(kinds.map { "'\($0)'" }.joined(separator: " and "))"
            fields.error(message, at: root)
            return
        }
        switch kinds[0] {
        case "section": readSection(entries, fields: &fields, layer: layer)
        case "prompts": for node in fields.list(entries, "prompts") { readPrompt(node, fields: &fields, layer: layer) }
        case "sources": for node in fields.list(entries, "sources") { readSource(node, fields: &fields, layer: layer) }
        default: for node in fields.list(entries, "weeks") { readWeek(node, fields: &fields, layer: layer) }
        }
    }

    private mutating func readSection(_ entries: YAMLFields.Entries, fields: inout YAMLFields, layer: Int) {
        guard let name = fields.string(entries, "section", in: "a section file") else { return }
        guard let id = SectionID(rawValue: name) else {
            let names = SectionID.allCases.map(\.rawValue)
            let hint = Suggestion.closest(to: name, in: names).map { "; did you mean '\($0)'?" }
                ?? " (expected one of: \(names.joined(separator: ", ")))"
            fields.error("unknown section '\(name)'\(hint)", at: entries["section"])
            return
        }
        let title = fields.string(entries, "title", in: "section '\(name)'") ?? name
        let section = Section(
            id: id, title: title,
            intro: fields.optionalString(entries, "intro"),
            codebook: fields.optionalString(entries, "codebook"),
            location: fields.location(of: entries.node)
        )
        if let existing = sections[id], existing.layer >= layer {
            // Several files of one layer may add cards to a section; the first names it.
        } else {
            sections[id] = (section, layer)
        }
        for node in fields.list(entries, "cards") { readCard(node, section: id, fields: &fields, layer: layer) }
    }

    private mutating func readCard(_ node: Node, section: SectionID, fields: inout YAMLFields, layer: Int) {
        guard let entries = fields.mapping(node, named: "a card", allowed: Self.cardKeys) else { return }
        guard let id = readID(entries, fields: &fields, what: "a card") else { return }
        let what = "card '\(id)'"
        let title = fields.string(entries, "title", in: what)
        let summary = fields.string(entries, "summary", in: what)
        let body = fields.string(entries, "body", in: what)
        // A body is Markdown, rendered on its own: bounded before it is parsed.
        if let text = body, let node = entries["body"] {
            let location = fields.location(of: node)
            if let tooLarge = InputLimits.tooLarge(text, limit: InputLimits.cardBodyBytes, what: "the body of \(what)", per: "one card's body", at: location) {
                fields.error(tooLarge.message, at: node)
            } else if let slow = SlowInputGuard.check(text, at: location, kind: "the body of \(what)").first {
                fields.error(slow.message, at: node)
            }
        }
        let points = fields.strings(entries, "points", in: what).map(\.0)
        var references: [Reference] = []
        func ids(_ pairs: [(String, Node)], _ field: String) -> [String] {
            references += pairs.map { Reference(field: field, id: $0.0, location: fields.location(of: $0.1)) }
            return pairs.map(\.0)
        }
        let sources = ids(fields.strings(entries, "sources", in: what), "sources")
        var basis = CardBasis.cited
        if let name = fields.optionalString(entries, "basis") {
            if let value = CardBasis(rawValue: name) {
                basis = value
            } else {
                fields.error(
                    "basis '\(name)' is not one of: \(CardBasis.allCases.map(\.rawValue).joined(separator: ", "))",
                    at: entries["basis"]
                )
            }
        }

        var ruptureType: String?
        var answeredBy: [String] = []
        var group: String?
        var prompts: [String] = []
        let specific: [String: Bool] = [
            "rupture-type": section == .markers,
            "answered-by": section == .markers,
            "group": !section.groups.isEmpty,
            "prompts": section == .triggers,
        ]
        for (key, allowed) in specific.sorted(by: { $0.key < $1.key }) where !allowed && entries[key] != nil {
            fields.error("field '\(key)' does not belong on a \(section.rawValue) card", at: entries.keys[key])
        }
        if section == .markers {
            ruptureType = fields.string(entries, "rupture-type", in: what)
            if let ruptureType, let node = entries["rupture-type"] {
                _ = ids([(ruptureType, node)], "rupture-type")
            }
            answeredBy = ids(fields.strings(entries, "answered-by", in: what, required: true), "answered-by")
        }
        if section == .triggers {
            prompts = ids(fields.strings(entries, "prompts", in: what, required: true), "prompts")
        }
        if !section.groups.isEmpty, let value = fields.string(entries, "group", in: what) {
            if section.groups.contains(value) {
                group = value
            } else {
                fields.error(
                    "group '\(value)' is not one of: \(section.groups.joined(separator: ", "))",
                    at: entries["group"]
                )
            }
        }
        guard let title, let summary, let body else { return }
        var card = Card(
            id: id, section: section, title: title, summary: summary, body: body, points: points,
            sources: sources, basis: basis, ruptureType: ruptureType, answeredBy: answeredBy, group: group,
            prompts: prompts, location: fields.location(of: node), references: references
        )
        card.isBundled = layer < bundledLayers
        add(.card(card), id: id, layer: layer, fields: &fields, idNode: entries["id"])
    }

    private mutating func readPrompt(_ node: Node, fields: inout YAMLFields, layer: Int) {
        guard let entries = fields.mapping(node, named: "a prompt", allowed: ["id", "kind", "text", "hint"]) else { return }
        guard let id = readID(entries, fields: &fields, what: "a prompt") else { return }
        let what = "prompt '\(id)'"
        let text = fields.string(entries, "text", in: what)
        let hint = fields.optionalString(entries, "hint")
        var kind: PromptKind?
        if let name = fields.string(entries, "kind", in: what) {
            kind = PromptKind(rawValue: name)
            if kind == nil {
                fields.error(
                    "prompt kind '\(name)' is not one of: \(PromptKind.allCases.map(\.rawValue).joined(separator: ", "))",
                    at: entries["kind"]
                )
            }
        }
        if let text, text.contains("\n") {
            fields.error("a prompt's text must be one line: it becomes a heading in the journal", at: entries["text"])
            return
        }
        guard let text, let kind else { return }
        add(.prompt(Prompt(id: id, kind: kind, text: text, hint: hint, location: fields.location(of: node))),
            id: id, layer: layer, fields: &fields, idNode: entries["id"])
    }

    /// The reference fields are optional here: whether a source is a full
    /// reference is `SourceValidator`'s judgement, made once every file is read.
    private mutating func readSource(_ node: Node, fields: inout YAMLFields, layer: Int) {
        guard let entries = fields.mapping(node, named: "a source", allowed: Self.sourceKeys) else { return }
        guard let id = readID(entries, fields: &fields, what: "a source") else { return }
        let what = "source '\(id)'"
        let short = fields.string(entries, "short", in: what)
        let citation = fields.string(entries, "citation", in: what)
        var kind: SourceKind?
        if let name = fields.optionalString(entries, "kind") {
            kind = SourceKind(rawValue: name)
            if kind == nil {
                fields.error(
                    "source kind '\(name)' is not one of: \(SourceKind.allCases.map(\.rawValue).joined(separator: ", "))",
                    at: entries["kind"]
                )
            }
        }
        let authors = fields.strings(entries, "authors", in: what)
        var text: [String: String] = [:]
        var locations: [String: SourceLocation] = [:]
        for key in ["citation", "authors", "year", "title", "venue", "locator", "doi", "url"] {
            guard let value = entries[key] else { continue }
            locations[key] = fields.location(of: value)
            if key != "authors", key != "citation" { text[key] = fields.optionalString(entries, key) }
        }
        guard let short, let citation else { return }
        var source = Source(
            id: id, short: short, citation: citation, kind: kind, authors: authors.map(\.0),
            year: text["year"], title: text["title"], venue: text["venue"], locator: text["locator"],
            doi: text["doi"], url: text["url"], location: fields.location(of: node)
        )
        source.fieldLocations = locations
        source.isBundled = layer < bundledLayers
        add(.source(source), id: id, layer: layer, fields: &fields, idNode: entries["id"])
    }

    private mutating func readWeek(_ node: Node, fields: inout YAMLFields, layer: Int) {
        let allowed = ["id", "title", "summary", "cards", "prompts"]
        guard let entries = fields.mapping(node, named: "a curriculum week", allowed: allowed) else { return }
        guard let id = readID(entries, fields: &fields, what: "a curriculum week") else { return }
        let what = "week '\(id)'"
        let title = fields.string(entries, "title", in: what)
        let summary = fields.string(entries, "summary", in: what)
        let cardPairs = fields.strings(entries, "cards", in: what, required: true)
        let promptPairs = fields.strings(entries, "prompts", in: what, required: true)
        let references = cardPairs.map { Reference(field: "cards", id: $0.0, location: fields.location(of: $0.1)) }
            + promptPairs.map { Reference(field: "prompts", id: $0.0, location: fields.location(of: $0.1)) }
        guard let title, let summary else { return }
        add(.week(Week(id: id, title: title, summary: summary, cards: cardPairs.map(\.0),
                       prompts: promptPairs.map(\.0), location: fields.location(of: node),
                       references: references)),
            id: id, layer: layer, fields: &fields, idNode: entries["id"])
    }

    private func readID(_ entries: YAMLFields.Entries, fields: inout YAMLFields, what: String) -> String? {
        guard let id = fields.string(entries, "id", in: what) else { return nil }
        guard ContentID.isValid(id) else {
            fields.error("ID '\(id)' must be kebab-case: lowercase letters and digits joined by single hyphens", at: entries["id"])
            return nil
        }
        return id
    }

    private mutating func add(_ item: Item, id: String, layer: Int, fields: inout YAMLFields, idNode: Node?) {
        guard let position = positions[id] else {
            positions[id] = items.count
            items.append((id, item, layer))
            if layer < bundledLayers { bundledIDs.insert(id) }
            return
        }
        let existing = items[position]
        let first = existing.item.location
        if existing.layer < layer, existing.item.kindName == item.kindName {
            items[position] = (id, item, layer)  // an overlay replaces the bundled item
        } else if existing.item.kindName != item.kindName {
            fields.error(
                "ID '\(id)' is already used by a \(existing.item.kindName) at \(first.path):\(first.line):\(first.column); IDs are shared by cards, prompts, sources and weeks",
                at: idNode
            )
        } else {
            fields.error("duplicate ID '\(id)' (first defined at \(first.path):\(first.line):\(first.column))", at: idNode)
        }
    }

    func model() -> ContentModel {
        var cards: [Card] = [], prompts: [Prompt] = [], sources: [Source] = [], weeks: [Week] = []
        for (_, item, _) in items {
            switch item {
            case .card(let card): cards.append(card)
            case .prompt(let prompt): prompts.append(prompt)
            case .source(let source): sources.append(source)
            case .week(let week): weeks.append(week)
            }
        }
        let order = Dictionary(uniqueKeysWithValues: SectionID.allCases.enumerated().map { ($1, $0) })
        cards = cards.enumerated()
            .sorted { (order[$0.element.section]!, $0.offset) < (order[$1.element.section]!, $1.offset) }
            .map(\.element)
        let sectionList = SectionID.allCases.compactMap { sections[$0]?.section }
        return ContentModel(
            sections: sectionList, cards: cards, prompts: prompts, sources: sources, weeks: weeks, bundledIDs: bundledIDs)
    }
}

/// The content overlay's fingerprint: FNV-1a 64 over each file's name and
/// text, each followed by a zero byte, as the bundled folders' fingerprints
/// are made. Tells two versions of a programme's own content apart in what
/// is published from it. Not cryptographic.
enum ContentFingerprint {
    static func of(_ files: [SourceFile]) -> String {
        var hash = FNV1a64()
        for file in files {
            hash.add(file.name.utf8)
            hash.add([0])
            hash.add(file.text.utf8)
            hash.add([0])
        }
        return hash.hex
    }
}

/// The shape every ID in the content model has.
package enum ContentID {
    package static func isValid(_ id: String) -> Bool {
        guard !id.isEmpty, id.first != "-", id.last != "-", !id.contains("--") else { return false }
        return id.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }
    }
}
