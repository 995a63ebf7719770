import Foundation
import Testing

/// The real `attune` binary, run as a user would: from an empty folder,
/// with no flags, using only what is compiled into it.
@Suite("The attune binary")
struct BinaryTests {
    @Test("works from any folder with the bundled content: new, build, check")
    func endToEnd() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("attune-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }

        let new = try AttuneBinary.run(["new", "--week", "2026-W47", "--therapist", "Sam"], in: folder)
        #expect(new.status == 0, "\(new.stderr)")
        let build = try AttuneBinary.run(["build"], in: folder)
        #expect(build.status == 0, "\(build.stderr)")
        #expect(build.stdout == "Wrote out/2026-W47.html\nWrote out/2026-W47.md\n")
        let check = try AttuneBinary.run(["check"], in: folder)
        #expect(check.status == 0)

        let attributes = try FileManager.default.attributesOfItem(atPath: folder.appendingPathComponent("out/2026-W47.html").path)
        #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600)
    }

    @Test("exits 1 with errors on standard error for a bad journal, 64 for a bad flag")
    func exitCodes() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("attune-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try "---\nweek: 2026-W47\n".write(to: folder.appendingPathComponent("j.md"), atomically: true, encoding: .utf8)

        let bad = try AttuneBinary.run(["build", "j.md"], in: folder)
        #expect(bad.status == 1)
        #expect(bad.stdout.isEmpty)
        #expect(bad.stderr == "j.md:1:1: error: the front matter that starts here is never closed with a '---' line\nattune: 1 error while trying to read journals; nothing was written.\n")
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("out").path))

        let usage = try AttuneBinary.run(["build", "--nope"], in: folder)
        #expect(usage.status == 64)
    }

    @Test("--version and the completion scripts come from the binary itself, with nothing on disk")
    func versionAndCompletions() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("attune-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }

        let version = try AttuneBinary.run(["--version"], in: folder)
        #expect(version.status == 0)
        #expect(version.stdout.hasPrefix("attune "))
        #expect(version.stdout.split(separator: "\n").count == 3)
        for (shell, marker) in [("bash", "-F _attune attune"), ("zsh", "#compdef attune"), ("fish", "complete -c 'attune'")] {
            let script = try AttuneBinary.run(["--generate-completion-script", shell], in: folder)
            #expect(script.status == 0, "\(shell): \(script.stderr)")
            #expect(script.stdout.contains(marker), "\(shell)")
            for command in ["new", "build", "check", "handouts", "site", "trends", "form", "import"] {
                #expect(script.stdout.contains(command), "\(shell) completes \(command)")
            }
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty)
    }
}
