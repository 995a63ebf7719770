/// A place in a file a user can jump to: 1-based line and column, columns
/// counted in Unicode scalars (as libyaml and most editors' "column" count).
package struct SourceLocation: Hashable, Sendable, Comparable {
    package var path: String
    package var line: Int
    package var column: Int

    package init(path: String, line: Int, column: Int) {
        self.path = path
        self.line = line
        self.column = column
    }

    package static func < (lhs: Self, rhs: Self) -> Bool {
        (lhs.path, lhs.line, lhs.column) < (rhs.path, rhs.line, rhs.column)
    }
}

/// One problem found in the user's input, printed the way compilers print
/// them so editors and terminals can link straight to the spot.
package struct Diagnostic: Hashable, Sendable, CustomStringConvertible {
    package enum Severity: String, Sendable {
        case error, warning, note
        /// A likely client identifier: blocks anything meant to be shared.
        case privacy
    }

    package var location: SourceLocation
    package var severity: Severity
    package var message: String

    package init(_ severity: Severity = .error, at location: SourceLocation, _ message: String) {
        self.severity = severity
        self.location = location
        self.message = message
    }

    package static func error(_ message: String, at location: SourceLocation) -> Diagnostic {
        Diagnostic(.error, at: location, message)
    }

    package static func warning(_ message: String, at location: SourceLocation) -> Diagnostic {
        Diagnostic(.warning, at: location, message)
    }

    /// `path:line:column: error: message`
    package var description: String {
        "\(location.path):\(location.line):\(location.column): \(severity.rawValue): \(message)"
    }
}

/// Thrown when any input had errors. Carries every problem found, not just
/// the first, so one run shows the user everything to fix.
package struct DiagnosticError: Error, Sendable, CustomStringConvertible {
    package var diagnostics: [Diagnostic]

    package init(_ diagnostics: [Diagnostic]) {
        self.diagnostics = diagnostics
    }

    package var description: String {
        diagnostics.map(\.description).joined(separator: "\n")
    }
}

extension Array where Element == Diagnostic {
    /// Errors and privacy findings both stop a run that would share them.
    package var hasErrors: Bool { contains { $0.severity == .error || $0.severity == .privacy } }
    package var errors: [Diagnostic] { filter { $0.severity == .error || $0.severity == .privacy } }

    /// Sorted by file, then position; keeps the order of problems at one spot.
    package var sortedByLocation: [Diagnostic] {
        enumerated()
            .sorted { ($0.element.location, $0.offset) < ($1.element.location, $1.offset) }
            .map(\.element)
    }
}
