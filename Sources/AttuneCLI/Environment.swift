import Files
import Foundation
import Printing
import Rendering
import Workbook

/// What a command touches outside itself: the disk, the clock, the terminal.
/// Tests swap it with `Environment.$current.withValue(...)`.
package struct Environment: Sendable {
    package var fileSystem: FileSystem
    package var now: @Sendable () -> Date
    package var output: @Sendable (String) -> Void
    package var errors: @Sendable (String) -> Void
    /// The PDF printer for one run (one browser), or nil when none is
    /// installed; asked only when a command is given `--format pdf`.
    package var printer: @Sendable () -> PDFPrinter?

    package init(
        fileSystem: FileSystem, now: @escaping @Sendable () -> Date,
        output: @escaping @Sendable (String) -> Void, errors: @escaping @Sendable (String) -> Void,
        printer: @escaping @Sendable () -> PDFPrinter? = { Chromium.locate().map { Chromium(executable: $0) } }
    ) {
        self.printer = printer
        self.fileSystem = fileSystem
        self.now = now
        self.output = output
        self.errors = errors
    }

    package static let live = Environment(
        fileSystem: LocalFileSystem(),
        now: { Date() },
        output: { Signals.writeLine($0, to: STDOUT_FILENO) },
        errors: { Signals.writeLine($0, to: STDERR_FILENO) }
    )

    @TaskLocal package static var current = Environment.live
}

/// `--format pdf` asked for with no browser to print with: one line naming
/// the package to install, and nothing written.
struct MissingPrinter: Error {
    var message = Chromium.missingMessage
}

extension Environment {
    /// The printer when `formats` has PDF, nil when not; throws before
    /// anything is read or written when PDF is asked for and cannot be made.
    func printer(for formats: [OutputFormat]) throws -> PDFPrinter? {
        guard formats.contains(.pdf) else { return nil }
        guard let printer = printer() else { throw MissingPrinter() }
        return printer
    }
}
