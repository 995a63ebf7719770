import Foundation
import Testing
@testable import Privacy

/// The guard's recall and precision on its labelled corpus
/// (`Corpus/README.md`), the same measurement `make privacy-eval` prints.
/// The thresholds are the targets; the held-out split's are the
/// ones measured when it was first scored, so a change that loses ground
/// on text it was not tuned on fails here.
@Suite("Recall and precision on the labelled corpus")
struct PrivacyCorpusTests {
    static func corpus(_ split: String) throws -> LabelledCorpus {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Corpus")
        return LabelledCorpus(parsing: try String(contentsOf: folder.appendingPathComponent("\(split).txt"), encoding: .utf8))
    }

    static func score(_ corpus: LabelledCorpus, names: Bool) -> PrivacyScore {
        let rules = PrivacyRules(names: names ? corpus.names : [], allowed: corpus.allowed.map { ($0, "corpus") })
        return PrivacyScore(PrivacyScanner(rules: rules), on: corpus)
    }

    @Test("the corpus is as big as promised: 300 identifiers, 150 look-alikes, every kind")
    func size() throws {
        let splits = try ["tune", "heldout", "tune-b", "heldout-b", "tune-c", "heldout-c", "tune-d", "heldout-d", "tune-e", "heldout-e", "tune-f", "heldout-f", "tune-g", "heldout-g"].map(Self.corpus)
        let identifiers = splits.flatMap(\.passages).flatMap(\.identifiers)
        #expect(identifiers.count >= 2_300)
        #expect(splits.flatMap(\.passages).flatMap(\.lookAlikes).count >= 1_100)
        let kinds = Set(identifiers.map(\.category))
        #expect(kinds == Set(IdentifierCategory.allCases.map(\.rawValue)))
    }

    /// The floors a split must keep, without and with the names list.
    /// Tuning splits are read miss by miss; held-out splits are scored in
    /// aggregate only, so theirs are the honest measure of unseen text.
    /// Each author after the first wrote without sight of the guard or the
    /// other corpora, after the guard was tuned on the previous author's
    /// tuning split; their scores before any tuning on them are in
    /// `Corpus/README.md` (first contact on the seventh: 85.3% without the
    /// names list, 86.0% with it, precision 86.4%). Held-out floors are what
    /// each split scores now, below the targets for the later
    /// authors, so a change that loses ground on unseen text fails.
    struct Floor: CustomTestStringConvertible, Sendable {
        let split: String
        let recall: (without: Double, with: Double)
        let precision: Double
        let leftWhole: (without: Int, with: Int)?
        var testDescription: String {
            "\(split): recall ≥ \(recall.without)/\(recall.with), precision ≥ \(precision)"
                + (leftWhole.map { ", left whole ≤ \($0.without)/\($0.with)" } ?? "")
        }
    }

    static let floors: [Floor] = [
        Floor(split: "tune", recall: (0.97, 0.97), precision: 0.95, leftWhole: nil),
        Floor(split: "heldout", recall: (0.96, 0.98), precision: 0.95, leftWhole: nil),
        Floor(split: "tune-b", recall: (0.96, 0.96), precision: 0.97, leftWhole: nil),
        Floor(split: "heldout-b", recall: (0.93, 0.93), precision: 0.95, leftWhole: (3, 3)),
        Floor(split: "tune-c", recall: (0.93, 0.95), precision: 0.97, leftWhole: nil),
        Floor(split: "heldout-c", recall: (0.92, 0.94), precision: 0.94, leftWhole: (7, 4)),
        Floor(split: "tune-d", recall: (0.98, 0.98), precision: 0.98, leftWhole: nil),
        Floor(split: "heldout-d", recall: (0.87, 0.89), precision: 0.97, leftWhole: (20, 16)),
        Floor(split: "tune-e", recall: (0.96, 0.96), precision: 0.98, leftWhole: nil),
        Floor(split: "heldout-e", recall: (0.83, 0.85), precision: 0.90, leftWhole: (30, 26)),
        Floor(split: "tune-f", recall: (0.95, 0.95), precision: 0.93, leftWhole: nil),
        Floor(split: "heldout-f", recall: (0.86, 0.86), precision: 0.85, leftWhole: (22, 22)),
        Floor(split: "tune-g", recall: (0.90, 0.90), precision: 0.93, leftWhole: nil),
        Floor(split: "heldout-g", recall: (0.87, 0.87), precision: 0.85, leftWhole: (15, 15)),
    ]

    @Test("each split keeps its recall, precision and left-whole floors, without and with the names list", arguments: floors)
    func split(floor: Floor) throws {
        let corpus = try Self.corpus(floor.split)
        for names in [false, true] {
            let score = Self.score(corpus, names: names)
            let tuning = floor.split.hasPrefix("tune")
            #expect(score.overallRecall.rate >= (names ? floor.recall.with : floor.recall.without), "\(tuning ? score.misses : [])")
            #expect(score.overallPrecision.rate >= floor.precision, "\(tuning ? score.falseAlarms : [])")
            if let leftWhole = floor.leftWhole {
                #expect(score.leftWhole <= (names ? leftWhole.with : leftWhole.without))
            }
        }
    }

    @Test("a miss, a false alarm and a wrong label are each counted")
    func scoring() {
        let corpus = LabelledCorpus(parsing: """
        === one
        [[name|Maria Lopez]] met {{Safran}} and [[date|the day]] [[phone|01632 960 118]] Leeds.
        """)
        let score = PrivacyScore(PrivacyScanner(), on: corpus)
        #expect(score.recall["name"]?.hit == 1)
        #expect(score.recall["date"]?.hit == 0)
        #expect(score.recall["phone"]?.hit == 1)
        #expect(score.leftWhole == 1)
        #expect(score.lookAlikes == 1 && score.lookAlikesFlagged == 0)
        #expect(score.falseAlarms.count == 1)
        #expect(score.overallPrecision.total == 3)
    }
}
