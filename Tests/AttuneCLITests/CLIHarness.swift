import AttuneCLI
import Files
import Foundation

/// Runs `attune` in-process against an in-memory disk and a fixed clock,
/// capturing what it prints.
final class CLIHarness: @unchecked Sendable {
    let fileSystem: InMemoryFileSystem
    private let lock = NSLock()
    private var out: [String] = []
    private var err: [String] = []

    /// 2026-11-18 12:00 UTC: a Wednesday in ISO week 2026-W47.
    static let wednesdayOfW47 = Date(timeIntervalSince1970: 1_795_003_200)

    init(files: [String: String] = [:]) {
        fileSystem = InMemoryFileSystem(files: files)
    }

    var stdout: String { lock.withLock { out.joined(separator: "\n") } }
    var stderr: String { lock.withLock { err.joined(separator: "\n") } }

    @discardableResult
    func run(_ arguments: String...) -> Int32 {
        let environment = Environment(
            fileSystem: fileSystem,
            now: { Self.wednesdayOfW47 },
            output: { [self] line in lock.withLock { out.append(line) } },
            errors: { [self] line in lock.withLock { err.append(line) } }
        )
        return Environment.$current.withValue(environment) {
            AttuneCommand.execute(arguments)
        }
    }
}
