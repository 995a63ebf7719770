import ContentModel
import Diagnostics
import Foundation
import GFM
import Yams

/// Reads the rupture log section of a journal into entries, checking every
/// value against the content model and pointing each problem at its line
/// and column in the journal.
///
/// It works on the section's verbatim Markdown, so the workbook can read a
/// shared copy's log (redacted, or kept private) exactly as it reads the
/// journal's own.
package struct RuptureLogReader {
    package let content: ContentModel
    package let path: String
    /// The journal's week: an entry's week by default, and its latest.
    /// `nil` when the front matter has no valid week: entries are still
    /// checked, so one run shows every problem, but none is kept.
    package let journalWeek: ISOWeek?

    package init(content: ContentModel, path: String, journalWeek: ISOWeek?) {
        self.content = content
        self.path = path
        self.journalWeek = journalWeek
    }

    /// What one reading found.
    package struct Reading: Sendable {
        package var log: RuptureLog
        package var diagnostics: [Diagnostic]
        /// One slot per `rupture` block, in order: its entry, or `nil` when
        /// the block had errors.
        package var slots: [RuptureEntry?]
        /// The journal lines of each slot's block, fences included, so an
        /// entry can be copied into another journal as it was written.
        package var slotLines: [ClosedRange<Int>] = []
        /// Each "What happened next with …?" question, in order.
        package var followUps: [FollowUp] = []
        /// Remarks that are neither such a question nor its answer, verbatim.
        package var otherRemarks: [String] = []
    }

    /// A carried-forward question in the log, and what is written under it.
    package struct FollowUp: Sendable, Equatable {
        /// The client's alias as a key (`RuptureEntry.clientKey`).
        package var clientKey: String
        /// The journal line of the question's heading, and the heading as written.
        package var headingLine: Int
        package var heading: String
        /// The blocks under it, verbatim, separated by a blank line; empty
        /// when the question is still open.
        package var answer: String
    }

    /// Reads `markdown`, the section's text, whose first line is line
    /// `firstLine` of the journal.
    package func read(_ markdown: String, firstLine: Int) -> Reading {
        var diagnostics: [Diagnostic] = []
        var slots: [RuptureEntry?] = []
        var slotLines: [ClosedRange<Int>] = []
        var followUps: [FollowUp] = []
        var otherRemarks: [String] = []
        var remarks: [String] = []
        var followedUp: Set<String> = []
        var openQuestion: String?
        guard !markdown.isEmpty else { return Reading(log: RuptureLog(), diagnostics: [], slots: []) }
        let lines = LineIndex(markdown)
        let document = MarkdownDocument(markdown)
        func at(_ line: Int, _ column: Int) -> SourceLocation {
            SourceLocation(path: path, line: firstLine + line - 1, column: column)
        }

        for block in document.blocks {
            let range = block.range
            let column = lines.scalarColumn(line: range.startLine, byteColumn: range.startColumn)
            if block.kind == .codeBlock, block.isFencedCode {
                let info = Self.info(of: block, in: lines)
                guard info.lowercased() == RuptureLog.infoString else {
                    diagnostics.append(.error(
                        "in the rupture log, each entry is a code block opening with '```\(RuptureLog.infoString)'; this one opens with '```\(info)'",
                        at: at(range.startLine, column)
                    ))
                    continue
                }
                let entry = readEntry(block, lines: lines, firstLine: firstLine, column: column, diagnostics: &diagnostics)
                slots.append(entry)
                slotLines.append(at(range.startLine, 1).line...at(max(range.startLine, range.endLine), 1).line)
                continue
            }
            if Self.isComment(block) { continue }
            for nested in Self.fencedCode(in: block, lines: lines) {
                let nestedColumn = lines.scalarColumn(line: nested.range.startLine, byteColumn: nested.range.startColumn)
                diagnostics.append(.error(Self.nestedEntryMessage, at: at(nested.range.startLine, nestedColumn)))
            }
            let text = Self.verbatim(block, lines: lines)
            if block.kind == .heading, block.headingLevel >= 3, let alias = Self.followUpAlias(in: block.plainText) {
                openQuestion = alias
                followUps.append(FollowUp(clientKey: alias, headingLine: at(range.startLine, 1).line, heading: text, answer: ""))
            } else if block.kind == .heading {
                openQuestion = nil
                otherRemarks.append(text)
            } else if let alias = openQuestion {
                followedUp.insert(alias)
                followUps[followUps.count - 1].answer += (followUps[followUps.count - 1].answer.isEmpty ? "" : "\n\n") + text
            } else {
                otherRemarks.append(text)
            }
            remarks.append(text)
        }
        let log = RuptureLog(
            entries: slots.compactMap { $0 },
            remarks: remarks.isEmpty ? nil : remarks.joined(separator: "\n\n"),
            followedUp: followedUp
        )
        return Reading(
            log: log, diagnostics: diagnostics, slots: slots, slotLines: slotLines, followUps: followUps, otherRemarks: otherRemarks
        )
    }

    static let exampleWeek = ISOWeek(year: 2026, week: 47)!

    static let nestedEntryMessage =
        "a rupture entry must start at the beginning of a line in the rupture log, not inside a list or quote"

    // MARK: One entry

    private func readEntry(
        _ block: MarkdownNode, lines: LineIndex, firstLine: Int, column: Int, diagnostics: inout [Diagnostic]
    ) -> RuptureEntry? {
        let range = block.range
        let fenceLine = firstLine + range.startLine - 1
        let fenceLocation = SourceLocation(path: path, line: fenceLine, column: column)
        // The source lines between the fences, not cmark's literal: cmark
        // strips the fence's indentation, and YAML's columns must be the file's.
        let fence = lines.line(range.startLine).trimmingSpaces().prefix { $0 == "`" || $0 == "~" }
        var last = max(range.startLine, range.endLine)
        let closing = lines.line(last).trimmingSpaces()
        if last > range.startLine, closing.hasPrefix(fence), closing.allSatisfy({ $0 == fence.first }) { last -= 1 }
        let yaml = last > range.startLine ? (range.startLine + 1...last).map { String(lines.line($0)) }.joined(separator: "\n") : ""

        var fields = YAMLFields(path: path, lineOffset: fenceLine)
        defer { diagnostics += fields.diagnostics }
        guard let root = fields.parse(yaml) else {
            if fields.diagnostics.isEmpty {
                diagnostics.append(.error(
                    "this rupture entry is empty; write at least client, markers, tension and resolution", at: fenceLocation
                ))
            }
            return nil
        }
        let what = "this rupture entry"
        guard let entries = fields.mapping(root, named: what, allowed: RuptureLog.fields + ["session", "date"]) else { return nil }
        let before = fields.diagnostics.count

        for key in ["session", "date"] {
            if let node = entries[key] {
                fields.error(
                    "a rupture entry has no '\(key)': a session's date can identify a client, so the week is enough ('week: \(journalWeek ?? Self.exampleWeek)', or leave it out for this journal's week)",
                    at: node
                )
            }
        }
        var week = journalWeek
        if let node = entries["week"], let text = fields.string(node, field: "week") {
            if let parsed = ISOWeek(text) {
                if let journalWeek, parsed > journalWeek {
                    fields.error("week \(parsed) is after this journal's week, \(journalWeek)", at: node)
                } else {
                    week = parsed
                }
            } else {
                fields.error("week '\(text)' is not an ISO week such as \(journalWeek ?? Self.exampleWeek)", at: node)
            }
        }
        let client = fields.string(entries, "client", in: what)
        if let client, client.contains("\n"), let node = entries["client"] {
            fields.error("'client' is a short alias on one line, such as a pseudonym or case label", at: node)
        }

        var type: String?
        if let node = entries["type"], let value = fields.string(node, field: "type") {
            let types = content.cards(in: .ruptureTypes)
            if case .card(let id) = RuptureCardNames.match(value, in: types) {
                type = id
            } else {
                fields.error("unknown rupture type '\(value)'\(hint(for: value, in: types, listing: true))", at: node)
            }
        }

        let markers = cards(entries, "markers", in: [.markers], kind: "marker", required: true, fields: &fields)
        var inferred: (type: String, marker: String)?
        for (id, node) in markers {
            guard let markerType = content.card(id)?.ruptureType else { continue }
            // Messages name a marker as it was written: that is what the
            // therapist will look for on the line.
            let written = node.string ?? id
            if let type, markerType != type {
                fields.error("marker '\(written)' is a \(markerType) marker, but this rupture's type is '\(type)'", at: node)
            } else if type == nil, let first = inferred, first.type != markerType {
                fields.error(
                    "markers of both rupture types: '\(first.marker)' is \(first.type), '\(written)' is \(markerType); log two entries, or say which with 'type'",
                    at: node
                )
            } else if inferred == nil {
                inferred = (markerType, written)
            }
        }

        let salience = rating(entries, "salience", required: false, fields: &fields)
        var trigger: String?
        if let node = entries["trigger"], let value = fields.string(node, field: "trigger") {
            trigger = card(value, at: node, in: [.triggers], kind: "trigger category", fields: &fields)
        }
        var component: AllianceComponent?
        if let node = entries["component"], let value = fields.string(node, field: "component") {
            component = AllianceComponent(written: value)
            if component == nil {
                let names = AllianceComponent.allCases.map(\.rawValue)
                let close = Suggestion.closest(to: value.lowercased(), in: names)
                fields.error(
                    "unknown alliance component '\(value)'" + (close.map { "; did you mean '\($0)'?" } ?? " (one of: \(names.joined(separator: ", ")))"),
                    at: node
                )
            }
        }
        let repairs = cards(entries, "repairs", in: SectionID.repairSections, kind: "repair", required: false, fields: &fields)
        let tension = rating(entries, "tension", required: true, fields: &fields)
        let resolution = rating(entries, "resolution", required: true, fields: &fields)
        let notes = fields.optionalString(entries, "notes")

        guard fields.diagnostics.count == before, let week, let client, let tension, let resolution,
              let type = type ?? inferred?.type, !markers.isEmpty else { return nil }
        return RuptureEntry(
            week: week, client: client.trimmingSpaces(), type: type, markers: markers.map(\.0),
            salience: salience, trigger: trigger, component: component, repairs: repairs.map(\.0),
            tension: tension, resolution: resolution, notes: notes, location: fenceLocation
        )
    }

    /// A rating from 1 to 5.
    private func rating(_ entries: YAMLFields.Entries, _ key: String, required: Bool, fields: inout YAMLFields) -> Int? {
        guard let node = entries[key] else {
            if required { fields.error("this rupture entry is missing required field '\(key)' (a rating from 1 to 5)", at: entries.node) }
            return nil
        }
        if case .scalar(let scalar) = node, let value = Int(scalar.string), (1...5).contains(value) { return value }
        let shown: String
        if case .scalar(let scalar) = node, !scalar.string.isEmpty { shown = scalar.string } else { shown = "empty" }
        fields.error("'\(key)' is a whole number from 1 to 5, not \(shown == "empty" ? shown : "'\(shown)'")", at: node)
        return nil
    }

    /// A list of card IDs from `sections` (one ID alone is a list of one),
    /// each checked, each once.
    private func cards(
        _ entries: YAMLFields.Entries, _ key: String, in sections: [SectionID], kind: String, required: Bool,
        fields: inout YAMLFields
    ) -> [(String, Node)] {
        guard let value = entries[key] else {
            if required { fields.error("this rupture entry is missing required field '\(key)'", at: entries.node) }
            return []
        }
        let items: [Node]
        switch value {
        case .sequence(let sequence): items = Array(sequence)
        case .scalar: items = [value]
        default:
            fields.error("'\(key)' is a list of IDs, such as [\(content.cards(in: sections[0]).first?.id ?? "id")]", at: value)
            return []
        }
        if required && items.isEmpty {
            fields.error("'\(key)' must list at least one \(kind)", at: value)
        }
        var found: [(String, Node)] = []
        for item in items {
            guard let written = fields.string(item, field: key),
                  let id = card(written, at: item, in: sections, kind: kind, fields: &fields) else { continue }
            // Two spellings of one card are one card listed twice.
            if found.contains(where: { $0.0 == id }) {
                fields.error("\(kind) '\(written)' is listed twice", at: item)
                continue
            }
            found.append((id, item))
        }
        return found
    }

    /// The canonical ID of the card that `written` names in one of
    /// `sections` (by ID, ID without its prefix, or title; see
    /// `RuptureCardNames`); otherwise an error that says what it names, or
    /// what was probably meant.
    private func card(_ written: String, at node: Node, in sections: [SectionID], kind: String, fields: inout YAMLFields) -> String? {
        let candidates = sections.flatMap { content.cards(in: $0) }
        switch RuptureCardNames.match(written, in: candidates) {
        case .card(let id):
            return id
        case .ambiguous(let ids):
            fields.error(
                "'\(written)' names more than one \(kind): \(ids.map { "'\($0)'" }.joined(separator: ", ")); write the ID of the one you mean",
                at: node
            )
            return nil
        case .numberDisagrees(let id, let number):
            let named = content.card(id)?.number ?? 0
            let other = content.cards.first { $0.number == number }
            let what = other.map { "card \(number) is '\($0.title)'" }
                ?? "there is no card \(number); cards are numbered 1 to \(content.cards.count)"
            fields.error(
                "'\(written)' has the title of card \(named) but the number \(number) (\(what)); write 'Card \(named)' before the title, or the title alone",
                at: node
            )
            return nil
        case .none:
            break
        }
        if case .card(let id) = RuptureCardNames.match(written, in: content.cards), let card = content.card(id) {
            let title = content.section(card.section)?.title ?? card.section.rawValue
            let expected = kind == "repair" ? "a repair step, practice or strategy" : "\(Self.article(kind)) \(kind)"
            fields.error("'\(written)' is a card in '\(title)', not \(expected)", at: node)
            return nil
        }
        fields.error("unknown \(kind) '\(written)'\(hint(for: written, in: candidates, listing: candidates.count <= 4))", at: node)
        return nil
    }

    /// "; did you mean 'x'?", or the choices when they are few, or where
    /// the journal lists them.
    private func hint(for value: String, in candidates: [Card], listing: Bool) -> String {
        if let close = RuptureCardNames.suggestion(for: value, in: candidates) { return "; did you mean '\(close)'?" }
        if listing { return " (one of: \(candidates.map(\.id).joined(separator: ", ")))" }
        return candidates.first.map {
            " (write an ID such as '\($0.id)' or a title such as '\($0.title)'; the journal's log comment lists them all)"
        } ?? ""
    }

    static func article(_ word: String) -> String {
        "aeiou".contains(word.first ?? "x") ? "an" : "a"
    }

    // MARK: Reading the Markdown

    /// The first word after a code block's opening fence: ```` ```rupture ```` → `rupture`.
    /// Read from the source line, where cmark's node starts, so it works at any indentation.
    static func info(of block: MarkdownNode, in lines: LineIndex) -> String {
        let line = lines.line(block.range.startLine)
        let start = line.utf8.index(line.startIndex, offsetBy: max(0, block.range.startColumn - 1), limitedBy: line.endIndex) ?? line.endIndex
        let afterFence = line[start...].drop { $0 == " " }.drop { $0 == "`" || $0 == "~" }
        return String(afterFence.trimmingSpaces().prefix { !$0.isWhitespace })
    }

    /// `What happened next with Harbour?` → `harbour`.
    static func followUpAlias(in heading: String) -> String? {
        let text = heading.trimmingSpaces()
        guard text.hasPrefix(RuptureCarryForward.questionPrefix), text.hasSuffix("?") else { return nil }
        let alias = text.dropFirst(RuptureCarryForward.questionPrefix.count).dropLast()
        return alias.isEmpty ? nil : RuptureEntry.key(for: String(alias))
    }

    /// Every `rupture` block inside `node`, at any depth. Walks only the
    /// containers a code block can sit in, with a stack rather than
    /// recursion: a journal may nest thousands of block quotes.
    static func fencedCode(in node: MarkdownNode, lines: LineIndex) -> [MarkdownNode] {
        var found: [MarkdownNode] = []
        var pending = [node]
        while let next = pending.popLast() {
            switch next.kind {
            case .codeBlock:
                if next.isFencedCode, info(of: next, in: lines).lowercased() == RuptureLog.infoString { found.append(next) }
            case .document, .blockQuote, .list, .item:
                pending += next.children.reversed()
            default:
                break
            }
        }
        return found
    }

    static func isComment(_ block: MarkdownNode) -> Bool {
        guard block.kind == .htmlBlock else { return false }
        let html = (block.literal ?? "").trimmingWhitespace()
        return html.hasPrefix("<!--") && html.hasSuffix("-->")
    }

    private static func verbatim(_ block: MarkdownNode, lines: LineIndex) -> String {
        let start = block.range.startLine
        var text = (start...max(start, block.range.endLine)).map { String(lines.line($0)) }
        while let line = text.last, line.allSatisfy(\.isWhitespace) { text.removeLast() }
        return text.joined(separator: "\n")
    }
}
