import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Output folders on the real disk: `flock(2)` locks, and every rename or
/// removal inside an output folder made through descriptors opened with
/// `O_NOFOLLOW`, one folder at a time (`openat`, `renameat`, `unlinkat`), so
/// a symlink planted inside the folder, even while the run is renaming,
/// makes the call fail rather than reach outside.
extension LocalFileSystem {
    package func lockFolder(at path: String, waiting: (() -> Void)?) throws -> FolderLock? {
        let descriptor = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { throw FileSystemError.io(path, "cannot be locked (\(String(cString: strerror(errno))))") }
        if flock(descriptor, LOCK_EX | LOCK_NB) != 0 {
            guard errno == EWOULDBLOCK, let waiting else {
                close(descriptor)
                return nil
            }
            waiting()
            while flock(descriptor, LOCK_EX) != 0 {
                guard errno == EINTR else {
                    let failure = String(cString: strerror(errno))
                    close(descriptor)
                    throw FileSystemError.io(path, "cannot be locked (\(failure))")
                }
            }
        }
        return FolderLock { close(descriptor) }
    }

    package func createDirectoryExclusively(at path: String, permissions: FilePermissions) throws {
        // mkdir(2) never follows a symlink at its last part: EEXIST.
        guard mkdir(path, mode_t(permissions.mode)) == 0 else {
            if errno == EEXIST { throw FileSystemError.alreadyExists(path) }
            throw FileSystemError.io(path, "cannot create folder (\(String(cString: strerror(errno))))")
        }
        chmod(path, mode_t(permissions.mode))
    }

    package func hiddenEntries(in folder: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).filter { $0.hasPrefix(".") }.sorted()
    }

    package func removeTree(at path: String) throws {
        var info = stat()
        guard lstat(path, &info) == 0 else { throw FileSystemError.notFound(path) }
        if info.st_mode & S_IFMT == S_IFDIR {
            for name in (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? [] {
                try removeTree(at: path + "/" + name)
            }
            if rmdir(path) != 0 { throw FileSystemError.io(path, String(cString: strerror(errno))) }
        } else if unlink(path) != 0 {
            throw FileSystemError.io(path, String(cString: strerror(errno)))
        }
    }

    package func move(_ source: String, to relative: String, inside folder: String, permissions: FilePermissions) throws {
        let (directory, name) = try openParent(of: relative, inside: folder, creatingWith: permissions)
        defer { close(directory) }
        if renameat(AT_FDCWD, source, directory, name) != 0 {
            throw FileSystemError.io(OutputGuard.join(folder, relative), String(cString: strerror(errno)))
        }
    }

    package func removeFile(_ relative: String, inside folder: String) throws {
        let (directory, name) = try openParent(of: relative, inside: folder, creatingWith: nil)
        defer { close(directory) }
        if unlinkat(directory, name, 0) != 0 {
            if errno == ENOENT { throw FileSystemError.notFound(OutputGuard.join(folder, relative)) }
            throw FileSystemError.io(OutputGuard.join(folder, relative), String(cString: strerror(errno)))
        }
    }

    package func obstacle(to relative: String, inside folder: String) -> String? {
        var path = folder
        let parts = relative.split(separator: "/").map(String.init)
        var info = stat()
        for part in parts.dropLast() {
            path = OutputGuard.join(path, part)
            guard lstat(path, &info) == 0 else { return nil }
            if info.st_mode & S_IFMT == S_IFLNK { return "\(path) is a symbolic link; Attune never writes or removes through a link inside its output folder" }
            if info.st_mode & S_IFMT != S_IFDIR { return "\(path) is not a folder" }
        }
        if lstat(OutputGuard.join(folder, relative), &info) == 0, info.st_mode & S_IFMT == S_IFDIR { return "is a folder" }
        return nil
    }

    /// The folder `relative` is in, opened one part at a time from `folder`
    /// without following a symlink; missing folders made when `permissions`
    /// is given. Returns its descriptor and `relative`'s last part.
    private func openParent(of relative: String, inside folder: String, creatingWith permissions: FilePermissions?) throws -> (Int32, String) {
        let parts = relative.split(separator: "/").map(String.init)
        guard let name = parts.last, !parts.contains(".."), !parts.contains(".") else {
            throw FileSystemError.io(OutputGuard.join(folder, relative), "is not a path inside the folder")
        }
        // The output folder itself may be a link the user chose (--out).
        var directory = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard directory >= 0 else { throw FileSystemError.io(folder, String(cString: strerror(errno))) }
        var path = folder
        for part in parts.dropLast() {
            path = OutputGuard.join(path, part)
            var next = openat(directory, part, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
            if next < 0, errno == ENOENT, let permissions {
                if mkdirat(directory, part, mode_t(permissions.mode)) != 0, errno != EEXIST {
                    close(directory)
                    throw FileSystemError.io(path, "cannot create folder (\(String(cString: strerror(errno))))")
                }
                next = openat(directory, part, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
                if next >= 0 { fchmod(next, mode_t(permissions.mode)) }
            }
            let failure = errno
            close(directory)
            guard next >= 0 else {
                if failure == ELOOP || failure == ENOTDIR {
                    throw FileSystemError.io(path, "is a symbolic link or not a folder; Attune never writes or removes through a link inside its output folder")
                }
                if failure == ENOENT { throw FileSystemError.notFound(OutputGuard.join(folder, relative)) }
                throw FileSystemError.io(path, String(cString: strerror(failure)))
            }
            directory = next
        }
        return (directory, name)
    }
}
