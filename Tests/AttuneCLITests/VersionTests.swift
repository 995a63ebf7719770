import AttuneCLI
import Files
import Foundation
import Rendering
import Testing
import Workbook

/// `attune --version`: enough for a supervisor to tell two cohorts'
/// material apart, and for anyone to tell which cmark-gfm renders it.
@Suite("attune --version")
struct VersionTests {
    @Test("prints the version, the cmark-gfm linked in and the material's fingerprint, on three lines")
    func threeLines() throws {
        let cli = CLIHarness()
        #expect(cli.run("--version") == 0)
        #expect(cli.stderr.isEmpty)
        let lines = cli.stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        try #require(lines.count == 3, "\(lines)")
        #expect(lines[0] == "attune \(AttuneCommand.version)")
        #expect(lines[0].wholeMatch(of: /attune \d+\.\d+\.\d+/) != nil)
        // The library's own answer (cmark_version_string), not a header's:
        // a static release reports the copy inside it.
        #expect(lines[1].wholeMatch(of: /cmark-gfm \d+\.\d+\.\d+\.gfm\.\d+/) != nil, "\(lines[1])")
        #expect(lines[2].wholeMatch(of: /material [0-9a-f]{16}-[0-9a-f]{16}/) != nil, "\(lines[2])")
    }

    @Test("the fingerprint is the one every output names, and a folder's overlay does not change what --version says")
    func fingerprintIsTheOutputs() throws {
        let resources = try Resources.load(fileSystem: InMemoryFileSystem())
        #expect(resources.fingerprint == Resources.bundledFingerprint)
        #expect(AttuneCommand.versionReport.hasSuffix("\nmaterial \(resources.fingerprint)"))

        // --version describes the binary: a broken overlay or journal in the
        // working folder is not read, and cannot make it fail.
        let cli = CLIHarness(files: ["content/bad.yaml": "not: [valid", "journal/2026-W47.md": "---\n"])
        #expect(cli.run("--version") == 0)
        #expect(cli.stdout == AttuneCommand.versionReport)
    }

}
