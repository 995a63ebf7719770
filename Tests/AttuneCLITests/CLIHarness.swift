import AttuneCLI
import Files
import Foundation
import Printing

/// Runs `attune` in-process against an in-memory disk and a fixed clock,
/// capturing what it prints.
final class CLIHarness: @unchecked Sendable {
    let fileSystem: InMemoryFileSystem
    private let lock = NSLock()
    private var out: [String] = []
    private var err: [String] = []

    /// 2026-11-18 12:00 UTC: a Wednesday in ISO week 2026-W47.
    static let wednesdayOfW47 = Date(timeIntervalSince1970: 1_795_003_200)

    /// What `--format pdf` prints with: none (as if Chromium were not
    /// installed) unless a test gives one.
    let printer: PDFPrinter?

    init(files: [String: String] = [:], printer: PDFPrinter? = nil) {
        fileSystem = InMemoryFileSystem(files: files)
        self.printer = printer
    }

    var stdout: String { lock.withLock { out.joined(separator: "\n") } }
    var stderr: String { lock.withLock { err.joined(separator: "\n") } }

    @discardableResult
    func run(_ arguments: String...) -> Int32 {
        let environment = Environment(
            fileSystem: fileSystem,
            now: { Self.wednesdayOfW47 },
            output: { [self] line in lock.withLock { out.append(line) } },
            errors: { [self] line in lock.withLock { err.append(line) } },
            printer: { [printer] in printer }
        )
        return Environment.$current.withValue(environment) {
            AttuneCommand.execute(arguments)
        }
    }
}

/// Prints each page as a stand-in PDF that names its running head and size,
/// and counts the pages it was given.
final class FakePrinter: PDFPrinter, @unchecked Sendable {
    private let lock = NSLock()
    private var jobs: [PrintJob] = []
    var printed: [PrintJob] { lock.withLock { jobs } }

    func print(_ jobs: [PrintJob]) throws(PrintError) -> [Data] {
        lock.withLock { self.jobs += jobs }
        return jobs.map { Data("%PDF-fake \($0.runningHead ?? "") \($0.html.count)\n<</Type /Page>>\n".utf8) }
    }
}
