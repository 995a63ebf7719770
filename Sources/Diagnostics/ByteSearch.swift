#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension String {
    /// Where `needle` first occurs, found in the UTF-8 bytes (`memchr`, `memcmp`).
    /// The standard library's generic `firstRange(of:)` on a UTF-8 view is
    /// unspecialised, and Foundation's `range(of:)` goes through `NSString`:
    /// either made a cohort's privacy check take twice as long.
    package func firstByteRange(of needle: String) -> Range<String.Index>? {
        guard !needle.isEmpty else { return startIndex..<startIndex }
        var haystack = self
        var needle = needle
        let offset: Int? = haystack.withUTF8 { text in
            needle.withUTF8 { pattern in
                guard text.count >= pattern.count, let base = text.baseAddress, let first = pattern.first else { return nil }
                var start = 0
                let last = text.count - pattern.count
                while start <= last, let hit = memchr(base + start, Int32(first), last - start + 1) {
                    let offset = UnsafeRawPointer(base).distance(to: UnsafeRawPointer(hit))
                    if memcmp(base + offset, pattern.baseAddress!, pattern.count) == 0 { return offset }
                    start = offset + 1
                }
                return nil
            }
        }
        guard let offset else { return nil }
        let lower = utf8.index(utf8.startIndex, offsetBy: offset)
        return lower..<utf8.index(lower, offsetBy: needle.utf8.count)
    }
}
