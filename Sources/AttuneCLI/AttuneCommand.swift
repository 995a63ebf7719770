import ArgumentParser
import ContentModel
import Diagnostics
import GFM
import Rendering
import Workbook

/// `attune`: the root command. Subcommands do the work; this type only
/// dispatches and turns errors into exit codes.
package struct AttuneCommand: ParsableCommand {
    package static let version = "0.1.0"

    /// `attune --version`: this release, the cmark-gfm it renders with, and
    /// the fingerprint of the bundled material (the one every output names),
    /// so a supervisor can tell two cohorts' material apart.
    package static var versionReport: String {
        """
        attune \(version)
        cmark-gfm \(CmarkGFMLibrary.version)
        material \(Resources.bundledFingerprint)
        """
    }

    package static let configuration = CommandConfiguration(
        commandName: "attune",
        abstract: "Reflective-practice workbooks on rupture and repair in the therapeutic alliance.",
        discussion: """
        A week with Attune: 'attune new' writes this week's journal, you answer its \
        questions in any editor, and 'attune build' turns it into a workbook in HTML \
        and Markdown. Nothing leaves your machine.
        """,
        version: versionReport,
        subcommands: [NewCommand.self, FormCommand.self, ImportCommand.self, BuildCommand.self, CheckCommand.self, SiteCommand.self, HandoutsCommand.self, TrendsCommand.self]
    )

    package init() {}

    /// Exit codes: 0 done, 1 the input had problems (all printed), 64 the
    /// command line itself was wrong.
    package static func execute(_ arguments: [String]) -> Int32 {
        let environment = Environment.current
        do {
            var command = try parseAsRoot(arguments)
            try command.run()
            return 0
        } catch let error as MissingPrinter {
            environment.errors("attune: " + error.message)
            return 1
        } catch let error as InputProblems {
            for diagnostic in error.diagnostics { environment.errors(diagnostic.description) }
            environment.errors(error.summary)
            return 1
        } catch {
            let message = fullMessage(for: error)
            let code = exitCode(for: error)
            if code == .success {
                if !message.isEmpty { environment.output(message) }
            } else {
                environment.errors(message)
            }
            return code.rawValue
        }
    }
}

/// Problems in the user's files: printed one per line, then a summary.
struct InputProblems: Error {
    var diagnostics: [Diagnostic]
    var summary: String

    init(_ diagnostics: [Diagnostic], stoppedWhile step: String, wroteNothing: Bool = true) {
        self.diagnostics = diagnostics
        let errors = diagnostics.filter { $0.severity == .error }.count
        let findings = diagnostics.filter { $0.severity == .privacy }.count
        var counts: [String] = []
        if errors > 0 { counts.append("\(errors) error\(errors == 1 ? "" : "s")") }
        if findings > 0 { counts.append("\(findings) possible client identifier\(findings == 1 ? "" : "s")") }
        self.summary = "attune: \(counts.joined(separator: " and ")) while \(step)" + (wroteNothing ? "; nothing was written." : ".")
    }

    init(_ error: BuildError) {
        self.init(error.diagnostics, stoppedWhile: "trying to \(error.step.rawValue)")
    }
}

/// Flags every command that reads the material shares.
struct MaterialOptions: ParsableArguments {
    @Option(name: .customLong("content"), help: ArgumentHelp(
        "A folder of content YAML overlaying the bundled material (same file name or ID replaces it).",
        valueName: "dir"))
    var contentOverlay: String?

    @Option(name: .customLong("templates"), help: ArgumentHelp(
        "A folder of templates overlaying the bundled ones (same file name replaces it).",
        valueName: "dir"))
    var templatesOverlay: String?

    func load() throws -> Resources {
        do {
            return try Resources.load(
                contentOverlay: contentOverlay, templatesOverlay: templatesOverlay,
                fileSystem: Environment.current.fileSystem
            )
        } catch {
            throw InputProblems(error.diagnostics, stoppedWhile: "loading content and templates")
        }
    }
}

extension ValidationError {
    /// `--week` as every command spells its mistake.
    static func requireISOWeek(_ week: String?) throws {
        if let week, ISOWeek(week) == nil {
            throw ValidationError("'\(week)' is not an ISO week; write it like 2026-W47.")
        }
    }

    /// `--start` as every command spells its mistake.
    static func requireDate(_ date: String?) throws {
        if let date, ISOWeek.ofDate(date) == nil {
            throw ValidationError("'\(date)' is not a date; write it like 2026-10-05.")
        }
    }
}
