import Files
import Foundation

/// What a command touches outside itself: the disk, the clock, the terminal.
/// Tests swap it with `Environment.$current.withValue(...)`.
public struct Environment: Sendable {
    public var fileSystem: FileSystem
    public var now: @Sendable () -> Date
    public var output: @Sendable (String) -> Void
    public var errors: @Sendable (String) -> Void

    public init(
        fileSystem: FileSystem, now: @escaping @Sendable () -> Date,
        output: @escaping @Sendable (String) -> Void, errors: @escaping @Sendable (String) -> Void
    ) {
        self.fileSystem = fileSystem
        self.now = now
        self.output = output
        self.errors = errors
    }

    public static let live = Environment(
        fileSystem: LocalFileSystem(),
        now: { Date() },
        output: { FileHandle.standardOutput.write(Data(($0 + "\n").utf8)) },
        errors: { FileHandle.standardError.write(Data(($0 + "\n").utf8)) }
    )

    @TaskLocal public static var current = Environment.live
}
