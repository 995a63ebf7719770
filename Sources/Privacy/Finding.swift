import Diagnostics

/// The identifier kinds that can turn up in prose: the HIPAA Safe Harbor
/// categories, split where a clinician would want the right label (an NHS
/// number is not a phone number), plus places and workplaces.
package enum IdentifierCategory: String, CaseIterable, Sendable, Comparable {
    case name
    case place
    case workplace
    case date
    case age
    case phone
    case email
    case address
    case postcode
    case url
    case handle
    case ipAddress = "ip-address"
    case idNumber = "id-number"
    case nhsNumber = "nhs-number"
    case passport
    case imei
    case cardNumber = "card-number"
    case vehicle
    case initials
    /// Details harmless alone that together point at one person: an age
    /// with an occupation ("a 34-year-old firefighter"), a workplace with
    /// its town ("the Tesco in Filey").
    case indirect

    /// What `--redact` writes in place of a finding.
    package var placeholder: String { "[\(rawValue)]" }

    package static func < (lhs: Self, rhs: Self) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}

/// One likely identifier: what, where, and the exact text.
package struct Finding: Hashable, Sendable, CustomStringConvertible {
    package var category: IdentifierCategory
    package var text: String
    package var location: SourceLocation
    /// Set when an allow-list entry or an inline marker lets this through;
    /// says which, so an allowance is never invisible.
    package var allowedBy: String?

    package init(category: IdentifierCategory, text: String, location: SourceLocation, allowedBy: String? = nil) {
        self.category = category
        self.text = text
        self.location = location
        self.allowedBy = allowedBy
    }

    /// `path:line:column: privacy: name: "Maria Lopez"`
    package var description: String {
        let place = "\(location.path):\(location.line):\(location.column)"
        if let allowedBy {
            return "\(place): note: privacy: \(category.rawValue): \"\(text)\" allowed by \(allowedBy)"
        }
        return "\(place): privacy: \(category.rawValue): \"\(text)\""
    }
}

extension Finding {
    /// The same line as `description`, as a diagnostic: `privacy` severity
    /// for a finding, a `note` for one that an allowance let through.
    package var diagnostic: Diagnostic {
        if let allowedBy {
            return Diagnostic(.note, at: location, "privacy: \(category.rawValue): \"\(text)\" allowed by \(allowedBy)")
        }
        return Diagnostic(.privacy, at: location, "\(category.rawValue): \"\(text)\"")
    }
}
