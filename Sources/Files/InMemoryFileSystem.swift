import Foundation

/// A file system that lives in a dictionary, for tests and dry runs.
package final class InMemoryFileSystem: FileSystem, @unchecked Sendable {
    private let lock = NSLock()
    private var storage: [String: (data: Data, permissions: FilePermissions)]
    private var directories: Set<String>

    package init(files: [String: String] = [:]) {
        storage = files.mapValues { (Data($0.utf8), .privateFile) }
        directories = []
        for path in files.keys { addParents(of: path) }
    }

    /// Every file's text, keyed by path.
    package var snapshot: [String: String] {
        lock.withLock { storage.mapValues { String(decoding: $0.data, as: UTF8.self) } }
    }

    /// A file's bytes as written (a PDF is not text).
    package func data(at path: String) -> Data? {
        lock.withLock { storage[normalize(path)]?.data }
    }

    package func permissions(at path: String) -> FilePermissions? {
        lock.withLock { storage[normalize(path)]?.permissions }
    }

    package func readText(at path: String) throws -> String {
        try lock.withLock {
            guard let entry = storage[normalize(path)] else { throw FileSystemError.notFound(path) }
            guard let text = String(data: entry.data, encoding: .utf8) else { throw UTF8Position.error(path, entry.data) }
            return text
        }
    }

    package func readData(at path: String) throws -> Data {
        try lock.withLock {
            guard let entry = storage[normalize(path)] else { throw FileSystemError.notFound(path) }
            return entry.data
        }
    }

    package func fileExists(at path: String) -> Bool {
        lock.withLock { storage[normalize(path)] != nil }
    }

    /// The working folder (`.`) always exists, as on disk.
    package func directoryExists(at path: String) -> Bool {
        OutputGuard.lexical(path) == "/" || lock.withLock { directories.contains(normalize(path)) }
    }

    package func files(under path: String) throws -> [String] {
        let prefix = normalize(path) + "/"
        return try lock.withLock {
            guard directories.contains(normalize(path)) else { throw FileSystemError.notFound(path) }
            return storage.keys
                .filter { $0.hasPrefix(prefix) }
                .map { String($0.dropFirst(prefix.count)) }
                .filter { !$0.split(separator: "/").contains { $0.hasPrefix(".") } }
                .sorted()
        }
    }

    package func writeAtomically(_ data: Data, to path: String, permissions: FilePermissions) throws {
        let key = normalize(path)
        try lock.withLock {
            try requireParent(of: key)
            storage[key] = (data, permissions)
        }
    }

    package func write(_ data: Data, to path: String, permissions: FilePermissions) throws {
        try writeAtomically(data, to: path, permissions: permissions)
    }

    package func createDirectory(at path: String, permissions: FilePermissions) throws {
        lock.withLock { directories.insert(normalize(path)); addParents(of: normalize(path)) }
        afterCreatingDirectory?(path)
    }

    /// Called after each folder is made: lets a test act at that moment
    /// (interrupt a run just as its staging folder appears).
    package var afterCreatingDirectory: (@Sendable (String) -> Void)?

    package func removeFile(at path: String) throws {
        try lock.withLock {
            guard storage.removeValue(forKey: normalize(path)) != nil else { throw FileSystemError.notFound(path) }
        }
    }

    package func append(_ data: Data, to path: String, permissions: FilePermissions) throws {
        let key = normalize(path)
        try lock.withLock {
            try requireParent(of: key)
            var entry = storage[key] ?? (Data(), permissions)
            entry.data.append(data)
            entry.permissions = permissions
            storage[key] = entry
        }
    }

    package func moveFile(from source: String, to destination: String) throws {
        let (from, to) = (normalize(source), normalize(destination))
        try lock.withLock {
            if let entry = storage.removeValue(forKey: from) {
                storage[to] = entry
                return
            }
            guard directories.contains(from) else { throw FileSystemError.notFound(source) }
            for key in storage.keys where key.hasPrefix(from + "/") {
                storage[to + key.dropFirst(from.count)] = storage.removeValue(forKey: key)
            }
            for folder in directories where folder == from || folder.hasPrefix(from + "/") {
                directories.remove(folder)
                directories.insert(to + folder.dropFirst(from.count))
            }
            addParents(of: to)
        }
    }

    package func removeDirectory(at path: String) throws {
        let key = normalize(path)
        try lock.withLock {
            guard directories.contains(key) else { throw FileSystemError.notFound(path) }
            guard !storage.keys.contains(where: { $0.hasPrefix(key + "/") }),
                  !directories.contains(where: { $0.hasPrefix(key + "/") }) else {
                throw FileSystemError.io(path, "Directory not empty")
            }
            directories.remove(key)
        }
    }

    package func hiddenEntries(in folder: String) -> [String] {
        let key = normalize(folder)
        let prefix = key == "." || key.isEmpty ? "" : key + "/"
        return lock.withLock {
            let names = (storage.keys.map { $0 } + directories.map { $0 })
                .filter { $0.hasPrefix(prefix) }
                .compactMap { $0.dropFirst(prefix.count).split(separator: "/").first.map(String.init) }
            return Set(names.filter { $0.hasPrefix(".") }).sorted()
        }
    }

    package func removeTree(at path: String) throws {
        let key = normalize(path)
        try lock.withLock {
            if storage.removeValue(forKey: key) != nil { return }
            guard directories.contains(key) else { throw FileSystemError.notFound(path) }
            for file in storage.keys where file.hasPrefix(key + "/") { storage.removeValue(forKey: file) }
            directories = directories.filter { $0 != key && !$0.hasPrefix(key + "/") }
        }
    }

    /// A file can only be written into a folder that exists, as on disk.
    private func requireParent(of key: String) throws {
        let parent = Self.parent(of: key)
        guard parent.isEmpty || parent == "." || directories.contains(parent) else {
            throw FileSystemError.notFound(parent)
        }
    }

    private func addParents(of path: String) {
        var parent = Self.parent(of: normalize(path))
        while !parent.isEmpty, parent != "/", parent != "." {
            directories.insert(parent)
            parent = Self.parent(of: parent)
        }
    }

    /// Everything before the last `/`; Foundation's path helpers are avoided
    /// here because they trap on some relative paths on Linux.
    private static func parent(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "" }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }

    private func normalize(_ path: String) -> String {
        var result = (path as NSString).standardizingPath
        if result.hasPrefix("./") { result.removeFirst(2) }
        return result
    }
}
