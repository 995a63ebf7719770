import Diagnostics
import Testing

/// Swift Testing has a `SourceLocation` of its own; these tests mean Attune's.
typealias SourceLocation = Diagnostics.SourceLocation

@Suite("Diagnostic prints like a compiler")
struct DiagnosticTests {
    let location = SourceLocation(path: "journal/2026-W47.md", line: 4, column: 8)

    @Test("an error prints as path:line:column: error: message")
    func errorDescription() {
        let diagnostic = Diagnostic.error("unknown focus 'x'", at: location)
        #expect(diagnostic.description == "journal/2026-W47.md:4:8: error: unknown focus 'x'")
        #expect(diagnostic.severity == .error)
    }

    @Test("a warning prints as path:line:column: warning: message")
    func warningDescription() {
        let diagnostic = Diagnostic.warning("empty answer", at: location)
        #expect(diagnostic.description == "journal/2026-W47.md:4:8: warning: empty answer")
        #expect(diagnostic.severity == .warning)
    }

    @Test("a note prints as path:line:column: note: message")
    func noteDescription() {
        let diagnostic = Diagnostic(.note, at: location, "first answered here")
        #expect(diagnostic.description == "journal/2026-W47.md:4:8: note: first answered here")
    }

    @Test("the plain initialiser makes an error")
    func defaultSeverity() {
        #expect(Diagnostic(at: location, "x") == .error("x", at: location))
    }

    @Test("DiagnosticError prints every diagnostic, one a line, in the order given")
    func errorDescriptionLists() {
        let error = DiagnosticError([
            .error("second", at: SourceLocation(path: "b.md", line: 2, column: 1)),
            .warning("first", at: SourceLocation(path: "a.md", line: 1, column: 3)),
        ])
        #expect(error.description == "b.md:2:1: error: second\na.md:1:3: warning: first")
    }
}

@Suite("SourceLocation order")
struct SourceLocationTests {
    @Test("locations order by path, then line, then column")
    func ordering() {
        let a = SourceLocation(path: "a.md", line: 9, column: 9)
        let b1 = SourceLocation(path: "b.md", line: 1, column: 5)
        let b2 = SourceLocation(path: "b.md", line: 2, column: 1)
        let b2later = SourceLocation(path: "b.md", line: 2, column: 7)
        #expect(a < b1)
        #expect(b1 < b2)
        #expect(b2 < b2later)
        #expect(!(b2 < b2))
        #expect([b2later, b1, a, b2].sorted() == [a, b1, b2, b2later])
    }

    @Test("line 10 comes after line 9 (numbers, not text)")
    func numericOrder() {
        #expect(SourceLocation(path: "a", line: 9, column: 1) < SourceLocation(path: "a", line: 10, column: 1))
        #expect(SourceLocation(path: "a", line: 1, column: 9) < SourceLocation(path: "a", line: 1, column: 10))
    }
}

@Suite("Arrays of diagnostics")
struct DiagnosticArrayTests {
    func at(_ path: String, _ line: Int, _ column: Int) -> SourceLocation {
        SourceLocation(path: path, line: line, column: column)
    }

    @Test("sortedByLocation orders by path, line and column")
    func sorted() {
        let diagnostics: [Diagnostic] = [
            .error("c", at: at("b.md", 3, 1)),
            .error("a", at: at("a.md", 10, 2)),
            .error("b", at: at("b.md", 1, 4)),
            .error("d", at: at("b.md", 3, 2)),
            .error("e", at: at("a.md", 2, 7)),
        ]
        #expect(diagnostics.sortedByLocation.map(\.message) == ["e", "a", "b", "c", "d"])
    }

    @Test("sortedByLocation keeps the original order of problems at the same spot")
    func stableForTies() {
        let spot = at("j.md", 5, 1)
        let diagnostics: [Diagnostic] = [
            .error("later spot", at: at("j.md", 6, 1)),
            .error("third", at: spot),
            .warning("first", at: spot),
            .error("earlier spot", at: at("j.md", 1, 1)),
            .error("second", at: spot),
        ]
        #expect(diagnostics.sortedByLocation.map(\.message) == ["earlier spot", "third", "first", "second", "later spot"])
        #expect(diagnostics.reversed().sortedByLocation.map(\.message)
            == ["earlier spot", "second", "first", "third", "later spot"])
    }

    @Test("hasErrors is true only when some diagnostic is an error")
    func hasErrors() {
        let warning = Diagnostic.warning("w", at: at("a", 1, 1))
        let note = Diagnostic(.note, at: at("a", 1, 1), "n")
        let error = Diagnostic.error("e", at: at("a", 2, 1))
        #expect(![Diagnostic]().hasErrors)
        #expect(![warning, note].hasErrors)
        #expect([warning, error, note].hasErrors)
    }

    @Test("errors keeps only the errors, in order")
    func errors() {
        let diagnostics: [Diagnostic] = [
            .error("e1", at: at("a", 1, 1)),
            .warning("w", at: at("a", 2, 1)),
            Diagnostic(.note, at: at("a", 3, 1), "n"),
            .error("e2", at: at("a", 4, 1)),
        ]
        #expect(diagnostics.errors.map(\.message) == ["e1", "e2"])
        #expect(diagnostics.errors.allSatisfy { $0.severity == .error })
    }
}
