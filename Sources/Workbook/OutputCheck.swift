import Diagnostics
import Files

extension OutputGuard {
    /// Stops the run, before anything is written, when an output is, holds
    /// or sits inside one of the run's inputs (see `OutputGuard`). Inputs
    /// that are `nil` (an overlay not given) are skipped.
    public func check(outputs: [String], inputs: [String?]) throws(DiagnosticError) {
        let conflicts = refusals(outputs: outputs, inputs: inputs.compactMap { $0 })
        guard !conflicts.isEmpty else { return }
        throw DiagnosticError(conflicts.map { .error($0.description, at: SourceLocation(path: $0.output, line: 1, column: 1)) })
    }
}
