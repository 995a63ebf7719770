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

    @Test("tuning split: recall at least 97% without the names list and with it, precision at least 95%")
    func tuned() throws {
        let corpus = try Self.corpus("tune")
        for names in [false, true] {
            let score = Self.score(corpus, names: names)
            #expect(score.overallRecall.rate >= 0.97, "\(score.misses)")
            #expect(score.overallPrecision.rate >= 0.95, "\(score.falseAlarms)")
        }
    }

    @Test("first held-out split: recall at least 96% without the names list and 98% with it, precision at least 95%")
    func heldOut() throws {
        let corpus = try Self.corpus("heldout")
        let without = Self.score(corpus, names: false)
        #expect(without.overallRecall.rate >= 0.96)
        #expect(without.overallPrecision.rate >= 0.95)
        let with = Self.score(corpus, names: true)
        #expect(with.overallRecall.rate >= 0.98)
        #expect(with.overallPrecision.rate >= 0.95)
    }

    @Test("second author's tuning split: recall at least 96% with and without the names list, precision at least 97%")
    func tunedB() throws {
        let corpus = try Self.corpus("tune-b")
        for names in [false, true] {
            let score = Self.score(corpus, names: names)
            #expect(score.overallRecall.rate >= 0.96, "\(score.misses)")
            #expect(score.overallPrecision.rate >= 0.97, "\(score.falseAlarms)")
        }
    }

    /// Written by a second author who never saw the guard or the first
    /// corpus; scored in aggregate only, never read miss by miss.
    @Test("second author's held-out split: recall at least 93%, precision at least 95%, at most 3 identifiers left whole")
    func heldOutB() throws {
        let corpus = try Self.corpus("heldout-b")
        for names in [false, true] {
            let score = Self.score(corpus, names: names)
            #expect(score.overallRecall.rate >= 0.93)
            #expect(score.overallPrecision.rate >= 0.95)
            #expect(score.leftWhole <= 3)
        }
    }

    @Test("third author's tuning split: recall at least 93% without the names list and 95% with it, precision at least 97%")
    func tunedC() throws {
        let corpus = try Self.corpus("tune-c")
        let without = Self.score(corpus, names: false)
        #expect(without.overallRecall.rate >= 0.93, "\(without.misses)")
        #expect(without.overallPrecision.rate >= 0.97, "\(without.falseAlarms)")
        let with = Self.score(corpus, names: true)
        #expect(with.overallRecall.rate >= 0.95, "\(with.misses)")
        #expect(with.overallPrecision.rate >= 0.97, "\(with.falseAlarms)")
    }

    /// Written by a third author who never saw the guard or the other
    /// corpora, after the guard was tuned on the second; scored in aggregate
    /// only. Its scores before any tuning on its sister split are in
    /// `Corpus/README.md`.
    @Test("third author's held-out split: recall at least 92% without the names list and 94% with it, precision at least 94%")
    func heldOutC() throws {
        let corpus = try Self.corpus("heldout-c")
        let without = Self.score(corpus, names: false)
        #expect(without.overallRecall.rate >= 0.92)
        #expect(without.overallPrecision.rate >= 0.94)
        #expect(without.leftWhole <= 7)
        let with = Self.score(corpus, names: true)
        #expect(with.overallRecall.rate >= 0.94)
        #expect(with.overallPrecision.rate >= 0.94)
        #expect(with.leftWhole <= 4)
    }

    @Test("fourth author's tuning split: recall at least 98% with and without the names list, precision at least 98%")
    func tunedD() throws {
        let corpus = try Self.corpus("tune-d")
        for names in [false, true] {
            let score = Self.score(corpus, names: names)
            #expect(score.overallRecall.rate >= 0.98, "\(score.misses)")
            #expect(score.overallPrecision.rate >= 0.98, "\(score.falseAlarms)")
        }
    }

    /// Written by a fourth author who never saw the guard or the other
    /// corpora, after the guard was tuned on the third; scored in aggregate
    /// only. Before any tuning on `tune-d` the whole corpus scored 89.1%
    /// without the names list and 90.4% with it (`Corpus/README.md`); the
    /// floors here are what it scores now, so a change that loses ground
    /// on unseen text fails.
    @Test("fourth author's held-out split: recall at least 87% without the names list and 89% with it, precision at least 97%")
    func heldOutD() throws {
        let corpus = try Self.corpus("heldout-d")
        let without = Self.score(corpus, names: false)
        #expect(without.overallRecall.rate >= 0.87)
        #expect(without.overallPrecision.rate >= 0.97)
        #expect(without.leftWhole <= 20)
        let with = Self.score(corpus, names: true)
        #expect(with.overallRecall.rate >= 0.89)
        #expect(with.overallPrecision.rate >= 0.97)
        #expect(with.leftWhole <= 16)
    }

    @Test("fifth author's tuning split: recall at least 96% with and without the names list, precision at least 98%")
    func tunedE() throws {
        let corpus = try Self.corpus("tune-e")
        for names in [false, true] {
            let score = Self.score(corpus, names: names)
            #expect(score.overallRecall.rate >= 0.96, "\(score.misses)")
            #expect(score.overallPrecision.rate >= 0.98, "\(score.falseAlarms)")
        }
    }

    /// Written by a fifth author who never saw the guard or the other
    /// corpora, after the guard was tuned on the fourth; scored in
    /// aggregate only. Its figures before any tuning on `tune-e` are in
    /// `Corpus/README.md`; these floors are what it scores now, below the
    /// issue's targets: the honest measure of text the guard has not seen.
    @Test("fifth author's held-out split: recall at least 83% without the names list and 85% with it, precision at least 90%")
    func heldOutE() throws {
        let corpus = try Self.corpus("heldout-e")
        let without = Self.score(corpus, names: false)
        #expect(without.overallRecall.rate >= 0.83)
        #expect(without.overallPrecision.rate >= 0.90)
        #expect(without.leftWhole <= 30)
        let with = Self.score(corpus, names: true)
        #expect(with.overallRecall.rate >= 0.85)
        #expect(with.overallPrecision.rate >= 0.90)
        #expect(with.leftWhole <= 26)
    }

    @Test("sixth author's tuning split: recall at least 95% with and without the names list, precision at least 93%")
    func tunedF() throws {
        let corpus = try Self.corpus("tune-f")
        for names in [false, true] {
            let score = Self.score(corpus, names: names)
            #expect(score.overallRecall.rate >= 0.95, "\(score.misses)")
            #expect(score.overallPrecision.rate >= 0.93, "\(score.falseAlarms)")
        }
    }

    /// Written by a sixth author who never saw the guard or the other
    /// corpora, after the guard was tuned on the fifth; scored in aggregate
    /// only. Before any tuning on `tune-f` it scored 82.7% without the names
    /// list and 83.0% with it, precision 83.6–83.7% (`Corpus/README.md`);
    /// these floors are what it scores now, far below the targets.
    @Test("sixth author's held-out split: recall at least 86% with and without the names list, precision at least 85%")
    func heldOutF() throws {
        let corpus = try Self.corpus("heldout-f")
        for names in [false, true] {
            let score = Self.score(corpus, names: names)
            #expect(score.overallRecall.rate >= 0.86)
            #expect(score.overallPrecision.rate >= 0.85)
            #expect(score.leftWhole <= 22)
        }
    }

    @Test("seventh author's tuning split: recall at least 90% with and without the names list, precision at least 93%")
    func tunedG() throws {
        let corpus = try Self.corpus("tune-g")
        for names in [false, true] {
            let score = Self.score(corpus, names: names)
            #expect(score.overallRecall.rate >= 0.90, "\(score.misses)")
            #expect(score.overallPrecision.rate >= 0.93, "\(score.falseAlarms)")
        }
    }

    /// Written by a seventh author who never saw the guard or the other
    /// corpora, after the guard was tuned on the sixth; scored in aggregate
    /// only. On first contact the whole corpus scored 85.3% without the
    /// names list and 86.0% with it (precision 86.4%), and this half 86.5%
    /// and 87.5% (precision 84.8%), 16 and 14 of 304 left whole.
    @Test("seventh author's held-out split: recall at least 87% with and without the names list, precision at least 85%")
    func heldOutG() throws {
        let corpus = try Self.corpus("heldout-g")
        for names in [false, true] {
            let score = Self.score(corpus, names: names)
            #expect(score.overallRecall.rate >= 0.87)
            #expect(score.overallPrecision.rate >= 0.85)
            #expect(score.leftWhole <= 15)
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
