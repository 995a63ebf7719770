import Foundation

/// The real disk.
public struct LocalFileSystem: FileSystem {
    public init() {}

    public func readText(at path: String) throws -> String {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw fileExists(at: path) || directoryExists(at: path)
                ? FileSystemError.io(path, "cannot be read")
                : FileSystemError.notFound(path)
        }
        guard let text = String(data: data, encoding: .utf8) else { throw UTF8Position.error(path, data) }
        return text
    }

    public func fileExists(at path: String) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && !isDirectory.boolValue
    }

    public func directoryExists(at path: String) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
    }

    public func files(under path: String) throws -> [String] {
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
    public func writeAtomically(_ data: Data, to path: String, permissions: FilePermissions) throws {
        let target = URL(fileURLWithPath: path)
        let directory = target.deletingLastPathComponent().path
        let temporary = directory + "/.\(target.lastPathComponent).\(UUID().uuidString).tmp"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode_t(permissions.mode))
        guard descriptor >= 0 else {
            throw FileSystemError.io(path, "cannot be written (\(String(cString: strerror(errno))))")
        }
        var failure: String?
        data.withUnsafeBytes { (buffer: UnsafeRawBufferPointer) in
            var offset = 0
            while offset < buffer.count {
                let written = write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    failure = String(cString: strerror(errno))
                    return
                }
                offset += written
            }
        }
        // The mode given to open() is masked by the umask; set it exactly.
        if failure == nil, fchmod(descriptor, mode_t(permissions.mode)) != 0 { failure = String(cString: strerror(errno)) }
        if close(descriptor) != 0, failure == nil { failure = String(cString: strerror(errno)) }
        if failure == nil, rename(temporary, path) != 0 { failure = String(cString: strerror(errno)) }
        if let failure {
            unlink(temporary)
            throw FileSystemError.io(path, failure)
        }
    }

    public func createDirectory(at path: String, permissions: FilePermissions) throws {
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

    public func removeFile(at path: String) throws {
        guard fileExists(at: path) else { throw FileSystemError.notFound(path) }
        if unlink(path) != 0 { throw FileSystemError.io(path, String(cString: strerror(errno))) }
    }

    public func moveFile(from source: String, to destination: String) throws {
        guard fileExists(at: source) else { throw FileSystemError.notFound(source) }
        if rename(source, destination) != 0 { throw FileSystemError.io(destination, String(cString: strerror(errno))) }
    }

    public func append(_ data: Data, to path: String, permissions: FilePermissions) throws {
        let descriptor = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, mode_t(permissions.mode))
        guard descriptor >= 0 else { throw FileSystemError.io(path, "cannot be written (\(String(cString: strerror(errno))))") }
        defer { close(descriptor) }
        let failure: String? = data.withUnsafeBytes { (buffer: UnsafeRawBufferPointer) -> String? in
            var offset = 0
            while offset < buffer.count {
                let written = write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    return String(cString: strerror(errno))
                }
                offset += written
            }
            return nil
        }
        if let failure { throw FileSystemError.io(path, failure) }
        if fchmod(descriptor, mode_t(permissions.mode)) != 0 { throw FileSystemError.io(path, String(cString: strerror(errno))) }
    }
}
