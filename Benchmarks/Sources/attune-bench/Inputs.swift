import Foundation

/// A seeded generator, so every run benchmarks the same inputs.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Builds the benchmark's inputs: journals with answers, a 52-week
/// archive, and rosters of any size. Answers are written to pass the
/// privacy guard (no names, dates or numbers), as real shared journals must.
struct Inputs {
    let attune: String
    let root: String
    var random = SplitMix64(state: 2026_11_22)

    static let words = """
    noticed urge explain pause breathe client quiet withdrew session felt tension repair named moment \
    curious defended listened softened trust again agreed goals task bond strain returned asked wondered \
    silence nodded shifted topic sharper voice slower breath warmth distance supervision helped reframe
    """.split(separator: " ").map(String.init)

    mutating func sentence() -> String {
        let count = Int.random(in: 6...14, using: &random)
        var words = (0..<count).map { _ in Self.words.randomElement(using: &random)! }
        words[0] = words[0].prefix(1).uppercased() + words[0].dropFirst()
        if Bool.random(using: &random) { words[count / 2] = "*\(words[count / 2])*" }
        return words.joined(separator: " ") + "."
    }

    mutating func answer() -> String {
        var parts = (0..<Int.random(in: 1...3, using: &random)).map { _ in
            (0..<Int.random(in: 2...4, using: &random)).map { _ in sentence() }.joined(separator: " ")
        }
        if Int.random(in: 0..<3, using: &random) == 0 {
            parts.append("- \(sentence())\n- [ ] \(sentence())\n- ~~\(sentence())~~")
        }
        if Int.random(in: 0..<5, using: &random) == 0 {
            parts.append("| what I did | what followed |\n| --- | --- |\n| \(sentence()) | \(sentence()) |")
        }
        return parts.joined(separator: "\n\n")
    }

    /// A scaffold from `attune new` itself, then an answer under every prompt.
    mutating func journal(week: String, therapist: String, folder: String) -> String {
        let scratch = root + "/scaffold-\(week)"
        try? FileManager.default.removeItem(atPath: scratch)
        _ = Measure.run([attune, "new", "--week", week, "--therapist", therapist, "--journal", scratch])
        let scaffold = try! String(contentsOfFile: scratch + "/\(week).md", encoding: .utf8)
        try? FileManager.default.removeItem(atPath: scratch)
        return fill(scaffold)
    }

    mutating func fill(_ scaffold: String) -> String {
        var lines: [String] = []
        for line in scaffold.split(separator: "\n", omittingEmptySubsequences: false) {
            lines.append(String(line))
            if line.hasPrefix("## ") { lines.append(""); lines.append(answer()) }
        }
        return lines.joined(separator: "\n")
    }

    /// 52 weekly journals, 2026-W01 to 2026-W52.
    mutating func archive() -> String {
        let folder = root + "/archive"
        try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        for week in 1...52 {
            let name = String(format: "2026-W%02d", week)
            try! journal(week: name, therapist: "Sam Rivera", folder: folder)
                .write(toFile: folder + "/\(name).md", atomically: true, encoding: .utf8)
        }
        return folder
    }

    /// A cohort of `size` trainees for 2026-W47; one in ten shares a
    /// journal of their own (Attune refuses one journal shared twice).
    mutating func roster(size: Int) -> String {
        let folder = root + "/cohort-\(size)"
        try? FileManager.default.createDirectory(atPath: folder + "/journals", withIntermediateDirectories: true)
        let scaffold = journalScaffold()
        for index in stride(from: 0, to: size, by: 10) {
            try! fill(scaffold).write(toFile: folder + "/journals/j\(index).md", atomically: true, encoding: .utf8)
        }
        let first = ["Ana", "Ben", "Chiara", "Dev", "Eun-ji", "Farah", "Gabriel", "Hana", "Idris", "Jonas", "Léa", "Mateo", "Nia", "Oskar", "Priya", "Ríona"]
        let last = ["López", "Okafor", "Bianchi", "Patel", "Park", "Haddad", "O'Neill", "Sato", "Mensah", "Weiss", "Dubois", "Silva"]
        var yaml = "cohort: \"Benchmark cohort\"\nsupervisor: \"Benchmark supervisor\"\nweek: 2026-W47\nstart: 2026-10-05\nnotes: |\n  Read the cards before Thursday.\ntrainees:\n"
        for index in 0..<size {
            let name = "\(first[index % first.count]) \(last[(index / first.count) % last.count]) \(index)"
            yaml += "  - name: \"\(name)\"\n"
            if index % 10 == 0 { yaml += "    journal: journals/j\(index).md\n" }
        }
        try! yaml.write(toFile: folder + "/roster.yaml", atomically: true, encoding: .utf8)
        return folder + "/roster.yaml"
    }

    var cachedScaffold: String?
    mutating func journalScaffold() -> String {
        if let cachedScaffold { return cachedScaffold }
        let scratch = root + "/scaffold-shared"
        try? FileManager.default.removeItem(atPath: scratch)
        _ = Measure.run([attune, "new", "--week", "2026-W47", "--therapist", "Trainee", "--journal", scratch])
        let text = try! String(contentsOfFile: scratch + "/2026-W47.md", encoding: .utf8)
        cachedScaffold = text
        return text
    }
}
