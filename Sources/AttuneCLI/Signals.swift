import Files
import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Ctrl-C (SIGINT) and `kill` (SIGTERM): what the run staged is removed,
/// "interrupted: nothing was changed" is printed, and the process exits
/// 130 or 143 (128 + the signal), as a shell expects.
///
/// A signal handler may do almost nothing safely, so it only writes the
/// signal's number to a pipe; a thread waiting on the pipe does the work
/// (`Interruption.interrupt()`), which first waits for any file being
/// written or any commit under way to finish.
public enum Signals {
    /// The pipe's write end, set once before any handler is installed.
    nonisolated(unsafe) static var pipeWrite: Int32 = -1

    /// Installs the handlers. Called once, by `attune`'s entry point.
    public static func install() {
        var ends: [Int32] = [0, 0]
        guard pipe(&ends) == 0 else { return }
        pipeWrite = ends[1]
        let readEnd = ends[0]
        let thread = Thread {
            var number: Int32 = 0
            while read(readEnd, &number, MemoryLayout<Int32>.size) != MemoryLayout<Int32>.size {
                if errno != EINTR { return }
            }
            let message = Interruption.shared.interrupt()
            let line = "attune: \(message)\n"
            _ = line.withCString { write(STDERR_FILENO, $0, strlen($0)) }
            _exit(128 + number)
        }
        thread.start()
        for signal in [SIGINT, SIGTERM] {
            var action = sigaction()
            #if canImport(Darwin)
            action.__sigaction_u.__sa_handler = Signals.handle
            #else
            action.__sigaction_handler.sa_handler = Signals.handle
            #endif
            sigemptyset(&action.sa_mask)
            action.sa_flags = SA_RESTART
            sigaction(signal, &action, nil)
        }
    }

    /// Async-signal-safe: one write(2).
    private static let handle: @convention(c) (Int32) -> Void = { number in
        var number = number
        _ = write(Signals.pipeWrite, &number, MemoryLayout<Int32>.size)
    }
}
