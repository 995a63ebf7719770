import Foundation

/// Chromium stamps every PDF with the time it was printed (`/CreationDate`
/// and `/ModDate`), so printing the same page twice gives different bytes.
/// Each stamp is replaced with a fixed date of exactly the same length, so
/// every byte offset in the file (its cross-reference table) stays valid and
/// the same input gives the same PDF.
package enum PDFDates {
    /// 1 January 2000, 00:00 UTC: plainly not a real print time.
    static let fixedDigits = Array("20000101000000".utf8)

    package static func fixed(_ pdf: Data) -> Data {
        var bytes = [UInt8](pdf)
        for key in ["/CreationDate (D:", "/ModDate (D:"] {
            let needle = Array(key.utf8)
            var i = 0
            while let found = find(needle, in: bytes, from: i) {
                let start = found + needle.count
                // D:YYYYMMDDHHmmSS, then an optional zone (Z, or +HH'mm'), left as long as it is.
                var j = start
                while j < bytes.count, j - start < fixedDigits.count, bytes[j] >= 0x30, bytes[j] <= 0x39 {
                    bytes[j] = fixedDigits[j - start]
                    j += 1
                }
                while j < bytes.count, bytes[j] != UInt8(ascii: ")") {
                    if bytes[j] >= 0x30 && bytes[j] <= 0x39 { bytes[j] = UInt8(ascii: "0") }
                    if bytes[j] == UInt8(ascii: "-") { bytes[j] = UInt8(ascii: "+") }
                    j += 1
                }
                i = j
            }
        }
        return Data(bytes)
    }

    static func find(_ needle: [UInt8], in bytes: [UInt8], from start: Int) -> Int? {
        guard needle.count <= bytes.count else { return nil }
        var i = start
        while i <= bytes.count - needle.count {
            if bytes[i] == needle[0] {
                var j = 1
                while j < needle.count && bytes[i + j] == needle[j] { j += 1 }
                if j == needle.count { return i }
            }
            i += 1
        }
        return nil
    }
}
