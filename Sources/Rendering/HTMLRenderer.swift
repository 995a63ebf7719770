import Foundation
import GFM
import MarkdownSafety

/// Turns the workbook's Markdown into the HTML fragment the layout wraps.
///
/// cmark-gfm runs in safe mode with GitHub's extensions: raw HTML and
/// `javascript:` links typed in an answer never reach the page. The only
/// markup added is Attune's own, for the few `<!-- attune:NAME -->` markers
/// its templates place (a user typing one gets the same harmless markup).
package enum HTMLRenderer {
    package enum Directive: String, CaseIterable {
        /// Ruled space to write by hand on a printed copy: 12 lines.
        case writingSpace = "writing-space"
        /// A whole printed page of ruled lines, for a template that wants one.
        case writingPage = "writing-page"

        /// The lines are real elements with a bottom border, never a
        /// background: browsers leave backgrounds out of a print unless asked,
        /// and a handout must print with the browser's default settings.
        package var html: String {
            switch self {
            case .writingSpace: return Self.ruled(class: "writing-space", lines: Self.promptLines)
            case .writingPage: return Self.ruled(class: "writing-space writing-page", lines: Self.pageLines)
            }
        }

        /// At least 12 lines for an open prompt (issue #17): 9 cm at 7.5 mm a line.
        package static let promptLines = 12
        /// An A4 page's writing area (27 cm under 12 and 13 mm margins) at 7.5 mm a line, with room for a heading.
        package static let pageLines = 34

        package static func ruled(class name: String, lines: Int) -> String {
            #"<div class="\#(name)" aria-hidden="true">"# + String(repeating: "<span></span>", count: lines) + "</div>"
        }

        package init?(comment: String) {
            let trimmed = comment.trimmingCharacters(in: .whitespacesAndNewlines)
            guard trimmed.hasPrefix("<!-- attune:"), trimmed.hasSuffix(" -->") else { return nil }
            self.init(rawValue: String(trimmed.dropFirst("<!-- attune:".count).dropLast(" -->".count)))
        }
    }

    /// `answers` are the therapist's pieces of Markdown the page's
    /// `<!-- attune:answer N -->` placeholders stand for (see `AnswerSlots`);
    /// each is rendered alone, exactly as cmark-gfm renders that text.
    package static func render(_ markdown: String, answers: [String] = []) -> String {
        // Raw HTML someone typed is shown as text, and a link to a refused
        // scheme as text, exactly as in the Markdown outputs; only Attune's
        // own markers stay markers.
        let safe = MarkdownSafety.neutralise(markdown) {
            Directive(comment: $0) != nil || anchor(in: $0) != nil || answerIndex(in: $0).map { $0 < answers.count } ?? false
        }
        let document = MarkdownDocument(safe, options: [.validateUTF8])
        if !answers.isEmpty {
            // Anywhere in the tree: a template overlay may put an answer in a list.
            for node in document.node.descendants where node.kind == .htmlBlock {
                if let index = answerIndex(in: node.literal ?? ""), index < answers.count {
                    node.replace(withTrustedHTML: fragment(answers[index]))
                }
            }
        }
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

    /// One answer's HTML: cmark-gfm's safe rendering of that text alone,
    /// made safe as every Markdown output is, remote images as links.
    package static func fragment(_ markdown: String) -> String {
        let document = MarkdownDocument(MarkdownSafety.neutralise(markdown), options: [.validateUTF8])
        for image in document.node.descendants where image.kind == .image && !isEmbedded(image.url ?? "") {
            image.replaceImageWithLink()
        }
        return document.renderHTML()
    }

    package static func answerPlaceholder(_ index: Int) -> String {
        "<!-- attune:answer \(index) -->"
    }

    package static func answerIndex(in comment: String) -> Int? {
        let trimmed = comment.trimmingCharacters(in: .whitespacesAndNewlines)
        guard trimmed.hasPrefix("<!-- attune:answer "), trimmed.hasSuffix(" -->") else { return nil }
        let digits = trimmed.dropFirst("<!-- attune:answer ".count).dropLast(" -->".count)
        guard !digits.isEmpty, digits.count < 9, digits.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        return Int(digits)
    }

    /// `<!-- attune:anchor ID -->`, placed by the workbook template before
    /// each teaching card so the rupture log can link to it. Only a content
    /// ID's characters are accepted, so the `id` written is always safe.
    package static func anchor(in comment: String) -> String? {
        let trimmed = comment.trimmingCharacters(in: .whitespacesAndNewlines)
        guard trimmed.hasPrefix("<!-- attune:anchor "), trimmed.hasSuffix(" -->") else { return nil }
        let id = trimmed.dropFirst("<!-- attune:anchor ".count).dropLast(" -->".count)
        guard !id.isEmpty, id.unicodeScalars.allSatisfy({ ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }) else {
            return nil
        }
        return String(id)
    }

    /// `data:` pictures in the formats cmark-gfm's safe mode lets through.
    package static func isEmbedded(_ url: String) -> Bool {
        LinkPolicy.allowsImage(url)
    }
}

