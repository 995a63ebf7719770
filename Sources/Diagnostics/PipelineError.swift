/// One of a pipeline's named steps (build, handouts, site, trends). The raw
/// value is the step's name as a person would say it.
///
/// The shape lives here, in Diagnostics, because a pipeline failure *is* a
/// report of problems: the step adds only where in the run they were found.
/// Every pipeline already depends on Diagnostics, so sharing it here adds no
/// dependency, and a new pipeline gets the same error and helper by declaring
/// its steps as an enum conforming to this protocol.
package protocol PipelineStep: RawRepresentable, Sendable where RawValue == String {}

/// A failed pipeline run: the step it stopped in and every problem found by
/// then, each naming its file. One type for every pipeline, so a caller (the
/// CLI, `check`) reads every failure the same way.
package struct PipelineError<Step: PipelineStep>: Error, Sendable, CustomStringConvertible {
    package var step: Step
    package var diagnostics: [Diagnostic]

    package init(step: Step, diagnostics: [Diagnostic]) {
        self.step = step
        self.diagnostics = diagnostics
    }

    /// Exactly the diagnostics, one a line: the step is for callers, not the
    /// message, so messages are the same whichever step found them.
    package var description: String {
        diagnostics.map(\.description).joined(separator: "\n")
    }
}

extension PipelineStep {
    /// Runs `body` as this step: its problems come back as this step's failure.
    package func run<T>(_ body: () throws(DiagnosticError) -> T) throws(PipelineError<Self>) -> T {
        do {
            return try body()
        } catch {
            throw PipelineError(step: self, diagnostics: error.diagnostics)
        }
    }
}
