import Diagnostics

/// Checks that every ID one item names exists and is of the kind the field
/// expects, once all files are read (so order between files never matters).
struct ReferenceValidator {
    let model: ContentModel

    func validate() -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        for reference in model.cards.flatMap(\.references) + model.weeks.flatMap(\.references) {
            if let problem = problem(with: reference) {
                diagnostics.append(.error("'\(reference.field)' refers to \(problem)", at: reference.location))
            }
        }
        for week in model.weeks {
            diagnostics += problems(withPromptsOf: week)
        }
        if model.weeks.isEmpty {
            let location = SourceLocation(path: "Content", line: 1, column: 1)
            diagnostics.append(.error("the content has no curriculum: add a file with 'weeks'", at: location))
        }
        return diagnostics
    }

    /// A journal answers each prompt once, and every week closes with a wish.
    private func problems(withPromptsOf week: Week) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        var seen: Set<String> = []
        for reference in week.references where reference.field == "prompts" && !seen.insert(reference.id).inserted {
            diagnostics.append(.error(
                "week '\(week.id)' lists prompt '\(reference.id)' twice; a journal answers each prompt once",
                at: reference.location
            ))
        }
        let prompts = week.prompts.compactMap { model.prompt($0) }
        guard prompts.count == week.prompts.count else { return diagnostics }  // unknown IDs are reported already
        for kind in PromptKind.allCases where !prompts.contains(where: { $0.kind == kind }) {
            diagnostics.append(.error(
                "week '\(week.id)' has no \(kind.rawValue) prompt; each week needs at least one reflection and one wish prompt",
                at: week.location
            ))
        }
        return diagnostics
    }

    private func problem(with reference: Reference) -> String? {
        switch reference.field {
        case "sources":
            return model.source(reference.id) == nil
                ? unknown(reference.id, kind: "source", among: model.sources.map(\.id)) : nil
        case "prompts":
            return model.prompt(reference.id) == nil
                ? unknown(reference.id, kind: "prompt", among: model.prompts.map(\.id)) : nil
        case "rupture-type":
            return expectCard(reference.id, in: [.ruptureTypes])
        case "answered-by":
            return expectCard(reference.id, in: SectionID.repairSections)
        default:
            return expectCard(reference.id, in: SectionID.allCases)
        }
    }

    private func expectCard(_ id: String, in sections: [SectionID]) -> String? {
        guard let card = model.card(id) else {
            let candidates = model.cards.filter { sections.contains($0.section) }.map(\.id)
            return unknown(id, kind: "card", among: candidates)
        }
        guard sections.contains(card.section) else {
            let names = sections.map(\.rawValue).joined(separator: ", ")
            return "'\(id)', a \(card.section.rawValue) card; expected a card from: \(names)"
        }
        return nil
    }

    private func unknown(_ id: String, kind: String, among candidates: [String]) -> String {
        let hint = Suggestion.closest(to: id, in: candidates).map { "; did you mean '\($0)'?" } ?? ""
        return "unknown \(kind) '\(id)'\(hint)"
    }
}
