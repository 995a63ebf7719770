import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The real disk.
package struct LocalFileSystem: FileSystem {
    package init() {}

    /// No input Attune reads may be larger than this (each kind has a far
    /// smaller limit, checked before parsing; see `InputLimits`): a file
    /// this size is refused before it is read into memory at all.
    package static let largestReadable = 16 * 1024 * 1024

    /// Reads a regular file only: a pipe or a device (a FIFO, `/dev/zero`)
    /// would block or never end, so it is refused before any read. Opened
    /// without blocking, so even opening a FIFO with no writer returns.
    package func readText(at path: String) throws -> String {
        let data = try readData(at: path)
        guard let text = String(data: data, encoding: .utf8) else { throw UTF8Position.error(path, data) }
        return text
    }

    /// The file's bytes, under the same rules as `readText`.
    package func readData(at path: String) throws -> Data {
        let descriptor = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else {
            if errno == ENOENT || errno == ENOTDIR { throw FileSystemError.notFound(path) }
            throw FileSystemError.io(path, "cannot be read (\(String(cString: strerror(errno))))")
        }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { throw FileSystemError.io(path, "cannot be read") }
        guard info.st_mode & S_IFMT == S_IFREG else {
            throw FileSystemError.io(path, info.st_mode & S_IFMT == S_IFDIR
                ? "cannot be read"
                : "cannot be read: it is not a regular file (a pipe, a device or a socket)")
        }
        guard Int(info.st_size) <= Self.largestReadable else {
            throw FileSystemError.io(path, "is \(Int(info.st_size) / (1024 * 1024)) MiB; Attune reads no file over \(Self.largestReadable / (1024 * 1024)) MiB")
        }
        var data = Data()
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let count = buffer.withUnsafeMutableBytes { posixRead(descriptor, $0.baseAddress!, $0.count) }
            if count < 0, errno == EINTR { continue }
            guard count >= 0 else { throw FileSystemError.io(path, "cannot be read (\(String(cString: strerror(errno))))") }
            if count == 0 { break }
            data.append(contentsOf: buffer[..<count])
            // A file that grows while read is cut off at the cap, never read without end.
            guard data.count <= Self.largestReadable else {
                throw FileSystemError.io(path, "grew past \(Self.largestReadable / (1024 * 1024)) MiB while being read")
            }
        }
        return data
    }

    package func fileExists(at path: String) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && !isDirectory.boolValue
    }

    package func directoryExists(at path: String) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
    }

    package func files(under path: String) throws -> [String] {
        guard directoryExists(at: path) else { throw FileSystemError.notFound(path) }
        let root = URL(fileURLWithPath: path)
        guard let enumerator = FileManager.default.enumerator(
            at: root, includingPropertiesForKeys: [.isRegularFileKey], options: [.skipsHiddenFiles]
        ) else { throw FileSystemError.io(path, "cannot be listed") }
        let rootPath = root.standardizedFileURL.path
        var result: [String] = []
        for case let url as URL in enumerator {
            guard (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true else { continue }
            let full = url.standardizedFileURL.path
            result.append(String(full.dropFirst(rootPath.count).drop { $0 == "/" }))
        }
        return result.sorted()
    }

    /// One temporary file beside the target, then one `rename`: readers see
    /// the old file or the new one, never half of either. Written with POSIX
    /// calls rather than `FileManager.createFile`, which adds an `fsync` and a
    /// rename of its own per file: measured, that tripled the wall time of
    /// writing a cohort's handouts. Outputs can be rebuilt; journals are
    /// never rewritten, so durability across a power cut is not bought here.
    package func writeAtomically(_ data: Data, to path: String, permissions: FilePermissions) throws {
        let target = URL(fileURLWithPath: path)
        let directory = target.deletingLastPathComponent().path
        let temporary = directory + "/\(OutputRun.stagingPrefix)\(getpid())-\(UUID().uuidString).tmp"
        // An interruption waits for the rename, or removes the temporary file.
        try Interruption.shared.whileStaging(temporary: temporary) {
            try write(data, to: temporary, flags: O_EXCL | O_NOFOLLOW, permissions: permissions, reportedAs: path)
            if rename(temporary, path) != 0 {
                let failure = String(cString: strerror(errno))
                unlink(temporary)
                throw FileSystemError.io(path, failure)
            }
        }
    }

    package func write(_ data: Data, to path: String, permissions: FilePermissions) throws {
        try write(data, to: path, flags: O_TRUNC | O_NOFOLLOW, permissions: permissions, reportedAs: path)
    }

    package func createExclusively(_ data: Data, at path: String, permissions: FilePermissions) throws {
        try write(data, to: path, flags: O_EXCL | O_NOFOLLOW, permissions: permissions, reportedAs: path)
    }

    /// Creates `path` with `flags`, writes all of `data`, sets the mode
    /// exactly (open's is masked by the umask); removes the file on failure.
    private func write(_ data: Data, to path: String, flags: Int32, permissions: FilePermissions, reportedAs name: String) throws {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_CLOEXEC | flags, mode_t(permissions.mode))
        guard descriptor >= 0 else {
            throw FileSystemError.io(name, "cannot be written (\(String(cString: strerror(errno))))")
        }
        var failure = Self.writeAll(data, to: descriptor)
        if failure == nil, fchmod(descriptor, mode_t(permissions.mode)) != 0 { failure = String(cString: strerror(errno)) }
        if close(descriptor) != 0, failure == nil { failure = String(cString: strerror(errno)) }
        if let failure {
            unlink(path)
            throw FileSystemError.io(name, failure)
        }
    }

    /// `nil`, or why not every byte could be written.
    private static func writeAll(_ data: Data, to descriptor: Int32) -> String? {
        data.withUnsafeBytes { (buffer: UnsafeRawBufferPointer) -> String? in
            var offset = 0
            while offset < buffer.count {
                let written = posixWrite(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    return String(cString: strerror(errno))
                }
                offset += written
            }
            return nil
        }
    }

    package func createDirectory(at path: String, permissions: FilePermissions) throws {
        if directoryExists(at: path) { return }
        do {
            try FileManager.default.createDirectory(
                atPath: path, withIntermediateDirectories: true,
                attributes: [.posixPermissions: permissions.mode]
            )
        } catch {
            throw FileSystemError.io(path, "cannot create folder")
        }
    }

    package func removeFile(at path: String) throws {
        guard fileExists(at: path) else { throw FileSystemError.notFound(path) }
        if unlink(path) != 0 { throw FileSystemError.io(path, String(cString: strerror(errno))) }
    }

    package func moveFile(from source: String, to destination: String) throws {
        if rename(source, destination) != 0 {
            if errno == ENOENT, !fileExists(at: source), !directoryExists(at: source) { throw FileSystemError.notFound(source) }
            throw FileSystemError.io(destination, String(cString: strerror(errno)))
        }
    }

    package func removeDirectory(at path: String) throws {
        if rmdir(path) != 0 {
            if errno == ENOENT { throw FileSystemError.notFound(path) }
            throw FileSystemError.io(path, String(cString: strerror(errno)))
        }
    }

    package func append(_ data: Data, to path: String, permissions: FilePermissions) throws {
        let descriptor = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC | O_NOFOLLOW, mode_t(permissions.mode))
        guard descriptor >= 0 else { throw FileSystemError.io(path, "cannot be written (\(String(cString: strerror(errno))))") }
        defer { close(descriptor) }
        if let failure = Self.writeAll(data, to: descriptor) { throw FileSystemError.io(path, failure) }
        if fchmod(descriptor, mode_t(permissions.mode)) != 0 { throw FileSystemError.io(path, String(cString: strerror(errno))) }
    }

    package func resolvedPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    package func identity(at path: String) -> FileIdentity? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return FileIdentity(key: "\(info.st_dev):\(info.st_ino)")
    }
}

/// `write(2)` and `read(2)` from the platform's C library (imported above).
/// Named apart because `FileSystem.write` shadows the bare name inside
/// `LocalFileSystem`; out here the bare names are the C library's.
private func posixWrite(_ descriptor: Int32, _ bytes: UnsafeRawPointer, _ count: Int) -> Int {
    write(descriptor, bytes, count)
}

private func posixRead(_ descriptor: Int32, _ bytes: UnsafeMutableRawPointer, _ count: Int) -> Int {
    read(descriptor, bytes, count)
}
