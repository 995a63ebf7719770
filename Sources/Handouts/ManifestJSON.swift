import Foundation

/// `manifest.json` written by hand, in exactly the bytes `JSONEncoder` gives
/// with `[.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]` (a test
/// holds the two together), so that each handout's entry can be written as
/// the handout is made. `JSONEncoder` builds the whole document as a tree
/// first: for 10,000 trainees that tree was 20 MB, half the run's peak.
enum ManifestJSON {
    /// A JSON value; `.written` is an array element already in text.
    indirect enum Value {
        case string(String)
        case int(Int)
        case array([Value])
        case object([(key: String, value: Value)])
        case written(String)
    }

    /// The manifest's `handouts` array, one entry added at a time, kept as
    /// text: a few hundred bytes per trainee rather than a tree of values,
    /// in chunks, so that growing never copies what is already there.
    struct Handouts {
        private(set) var chunks: [String] = []
        var isEmpty: Bool { chunks.isEmpty }

        /// Adds an entry made by `ManifestJSON.entry(_:)`.
        mutating func add(entry: String) {
            if chunks.isEmpty || chunks[chunks.count - 1].utf8.count >= 1 << 16 {
                chunks.append(chunks.isEmpty ? "" : ",\n" + String(repeating: "  ", count: handoutDepth))
                chunks[chunks.count - 1].reserveCapacity((1 << 16) + 1024)
            } else {
                chunks[chunks.count - 1] += ",\n" + String(repeating: "  ", count: handoutDepth)
            }
            chunks[chunks.count - 1] += entry
        }
    }

    /// One handout as an element of the `handouts` array: made on the
    /// worker that rendered the handout, added in roster order.
    static func entry(_ handout: Manifest.Handout) -> String {
        var text = ""
        write(value(handout), depth: handoutDepth, into: &text)
        return text
    }

    /// The whole manifest in three pieces, to be written one after another:
    /// before the handouts, the handouts, after them. `manifest.handouts`
    /// is not read.
    static func document(_ manifest: Manifest, handouts: Handouts) -> [String] {
        var text = ""
        write(.object([
            ("generator", .string(manifest.generator)),
            ("cohort", .string(manifest.cohort)),
            ("supervisor", .string(manifest.supervisor)),
            ("week", .string(manifest.week)),
            ("roster", .string(manifest.roster)),
            ("material", .object([
                ("fingerprint", .string(manifest.material.fingerprint)),
            ] + overlay("contentOverlay", manifest.material.contentOverlay) + overlay("templatesOverlay", manifest.material.templatesOverlay))),
            ("hashAlgorithm", .string(manifest.hashAlgorithm)),
            ("handouts", .array(handouts.isEmpty ? [] : [.written(marker)])),
            ("cohortFiles", .array(manifest.cohortFiles.map(value))),
            ("notProduced", .array(manifest.notProduced.map(Value.string))),
        ]), depth: 0, into: &text)
        text += "\n"
        guard let split = text.range(of: marker) else { return [text] }
        return [String(text[..<split.lowerBound])] + handouts.chunks + [String(text[split.upperBound...])]
    }

    /// Stands for the handouts while the rest is written; a JSON string
    /// can never contain it unescaped.
    private static let marker = "\u{0}handouts\u{0}"

    /// Handouts sit in an array in the top-level object.
    private static let handoutDepth = 2

    private static func value(_ handout: Manifest.Handout) -> Value {
        .object([("trainee", .string(handout.trainee)), ("focus", .string(handout.focus)), ("files", .array(handout.files.map(value)))])
    }

    private static func value(_ file: Manifest.File) -> Value {
        .object([("path", .string(file.path)), ("bytes", .int(file.bytes)), ("hash", .string(file.hash))])
    }

    /// An overlay that was not given is left out, as `encodeIfPresent` does.
    private static func overlay(_ key: String, _ overlay: Manifest.Overlay?) -> [(key: String, value: Value)] {
        guard let overlay else { return [] }
        return [(key, .object([("path", .string(overlay.path)), ("hash", .string(overlay.hash))]))]
    }

    private static func write(_ value: Value, depth: Int, into text: inout String) {
        let indent = String(repeating: "  ", count: depth)
        switch value {
        case .string(let string): writeString(string, into: &text)
        case .int(let number): text += String(number)
        case .written(let written): text += written
        case .array(let elements):
            text += "[\n"
            if elements.isEmpty { text += "\n" }
            for (index, element) in elements.enumerated() {
                text += indent + "  "
                write(element, depth: depth + 1, into: &text)
                text += index == elements.count - 1 ? "\n" : ",\n"
            }
            text += indent + "]"
        case .object(let members):
            text += "{\n"
            let sorted = members.sorted { $0.key < $1.key }
            for (index, member) in sorted.enumerated() {
                text += indent + "  "
                writeString(member.key, into: &text)
                text += " : "
                write(member.value, depth: depth + 1, into: &text)
                text += index == sorted.count - 1 ? "\n" : ",\n"
            }
            text += indent + "}"
        }
    }

    private static func writeString(_ string: String, into text: inout String) {
        // Most names and paths need no escaping at all: copy them whole.
        guard string.utf8.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }) else {
            text += "\""
            text += string
            text += "\""
            return
        }
        // The few that do are escaped by JSONEncoder itself, so the bytes
        // are its bytes by construction rather than by imitation.
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes]
        text += String(decoding: try! encoder.encode(string), as: UTF8.self)
    }
}
