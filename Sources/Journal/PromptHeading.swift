import ContentModel

/// Which prompt a `##` heading without a marker answers, by its words.
///
/// A journal whose `<!-- prompt: ID -->` lines were lost is matched to its
/// prompts by the headings alone, and a heading may have been copied from
/// where Attune shows the prompt: a workbook, a handout, the site or the
/// form, all of which put the prompt's number before its words
/// (`Prompt 6 · What did I actually say …`, and for a closing prompt
/// `Prompt 21 · What I wish I'd known: …`). Those headings are accepted.
///
/// The words decide, never the number alone: numbers are given by the
/// material at the time (an overlay or a new release may move them), so a
/// number on its own could tie an answer to a question the therapist never
/// saw. A number that names another prompt, or none, next to words that
/// are a prompt's is an error rather than a guess either way, because the
/// heading then says two different things and the answer would be shown
/// under one of them. The heading itself is never changed: the answer keeps
/// it as written.
enum PromptHeading {
    /// What a heading's words say.
    enum Match {
        /// The prompt whose words these are, with a number that agrees or none.
        case prompt(id: String)
        /// The words are prompt `id`'s, the number is `written`, which
        /// belongs to another prompt or to none.
        case numberDisagrees(id: String, written: Int)
        /// No prompt has these words; `numbered` is the prompt the heading's
        /// number names, when there is one, to show what it reads.
        case none(numbered: Prompt?)
    }

    /// How the workbook and the handouts lead a closing prompt's words.
    static let wishLead = "what i wish i'd known:"

    static func match(_ heading: String, in content: ContentModel) -> Match {
        if let prompt = prompt(withWords: heading, in: content) { return .prompt(id: prompt.id) }
        guard let (number, words) = numbered(heading) else { return .none(numbered: nil) }
        let numbered = content.prompts.first { $0.number == number }
        guard let prompt = prompt(withWords: words, in: content) else { return .none(numbered: numbered) }
        return prompt.number == number ? .prompt(id: prompt.id) : .numberDisagrees(id: prompt.id, written: number)
    }

    /// The prompt whose text `words` are, in any case and spacing, with a
    /// typographic apostrophe as a plain one; a closing prompt also with
    /// "What I wish I'd known:" before its words.
    static func prompt(withWords words: String, in content: ContentModel) -> Prompt? {
        let wanted = normalised(words)
        guard !wanted.isEmpty else { return nil }
        if let prompt = content.prompts.first(where: { normalised($0.text) == wanted }) { return prompt }
        guard wanted.hasPrefix(wishLead) else { return nil }
        let rest = wanted.dropFirst(wishLead.count).drop { $0 == " " }
        return content.prompts.first { $0.kind == .wish && normalised($0.text) == rest }
    }

    /// `Prompt 6 · words`: the number and the words after it (see `NumberedName`).
    static func numbered(_ heading: String) -> (number: Int, words: String)? {
        NumberedName.split(heading, word: "prompt")
    }

    /// Lower case, runs of spaces as one, `’` as `'`.
    static func normalised(_ text: String) -> String {
        text.lowercased()
            .replacingOccurrences(of: "\u{2019}", with: "'")
            .split(whereSeparator: { $0 == " " || $0 == "\t" })
            .joined(separator: " ")
    }
}
