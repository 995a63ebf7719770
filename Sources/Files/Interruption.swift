import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// What an interrupted run (Ctrl-C, `kill`) leaves behind: nothing.
///
/// Every change to the disk in progress is known here: each `OutputRun`
/// while it stages, and each temporary file `writeAtomically` has open.
/// Staging a file holds a shared lock; committing a run (its renames) and
/// `interrupt` hold it exclusively. So `interrupt` waits for the file being
/// written, or for a commit already started, to finish; then removes what
/// every run staged and ends the process, while no other thread can stage
/// anything more. A run is all or nothing even when interrupted.
///
/// SIGKILL cannot be caught: what a killed run staged stays on disk under
/// names starting `.attune-staging-`, and the next run into that folder
/// removes it (see `OutputRun`).
package final class Interruption: @unchecked Sendable {
    package static let shared = Interruption()

    private let gate: UnsafeMutablePointer<pthread_rwlock_t>
    /// Guarded by `gate` held exclusively, or by `registry`.
    private var runs: [ObjectIdentifier: OutputRun] = [:]
    private var temporaries: Set<String> = []
    /// Other things to undo (a browser to kill, its profile to remove), by token.
    private var cleanups: [Int: @Sendable () -> Void] = [:]
    private var nextCleanup = 0
    /// Whether any run put its output in place before the interruption.
    private var committed = false
    private let registry = NSLock()

    /// One per process (`shared`); tests make their own, since
    /// `interrupt` never gives its gate back.
    package init() {
        gate = .allocate(capacity: 1)
        pthread_rwlock_init(gate, nil)
    }

    /// Runs `body` (which stages one file) so that an interruption waits for it.
    func whileStaging<T>(_ body: () throws -> T) rethrows -> T {
        pthread_rwlock_rdlock(gate)
        defer { pthread_rwlock_unlock(gate) }
        return try body()
    }

    /// The same, for a temporary file that an interruption removes.
    func whileStaging<T>(temporary: String, _ body: () throws -> T) rethrows -> T {
        pthread_rwlock_rdlock(gate)
        defer { pthread_rwlock_unlock(gate) }
        registry.withLock { _ = temporaries.insert(temporary) }
        defer { registry.withLock { _ = temporaries.remove(temporary) } }
        return try body()
    }

    /// Runs `body` (a commit or a discard) with nothing else staging and no
    /// interruption able to start.
    func exclusively<T>(_ body: () throws -> T) rethrows -> T {
        pthread_rwlock_wrlock(gate)
        defer { pthread_rwlock_unlock(gate) }
        return try body()
    }

    /// Runs `body` if the process is interrupted (before it exits), until
    /// `removeAtInterrupt` is called with the token returned.
    package func atInterrupt(_ body: @escaping @Sendable () -> Void) -> Int {
        registry.withLock {
            nextCleanup += 1
            cleanups[nextCleanup] = body
            return nextCleanup
        }
    }

    package func removeAtInterrupt(_ token: Int) {
        registry.withLock { _ = cleanups.removeValue(forKey: token) }
    }

    func register(_ run: OutputRun) {
        registry.withLock { runs[ObjectIdentifier(run)] = run }
    }

    /// Called with the gate held exclusively.
    func finished(_ run: OutputRun, committed: Bool) {
        registry.withLock {
            runs.removeValue(forKey: ObjectIdentifier(run))
            if committed { self.committed = true }
        }
    }

    /// Removes what every run staged and says what happened. Returns the
    /// line to print: the caller prints it and exits (see `attune`'s
    /// signal handling). Holds the gate from then on, so nothing more is
    /// staged before the process ends.
    package func interrupt() -> String {
        pthread_rwlock_wrlock(gate)
        let (open, loose, done, others) = registry.withLock { (Array(runs.values), temporaries, committed, Array(cleanups.values)) }
        for cleanup in others { cleanup() }
        for run in open { run.discardHoldingGate() }
        for path in loose { unlink(path) }
        if done && open.isEmpty {
            return "interrupted: the output was already complete and in place; nothing was left half-written"
        }
        return "interrupted: nothing was changed"
    }
}
