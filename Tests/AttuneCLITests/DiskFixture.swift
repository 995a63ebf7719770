import Foundation

/// A scratch folder on the real disk with the example journal and cohort in
/// it, for running the real `attune` binary as a user would, and a way to
/// tell that nothing in it changed.
struct DiskFixture {
    let root: URL
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// `journal/2026-W47.md` and `cohort/` (roster.yaml, roster.csv, journals/).
    init() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("attune-disk-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: Self.repository.appendingPathComponent("Examples/journal"), to: root.appendingPathComponent("journal"))
        try FileManager.default.copyItem(at: Self.repository.appendingPathComponent("Examples/cohort"), to: root.appendingPathComponent("cohort"))
    }

    func remove() { try? FileManager.default.removeItem(at: root) }

    func path(_ relative: String) -> String { root.appendingPathComponent(relative).path }

    func write(_ text: String, to relative: String) throws {
        let url = root.appendingPathComponent(relative)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }

    func read(_ relative: String) -> String? {
        FileManager.default.contents(atPath: path(relative)).map { String(decoding: $0, as: UTF8.self) }
    }

    /// Runs the binary in `folder` (relative to the fixture's root).
    @discardableResult
    func run(_ arguments: [String], in folder: String = "") throws -> (status: Int32, stdout: String, stderr: String) {
        try AttuneBinary.run(arguments, in: folder.isEmpty ? root : root.appendingPathComponent(folder))
    }

    /// Every entry under the root, hidden ones included: a file's bytes, a
    /// symlink's target, a folder's mere presence.
    func snapshot(_ under: String = "") -> [String: String] {
        Self.snapshot(of: under.isEmpty ? root.path : path(under))
    }

    static func snapshot(of top: String) -> [String: String] {
        var result: [String: String] = [:]
        var pending = [""]
        while let relative = pending.popLast() {
            let full = relative.isEmpty ? top : top + "/" + relative
            guard let names = try? FileManager.default.contentsOfDirectory(atPath: full) else { continue }
            for name in names {
                let child = relative.isEmpty ? name : relative + "/" + name
                let childPath = top + "/" + child
                var info = stat()
                guard lstat(childPath, &info) == 0 else { continue }
                switch info.st_mode & S_IFMT {
                case S_IFLNK:
                    result[child] = "symlink → " + ((try? FileManager.default.destinationOfSymbolicLink(atPath: childPath)) ?? "?")
                case S_IFDIR:
                    result[child] = "folder"
                    pending.append(child)
                default:
                    result[child] = FileManager.default.contents(atPath: childPath).map { String(decoding: $0, as: UTF8.self) } ?? "?"
                }
            }
        }
        return result
    }
}
