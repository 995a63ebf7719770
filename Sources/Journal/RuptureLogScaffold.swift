import ContentModel

extension JournalScaffold {
    /// The journal's `## Rupture log` section: empty, with a commented
    /// example entry and every choice by title, so the therapist can log a
    /// rupture without leaving the editor; then one "What happened next
    /// with …?" question for each rupture carried forward. The browser form
    /// fills the slots: its entries after the comment, an answer under each
    /// question.
    static func ruptureLogPieces(week: ISOWeek, carried: [CarriedRupture], content: ContentModel) -> [JournalLayout.Piece] {
        var pieces: [JournalLayout.Piece] = []
        var text = "\n<!-- prompt: \(RuptureLog.sectionID) -->\n## \(RuptureLog.heading)\n\n"
        text += "<!--\n" + ruptureLogGuide(week: week, content: content) + "-->\n"
        pieces += [.text(text), .ruptureEntries]
        for item in carried {
            text = "\n### \(headingSafe(RuptureCarryForward.question(for: item.client)))\n\n"
            text += "<!--\n" + carriedGuide(item, content: content) + "-->\n"
            pieces += [.text(text), .followUp(client: item.client)]
        }
        return pieces
    }

    /// The comment under the log's heading: an example entry written as a
    /// person would write it (titles, not IDs), then every choice by title
    /// under the field it belongs to, so nothing has to be looked up.
    static func ruptureLogGuide(week: ISOWeek, content: ContentModel) -> String {
        func title(_ id: String) -> String { content.card(id)?.title ?? id }
        var text = """
        Log each rupture of the week as one block like the example below (copy
        it out of this comment, one block per rupture). Leave the log empty in
        a week without ruptures.

        ```rupture
        client: Harbour          # a pseudonym or case label, never a name or initials
        markers: [\(title("marker-complaints-about-progress"))]
        salience: 3              # how clearly the markers showed, 1 to 5
        trigger: \(title("trigger-questioning-therapy"))
        component: task          # what strained: goal, task or bond
        repairs: [\(title("practice-pause-breathe")), \(title("repair-recognise-name"))]
        tension: 4               # how intense it felt, 1 to 5
        resolution: 2            # how far it was resolved, 1 to 5
        notes: |
          A line or two on what happened, if it helps.
        ```

        client, markers, tension and resolution are needed; the rest is up to
        you. Name each choice by its title below, in any case, or by its ID
        (minimal-response or marker-minimal-response); a list goes in
        [brackets], separated by commas, and a title with a comma or a colon
        in quotes. The markers give the rupture's type (withdrawal or
        confrontation), so they are all of one type. Add 'week: \(week.previous)'
        for a session in an earlier week. A resolution of 2 or lower comes back
        next week as a "What happened next" question.

        """
        func list(_ cards: [Card], indent: String) -> String {
            // `wrapped` drops leading spaces, so the indent goes on after.
            cards.map { indent + wrapped("- " + $0.title, indent: indent + "  ") }.joined()
        }
        let types = content.cards(in: .ruptureTypes)
        let markers = content.cards(in: .markers)
        if !markers.isEmpty {
            text += "\nmarkers (one or more, all of one type):\n"
            for type in types {
                let ofType = markers.filter { $0.ruptureType == type.id }
                if !ofType.isEmpty { text += "  \(type.title):\n" + list(ofType, indent: "    ") }
            }
        }
        let triggers = content.cards(in: .triggers)
        if !triggers.isEmpty { text += "\ntrigger (one):\n" + list(triggers, indent: "  ") }
        let repairs = SectionID.repairSections.map { (content.section($0)?.title ?? $0.rawValue, content.cards(in: $0)) }
        if repairs.contains(where: { !$0.1.isEmpty }) {
            text += "\nrepairs (any you tried):\n"
            for (name, cards) in repairs where !cards.isEmpty { text += "  \(name):\n" + list(cards, indent: "    ") }
        }
        return commentSafe(text)
    }

    static func carriedGuide(_ item: CarriedRupture, content: ContentModel) -> String {
        var lines = carriedSummary(item, content: content)
        lines.append(
            "Write what happened next under this heading. If the strain came back, log it as a new entry; a resolution of 3 or more, or an answer here, closes this question."
        )
        return commentSafe(lines.map { wrapped($0, indent: "") }.joined())
    }

    /// What the carried question recalls, a sentence a line: where the
    /// rupture was left, what was tried, the repair steps not yet tried and
    /// what else answers its markers. The browser form shows the same lines.
    package static func carriedSummary(_ item: CarriedRupture, content: ContentModel) -> [String] {
        func titles(_ ids: [String]) -> String {
            ids.compactMap { content.card($0)?.title }.joined(separator: "; ")
        }
        let entry = item.entry
        let when = entry.week == item.journalWeek ? "\(entry.week)" : "\(entry.week) (logged in \(item.journalWeek))"
        var lines = [
            "From \(when): a \(entry.type) rupture (\(titles(entry.markers))), tension \(entry.tension), resolution \(entry.resolution) of 5."
        ]
        if !item.tried.isEmpty { lines.append("Tried so far: \(titles(item.tried)).") }
        if !item.stepsNotTried.isEmpty { lines.append("Repair steps not yet tried: \(titles(item.stepsNotTried)).") }
        if !item.suggestions.isEmpty { lines.append("Also answering its markers: \(titles(item.suggestions)).") }
        return lines
    }

    /// `text` broken at spaces into lines of at most 76 characters, each
    /// ending in a newline; continuation lines start with `indent`.
    static func wrapped(_ text: String, indent: String) -> String {
        var result = ""
        var line = ""
        for word in text.split(separator: " ", omittingEmptySubsequences: false) {
            if !line.isEmpty, line.count + 1 + word.count > 76 {
                result += line + "\n"
                line = indent + word
            } else {
                line += (line.isEmpty ? "" : " ") + word
            }
        }
        return result + line + "\n"
    }

    /// Text for a heading that reads back as itself: Markdown punctuation
    /// escaped, line breaks as spaces.
    static func headingSafe(_ text: String) -> String {
        var result = ""
        for character in text {
            if "\\`*_[]<>#!|~&".contains(character) { result += "\\" }
            result.append(character == "\n" || character == "\r" ? " " : character)
        }
        return result
    }
}

extension ISOWeek {
    /// The week before, rolling back into the previous year.
    package var previous: ISOWeek {
        ISOWeek(year: year, week: week - 1) ?? ISOWeek(year: year - 1, week: ISOWeek.weeks(inYear: year - 1)) ?? self
    }
}
