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

    public func writeAtomically(_ data: Data, to path: String, permissions: FilePermissions) throws {
        let target = URL(fileURLWithPath: path)
        let directory = target.deletingLastPathComponent().path
        let temporary = directory + "/.\(target.lastPathComponent).\(UUID().uuidString).tmp"
        guard FileManager.default.createFile(
            atPath: temporary, contents: data, attributes: [.posixPermissions: permissions.mode]
        ) else {
            throw FileSystemError.io(path, "cannot be written (is the folder writable?)")
        }
        if rename(temporary, path) != 0 {
            let reason = String(cString: strerror(errno))
            try? FileManager.default.removeItem(atPath: temporary)
            throw FileSystemError.io(path, reason)
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
}
