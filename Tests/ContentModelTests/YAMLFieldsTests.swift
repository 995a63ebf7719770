import ContentModel
import Diagnostics
import Testing

@Suite("A hand-written settings file's top-level mapping")
struct YAMLFieldsTests {
    static let keys = ["start", "title"]
    static let ifEmpty = "the file is empty: write start: 2026-10-05"

    static func read(_ text: String, maximumBytes: Int? = nil) -> (found: [String]?, problems: [String]) {
        var fields = YAMLFields(path: "mine/settings.yaml")
        let file = SourceFile(path: "mine/settings.yaml", name: "settings.yaml", text: text)
        let entries = fields.fileMapping(file, kind: "settings file", maximumBytes: maximumBytes, allowed: keys, ifEmpty: ifEmpty)
        return (entries.map { entries in keys.filter { entries[$0] != nil } }, fields.diagnostics.map(\.description))
    }

    @Test("reads the keys it allows, with or without a byte-order mark, at the same places")
    func reads() {
        #expect(Self.read("start: 2026-10-05\ntitle: Ours\n") == (["start", "title"], []))
        #expect(Self.read("\u{FEFF}start: 2026-10-05\n") == (["start"], []))
        #expect(Self.read("\u{FEFF}start: 2026-10-05\nwhen: now\n").problems == [
            "mine/settings.yaml:2:1: error: unknown field 'when' in the settings file (expected one of: start, title)"
        ])
    }

    @Test("an empty file, one with only a byte-order mark or only comments, is told what to write")
    func empty() {
        let told = "mine/settings.yaml:1:1: error: \(Self.ifEmpty)"
        for text in ["", "\u{FEFF}", "# nothing yet\n", "\n\n"] {
            #expect(Self.read(text) == (nil, [told]), "\(text.debugDescription)")
        }
    }

    @Test("YAML that does not parse, or is not a mapping, is said so, and not called empty")
    func unreadable() {
        let broken = Self.read("start: [2026\n")
        #expect(broken.found == nil)
        #expect(broken.problems.count == 1)
        #expect(broken.problems.allSatisfy { !$0.contains("is empty") })
        let list = Self.read("- start\n- title\n")
        #expect(list.found == nil)
        #expect(list.problems == ["mine/settings.yaml:1:1: error: the settings file must be a mapping of keys to values, not a list"])
    }

    @Test("a file at its size limit is read; a byte over, it is refused before it is parsed")
    func size() {
        let text = "start: 2026-10-05\n"  // 18 bytes
        #expect(Self.read(text, maximumBytes: 18) == (["start"], []))
        #expect(Self.read(text, maximumBytes: 17) == (nil, ["mine/settings.yaml:1:1: error: a settings file is at most 17 bytes; this one is 18"]))
        // Refused before parsing: a file that is not YAML at all says only its size.
        #expect(Self.read("start: [\n", maximumBytes: 2).problems == ["mine/settings.yaml:1:1: error: a settings file is at most 2 bytes; this one is 9"])
    }
}
