import Files
import Foundation
import Testing

/// What an interruption (Ctrl-C, `kill`) leaves: nothing a run staged.
/// Each test has its own `Interruption`, since one that has interrupted
/// keeps its gate until the process ends.
@Suite("Interrupting a run", .timeLimit(.minutes(1)))
struct InterruptionTests {
    final class Said: @unchecked Sendable {
        private let lock = NSLock()
        private var value: String?
        func set(_ text: String) { lock.withLock { value = text } }
        var text: String? { lock.withLock { value } }
    }

    @Test("an interruption just as a run makes its staging folder waits for the run to know it, then removes it")
    func whileMakingStaging() throws {
        let interruption = Interruption()
        let disk = InMemoryFileSystem(files: ["out/mine.txt": "mine"])
        let said = Said()
        let done = DispatchSemaphore(value: 0)
        disk.afterCreatingDirectory = { path in
            guard path.contains(OutputRun.stagingPrefix) else { return }
            Thread {
                said.set(interruption.interrupt())
                done.signal()
            }.start()
            // Long enough for the interruption to be waiting at the gate.
            Thread.sleep(forTimeInterval: 0.1)
        }
        let run = try OutputRun(fileSystem: disk, folder: "out", permissions: .privateDirectory, interruption: interruption)
        done.wait()
        #expect(said.text == "interrupted: nothing was changed")
        #expect(!disk.directoryExists(at: run.stagingRoot))
        #expect(disk.snapshot == ["out/mine.txt": "mine"])
    }

    @Test("an interruption after a run has staged files removes them, and the folder is as it was")
    func afterStaging() throws {
        let interruption = Interruption()
        let disk = InMemoryFileSystem(files: ["out/mine.txt": "mine", "out/a.html": "old"])
        let run = try OutputRun(fileSystem: disk, folder: "out", permissions: .privateDirectory, interruption: interruption)
        try run.stage(Data("new".utf8), as: "a.html", permissions: .privateFile)
        #expect(interruption.interrupt() == "interrupted: nothing was changed")
        #expect(disk.snapshot == ["out/mine.txt": "mine", "out/a.html": "old"])
        #expect(!disk.directoryExists(at: run.stagingRoot))
    }
}
