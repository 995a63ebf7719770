import Foundation
import GFM
import MarkdownSafety

/// Turns the workbook's Markdown into the HTML fragment the layout wraps.
///
/// cmark-gfm runs in safe mode with GitHub's extensions: raw HTML and
/// `javascript:` links typed in an answer never reach the page. The only
/// markup added is Attune's own, for the few `<!-- attune:NAME -->` markers
/// its templates place (a user typing one gets the same harmless markup).
enum HTMLRenderer {
    enum Directive: String, CaseIterable {
        /// Ruled space to write by hand on a printed copy.
        case writingSpace = "writing-space"

        var html: String {
            switch self {
            case .writingSpace: return #"<div class="writing-space" aria-hidden="true"></div>"#
            }
        }

        init?(comment: String) {
            let trimmed = comment.trimmingCharacters(in: .whitespacesAndNewlines)
            guard trimmed.hasPrefix("<!-- attune:"), trimmed.hasSuffix(" -->") else { return nil }
            self.init(rawValue: String(trimmed.dropFirst("<!-- attune:".count).dropLast(" -->".count)))
        }
    }

    static func render(_ markdown: String) -> String {
        // Raw HTML someone typed is shown as text, and a link to a refused
        // scheme as text, exactly as in the Markdown outputs; only Attune's
        // own markers stay markers.
        let safe = MarkdownSafety.neutralise(markdown) { Directive(comment: $0) != nil || anchor(in: $0) != nil }
        let document = MarkdownDocument(safe, options: [.validateUTF8])
        for block in document.blocks where block.kind == .htmlBlock {
            if let directive = Directive(comment: block.literal ?? "") {
                block.replace(withTrustedHTML: directive.html + "\n")
            } else if let id = Self.anchor(in: block.literal ?? "") {
                block.replace(withTrustedHTML: #"<div id="card-\#(id)" class="card-anchor"></div>"# + "\n")
            }
        }
        // An image would load its address as soon as the page opens, telling
        // a stranger when someone reads a workbook. Only embedded pictures stay.
        for image in document.node.descendants where image.kind == .image && !isEmbedded(image.url ?? "") {
            image.replaceImageWithLink()
        }
        return document.renderHTML()
    }

    /// `<!-- attune:anchor ID -->`, placed by the workbook template before
    /// each teaching card so the rupture log can link to it. Only a content
    /// ID's characters are accepted, so the `id` written is always safe.
    static func anchor(in comment: String) -> String? {
        let trimmed = comment.trimmingCharacters(in: .whitespacesAndNewlines)
        guard trimmed.hasPrefix("<!-- attune:anchor "), trimmed.hasSuffix(" -->") else { return nil }
        let id = trimmed.dropFirst("<!-- attune:anchor ".count).dropLast(" -->".count)
        guard !id.isEmpty, id.unicodeScalars.allSatisfy({ ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }) else {
            return nil
        }
        return String(id)
    }

    /// `data:` pictures in the formats cmark-gfm's safe mode lets through.
    static func isEmbedded(_ url: String) -> Bool {
        LinkPolicy.allowsImage(url)
    }
}

