import Diagnostics
import Testing

@Suite("A pipeline step names its failure")
struct PipelineErrorTests {
    enum Step: String, PipelineStep {
        case read = "read files"
        case write = "write files"
    }

    let location = SourceLocation(path: "journal/2026-W47.md", line: 3, column: 1)

    @Test("a step that succeeds returns its value unchanged")
    func success() throws {
        let value = try Step.read.run { () throws(DiagnosticError) in 42 }
        #expect(value == 42)
    }

    @Test("a step that fails is named in the error, with every diagnostic it found, in order")
    func failure() {
        let problems: [Diagnostic] = [.error("first", at: location), .warning("second", at: location)]
        do {
            _ = try Step.write.run { () throws(DiagnosticError) -> Int in throw DiagnosticError(problems) }
            Issue.record("the step should have failed")
        } catch {
            #expect(error.step == .write)
            #expect(error.step.rawValue == "write files")
            #expect(error.diagnostics == problems)
        }
    }

    @Test("the message is the diagnostics alone, one a line, whatever the step")
    func description() {
        let problems: [Diagnostic] = [.error("first", at: location), .error("second", at: location)]
        let read = PipelineError(step: Step.read, diagnostics: problems)
        let write = PipelineError(step: Step.write, diagnostics: problems)
        #expect(read.description == "journal/2026-W47.md:3:1: error: first\njournal/2026-W47.md:3:1: error: second")
        #expect(read.description == write.description)
    }

    @Test("no diagnostics print as an empty message")
    func empty() {
        #expect(PipelineError(step: Step.read, diagnostics: []).description == "")
    }
}
