import ContentModel
import Diagnostics
import Testing

@Suite("Loading content")
struct ContentLoaderTests {
    // MARK: A valid set

    @Test("loads a small valid set with every field in place")
    func smallSet() throws {
        let content = try ContentLoader.load(layers: [TestContent.files()])
        let marker = try #require(content.card("marker-denial"))
        #expect(marker.section == .markers)
        #expect(marker.title == "Denial")
        #expect(marker.summary == "The client says nothing is wrong.")
        #expect(marker.body == "Everything is fine, they say.")
        #expect(marker.ruptureType == "withdrawal")
        #expect(marker.answeredBy == ["repair-notice", "strategy-clarify"])
        #expect(marker.sources == ["safran-2000"])
        #expect(marker.location == SourceLocation(path: "c/markers.yaml", line: 5, column: 5))
        #expect(content.card("strategy-clarify")?.group == "immediate")
        #expect(content.card("trigger-questioning")?.prompts == ["reflect-usual"])
        #expect(content.prompt("reflect-usual")?.hint == "Think of two moments.")
        #expect(content.prompt("wish-known")?.hint == nil)
        #expect(content.prompt("wish-known")?.kind == .wish)
        #expect(content.source("safran-2000")?.citation
            == "Safran, J. D., & Muran, J. C. (2000). *Negotiating the Therapeutic Alliance.* Guilford.")
        #expect(content.weeks.map(\.id) == ["week-noticing", "week-repair", "week-strategies"])
        #expect(content.week("week-noticing")?.cards == ["withdrawal", "marker-denial"])
    }

    @Test("orders sections and their cards as a reader meets them, whatever the file order")
    func order() throws {
        let content = try ContentLoader.load(layers: [TestContent.files()])
        #expect(content.sections.map(\.id) == [.ruptureTypes, .markers, .triggers, .repairSteps, .strategies, .blindspots])
        #expect(content.cards.map(\.id) == [
            "withdrawal", "confrontation", "marker-denial", "trigger-questioning",
            "repair-notice", "strategy-clarify", "blindspot-urgency",
        ])
        #expect(content.section(.markers)?.title == "Rupture markers")
        #expect(content.section(.markers)?.codebook == "3RS-2015")
        #expect(content.section(.blindspots)?.codebook == nil)
        #expect(content.section(.ethics) == nil)
    }

    @Test("looks items up by ID and kind")
    func lookups() throws {
        let content = try ContentLoader.load(layers: [TestContent.files()])
        #expect(content.card("withdrawal")?.title == "Withdrawal")
        #expect(content.prompt("reflect-usual")?.text == "What do I usually do?")
        #expect(content.source("safran-2000")?.short == "Safran & Muran 2000")
        #expect(content.week("week-repair")?.title == "Repairing")
        #expect(content.section(.strategies)?.title == "Resolution strategies")
        #expect(content.cards(in: .ruptureTypes).map(\.id) == ["withdrawal", "confrontation"])
        #expect(content.cards(in: .lenses).isEmpty)
        // IDs share one namespace, but each lookup only finds its own kind.
        #expect(content.card("reflect-usual") == nil)
        #expect(content.prompt("withdrawal") == nil)
        #expect(content.week("safran-2000") == nil)
        #expect(content.source("week-repair") == nil)
    }

    @Test("accepts a one-line block scalar as a prompt's text, without its line break")
    func blockScalarPrompt() throws {
        let content = try ContentLoader.load(layers: [TestContent.files(["extra.yaml": """
        prompts:
          - id: reflect-extra
            kind: reflection
            text: |
              Anything else?
        """])])
        #expect(content.prompt("reflect-extra")?.text == "Anything else?")
    }

    @Test("ignores files that are not YAML")
    func nonYAMLFiles() throws {
        let content = try ContentLoader.load(layers: [TestContent.files(["README.md": "# not: [yaml"])])
        #expect(content.weeks.count == 3)
    }

    // MARK: Every kind of error, with its exact position

    @Test("reports malformed YAML where libyaml finds it", arguments: [
        (
            """
            prompts:
              - id: reflect-extra
                kind: reflection
               text: Misaligned?
            """,
            "c/extra.yaml:4:4: error: this line is indented differently from the lines above it: keys of one entry start in the same column, and each list item starts with '- ' (YAML: did not find expected '-' indicator)"
        ),
        (
            """
            sources:
              - id: broken-quote
                short: "Safran & Muran
                citation: Safran (2000).
            """,
            "c/extra.yaml:3:12: error: this quote is never closed: end the value with the same quote mark, and double a single quote inside single quotes ('') (YAML: found unexpected end of stream)"
        ),
    ])
    func malformedYAML(text: String, expected: String) {
        #expect(TestContent.diagnostics(["extra.yaml": text]) == [expected])
    }

    @Test("reports a key written twice in one mapping")
    func duplicateKey() {
        let diagnostics = TestContent.diagnostics(["extra.yaml": """
        prompts:
          - id: reflect-extra
            kind: reflection
            text: Anything else?
            kind: wish
        """])
        #expect(diagnostics == ["c/extra.yaml:3:5: error: duplicate key 'kind' in one mapping"])
    }

    @Test("reports an ID defined twice in one layer, naming the first definition")
    func duplicateID() {
        let diagnostics = TestContent.diagnostics(["more-prompts.yaml": """
        prompts:
          - id: reflect-usual
            kind: reflection
            text: Again?
        """])
        #expect(diagnostics == [
            "c/more-prompts.yaml:2:9: error: duplicate ID 'reflect-usual' (first defined at c/prompts.yaml:2:5)",
        ])
    }

    @Test("reports an ID used by two kinds of item")
    func idAcrossKinds() {
        let diagnostics = TestContent.diagnostics(["more-sources.yaml": """
        sources:
          - id: withdrawal
            short: Someone 2001
            citation: Someone (2001).
        """])
        #expect(diagnostics == [
            "c/more-sources.yaml:2:9: error: ID 'withdrawal' is already used by a card at c/rupture-types.yaml:4:5; IDs are shared by cards, prompts, sources and weeks",
        ])
    }

    @Test("reports unknown references, suggesting a close ID when there is one")
    func unknownReferences() {
        let diagnostics = TestContent.diagnostics(["more-weeks.yaml": """
        weeks:
          - id: week-extra
            title: Extra
            summary: More.
            cards: [withdrawl, confrontation]
            prompts: [reflect-usual, nothing-like-it]
        """])
        #expect(diagnostics == [
            "c/more-weeks.yaml:5:13: error: 'cards' refers to unknown card 'withdrawl'; did you mean 'withdrawal'?",
            "c/more-weeks.yaml:6:30: error: 'prompts' refers to unknown prompt 'nothing-like-it'",
        ])
    }

    @Test("reports references to an item of the wrong kind")
    func wrongKindReferences() {
        let diagnostics = TestContent.diagnostics(["more-markers.yaml": """
        section: markers
        title: More markers
        cards:
          - id: marker-minimal
            title: Minimal response
            summary: Short answers.
            body: A word or two.
            rupture-type: marker-denial
            answered-by: [blindspot-urgency]
        """])
        #expect(diagnostics == [
            "c/more-markers.yaml:8:19: error: 'rupture-type' refers to 'marker-denial', a markers card; expected a card from: rupture-types",
            "c/more-markers.yaml:9:19: error: 'answered-by' refers to 'blindspot-urgency', a blindspots card; expected a card from: repair-steps, practices, strategies",
        ])
    }

    @Test("reports a week naming a prompt that is a card")
    func weekPromptIsCard() {
        let diagnostics = TestContent.diagnostics(["more-weeks.yaml": """
        weeks:
          - id: week-extra
            title: Extra
            summary: More.
            cards: [reflect-usual]
            prompts: [withdrawal]
        """])
        #expect(diagnostics == [
            "c/more-weeks.yaml:5:13: error: 'cards' refers to unknown card 'reflect-usual'",
            "c/more-weeks.yaml:6:15: error: 'prompts' refers to unknown prompt 'withdrawal'",
        ])
    }

    @Test("requires each week to ask at least one reflection and one wish prompt, each once", arguments: [
        (
            "[reflect-usual, wish-known, reflect-usual]",
            "c/w.yaml:6:42: error: week 'week-extra' lists prompt 'reflect-usual' twice; a journal answers each prompt once"
        ),
        (
            "[reflect-usual]",
            "c/w.yaml:2:5: error: week 'week-extra' has no wish prompt; each week needs at least one reflection and one wish prompt"
        ),
        (
            "[wish-known]",
            "c/w.yaml:2:5: error: week 'week-extra' has no reflection prompt; each week needs at least one reflection and one wish prompt"
        ),
    ])
    func weekPromptRules(prompts: String, expected: String) {
        let text = """
        weeks:
          - id: week-extra
            title: Extra
            summary: More.
            cards: [withdrawal]
            prompts: \(prompts)
        """
        #expect(TestContent.diagnostics(["w.yaml": text]) == [expected])
    }

    /// A blindspots card whose title line (line 5) each case replaces.
    static func blindspot(title: String, extra: String? = nil) -> String {
        var text = """
        section: blindspots
        title: More blindspots
        cards:
          - id: blindspot-quiet
        \(title)
            summary: Being quiet.
            body: Quiet is not calm.
        """
        if let extra { text += "\n" + extra }
        return text
    }

    @Test("reports a text field holding the wrong thing", arguments: [
        ("    title: [Quiet, Calm]", ["c/b.yaml:5:12: error: field 'title' must be text, not a list"]),
        ("    title: {text: Quiet}", ["c/b.yaml:5:12: error: field 'title' must be text, not a mapping"]),
        ("    title: yes", ["c/b.yaml:5:12: error: field 'title' must be text, not true/false"]),
        ("    title: \"\"", ["c/b.yaml:5:12: error: field 'title' must not be empty"]),
        ("    title: \"   \"", ["c/b.yaml:5:12: error: field 'title' must not be empty"]),
        ("    title: ~", ["c/b.yaml:5:12: error: field 'title' must be text, not empty"]),
    ])
    func wrongTextField(line: String, expected: [String]) {
        #expect(TestContent.diagnostics(["b.yaml": Self.blindspot(title: line)]) == expected)
    }

    @Test("accepts numbers as text")
    func numbersAsText() throws {
        let content = try ContentLoader.load(layers: [TestContent.files(["b.yaml": Self.blindspot(title: "    title: 2026")])])
        #expect(content.card("blindspot-quiet")?.title == "2026")
    }

    @Test("reports a missing required field at its item")
    func missingField() {
        let diagnostics = TestContent.diagnostics(["b.yaml": """
        section: blindspots
        title: More blindspots
        cards:
          - id: blindspot-quiet
            title: Quiet
            body: Missing its summary.
        """])
        #expect(diagnostics == ["c/b.yaml:4:5: error: card 'blindspot-quiet' is missing required field 'summary'"])
    }

    @Test("reports a card field that is unknown, misplaced or malformed", arguments: [
        (
            "    colour: blue",
            "c/b.yaml:8:5: error: unknown field 'colour' in a card (expected one of: id, title, summary, body, points, sources, basis, rupture-type, answered-by, group, prompts)"
        ),
        ("    rupture-type: withdrawal", "c/b.yaml:8:5: error: field 'rupture-type' does not belong on a blindspots card"),
        ("    answered-by: [repair-notice]", "c/b.yaml:8:5: error: field 'answered-by' does not belong on a blindspots card"),
        ("    group: quiet", "c/b.yaml:8:5: error: field 'group' does not belong on a blindspots card"),
        ("    prompts: [reflect-usual]", "c/b.yaml:8:5: error: field 'prompts' does not belong on a blindspots card"),
        ("    points: Not a list", "c/b.yaml:8:13: error: field 'points' must be a list, not text"),
        ("    points: [One, [Two]]", "c/b.yaml:8:19: error: field 'points' must be text, not a list"),
        ("    sources: [nobody-1999]", "c/b.yaml:8:15: error: 'sources' refers to unknown source 'nobody-1999'"),
        ("    sources: [safran-200]", "c/b.yaml:8:15: error: 'sources' refers to unknown source 'safran-200'; did you mean 'safran-2000'?"),
    ])
    func cardFieldProblems(line: String, expected: String) {
        let text = Self.blindspot(title: "    title: Quiet", extra: line)
        #expect(TestContent.diagnostics(["b.yaml": text]) == [expected])
    }

    @Test("suggests the field a misspelt key was meant to be")
    func misspeltField() {
        let diagnostics = TestContent.diagnostics(["b.yaml": Self.blindspot(title: "    tittle: Quiet")])
        #expect(diagnostics == [
            "c/b.yaml:4:5: error: card 'blindspot-quiet' is missing required field 'title'",
            "c/b.yaml:5:5: error: unknown field 'tittle' in a card; did you mean 'title'?",
        ])
    }

    @Test("reports an unknown section, suggesting a close one when there is one", arguments: [
        ("marker", "c/x.yaml:1:10: error: unknown section 'marker'; did you mean 'markers'?"),
        (
            "weather",
            "c/x.yaml:1:10: error: unknown section 'weather' (expected one of: alliance, rupture-types, markers, noticing, triggers, internal-states, repair-steps, practices, repair-marks, strategies, blindspots, lenses, ethics)"
        ),
    ])
    func unknownSection(name: String, expected: String) {
        let text = "section: \(name)\ntitle: Something\ncards: []\n"
        #expect(TestContent.diagnostics(["x.yaml": text]) == [expected])
    }

    @Test("reports a group value the section does not have", arguments: [
        ("strategies", "later", "c/g.yaml:8:12: error: group 'later' is not one of: immediate, exploratory"),
        ("noticing", "loud", "c/g.yaml:8:12: error: group 'loud' is not one of: direct, quiet, nonverbal"),
    ])
    func badGroup(section: String, group: String, expected: String) {
        let text = """
        section: \(section)
        title: Extra
        cards:
          - id: card-extra
            title: Extra
            summary: Extra.
            body: Extra.
            group: \(group)
        """
        #expect(TestContent.diagnostics(["g.yaml": text]) == [expected])
    }

    @Test("requires each section's own fields", arguments: [
        ("strategies", "", "c/s.yaml:4:5: error: card 'card-extra' is missing required field 'group'"),
        ("markers", "    answered-by: [repair-notice]", "c/s.yaml:4:5: error: card 'card-extra' is missing required field 'rupture-type'"),
        ("markers", "    rupture-type: withdrawal", "c/s.yaml:4:5: error: card 'card-extra' is missing required field 'answered-by'"),
        ("markers", "    rupture-type: withdrawal\n    answered-by: []", "c/s.yaml:9:18: error: field 'answered-by' must list at least one item"),
        ("triggers", "", "c/s.yaml:4:5: error: card 'card-extra' is missing required field 'prompts'"),
    ])
    func sectionFields(section: String, fields: String, expected: String) {
        var text = """
        section: \(section)
        title: Extra
        cards:
          - id: card-extra
            title: Extra
            summary: Extra.
            body: Extra.
        """
        if !fields.isEmpty { text += "\n" + fields }
        #expect(TestContent.diagnostics(["s.yaml": text]) == [expected])
    }

    @Test("rejects IDs that are not kebab-case", arguments: [
        "Reflect-Extra", "reflect_extra", "reflect--extra", "-reflect", "reflect-", "réflexion", "reflect extra",
    ])
    func invalidID(id: String) {
        let text = "prompts:\n  - id: \(id)\n    kind: reflection\n    text: Anything else?\n"
        #expect(TestContent.diagnostics(["p.yaml": text]) == [
            "c/p.yaml:2:9: error: ID '\(id)' must be kebab-case: lowercase letters and digits joined by single hyphens",
        ])
    }

    @Test("knows a kebab-case ID", arguments: [
        ("marker-denial", true), ("3rs", true), ("a", true), ("a1-b2-c3", true),
        ("", false), ("A", false), ("a--b", false), ("-a", false), ("a-", false), ("a_b", false), ("é", false), ("a b", false),
    ])
    func kebabCase(id: String, valid: Bool) {
        #expect(ContentID.isValid(id) == valid)
    }

    @Test("rejects a prompt text of more than one line")
    func multiLinePrompt() {
        let diagnostics = TestContent.diagnostics(["p.yaml": """
        prompts:
          - id: reflect-extra
            kind: reflection
            text: |
              First line
              second line
        """])
        #expect(diagnostics == [
            "c/p.yaml:4:11: error: a prompt's text must be one line: it becomes a heading in the journal",
        ])
    }

    @Test("rejects an unknown prompt kind")
    func promptKind() {
        let diagnostics = TestContent.diagnostics(["p.yaml": """
        prompts:
          - id: reflect-extra
            kind: musing
            text: Anything else?
        """])
        #expect(diagnostics == ["c/p.yaml:3:11: error: prompt kind 'musing' is not one of: reflection, wish"])
    }

    @Test("requires each file to hold exactly one kind of item", arguments: [
        ("title: Nothing to see\n", "c/k.yaml:1:1: error: a content file needs one of 'section', 'prompts', 'sources' or 'weeks'"),
        ("prompts: []\nsources: []\n", "c/k.yaml:1:1: error: a content file holds one kind of item, but this one has 'prompts' and 'sources'"),
        ("- id: a\n- id: b\n", "c/k.yaml:1:1: error: a content file must be a mapping of keys to values, not a list"),
    ])
    func fileKinds(text: String, expected: String) {
        #expect(TestContent.diagnostics(["k.yaml": text]) == [expected])
    }

    @Test("requires a curriculum")
    func noCurriculum() {
        let changes: [String: String?] = ["curriculum.yaml": nil]
        #expect(TestContent.diagnostics(changes) == [
            "Content:1:1: error: the content has no curriculum: add a file with 'weeks'",
        ])
    }

    @Test("reports every problem in one run, sorted by position")
    func allProblemsSorted() {
        // The unknown card is found after all files are read, yet sorts first.
        let diagnostics = TestContent.diagnostics(["w.yaml": """
        weeks:
          - id: week-extra
            title: Extra
            summary: More.
            cards: [withdrawl]
            prompts: [reflect-usual, wish-known]
          - id: week-broken
            title: [Broken]
            summary: Broken.
            cards: [withdrawal]
            prompts: [reflect-usual]
            colour: red
        """])
        #expect(diagnostics == [
            "c/w.yaml:5:13: error: 'cards' refers to unknown card 'withdrawl'; did you mean 'withdrawal'?",
            "c/w.yaml:8:12: error: field 'title' must be text, not a list",
            "c/w.yaml:12:5: error: unknown field 'colour' in a curriculum week (expected one of: id, title, summary, cards, prompts)",
        ])
    }

    @Test("reports problems in several files, sorted by file")
    func severalFiles() {
        let diagnostics = TestContent.diagnostics([
            "z.yaml": "section: blindspot\ntitle: Z\ncards: []\n",
            "a.yaml": "prompts:\n  - id: Bad\n    kind: wish\n    text: Why?\n",
        ])
        #expect(diagnostics == [
            "c/a.yaml:2:9: error: ID 'Bad' must be kebab-case: lowercase letters and digits joined by single hyphens",
            "c/z.yaml:1:10: error: unknown section 'blindspot'; did you mean 'blindspots'?",
        ])
    }
}

@Suite("Overlaying content")
struct ContentOverlayTests {
    @Test("a file with the same name replaces the earlier layer's file")
    func fileReplaced() throws {
        let mine = TestContent.file("blindspots.yaml", """
        section: blindspots
        title: My blindspots
        cards:
          - id: blindspot-hurry
            title: Hurry
            summary: Rushing.
            body: Breathe.
        """, folder: "mine")
        let content = try ContentLoader.load(layers: [TestContent.files(), [mine]])
        #expect(content.section(.blindspots)?.title == "My blindspots")
        #expect(content.cards(in: .blindspots).map(\.id) == ["blindspot-hurry"])
        #expect(content.card("blindspot-urgency") == nil)
        #expect(content.card("blindspot-hurry")?.location == SourceLocation(path: "mine/blindspots.yaml", line: 4, column: 5))
    }

    @Test("an item with an existing ID replaces it in place; a new item is added")
    func itemReplaced() throws {
        let mine = TestContent.file("my-prompts.yaml", """
        prompts:
          - id: reflect-usual
            kind: reflection
            text: What do I do, usually?
          - id: reflect-new
            kind: reflection
            text: Something new?
        """, folder: "mine")
        let content = try ContentLoader.load(layers: [TestContent.files(), [mine]])
        #expect(content.prompts.map(\.id) == ["reflect-usual", "wish-known", "reflect-new"])
        let replaced = try #require(content.prompt("reflect-usual"))
        #expect(replaced.text == "What do I do, usually?")
        #expect(replaced.hint == nil)
        #expect(replaced.location == SourceLocation(path: "mine/my-prompts.yaml", line: 2, column: 5))
    }

    @Test("a replaced card keeps its place in its section")
    func cardReplaced() throws {
        let mine = TestContent.file("my-cards.yaml", """
        section: rupture-types
        title: Two ways to move
        cards:
          - id: withdrawal
            title: Moving away
            summary: The client moves away.
            body: Quietly.
        """, folder: "mine")
        let content = try ContentLoader.load(layers: [TestContent.files(), [mine]])
        #expect(content.cards(in: .ruptureTypes).map(\.title) == ["Moving away", "Confrontation"])
        #expect(content.section(.ruptureTypes)?.title == "Two ways to move")
    }

    @Test("an overlay still may not reuse an ID for another kind of item")
    func overlayAcrossKinds() {
        let mine = TestContent.file("my-sources.yaml", """
        sources:
          - id: withdrawal
            short: Someone 2001
            citation: Someone (2001).
        """, folder: "mine")
        #expect(TestContent.diagnostics(layers: [TestContent.files(), [mine]]) == [
            "mine/my-sources.yaml:2:9: error: ID 'withdrawal' is already used by a card at c/rupture-types.yaml:4:5; IDs are shared by cards, prompts, sources and weeks",
        ])
    }

    @Test("an overlay may not define one ID twice itself")
    func duplicateInOverlay() {
        let mine = TestContent.file("my-prompts.yaml", """
        prompts:
          - id: reflect-usual
            kind: reflection
            text: One?
          - id: reflect-usual
            kind: reflection
            text: Two?
        """, folder: "mine")
        #expect(TestContent.diagnostics(layers: [TestContent.files(), [mine]]) == [
            "mine/my-prompts.yaml:5:9: error: duplicate ID 'reflect-usual' (first defined at mine/my-prompts.yaml:2:5)",
        ])
    }

    @Test("the bundled content takes an overlay of one prompt")
    func bundledOverlay() throws {
        let bundled = try TestContent.bundled()
        let original = try #require(bundled.prompts.firstIndex { $0.id == "reflect-what-i-did" })
        let mine = TestContent.file("prompts.extra.yaml", """
        prompts:
          - id: reflect-what-i-did
            kind: reflection
            text: What did I say?
        """, folder: "mine")
        let content = try ContentLoader.load(layers: [TestContent.bundledFiles, [mine]])
        #expect(content.prompts.count == bundled.prompts.count)
        #expect(content.prompts[original].text == "What did I say?")
    }
}
