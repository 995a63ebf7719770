import Bundled
import Diagnostics
import Privacy

/// One item of a programme's material as a published page shows it: a
/// card, a prompt, a week, a section, or a bibliography entry.
package struct MaterialItem: Sendable, Hashable {
    /// Where the item starts; the content model keeps no finer position.
    package let location: SourceLocation
    /// The item's fields as written, one after another.
    package let text: String
    /// A bibliography entry, which names researchers, publishers, places
    /// of publication, dates and DOIs by design.
    package let isCitation: Bool

    package init(location: SourceLocation, text: String, isCitation: Bool = false) {
        self.location = location
        self.text = text
        self.isCitation = isCitation
    }
}

/// Screens a programme's own material (`--content`) before it is published,
/// knowing what the content model is made of.
///
/// A supervisor's overlay usually starts as a copy of Attune's material.
/// Screening that copy like a journal flagged 61 things in unchanged
/// bundled text: the authors the cards cite ("Eubanks-Carter"), initials
/// and DOIs in the bibliography, "client behaviours". So:
/// - items outside the overlay are Attune's own and are not screened;
/// - a finding whose exact words are Attune's own published text (matched
///   as whole words, spaces folded) is the material, not a client;
/// - a bibliography entry is screened only for contact details and
///   numbers no citation carries (e-mail, phone, health and card numbers);
///   its names, places and dates are the reference itself.
/// Anything else a supervisor added (a client's name in an example, a
/// date, a town) is an error, as it would be in a shared journal.
package struct MaterialScreen: Sendable {
    let scanner: PrivacyScanner
    /// Attune's bundled content, whitespace runs folded to one space.
    let bundledText: [Unicode.Scalar]

    /// What a citation may not carry.
    static let citationCategories: Set<IdentifierCategory> = [
        .email, .phone, .nhsNumber, .passport, .imei, .cardNumber, .ipAddress, .vehicle, .handle,
    ]

    package init(rules: PrivacyRules, bundled: [String] = BundledFiles.content.files.map(\.text)) {
        scanner = PrivacyScanner(rules: rules)
        bundledText = Array(Self.folded(bundled.joined(separator: "\n")))
    }

    /// Every finding in the overlay's items that is not allowed, each at
    /// the item that holds it.
    package func screen(_ items: [MaterialItem], overlay: String?) -> [Diagnostic] {
        guard let overlay else { return [] }
        let prefix = overlay.hasSuffix("/") ? overlay : overlay + "/"
        return items.filter { $0.location.path.hasPrefix(prefix) }.flatMap { item in
            scanner.scan(item.text, path: item.location.path)
                .filter { $0.allowedBy == nil }
                .filter { !item.isCitation || Self.citationCategories.contains($0.category) }
                .filter { !isBundled($0.text) }
                .map { finding in
                    var finding = finding
                    finding.location = item.location
                    return finding.diagnostic
                }
        }
    }

    /// Whether `phrase` occurs in Attune's own material as whole words.
    func isBundled(_ phrase: String) -> Bool {
        let needle = Array(Self.folded(phrase))
        guard let first = needle.first, needle.count <= bundledText.count else { return false }
        var start = 0
        while start + needle.count <= bundledText.count {
            guard let found = bundledText[start...].firstIndex(of: first), found + needle.count <= bundledText.count else { return false }
            if bundledText[found..<(found + needle.count)].elementsEqual(needle),
               found == 0 || !Self.isWordScalar(bundledText[found - 1]),
               found + needle.count == bundledText.count || !Self.isWordScalar(bundledText[found + needle.count]) {
                return true
            }
            start = found + 1
        }
        return false
    }

    static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.isAlphabetic || ("0"..."9").contains(scalar)
    }

    /// Whitespace runs (a folded YAML line's break and indent) as one space.
    static func folded(_ text: String) -> String.UnicodeScalarView {
        var result = String.UnicodeScalarView()
        var inSpace = false
        for scalar in text.unicodeScalars {
            if scalar.properties.isWhitespace {
                if !inSpace { result.append(" ") }
                inSpace = true
            } else {
                result.append(scalar)
                inSpace = false
            }
        }
        return result
    }
}
