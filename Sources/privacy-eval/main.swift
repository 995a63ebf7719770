import Foundation
import Privacy

// `make privacy-eval`: the guard's recall and precision on the labelled
// corpus, per kind, for the tuned and held-out splits, with and without the
// names list. `--details` also lists every miss and false alarm.
let arguments = Array(CommandLine.arguments.dropFirst())
let details = arguments.contains("--details")
// Five authors' corpora: "heldout"/"tune" (written with the guard),
// "heldout-b"/"tune-b" (a second author who never saw the guard or the
// first corpus), "heldout-c"/"tune-c" (a third author, likewise, written
// after the guard was tuned on "tune-b") and "heldout-d"/"tune-d" (a
// fourth, after tuning on "tune-c"), "heldout-e"/"tune-e" (a fifth,
// after tuning on "tune-d") and "heldout-f"/"tune-f" (a sixth, after
// tuning on "tune-e") and "heldout-g"/"tune-g" (a seventh, after tuning
// on "tune-f"); each split by alternate passage.
// Held-out splits first: theirs are the scores to quote. `--details` lists misses of the tuning splits only, so held-out
// text is never read item by item by accident.
// `--splits probe,tune-f` scores only those files of the folder (a new
// author's corpus before it is split, or a probe written to try a rule).
let chosen = arguments.first { $0.hasPrefix("--splits=") }.map { $0.dropFirst("--splits=".count).split(separator: ",").map(String.init) }
let splits = chosen ?? (arguments.contains("--tune-only") ? ["tune", "tune-b", "tune-c", "tune-d", "tune-e", "tune-f"]
    : ["heldout-g", "heldout-f", "heldout-e", "heldout-d", "heldout-c", "heldout-b", "heldout", "tune-g", "tune-f", "tune-e", "tune-d", "tune-c", "tune-b", "tune"])
let folder = arguments.first { !$0.hasPrefix("--") } ?? "Tests/PrivacyTests/Corpus"
var output: [String] = []
for split in splits {
    let path = "\(folder)/\(split).txt"
    guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
        FileHandle.standardError.write(Data("\(path): error: cannot be read\n".utf8))
        exit(1)
    }
    let corpus = LabelledCorpus(parsing: text)
    for withNames in [false, true] {
        let rules = PrivacyRules(names: withNames ? corpus.names : [], allowed: corpus.allowed.map { ($0, "corpus allow-list") })
        let start = Date()
        let score = PrivacyScore(PrivacyScanner(rules: rules), on: corpus)
        let seconds = Date().timeIntervalSince(start)
        let kind = split.hasPrefix("heldout") ? "Held-out split" : "Tuning split"
        let author = [("-b", " B (second author)"), ("-c", " C (third author)"), ("-d", " D (fourth author)"), ("-e", " E (fifth author)"), ("-f", " F (sixth author)"), ("-g", " G (seventh author)")].first { split.hasSuffix($0.0) }?.1 ?? ""
        let label = "\(kind)\(author) (\(corpus.passages.count) passages), \(withNames ? "with" : "without") the names list"
        output.append(score.table(title: label))
        output.append(String(format: "Scored in %.3f s.\n", seconds))
        if details, !split.hasPrefix("heldout") {
            output.append("Misses:\n" + score.misses.map { "- " + $0 }.joined(separator: "\n"))
            output.append("False alarms:\n" + score.falseAlarms.map { "- " + $0 }.joined(separator: "\n"))
            output.append("Caught under another label:\n" + score.mislabelled.map { "- " + $0 }.joined(separator: "\n") + "\n")
        }
    }
}
print(output.joined(separator: "\n"))
