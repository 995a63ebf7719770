import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// One run of a command: wall time, CPU time (user + system, children
/// included) and peak resident memory, read from `wait4`'s rusage.
struct Sample {
    var wall: Double
    var cpu: Double
    var peakMB: Double
}

enum Measure {
    /// Runs `arguments` (the first is the program) with stdout and stderr
    /// sent to /dev/null unless `output` names a file; fails loudly on a
    /// non-zero exit so a broken command never produces a figure.
    static func run(_ arguments: [String], in directory: String? = nil, output: String? = nil) -> Sample {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 1, output ?? "/dev/null", O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        let previous = FileManager.default.currentDirectoryPath
        if let directory { _ = FileManager.default.changeCurrentDirectoryPath(directory) }
        defer { _ = FileManager.default.changeCurrentDirectoryPath(previous) }

        let argv = arguments.map { strdup($0) } + [nil]
        defer { for arg in argv { free(arg) } }
        // The last run's files are still being written back to disk; on two
        // cores that would be charged to this run. Each run starts clean.
        sync()
        var pid: pid_t = 0
        let start = DispatchTime.now()
        guard posix_spawnp(&pid, arguments[0], &actions, nil, argv, environ) == 0 else {
            fatalError("cannot start \(arguments[0])")
        }
        var status: Int32 = 0
        var usage = rusage()
        wait4(pid, &status, 0, &usage)
        let wall = Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
        guard status == 0 else { fatalError("\(arguments.joined(separator: " ")) exited with status \(status)") }
        let cpu = Double(usage.ru_utime.tv_sec) + Double(usage.ru_utime.tv_usec) / 1e6
            + Double(usage.ru_stime.tv_sec) + Double(usage.ru_stime.tv_usec) / 1e6
        return Sample(wall: wall, cpu: cpu, peakMB: Double(usage.ru_maxrss) / 1024)
    }

    /// `runs` samples of `body`, after one warm-up run that is discarded.
    static func repeated(_ runs: Int, warmUp: Bool = true, _ body: () -> Sample) -> [Sample] {
        if warmUp { _ = body() }
        return (0..<runs).map { _ in body() }
    }
}

/// Median and range of a set of samples.
struct Summary {
    var wall: (median: Double, min: Double, max: Double)
    var cpu: Double
    var peakMB: Double

    init(_ samples: [Sample]) {
        let walls = samples.map(\.wall).sorted()
        wall = (walls[walls.count / 2], walls.first!, walls.last!)
        cpu = samples.map(\.cpu).sorted()[samples.count / 2]
        peakMB = samples.map(\.peakMB).max()!
    }
}

extension Measure {
    /// Runs each command in turn and reports them as one sample: total wall
    /// time, total CPU, the largest peak.
    static func sequence(_ commands: [[String]]) -> Sample {
        let start = DispatchTime.now()
        let samples = commands.map { run($0) }
        let wall = Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
        return Sample(wall: wall, cpu: samples.map(\.cpu).reduce(0, +), peakMB: samples.map(\.peakMB).max() ?? 0)
    }

    /// Whether a command exits 0 (used to skip benchmarks of commands a
    /// build does not have).
    static func succeeds(_ arguments: [String]) -> Bool {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: arguments[0])
        process.arguments = Array(arguments.dropFirst())
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return false }
        process.waitUntilExit()
        return process.terminationStatus == 0
    }
}

extension Measure {
    /// What a command prints on standard output (the privacy corpus score
    /// is a report, not a timing), or nil when it cannot run or fails.
    static func output(_ arguments: [String]) -> String? {
        let pipe = Pipe()
        let process = Process()
        process.executableURL = URL(fileURLWithPath: arguments[0])
        process.arguments = Array(arguments.dropFirst())
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return nil }
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return process.terminationStatus == 0 ? String(decoding: data, as: UTF8.self) : nil
    }
}
