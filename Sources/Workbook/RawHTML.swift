import Foundation
import GFM

/// What the workbooks do with HTML typed in an answer: show it as text.
///
/// The HTML renderer's safe mode would drop it silently, losing words the
/// therapist wrote, and cmark-gfm's CommonMark renderer would pass it
/// through, making the Markdown workbook a carrier for markup. Instead,
/// tags appear literally in both workbooks; comments, invisible by intent,
/// are left out. Answers without HTML are passed through byte for byte.
enum RawHTML {
    static func neutralised(_ markdown: String) -> String {
        guard markdown.contains("<") else { return markdown }
        let document = MarkdownDocument(markdown, options: [.validateUTF8])
        let html = document.node.descendants.filter { $0.kind == .htmlBlock || $0.kind == .htmlInline }
        guard !html.isEmpty else { return markdown }
        for node in html {
            let literal = (node.literal ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
            if literal.hasPrefix("<!--") && literal.hasSuffix("-->") {
                node.remove()
            } else {
                node.replaceWithLiteralText()
            }
        }
        var text = document.renderCommonMark()
        while text.hasSuffix("\n") { text.removeLast() }
        return text
    }
}

