import Foundation
import Templating
import TestSupport
import Testing

@Suite("JSON for a script data block")
struct ScriptJSONTests {
    static func decoded(_ json: String) throws -> Any {
        try JSONSerialization.jsonObject(with: Data(json.utf8), options: [.fragmentsAllowed])
    }

    @Test("a string with every awkward character reads back exactly, and nothing in it can end the element")
    func awkwardString() throws {
        var awkward = "</script><!-- & > \" \\ / Zoë 😀 \u{2028}\u{2029}\u{7F}"
        for value in 0..<0x20 { awkward.unicodeScalars.append(Unicode.Scalar(value)!) }
        let json = ScriptJSON.string(awkward)
        #expect(try Self.decoded(json) as? String == awkward)
        for character in ["<", ">", "&", "\u{2028}", "\u{2029}", "\u{7F}", "\r", "\u{0}"] {
            #expect(!json.contains(character), "\(character.unicodeScalars.first!.value)")
        }
        #expect(json.contains(#"\u003c/script\u003e\u003c!-- \u0026 \u003e \" \\ / Zoë 😀 \u2028\u2029\u007f"#))
        #expect(json.hasSuffix(#"\u0008\t\n\u000b\u000c\u000d\u000e\u000f\u0010\u0011\u0012\u0013\u0014\u0015\u0016\u0017\u0018\u0019\u001a\u001b\u001c\u001d\u001e\u001f""#))
    }

    @Test("seeded random strings read back exactly")
    func randomStrings() throws {
        var generator = SplitMix64(seed: 16)
        let alphabet = Array("ab<>&\"\\/\n\r\t\u{0}\u{1F}\u{7F} é😀\u{2028}\u{2029}'`$".unicodeScalars)
        for _ in 0..<500 {
            var text = ""
            for _ in 0..<Int(generator.next() % 40) {
                text.unicodeScalars.append(alphabet[Int(generator.next() % UInt64(alphabet.count))])
            }
            #expect(try Self.decoded(ScriptJSON.string(text)) as? String == text)
        }
    }

    @Test("objects keep their members' order; arrays and objects may be empty")
    func structure() throws {
        let json = ScriptJSON.object([
            ("z", ScriptJSON.array([])), ("a", ScriptJSON.object([])), ("m", ScriptJSON.array(["1", "true", ScriptJSON.string("x")])),
        ])
        #expect(json == #"{"z":[],"a":{},"m":[1,true,"x"]}"#)
        let object = try #require(try Self.decoded(json) as? [String: Any])
        #expect(object.keys.sorted() == ["a", "m", "z"])
    }
}
