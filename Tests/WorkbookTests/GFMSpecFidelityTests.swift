import Diagnostics
import Foundation
import GFM
import Rendering
import Testing
import Workbook

/// Every example of the GitHub Flavored Markdown spec, typed as the middle
/// of three answers: it comes out byte for byte in the Markdown workbook and
/// as cmark-gfm renders it alone in the HTML one, or is refused at its own
/// lines; the answers around it and everything else are the control's bytes.
@Suite("Every GFM spec example typed as an answer stays exactly where it was typed")
struct GFMSpecFidelityTests {
    struct Tally: CustomStringConvertible {
        var exact = 0, rawHTML = 0, open = 0, refused = 0
        var description: String { "\(exact) byte for byte, \(rawHTML) with typed HTML shown as text, \(open) blank, \(refused) refused" }
    }

    @Test("with a blank line before the next prompt, and with none", arguments: [false, true])
    func everyExample(tight: Bool) throws {
        let examples = try JournalFidelity.specExamples()
        try #require(examples.count >= 670, "the GFM spec in \(JournalFidelity.specPath) (Debian's cmark-gfm package; `make deps` installs it)")
        var tally = Tally()
        for example in examples {
            try check(example, tight: tight, tally: &tally)
        }
        // Most examples must build: refusing is only for what would leave its answer.
        #expect(tally.refused < examples.count / 10, "\(tally)")
        print("GFM spec fidelity (tight: \(tight)): \(tally)")
    }

    func check(_ example: JournalFidelity.Example, tight: Bool, tally: inout Tally) throws {
        let name = "example \(example.number) (\(example.section))"
        let typed = example.markdown
        let kept = JournalFidelity.kept(typed)
        switch JournalFidelity.build(JournalFidelity.journal(typed, tight: tight)) {
        case .refused(let diagnostics):
            tally.refused += 1
            let lines = JournalFidelity.answerLine..<(JournalFidelity.answerLine + max(1, typed.split(separator: "\n", omittingEmptySubsequences: false).count))
            for diagnostic in diagnostics {
                #expect(diagnostic.location.path == "j.md" && lines.contains(diagnostic.location.line),
                        "\(name) refused outside its own lines: \(diagnostic)")
            }
            #expect(!diagnostics.isEmpty, "\(name) refused without a reason")
            if ProcessInfo.processInfo.environment["ATTUNE_SHOW_REFUSALS"] != nil {
                print("REFUSED \(name) tight=\(tight): \(diagnostics.map(\.message))")
            }
        case .built(let workbook):
            if kept.isEmpty {
                tally.open += 1
                #expect(workbook.markdown == JournalFidelity.openControl.markdown, "\(name): a blank answer must leave the prompt open")
                #expect(workbook.html == JournalFidelity.openControl.html, "\(name): a blank answer must leave the prompt open")
                return
            }
            guard let markdown = JournalFidelity.answerRegion(workbook.markdown, control: JournalFidelity.control.markdown, marker: "CONTROL"),
                  let html = JournalFidelity.answerRegion(workbook.html, control: JournalFidelity.control.html, marker: "<p>CONTROL</p>\n")
            else {
                Issue.record("\(name): the workbook differs from the control outside the answer")
                return
            }
            let raw = JournalFidelity.rawHTML(in: kept)
            if raw.isEmpty && !JournalFidelity.hasRefusedAddress(kept) {
                tally.exact += 1
                #expect(markdown == kept, "\(name): the Markdown workbook must carry the answer byte for byte")
            } else {
                tally.rawHTML += 1
                #expect(JournalFidelity.rawHTML(in: markdown).isEmpty, "\(name): typed HTML must not come back as HTML")
                let visible = JournalFidelity.withoutWhitespace(JournalFidelity.visibleText(html))
                for node in raw {
                    let literal = node.literal ?? ""
                    let trimmed = literal.trimmingCharacters(in: .whitespacesAndNewlines)
                    if trimmed.hasPrefix("<!--") && trimmed.hasSuffix("-->") {
                        // Left out, or (ending a list) shown as text: never a hidden comment.
                        continue
                    }
                    #expect(Self.isSubsequence(JournalFidelity.withoutWhitespace(literal), of: visible),
                            "\(name): typed HTML \(literal.debugDescription) must be shown as text")
                }
                // Every word a reader would see were the HTML run is still seen.
                let seen = JournalFidelity.visibleText(MarkdownDocument(kept).renderHTML(options: [.unsafe]))
                #expect(Self.isSubsequence(JournalFidelity.withoutWhitespace(seen), of: JournalFidelity.withoutWhitespace(JournalFidelity.visibleText(html))),
                        "\(name): words typed around HTML must all be shown")
            }
            // The page shows the answer as cmark-gfm renders that text alone.
            if JournalFidelity.hasRemoteImage(markdown) {
                #expect(html == HTMLRenderer.fragment(markdown), "\(name)")
                #expect(!html.contains("<img"), "\(name): a remote image must become a link")
            } else {
                #expect(html == (try JournalFidelity.cmarkGFM(markdown)), "\(name): the page must show cmark-gfm's rendering of the answer alone")
            }
        }
    }

    static func isSubsequence(_ needle: String, of haystack: String) -> Bool {
        var iterator = haystack.unicodeScalars.makeIterator()
        outer: for scalar in needle.unicodeScalars {
            while let next = iterator.next() { if next == scalar { continue outer } }
            return false
        }
        return true
    }
}
