/// FNV-1a, 64-bit: the one hash Attune uses to tell two versions of
/// something apart, the content overlay's fingerprint and each file in a
/// cohort's manifest. It says whether bytes changed; it is not a
/// cryptographic hash and does not prove who made a file. (The embed tool,
/// which runs before any module is built, keeps its own copy for the
/// bundled folders' fingerprints: `Plugins/EmbedTool/main.swift`.)
package struct FNV1a64 {
    package static let name = "FNV-1a 64-bit"
    package private(set) var value: UInt64 = 0xcbf2_9ce4_8422_2325

    package init() {}

    package mutating func add(_ bytes: some Sequence<UInt8>) {
        // Contiguous storage (Data, String.UTF8View, arrays) is hashed through
        // a raw buffer: iterating `Data` byte by byte cost a sixth of a
        // cohort's whole run under callgrind.
        if let done: Void = bytes.withContiguousStorageIfAvailable({ add(buffer: UnsafeRawBufferPointer($0)) }) {
            return done
        }
        for byte in bytes { mix(byte) }
    }

    package mutating func add(buffer: UnsafeRawBufferPointer) {
        var hash = value
        for byte in buffer {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01B3
        }
        value = hash
    }

    private mutating func mix(_ byte: UInt8) {
        value ^= UInt64(byte)
        value = value &* 0x0000_0100_0000_01B3
    }

    package static func hex(_ bytes: some Sequence<UInt8>) -> String {
        var hash = FNV1a64()
        hash.add(bytes)
        return hash.hex
    }

    /// 16 lower-case hex digits, zero-padded.
    package var hex: String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}
