import Bundled
import Testing

@Suite("attune site and the privacy guard")
struct SitePrivacyTests {
    static let vignette = """
    section: rupture-types
    title: Rupture types
    cards:
      - id: vignette-local
        title: A vignette from our clinic
        summary: A client felt unheard.
        body: |
          Maria Lopez told us on 12 March 2026 that she felt unheard.

    """

    @Test("refuses to publish a programme's material that names a client, writing nothing")
    func refuses() {
        let cli = CLIHarness(files: ["ours/vignette.yaml": Self.vignette])
        #expect(cli.run("site", "--content", "ours", "--out", "public") == 1)
        #expect(cli.stderr == """
        ours/vignette.yaml:4:5: privacy: name: "Maria Lopez"
        ours/vignette.yaml:4:5: privacy: date: "12 March 2026"
        attune: 2 possible client identifiers while trying to screen the material before publishing; nothing was written.
        """)
        #expect(cli.fileSystem.snapshot.keys.sorted() == ["ours/vignette.yaml"])
    }

    @Test("publishes a supervisor's unmodified copy of Attune's material, and flags only what they add to it")
    func copyOfBundledContent() {
        var files: [String: String] = [:]
        for file in BundledFiles.content.files { files["ours/" + file.path] = file.text }
        let copy = CLIHarness(files: files)
        #expect(copy.run("site", "--content", "ours", "--out", "public") == 0, "\(copy.stderr)")
        files["ours/vignette.yaml"] = Self.vignette
        let added = CLIHarness(files: files)
        #expect(added.run("site", "--content", "ours", "--out", "public") == 1)
        #expect(added.stderr.hasPrefix("""
        ours/vignette.yaml:4:5: privacy: name: "Maria Lopez"
        ours/vignette.yaml:4:5: privacy: date: "12 March 2026"
        """))
    }

    @Test("publishes once the phrases are allowed, or the bundled material alone")
    func publishes() {
        let cli = CLIHarness(files: ["ours/vignette.yaml": Self.vignette, ".attune/allow.txt": "Maria Lopez\n12 March 2026\n"])
        #expect(cli.run("site", "--content", "ours", "--out", "public") == 0)
        let bundled = CLIHarness()
        #expect(bundled.run("site", "--out", "public") == 0)
    }
}
