import Foundation

/// The figures of one benchmark run, as a terminal table and as Markdown.
struct Report {
    struct Row {
        var name: String
        var command: String
        var summary: Summary
        var items: Int?
        var unit: String?

        var rate: String {
            guard let items, let unit else { return "" }
            return String(format: "%.0f %@/s", Double(items) / summary.wall.median, unit)
        }
    }

    let runs: Int
    var rows: [Row] = []
    /// `privacy-eval`'s tables (recall and precision per kind), when run.
    var privacyCorpus: String?

    mutating func add(_ name: String, _ command: String, _ samples: [Sample], items: Int?, unit: String?) {
        rows.append(Row(name: name, command: command, summary: Summary(samples), items: items, unit: unit))
    }

    func row(_ name: String) -> Row? { rows.first { $0.name == name } }

    /// The ratios the targets are stated in.
    var ratios: [(String, String, String)] {
        var result: [(String, String, String)] = []
        if let attune = row("attune handouts, N = 1000"), let cmark = row("cmark-gfm, the 1,000 handouts concatenated") {
            result.append(("Attune handouts (N = 1,000) / cmark-gfm on the same Markdown",
                           String(format: "%.2f×", attune.summary.wall.median / cmark.summary.wall.median), "at most 2×"))
        }
        if let attune = row("attune handouts, N = 1000, written to tmpfs"), let cmark = row("cmark-gfm, the 1,000 handouts concatenated") {
            result.append(("Attune handouts (N = 1,000, written to tmpfs) / cmark-gfm",
                           String(format: "%.2f×", attune.summary.wall.median / cmark.summary.wall.median), "at most 2×"))
        }
        if let attune = row("attune handouts, N = 1000"), let pandoc = row("pandoc -f gfm -s, one process per handout (100)") {
            let perAttune = attune.summary.wall.median / Double(attune.items!)
            let perPandoc = pandoc.summary.wall.median / Double(pandoc.items!)
            result.append(("pandoc / Attune, seconds per handout", String(format: "%.0f×", perPandoc / perAttune), "at least 100×"))
        }
        if let plain = row("attune check, 52 journals"), let guarded = row("attune check --privacy, 52 journals") {
            result.append(("attune check --privacy / attune check, 52 journals",
                           String(format: "%.2f×", guarded.summary.wall.median / plain.summary.wall.median), "at most 1.5×"))
        }
        if let small = row("attune handouts, N = 1000"), let large = row("attune handouts, N = 10000") {
            result.append(("Peak memory, N = 10,000 / N = 1,000",
                           String(format: "%.2f× (%.1f MB / %.1f MB)", large.summary.peakMB / small.summary.peakMB, large.summary.peakMB, small.summary.peakMB),
                           "at most 1.5×, under 100 MB"))
        }
        return result
    }

    func print() {
        let header = ["benchmark", "median s", "min–max s", "CPU s", "peak MB", "rate"]
        let lines = rows.map { row in
            [row.name, String(format: "%.3f", row.summary.wall.median),
             String(format: "%.3f–%.3f", row.summary.wall.min, row.summary.wall.max),
             String(format: "%.3f", row.summary.cpu), String(format: "%.1f", row.summary.peakMB), row.rate]
        }
        let widths = header.indices.map { column in ([header] + lines).map { $0[column].count }.max()! }
        for line in [header] + lines {
            Swift.print(line.enumerated().map { $1.padding(toLength: widths[$0], withPad: " ", startingAt: 0) }.joined(separator: "  "))
        }
        Swift.print("")
        for (name, value, target) in ratios { Swift.print("\(name): \(value) (target \(target))") }
    }

    func markdown(machine: String, attune: String) -> String {
        var text = """
        # Benchmark results

        Written by `make bench` (`Benchmarks/Sources/attune-bench`). Every figure is the
        median of \(runs) runs after a discarded warm-up (20 runs for the sub-second
        start-up commands), with the range; every ratio compares tools run side by
        side in the same session on the same input.

        Each run writes to a new folder and starts after `sync`, so no run pays for
        writing back the last one's files. Nothing is deleted until the end: on this
        machine's disk (ext4 without a journal) creating a file skips, one by one,
        the inodes deleted in the last minutes, so clearing the last run's 2,000
        files first made each new file cost about 0.25 ms, which measured the disk's
        bookkeeping rather than Attune. The tmpfs row takes the disk out entirely.

        ## Machine

        \(machine)

        ## Ratios

        | comparison | measured | target |
        | --- | --- | --- |

        """
        for (name, value, target) in ratios { text += "| \(name) | \(value) | \(target) |\n" }
        text += """

        ## Figures

        | benchmark | median s | min–max s | CPU s | peak MB | rate |
        | --- | ---: | ---: | ---: | ---: | ---: |

        """
        for row in rows {
            text += "| \(row.name) | \(String(format: "%.3f", row.summary.wall.median)) | "
                + "\(String(format: "%.3f–%.3f", row.summary.wall.min, row.summary.wall.max)) | "
                + "\(String(format: "%.3f", row.summary.cpu)) | \(String(format: "%.1f", row.summary.peakMB)) | \(row.rate) |\n"
        }
        text += "\n## Commands\n\n"
        for row in rows { text += "- \(row.name): `\(row.command)`\n" }
        text += "\nInputs are generated from a fixed seed: a roster of N trainees for 2026-W47 in which one in ten trainees shares a journal of their own, and 52 weekly journals for 2026, each scaffolded by `attune new` and filled with generated answers.\n"
        if let privacyCorpus {
            text += """

            ## Privacy guard on its labelled corpus

            Recall and precision per kind of identifier, scored by `privacy-eval`
            (the program behind `make privacy-eval`) on `Tests/PrivacyTests/Corpus`:
            the held-out split was never used to tune the guard.


            """
            text += privacyCorpus.trimmingCharacters(in: .whitespacesAndNewlines) + "\n"
        }
        return text
    }
}

enum Machine {
    static func describe() -> String {
        let cpuinfo = (try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8)) ?? ""
        let model = cpuinfo.split(separator: "\n").first { $0.hasPrefix("model name") }
            .map { $0.split(separator: ":", maxSplits: 1)[1].trimmingCharacters(in: .whitespaces) } ?? "unknown CPU"
        let memory = ProcessInfo.processInfo.physicalMemory / (1024 * 1024 * 1024)
        let version = { (tool: String) -> String in
            let pipe = Pipe()
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = [tool, "--version"]
            process.standardOutput = pipe
            process.standardError = FileHandle.nullDevice
            guard (try? process.run()) != nil else { return "not installed" }
            process.waitUntilExit()
            return String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
                .split(separator: "\n").first.map(String.init) ?? "unknown"
        }
        return """
        - CPU: \(model), \(ProcessInfo.processInfo.activeProcessorCount) cores
        - Memory: \(memory) GiB
        - cmark-gfm: \(version("cmark-gfm"))
        - pandoc: \(version("pandoc"))
        - Attune: release build (`swift build -c release`)
        """
    }
}
