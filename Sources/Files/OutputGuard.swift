import Foundation

/// What a file or folder is, whatever path names it: two paths with the same
/// identity are one file (a symlink, a hard link, `./x` and `x`, a bind mount).
package struct FileIdentity: Hashable, Sendable {
    /// `device:inode` on disk; the resolved path for file systems without inodes.
    package let key: String
    package init(key: String) { self.key = key }
}

extension FileSystem {
    /// Lexical stand-ins for file systems without inodes (`InMemoryFileSystem`,
    /// test doubles): the path with `.`, `..` and repeated slashes resolved,
    /// rooted at `/`. `LocalFileSystem` resolves symlinks and asks the kernel.
    package func resolvedPath(_ path: String) -> String? {
        let lexical = OutputGuard.lexical(path)
        let relative = OutputGuard.relative(lexical)
        guard lexical == "/" || fileExists(at: path) || directoryExists(at: path)
            || fileExists(at: relative) || directoryExists(at: relative) else { return nil }
        return lexical
    }

    package func identity(at path: String) -> FileIdentity? {
        resolvedPath(path).map(FileIdentity.init(key:))
    }
}

/// One reason an output may not be written where it was asked to go.
package struct OutputConflict: Sendable, Equatable, CustomStringConvertible {
    package enum Relation: Sendable, Equatable {
        /// The output is the input itself (perhaps through a link).
        case isInput
        /// The output folder has the input in it, at any depth.
        case holdsInput
        /// The output would land inside a folder the run reads from.
        case insideInputFolder
    }

    /// The output as the user named it.
    package var output: String
    /// The input as the user (or the roster) named it.
    package var input: String
    package var relation: Relation

    package var description: String {
        switch relation {
        case .isInput:
            return "this output is \(input), which this run reads; Attune never writes over its inputs, so choose another output"
        case .holdsInput:
            return "this output folder holds \(input), which this run reads; Attune never writes over its inputs, so choose another output folder"
        case .insideInputFolder:
            return "this output is inside \(input), a folder this run reads; Attune never writes among its inputs, so choose an output outside it"
        }
    }
}

/// Keeps every output away from every input, by identity rather than by
/// spelling: `--out .` over a journal, `--out journal`, `--out
/// journal/2026-W47.md`, a symlink to a journal, a hard link, a shared
/// journal inside the handouts folder. Checked before anything is written.
///
/// An output may not be an input, may not be a folder that holds one at any
/// depth, and may not be inside a folder of inputs (the next run would read
/// what this one wrote as an input).
package struct OutputGuard: Sendable {
    package let fileSystem: FileSystem

    package init(fileSystem: FileSystem) {
        self.fileSystem = fileSystem
    }

    /// Every conflict between `outputs` and `inputs`; missing inputs are
    /// skipped (reading them reports that). Folder inputs count with every
    /// file in them, so a symlinked journal inside a journal folder is
    /// followed to where it really is.
    package func conflicts(outputs: [String], inputs: [String]) -> [OutputConflict] {
        var resolvedInputs: [(name: String, path: String, identity: FileIdentity, isFolder: Bool)] = []
        for input in inputs {
            guard let path = fileSystem.resolvedPath(input), let identity = fileSystem.identity(at: input) else { continue }
            let isFolder = fileSystem.directoryExists(at: input)
            resolvedInputs.append((input, path, identity, isFolder))
            guard isFolder, let names = try? fileSystem.files(under: input) else { continue }
            for name in names {
                let file = Self.join(input, name)
                guard let path = fileSystem.resolvedPath(file), let identity = fileSystem.identity(at: file) else { continue }
                resolvedInputs.append((file, path, identity, false))
            }
        }
        var found: [OutputConflict] = []
        for output in outputs {
            let outputIdentity = fileSystem.identity(at: output)
            let outputIsFolder = fileSystem.directoryExists(at: output)
            // Every folder the output is, or would be, inside.
            let enclosing = Set(ancestors(ofOutput: output))
            // The most telling relation first: "is the journal" over "is inside the journal folder".
            if let input = resolvedInputs.first(where: { outputIdentity != nil && $0.identity == outputIdentity }) {
                found.append(OutputConflict(output: output, input: input.name, relation: .isInput))
            } else if outputIsFolder, let outputIdentity, let input = resolvedInputs.first(where: { input in
                Self.parents(of: input.path).contains { fileSystem.identity(at: $0) == outputIdentity }
            }) {
                found.append(OutputConflict(output: output, input: input.name, relation: .holdsInput))
            } else if let input = resolvedInputs.first(where: { $0.isFolder && enclosing.contains($0.identity) }) {
                found.append(OutputConflict(output: output, input: input.name, relation: .insideInputFolder))
            }
        }
        return found
    }

    /// `conflicts`, less any about a file inside a folder already refused: a
    /// folder refused is enough said about the files that would go in it.
    package func refusals(outputs: [String], inputs: [String]) -> [OutputConflict] {
        var refused: [OutputConflict] = []
        for conflict in conflicts(outputs: outputs, inputs: inputs)
        where !refused.contains(where: { conflict.output.hasPrefix($0.output.hasSuffix("/") ? $0.output : $0.output + "/") }) {
            refused.append(conflict)
        }
        return refused
    }

    /// The identities of the folders `output` is in, nearest first, found
    /// from the nearest part of its path that exists, symlinks resolved.
    private func ancestors(ofOutput output: String) -> [FileIdentity] {
        if let real = fileSystem.resolvedPath(output) {
            return Self.parents(of: real).compactMap { fileSystem.identity(at: $0) }
        }
        var path = output
        while true {
            let trimmed = path.hasSuffix("/") && path.count > 1 ? String(path.dropLast()) : path
            guard let slash = trimmed.lastIndex(of: "/") else { path = "."; break }
            path = slash == trimmed.startIndex ? "/" : String(trimmed[..<slash])
            if fileSystem.resolvedPath(path) != nil || path == "/" { break }
        }
        guard let real = fileSystem.resolvedPath(path) else { return [] }
        return ([real] + Self.parents(of: real)).compactMap { fileSystem.identity(at: $0) }
    }

    /// `/a/b/c` → `/a/b`, `/a`, `/`.
    static func parents(of path: String) -> [String] {
        var result: [String] = []
        var current = path
        while current != "/" {
            current = parent(of: current)
            result.append(current)
        }
        return result
    }

    static func parent(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/"), slash != path.startIndex else { return "/" }
        return String(path[..<slash])
    }

    /// A lexical absolute path back as the relative path it came from.
    static func relative(_ path: String) -> String {
        path == "/" ? "." : String(path.dropFirst())
    }

    static func join(_ folder: String, _ name: String) -> String {
        folder.hasSuffix("/") ? folder + name : folder + "/" + name
    }

    /// `path` with `.`, `..` and repeated slashes resolved, rooted at `/`
    /// (a relative path as if the working folder were `/`).
    package static func lexical(_ path: String) -> String {
        var parts: [Substring] = []
        for part in path.split(separator: "/") {
            if part == "." { continue }
            if part == ".." { _ = parts.popLast(); continue }
            parts.append(part)
        }
        return "/" + parts.joined(separator: "/")
    }
}
