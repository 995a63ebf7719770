import Diagnostics
import Files
import Journal
import Privacy
import Testing
import Workbook

/// A journal for `when-therapy-is-questioned` whose log section holds `log`;
/// its first line is line 10.
private func journal(log: String, frontMatter: String = "") -> String {
    """
    ---
    therapist: "Sam Rivera"
    week: 2026-W47
    focus: when-therapy-is-questioned
    \(frontMatter)---

    <!-- prompt: rupture-log -->
    ## Rupture log

    \(log)

    <!-- prompt: reflect-what-i-did -->
    ## What I did

    I explained too much.

    """
}

private let twoEntries = """
```rupture
client: Harbour
markers: [marker-complaints-about-progress, marker-rejecting-intervention]
salience: 4
trigger: trigger-questioning-therapy
component: task
repairs: [practice-pause-breathe, repair-recognise-name]
tension: 4
resolution: 2
notes: |
  He said the sessions were *pointless*.

  I reached for research.
```

```rupture
week: 2026-W46
client: Kestrel
markers: marker-minimal-response
tension: 2
resolution: 4
```

Two ruptures, both on my mind.
"""

private func build(_ text: String, audience: Audience = .personal, rules: PrivacyRules = PrivacyRules())
    throws -> (markdown: String, html: String) {
    let disk = InMemoryFileSystem(files: ["j.md": text])
    let written = try BuildPipeline(fileSystem: disk)
        .run(BuildRequest(inputs: ["j.md"], audience: audience, privacyRules: rules)).written
    return (try disk.readText(at: written[1]), try disk.readText(at: written[0]))
}

@Suite("The rupture log in a workbook")
struct RuptureLogWorkbookTests {
    @Test("shows the week's log as a table, after the teaching cards and before the prompts")
    func table() throws {
        let markdown = try build(journal(log: twoEntries)).markdown
        #expect(markdown.contains("""
        ## Rupture log

        | # | Client | Type | Markers | Trigger | Strained | Repairs tried | Tension → resolution |
        | --- | --- | --- | --- | --- | --- | --- | --- |
        | 1 | Harbour | Confrontation | [Card 22 · Complaints/concerns about progress in therapy](#card-marker-complaints-about-progress); Card 19 · Rejecting the therapist's intervention (salience 4/5) | [Card 29 · When a client questions whether therapy is worth it](#card-trigger-questioning-therapy) | Task | Card 45 · Pause and breathe; Card 39 · Recognise and name the rupture | 4 → 2 |
        | 2 | Kestrel (2026-W46) | Withdrawal | Card 12 · Minimal response | – | – | – | 2 → 4 |

        Tension and resolution are your ratings from 1 to 5.

        **Notes on 1 · Harbour**

        > He said the sessions were *pointless*.
        >
        > I reached for research.

        Two ruptures, both on my mind.

        """))
        let html = try build(journal(log: twoEntries)).html
        for card in ["marker-complaints-about-progress", "trigger-questioning-therapy"] {
            #expect(html.contains(##"<a href="#card-\##(card)">"##))
            #expect(html.contains(##"<div id="card-\##(card)" class="card-anchor"></div>"##))
        }
        let log = try #require(markdown.range(of: "## Rupture log"))
        #expect(try #require(markdown.range(of: "## Teaching cards")).lowerBound < log.lowerBound)
        #expect(log.lowerBound < (try #require(markdown.range(of: "## Prompt 10 · ")).lowerBound))
    }

    @Test("lists with its summary each card the log names that the week does not teach, and no other")
    func otherCards() throws {
        let markdown = try build(journal(log: twoEntries)).markdown
        let content = Fixtures.resources.content
        let listed = try #require(markdown.components(separatedBy: "Cards the log names that are not among this week's teaching cards:\n\n").last)
        let lines = listed.components(separatedBy: "\n\n")[0].split(separator: "\n")
        let minimal = try #require(content.card("marker-minimal-response"))
        #expect(lines.contains("- **Card \(minimal.number) · Minimal response** (*Rupture markers*): \(minimal.summary)"))
        #expect(minimal.number == 12)
        // On the page already: this week teaches complaints about progress.
        #expect(!lines.contains { $0.contains("Complaints/concerns about progress in therapy") })
        #expect(lines.count == 4)
    }

    @Test("goes through cmark-gfm's safe path: markup in an alias or a note is shown as text")
    func safeHTML() throws {
        let (markdown, html) = try build(journal(log: """
        ```rupture
        client: "<img src=x onerror=alert(1)>"
        markers: [marker-denial]
        tension: 3
        resolution: 3
        notes: |
          <script>alert(1)</script> and [a link](javascript:alert(1))
        ```
        """))
        #expect(markdown.contains("| 1 | \\<img src=x onerror=alert(1)\\> | Withdrawal |"))
        #expect(!html.contains("<img"))
        #expect(!html.contains("<script"))
        #expect(!html.contains(#"href="javascript"#))
        #expect(html.contains("&lt;img src=x onerror=alert(1)&gt;"))
    }

    @Test("says so when the log is empty, and leaves it out when the journal has none")
    func emptyAndAbsent() throws {
        #expect(try build(journal(log: "<!-- nothing this week -->")).markdown.contains("## Rupture log\n\n*No ruptures logged this week.*\n"))
        let without = Fixtures.journal(answer: "Something.")
        #expect(!(try build(without).markdown.contains("Rupture log")))
    }

    @Test("is scanned by the privacy guard at the journal's own lines and columns")
    func privacyFindings() throws {
        let text = journal(log: """
        ```rupture
        client: Maria
        markers: [marker-denial]
        tension: 3
        resolution: 3
        notes: Call back on 0161 496 0000.
        ```
        """)
        let disk = InMemoryFileSystem(files: ["j.md": text])
        let error = try #require(throws: BuildError.self) {
            try BuildPipeline(fileSystem: disk).run(BuildRequest(
                inputs: ["j.md"], audience: .shared(redact: false), privacyRules: PrivacyRules(names: ["Maria"])))
        }
        #expect(error.diagnostics.map(\.description) == [
            #"j.md:11:9: privacy: name: "Maria""#,
            #"j.md:15:21: privacy: phone: "0161 496 0000""#,
        ])
    }

    @Test("shows what redaction left in a shared copy, and never the alias it replaced")
    func redacted() throws {
        let text = journal(log: """
        ```rupture
        client: Maria
        markers: [marker-denial]
        tension: 3
        resolution: 2
        notes: |
          Call back on 0161 496 0000.
        ```
        """)
        let markdown = try build(text, audience: .shared(redact: true), rules: PrivacyRules(names: ["Maria"])).markdown
        #expect(!markdown.contains("Maria"))
        #expect(!markdown.contains("0161"))
        // `client: [name]` is no longer an alias, so the row keeps only the coded fields.
        #expect(markdown.contains("| 1 | \\[redacted\\] | Withdrawal | Card 11 · Denial | – | – | – | 3 → 2 |"))
    }

    @Test("keeps a log marked private out of a shared copy")
    func keptPrivate() throws {
        let markdown = try build(journal(log: twoEntries, frontMatter: "private: [rupture-log]\n"), audience: .shared(redact: false)).markdown
        #expect(markdown.contains("## Rupture log\n\n*Kept private: not part of the shared copy.*\n"))
        #expect(!markdown.contains("Harbour"))
        #expect(!markdown.contains("| # |"))
    }
}
