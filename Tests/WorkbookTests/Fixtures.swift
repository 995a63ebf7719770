import ContentModel
import Diagnostics
import Files
import Foundation
import GFM

import Rendering
import Workbook

/// Shared inputs: the bundled material, the example journal, and a small
/// journal written inline for focused cases.
enum Fixtures {
    static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static let goldenFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")

    static let resources: Resources = try! Resources.load(fileSystem: InMemoryFileSystem())

    static var exampleJournalText: String {
        try! String(contentsOf: repository.appendingPathComponent("Examples/journal/2026-W47.md"), encoding: .utf8)
    }

    /// A journal for the `noticing-withdrawal` week with the given answer
    /// under its first prompt.
    static func journal(week: String = "2026-W47", therapist: String = "Sam Rivera", answer: String) -> String {
        """
        ---
        therapist: "\(therapist)"
        week: \(week)
        focus: noticing-withdrawal
        ---

        # \(week) · Noticing withdrawal

        <!-- prompt: reflect-usual-response -->
        ## What do I tend to do when I feel the connection with a client slipping?

        \(answer)

        """
    }
}

/// Renders Markdown with raw HTML allowed, as a permissive viewer would.
enum MarkdownDocumentHTML {
    static func unsafe(_ markdown: String) -> String {
        MarkdownDocument(markdown).renderHTML(options: [.unsafe])
    }
}
