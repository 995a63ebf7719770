import Files
import struct SystemPackage.FilePath

extension OutputGuard {
    /// Stops the run, before anything is written, when an output is, holds
    /// or sits inside one of the run's inputs (see `OutputGuard`). Inputs
    /// that are `nil` (an overlay not given) are skipped.
    package func check(outputs: [String], inputs: [String?]) throws(DiagnosticError) {
        let conflicts = refusals(outputs: outputs, inputs: inputs.compactMap { $0 })
        guard !conflicts.isEmpty else { return }
        throw DiagnosticError(conflicts.map { .error($0.description, at: SourceLocation(path: $0.output, line: 1, column: 1)) })
    }

    /// The run's inputs as `OutputWriter` takes them; an overlay not given
    /// (`nil`) is skipped.
    package static func inputs(_ inputs: [String?]) -> [FilePath] {
        inputs.compactMap { $0 }.map { FilePath($0) }
    }
}

extension DiagnosticError {
    /// A write `OutputWriter` refused or that failed, as the run reports it:
    /// an output over an input as `OutputGuard.check` words it, at the
    /// output; anything else as 'cannot write' at `path`, the output as the
    /// user named it.
    package init(writing error: Error, at path: String) {
        if case OutputRefusal.overInputs(let conflicts) = error {
            self.init(conflicts.map { .error($0.description, at: SourceLocation(path: $0.output, line: 1, column: 1)) })
        } else {
            self.init([.error("cannot write: \(error)", at: SourceLocation(path: path, line: 1, column: 1))])
        }
    }
}
