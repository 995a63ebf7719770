import Foundation

// Usage: attune-bench ATTUNE_BINARY [--runs N] [--quick] [--keep] [--pdf-only] [--privacy-eval BINARY CORPUS]
// (--pdf-only runs just 100 handouts to PDF beside Chromium, `make bench-pdf`;)
// (--keep leaves the generated inputs and outputs in place, to profile them;
// --privacy-eval adds the privacy guard's recall and precision per kind on
// its labelled corpus to the results.)
//
// Generates deterministic inputs in a temporary folder, times Attune's
// commands and, in the same run on the same Markdown, the tools a user
// would otherwise reach for (cmark-gfm alone, pandoc once per handout),
// then prints a table and writes Benchmarks/results.md. Figures are
// medians with min–max; the headline numbers are ratios, because this
// machine is shared and absolute seconds drift from run to run.

let arguments = CommandLine.arguments
guard arguments.count >= 2 else {
    FileHandle.standardError.write(Data("usage: attune-bench ATTUNE_BINARY [--runs N] [--quick] [--keep]\n".utf8))
    exit(2)
}
let attune = URL(fileURLWithPath: arguments[1]).standardizedFileURL.path
let quick = arguments.contains("--quick")
let runs = arguments.firstIndex(of: "--runs").map { Int(arguments[$0 + 1])! } ?? (quick ? 3 : 5)
let sizes = quick ? [100, 1_000] : [100, 1_000, 10_000]
let root = FileManager.default.temporaryDirectory.appendingPathComponent("attune-bench-\(getpid())").path
try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
let keep = arguments.contains("--keep")
defer {
    if keep { FileHandle.standardError.write(Data("kept \(root)\n".utf8)) } else { try? FileManager.default.removeItem(atPath: root) }
}

var inputs = Inputs(attune: attune, root: root)
var report = Report(runs: runs)
func note(_ text: String) { FileHandle.standardError.write(Data((text + "\n").utf8)) }
let resultsPath = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("results.md").path

// `--pdf-only` (make bench-pdf): just the PDF rows, spliced into results.md.
if arguments.contains("--pdf-only") {
    guard let section = PDFBench.run(attune: attune, inputs: &inputs, root: root, runs: runs) else { exit(1) }
    let previous = (try? String(contentsOfFile: resultsPath, encoding: .utf8)) ?? ""
    try PDFBench.splice(section, into: previous).write(toFile: resultsPath, atomically: true, encoding: .utf8)
    note("wrote \(resultsPath)")
    if !keep { try? FileManager.default.removeItem(atPath: root) }
    exit(0)
}

// Every run writes to a folder of its own, and nothing is deleted until the
// end. On ext4 without a journal (this machine's disk), the inodes of files
// deleted in the last minute are skipped, one by one, each time a file is
// created: removing the last run's 2,000 files before the next made every
// file creation cost ~0.25 ms (perf: find_inode_bit → recently_deleted),
// which measured the disk's bookkeeping rather than Attune.
var runNumber = 0
@MainActor func freshFolder(_ parent: String) -> String {
    runNumber += 1
    return parent + "/run-\(runNumber)"
}

// 1. Handouts for N trainees, HTML and Markdown.
var markdownFor1000: [String] = []
for size in sizes {
    note("handouts: N = \(size)")
    let roster = inputs.roster(size: size)
    var out = ""
    let samples = Measure.repeated(runs) {
        out = freshFolder(root + "/handouts-\(size)")
        return Measure.run([attune, "handouts", roster, "--out", out, "--format", "html,md"])
    }
    report.add("attune handouts, N = \(size)", "attune handouts roster.yaml --out DIR --format html,md", samples, items: size, unit: "handouts")
    if size == 1_000 {
        markdownFor1000 = (try FileManager.default.contentsOfDirectory(atPath: out))
            .filter { $0.hasSuffix(".md") }
            .sorted()
            .map { out + "/" + $0 }
    }
}

// 1b. The same N = 1,000 run writing to memory (tmpfs), where there is one:
// separates Attune's own work from the cost of creating 2,000 files on disk.
let memory = "/dev/shm/attune-bench-\(getpid())"
if sizes.contains(1_000), FileManager.default.fileExists(atPath: "/dev/shm") {
    note("handouts: N = 1000 on tmpfs")
    let roster = root + "/cohort-1000/roster.yaml"
    report.add("attune handouts, N = 1000, written to tmpfs", "attune handouts roster.yaml --out /dev/shm/DIR --format html,md",
               Measure.repeated(runs) {
                   Measure.run([attune, "handouts", roster, "--out", freshFolder(memory), "--format", "html,md"])
               }, items: 1_000, unit: "handouts")
}
defer { if !keep { try? FileManager.default.removeItem(atPath: memory) } }

// 2. A year of journals, the site, and check.
note("52-week archive")
let archive = inputs.archive()
report.add("attune build, 52 journals", "attune build archive/ --out DIR",
           Measure.repeated(runs) { Measure.run([attune, "build", archive, "--out", freshFolder(root + "/archive-out")]) }, items: 52, unit: "workbooks")
if Measure.succeeds([attune, "trends", "--help"]) {
    report.add("attune trends, 52 journals", "attune trends archive/ --out DIR",
               Measure.repeated(runs) { Measure.run([attune, "trends", archive, "--out", freshFolder(root + "/trends-out")]) }, items: 52, unit: "journals")
}
report.add("attune site (bundled content)", "attune site --out DIR",
           Measure.repeated(runs) { Measure.run([attune, "site", "--out", freshFolder(root + "/site")]) }, items: nil, unit: nil)
let empty = root + "/empty"
try FileManager.default.createDirectory(atPath: empty, withIntermediateDirectories: true)
report.add("attune check (bundled content)", "attune check, in an empty folder",
           Measure.repeated(max(runs, 20)) { Measure.run([attune, "check"], in: empty) }, items: nil, unit: nil)
report.add("attune check, 52 journals", "attune check archive/",
           Measure.repeated(runs) { Measure.run([attune, "check", archive]) }, items: 52, unit: "journals")
report.add("attune check --privacy, 52 journals", "attune check --privacy archive/",
           Measure.repeated(runs) { Measure.run([attune, "check", "--privacy", archive]) }, items: 52, unit: "journals")
report.add("attune --version", "attune --version",
           Measure.repeated(max(runs, 20)) { Measure.run([attune, "--version"]) }, items: nil, unit: nil)

// 3. Side by side, on the Markdown Attune produced for N = 1,000.
if !markdownFor1000.isEmpty {
    let concatenated = root + "/all-1000.md"
    let joined = try markdownFor1000.map { try String(contentsOfFile: $0, encoding: .utf8) }.joined(separator: "\n\n")
    try joined.write(toFile: concatenated, atomically: true, encoding: .utf8)
    note("cmark-gfm on \(markdownFor1000.count) handouts")
    report.add("cmark-gfm, the 1,000 handouts concatenated", "cmark-gfm -e table -e strikethrough -e autolink -e tagfilter -e tasklist all.md",
               Measure.repeated(runs) {
                   Measure.run(["cmark-gfm", "-e", "table", "-e", "strikethrough", "-e", "autolink", "-e", "tagfilter", "-e", "tasklist", concatenated])
               }, items: markdownFor1000.count, unit: "handouts")
    let sample = Array(markdownFor1000.prefix(100))
    note("pandoc on \(sample.count) handouts, one process each")
    report.add("pandoc -f gfm -s, one process per handout (100)", "for f in 100 handouts: pandoc -f gfm -s f -o f.html",
               Measure.repeated(runs, warmUp: false) {
                   Measure.sequence(sample.map { ["pandoc", "-f", "gfm", "-s", "--metadata", "title=Handout", $0, "-o", $0 + ".pandoc.html"] })
               }, items: sample.count, unit: "handouts")
}

// 4. The privacy guard's recall and precision on its labelled corpus,
// scored by the same program as `make privacy-eval`.
if let flag = arguments.firstIndex(of: "--privacy-eval"), flag + 2 < arguments.count {
    note("privacy guard on its labelled corpus")
    report.privacyCorpus = Measure.output([arguments[flag + 1], arguments[flag + 2]])
}

// 5. 100 handouts to PDF beside Chromium alone (when Chromium is installed).
let pdfSection = PDFBench.run(attune: attune, inputs: &inputs, root: root, runs: runs)

report.print()
let output = resultsPath
// `make bench-resources` keeps its own section at the end: carried over.
let previous = (try? String(contentsOfFile: output, encoding: .utf8)) ?? ""
let resources = previous.range(of: "<!-- bench-resources -->").map { "\n" + String(previous[$0.lowerBound...]) } ?? ""
try (report.markdown(machine: Machine.describe(), attune: attune) + (pdfSection.map { "\n" + $0 } ?? "") + resources)
    .write(toFile: output, atomically: true, encoding: .utf8)
note("wrote \(output)")
