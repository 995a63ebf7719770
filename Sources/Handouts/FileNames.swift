import Foundation

/// Turns trainees' names into file names that are safe on every system and
/// still readable: "Ana López" becomes `ana-lópez`, "李小龍" stays `李小龍`.
///
/// Only letters and digits (of any script) survive; everything else, `/`,
/// `\`, `.` and `:` included, becomes a single `-`, so no name can leave the
/// output folder, hide a file or name a device. Names that are empty after
/// cleaning, that Windows reserves (`CON`, `LPT1`, ...) or that the cohort's
/// own files use (`index`, `all`) get a suffix. Two names that clean to the
/// same stem are told apart in roster order: `ana`, `ana-2`, `ana-3`.
struct FileNames {
    /// Stems the cohort's own pages use.
    static let taken = ["index", "all", "cohort-summary", "manifest"]
    /// Device names Windows will not open as files, with any extension.
    static let reserved: Set<String> = Set(
        ["con", "prn", "aux", "nul"] + (0...9).flatMap { ["com\($0)", "lpt\($0)"] } + ["com¹", "com²", "com³", "lpt¹", "lpt²", "lpt³"])
    /// Short enough to read, and (in bytes) for any file system's 255-byte
    /// names with room for `-999.html`.
    static let maximumLength = 60
    static let maximumBytes = 180

    private var used = Set(Self.taken)

    /// A stem no earlier call returned.
    mutating func stem(for name: String) -> String {
        let base = Self.clean(name)
        var stem = base
        var number = 2
        while used.contains(stem) {
            stem = "\(base)-\(number)"
            number += 1
        }
        used.insert(stem)
        return stem
    }

    static func clean(_ name: String) -> String {
        var result = ""
        var pendingDash = false
        for character in name.precomposedStringWithCanonicalMapping.lowercased() {
            // A "letter" of more than 32 bytes is stacked combining marks, not writing.
            if (character.isLetter || character.isNumber) && character.utf8.count <= 32 {
                let dash = pendingDash && !result.isEmpty ? "-" : ""
                // Stop before the limit, in characters and in bytes: one character
                // with many combining marks can be hundreds of bytes on its own.
                guard result.count + dash.count < maximumLength,
                      result.utf8.count + dash.utf8.count + character.utf8.count <= maximumBytes else { break }
                result += dash
                result.append(character)
                pendingDash = false
            } else if character == "'" || character == "’" {
                continue  // O'Brien → obrien, not o-brien
            } else {
                pendingDash = true
            }
        }
        if result.isEmpty { return "trainee" }
        if reserved.contains(result) || taken.contains(result) { return result + "-trainee" }
        return result
    }
}
