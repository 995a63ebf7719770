import ContentModel

extension JournalScaffold {
    /// The journal's `## Rupture log` section: empty, with a commented
    /// example entry and every ID it may use, so the therapist can log a
    /// rupture without leaving the editor; then one "What happened next
    /// with …?" question for each rupture carried forward.
    static func ruptureLogSection(week: ISOWeek, carried: [CarriedRupture], content: ContentModel) -> String {
        var text = "\n<!-- prompt: \(RuptureLog.sectionID) -->\n## \(RuptureLog.heading)\n\n"
        text += "<!--\n" + ruptureLogGuide(week: week, content: content) + "-->\n"
        for item in carried {
            text += "\n### \(headingSafe(RuptureCarryForward.question(for: item.client)))\n\n"
            text += "<!--\n" + carriedGuide(item, content: content) + "-->\n"
        }
        return text
    }

    static func ruptureLogGuide(week: ISOWeek, content: ContentModel) -> String {
        func ids(_ section: SectionID, where keep: (Card) -> Bool = { _ in true }) -> [String] {
            content.cards(in: section).filter(keep).map(\.id)
        }
        var text = """
        Log each rupture of the week as one block like the example below (copy
        it out of this comment, one block per rupture). Leave the log empty in
        a week without ruptures.

        ```rupture
        client: Harbour          # a pseudonym or case label, never a name or initials
        markers: [marker-complaints-about-progress]   # one or more 3RS markers
        salience: 3              # how clearly the markers showed, 1 to 5
        trigger: trigger-questioning-therapy          # what it set off in you
        component: task          # what strained: goal, task or bond
        repairs: [practice-pause-breathe, repair-recognise-name]
        tension: 4               # how intense it felt, 1 to 5
        resolution: 2            # how far it was resolved, 1 to 5
        notes: |
          A line or two on what happened, if it helps.
        ```

        client, markers, tension and resolution are needed; the rest is up to
        you. The markers give the rupture's type (withdrawal or confrontation);
        add 'week: \(week.previous)' for a session in an earlier week. A resolution
        of 2 or lower comes back next week as a "What happened next" question.

        IDs to use:

        """
        let groups: [(String, [String])] = content.cards(in: .ruptureTypes).map { type in
            ("\(type.id) markers", ids(.markers) { $0.ruptureType == type.id })
        } + [
            ("triggers", ids(.triggers)),
            ("repair steps", ids(.repairSteps)),
            ("practices", ids(.practices)),
            ("strategies", ids(.strategies)),
        ]
        for (name, list) in groups where !list.isEmpty {
            text += wrapped("- \(name): " + list.joined(separator: ", "), indent: "  ")
        }
        return commentSafe(text)
    }

    static func carriedGuide(_ item: CarriedRupture, content: ContentModel) -> String {
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
        lines.append(
            "Write what happened next under this heading. If the strain came back, log it as a new entry; a resolution of 3 or more, or an answer here, closes this question."
        )
        return commentSafe(lines.map { wrapped($0, indent: "") }.joined())
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
    var previous: ISOWeek {
        ISOWeek(year: year, week: week - 1) ?? ISOWeek(year: year - 1, week: ISOWeek.weeks(inYear: year - 1)) ?? self
    }
}
