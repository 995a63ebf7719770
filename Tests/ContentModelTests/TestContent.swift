import Bundled
import ContentModel
import Diagnostics
import Testing

/// Content for tests, built in memory: the bundled material, and a small valid
/// set whose files each test may replace or add to.
enum TestContent {
    /// `Content/` as the binary carries it.
    static var bundledFiles: [SourceFile] {
        BundledFiles.content.files.map { SourceFile(path: "Content/\($0.path)", name: $0.path, text: $0.text) }
    }

    static func bundled() throws -> ContentModel {
        try ContentLoader.load(layers: [bundledFiles], bundledLayers: 1)
    }

    /// A small content set that loads cleanly: every kind of item, every kind
    /// of reference, three curriculum weeks.
    static let small: KeyValuePairs<String, String> = [
        "rupture-types.yaml": """
        section: rupture-types
        title: Rupture types
        cards:
          - id: withdrawal
            title: Withdrawal
            summary: The client moves away.
            body: The client moves away from the therapist or the work.
          - id: confrontation
            title: Confrontation
            summary: The client moves against.
            body: The client moves against the therapist or the work.
        """,
        "repair-steps.yaml": """
        section: repair-steps
        title: Repair steps
        cards:
          - id: repair-notice
            title: Notice
            summary: Notice the strain.
            body: Notice it first.
        """,
        "strategies.yaml": """
        section: strategies
        title: Resolution strategies
        codebook: 3RS-2015
        cards:
          - id: strategy-clarify
            title: Clarifying misunderstandings
            summary: Clear up what was misheard.
            body: Ask what the client took you to mean.
            group: immediate
        """,
        "blindspots.yaml": """
        section: blindspots
        title: Blindspots
        cards:
          - id: blindspot-urgency
            title: Urgency
            summary: Hurrying to fix things.
            body: Slow down.
        """,
        "markers.yaml": """
        section: markers
        title: Rupture markers
        codebook: 3RS-2015
        cards:
          - id: marker-denial
            title: Denial
            summary: The client says nothing is wrong.
            body: Everything is fine, they say.
            rupture-type: withdrawal
            answered-by: [repair-notice, strategy-clarify]
            sources: [safran-2000]
        """,
        "triggers.yaml": """
        section: triggers
        title: Triggers
        cards:
          - id: trigger-questioning
            title: Questioning the therapy
            summary: When the client doubts the work.
            body: It can sting.
            prompts: [reflect-usual]
        """,
        "prompts.yaml": """
        prompts:
          - id: reflect-usual
            kind: reflection
            text: What do I usually do?
            hint: Think of two moments.
          - id: wish-known
            kind: wish
            text: What do I wish I had known?
        """,
        "sources.yaml": """
        sources:
          - id: safran-2000
            short: Safran & Muran 2000
            citation: "Safran, J. D., & Muran, J. C. (2000). *Negotiating the Therapeutic Alliance.* Guilford."
        """,
        "curriculum.yaml": """
        weeks:
          - id: week-noticing
            title: Noticing
            summary: Notice withdrawal.
            cards: [withdrawal, marker-denial]
            prompts: [reflect-usual, wish-known]
          - id: week-repair
            title: Repairing
            summary: Repair what strained.
            cards: [repair-notice]
            prompts: [reflect-usual, wish-known]
          - id: week-strategies
            title: Strategies
            summary: Try a strategy.
            cards: [strategy-clarify, trigger-questioning]
            prompts: [reflect-usual, wish-known]
        """,
    ]

    /// The small set as files under `c/`, with `changes` replacing files of
    /// the same name (or adding new ones, after the rest); `nil` removes a file.
    static func files(_ changes: [String: String?] = [:]) -> [SourceFile] {
        var result: [SourceFile] = []
        for (name, text) in small {
            if let change = changes[name] {
                if let change { result.append(file(name, change)) }
            } else {
                result.append(file(name, text))
            }
        }
        let known = Set(small.map(\.key))
        for (name, text) in changes.sorted(by: { $0.key < $1.key }) where !known.contains(name) {
            if let text { result.append(file(name, text)) }
        }
        return result
    }

    static func file(_ name: String, _ text: String, folder: String = "c") -> SourceFile {
        SourceFile(path: "\(folder)/\(name)", name: name, text: text)
    }

    /// Every diagnostic loading `layers` reports, as the user sees it.
    static func diagnostics(layers: [[SourceFile]]) -> [String] {
        do {
            _ = try ContentLoader.load(layers: layers)
            Issue.record("expected the content to be rejected")
            return []
        } catch {
            return error.diagnostics.map(\.description)
        }
    }

    static func diagnostics(_ changes: [String: String?]) -> [String] {
        diagnostics(layers: [files(changes)])
    }
}
