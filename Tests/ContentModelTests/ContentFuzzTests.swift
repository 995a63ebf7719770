import Bundled
import ContentModel
import Diagnostics
import TestSupport
import Testing

/// Damages bundled content files at random, a bounded number of times: the
/// loader must never crash and every error must point inside a file.
@Suite("Content loader under random damage", .timeLimit(.minutes(2)))
struct ContentFuzzTests {
    static let fragments = [
        "\n", "  ", "- ", ": ", "id: ", "[", "]", "{", "}", "&a ", "*a", "|", ">", "\"", "'", "#", "\t", "---",
        "yes", "~", "!!binary ", "? ", "%YAML 1.1\n", "é", "\u{0}", "\r", "cards:", "sources: [nope]",
    ]

    @Test("200 damaged content sets: each loads or is refused with errors inside the files")
    func randomDamage() {
        let files = BundledFiles.content.files.map { SourceFile(path: "Content/\($0.path)", name: $0.path, text: $0.text) }
        var random = SplitMix64(seed: 47)
        for round in 0..<200 {
            var damaged = files
            let index = Int.random(in: 0..<damaged.count, using: &random)
            var text = Array(damaged[index].text.unicodeScalars)
            for _ in 0..<Int.random(in: 1...4, using: &random) {
                let position = Int.random(in: 0...text.count, using: &random)
                if Bool.random(using: &random), !text.isEmpty {
                    text.removeSubrange(position..<min(text.count, position + Int.random(in: 1...30, using: &random)))
                } else {
                    text.insert(contentsOf: Self.fragments.randomElement(using: &random)!.unicodeScalars, at: position)
                }
            }
            var string = ""
            string.unicodeScalars.append(contentsOf: text)
            damaged[index].text = string
            do {
                _ = try ContentLoader.load(damaged)
            } catch {
                #expect(!error.diagnostics.isEmpty, "round \(round)")
                for diagnostic in error.diagnostics {
                    let file = damaged.first { $0.path == diagnostic.location.path }
                    let lines = (file?.text.normalizingLineEndings.split(separator: "\n", omittingEmptySubsequences: false).count ?? 1) + 1
                    #expect(file != nil || diagnostic.location.path == "Content", "round \(round): \(diagnostic)")
                    #expect((1...lines).contains(diagnostic.location.line), "round \(round): \(diagnostic)")
                    #expect(diagnostic.location.column >= 1, "round \(round): \(diagnostic)")
                }
            }
        }
    }
}
