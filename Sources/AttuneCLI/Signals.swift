import Files
import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Ctrl-C (SIGINT), `kill` (SIGTERM) and a closed standard output (SIGPIPE,
/// as when `attune ... | head -1` stops reading): what the run staged is
/// removed, a browser printing PDFs is stopped and its profile removed,
/// "interrupted: nothing was changed" is printed, and the process exits
/// 130, 143 or 141 (128 + the signal), as a shell expects.
///
/// A signal handler may do almost nothing safely, so it only writes the
/// signal's number to a pipe; a thread waiting on the pipe does the work
/// (`Interruption.interrupt()`), which first waits for any file being
/// written or any commit under way to finish.
package enum Signals {
    /// The pipe's write end, set once before any handler is installed.
    nonisolated(unsafe) static var pipeWrite: Int32 = -1

    /// Installs the handlers. Called once, by `attune`'s entry point.
    package static func install() {
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
        for signal in [SIGINT, SIGTERM, SIGPIPE] {
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

    /// Writes a line to standard output or error. When the reader has gone
    /// (EPIPE: SIGPIPE was raised and the run is being interrupted), waits
    /// for the interruption to end the process rather than carry on, so a
    /// closed pipe ends a run exactly as Ctrl-C would.
    package static func writeLine(_ line: String, to descriptor: Int32) {
        writeText(line + "\n", to: descriptor)
    }

    /// The same, with no line break added (progress drawn in place).
    package static func writeText(_ text: String, to descriptor: Int32) {
        var bytes = Array(text.utf8)
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeMutableBytes { systemWrite(descriptor, $0.baseAddress! + offset, $0.count - offset) }
            if written >= 0 { offset += written; continue }
            if errno == EINTR { continue }
            if errno == EPIPE, pipeWrite >= 0 { while true { pause() } }
            return
        }
    }

    /// Async-signal-safe: one write(2).
    private static let handle: @convention(c) (Int32) -> Void = { number in
        var number = number
        _ = write(Signals.pipeWrite, &number, MemoryLayout<Int32>.size)
    }
}

/// write(2), by a name the `Signals.write` methods do not hide.
private func systemWrite(_ descriptor: Int32, _ buffer: UnsafeRawPointer, _ count: Int) -> Int {
    write(descriptor, buffer, count)
}
