import ContentModel
import Foundation
import Testing

@Suite("FNV-1a 64-bit")
struct FNV1a64Tests {
    @Test("gives the published test vectors, as 16 zero-padded hex digits")
    func vectors() {
        #expect(FNV1a64.hex([UInt8]()) == "cbf29ce484222325")
        #expect(FNV1a64.hex(Data("a".utf8)) == "af63dc4c8601ec8c")
        #expect(FNV1a64.hex("foobar".utf8) == "85944171f73967e8")
        // A value whose hex has leading zeros still has 16 digits.
        for length in 0..<300 {
            #expect(FNV1a64.hex(Array(repeating: UInt8(length % 256), count: length)).count == 16)
        }
    }

    @Test("hashes the same bytes the same way in pieces or whole, contiguous or not")
    func pieces() {
        let bytes = Array("Rupture and repair: a week's journal, ünïcödé and all.".utf8)
        var whole = FNV1a64()
        whole.add(bytes)
        for cut in 0...bytes.count {
            var split = FNV1a64()
            split.add(bytes[..<cut])
            split.add(bytes[cut...].lazy.map { $0 })  // not contiguous: byte by byte
            #expect(split.value == whole.value)
        }
        #expect(FNV1a64.hex(bytes.lazy.map { $0 }) == whole.hex)
        #expect(FNV1a64.hex(Data(bytes)) == whole.hex)
    }
}
