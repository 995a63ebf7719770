import Foundation

/// 100 handouts to PDF, side by side with Chromium printing the same
/// all.html alone: the issue's target is Attune within 1.5× of it.
///
/// Both sides start a browser with a fresh profile and print; Attune also
/// renders the handouts, prints all.html once (with a named page per
/// handout), then writes all.pdf with blank pages for odd starts and cuts
/// each trainee's PDF out of it (Printing's PDF writer). Printing each
/// handout on its own as well, as Attune first did, measured 3.16× here.
///
/// Written to results.md as a section of its own, so `make bench-pdf` can
/// rerun just these rows and keep the rest of the file.
enum PDFBench {
    static let begin = "<!-- bench-pdf -->"
    static let end = "<!-- /bench-pdf -->"

    static func chromium() -> String? {
        for folder in (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin").split(separator: ":") {
            let candidate = "\(folder)/chromium"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }

    /// Runs the two rows; returns the section's Markdown, or nil without Chromium.
    @MainActor static func run(attune: String, inputs: inout Inputs, root: String, runs: Int) -> String? {
        guard let chromium = chromium() else {
            FileHandle.standardError.write(Data("PDF rows skipped: no chromium (apt-get install chromium)\n".utf8))
            return nil
        }
        FileHandle.standardError.write(Data("PDF: 100 handouts\n".utf8))
        let roster = inputs.roster(size: 100)
        let html = root + "/pdf-html"
        _ = Measure.run([attune, "handouts", roster, "--out", html, "--format", "html"])
        var report = Report(runs: runs)
        var number = 0
        report.add("attune handouts, N = 100, PDF", "attune handouts roster.yaml --out DIR --format pdf",
                   Measure.repeated(runs) {
                       number += 1
                       return Measure.run([attune, "handouts", roster, "--out", root + "/pdf-attune-\(number)", "--format", "pdf"])
                   }, items: 100, unit: "handouts")
        var arguments = [chromium, "--headless", "--no-pdf-header-footer", "--disable-gpu"]
        if geteuid() == 0 { arguments.append("--no-sandbox") }
        report.add("chromium --print-to-pdf all.html, N = 100", "chromium --headless --no-pdf-header-footer --user-data-dir=NEW --print-to-pdf=all.pdf all.html",
                   Measure.repeated(runs) {
                       number += 1
                       let profile = root + "/pdf-chromium-profile-\(number)"
                       return Measure.run(arguments + ["--user-data-dir=\(profile)", "--print-to-pdf=\(root)/pdf-chromium-\(number).pdf", html + "/all.html"])
                   }, items: 100, unit: "handouts")
        let attuneRow = report.rows[0], chromiumRow = report.rows[1]
        let ratio = attuneRow.summary.wall.median / chromiumRow.summary.wall.median
        var text = "\(begin)\n## PDF: 100 handouts\n\n"
        text += "Attune printing a cohort of 100 (`--format pdf`: all.pdf and one PDF per trainee) beside Chromium printing the same all.html alone, each with a fresh browser profile; median of \(runs) runs after a warm-up.\n\n"
        text += "| comparison | measured | target |\n| --- | --- | --- |\n"
        text += "| Attune handouts to PDF (N = 100) / Chromium printing all.html alone | \(String(format: "%.2f×", ratio)) | at most 1.5× |\n\n"
        text += "| benchmark | median s | min–max s | CPU s | peak MB | rate |\n| --- | ---: | ---: | ---: | ---: | ---: |\n"
        for row in report.rows {
            text += "| \(row.name) | \(String(format: "%.3f", row.summary.wall.median)) | "
                + "\(String(format: "%.3f–%.3f", row.summary.wall.min, row.summary.wall.max)) | "
                + "\(String(format: "%.3f", row.summary.cpu)) | \(String(format: "%.1f", row.summary.peakMB)) | \(row.rate) |\n"
        }
        text += "\n"
        for row in report.rows { text += "- \(row.name): `\(row.command)`\n" }
        text += "\n\(end)\n"
        report.print()
        return text
    }

    /// `previous` (results.md) with its PDF section replaced by `section`,
    /// or `section` put before the resources section (or at the end).
    static func splice(_ section: String, into previous: String) -> String {
        if let start = previous.range(of: begin), let stop = previous.range(of: end + "\n", range: start.upperBound..<previous.endIndex) {
            return String(previous[..<start.lowerBound]) + section + String(previous[stop.upperBound...])
        }
        if let resources = previous.range(of: "<!-- bench-resources -->") {
            return String(previous[..<resources.lowerBound]) + section + "\n" + String(previous[resources.lowerBound...])
        }
        return previous + "\n" + section
    }
}
