import ContentModel
import Foundation
import Rendering

/// `manifest.json`: what a run produced, for whom, from which material, and
/// a hash of each file, so a supervisor (or a script) can tell later whether
/// anything was changed or left out. It has no timestamps: the same roster
/// and material give the same manifest.
package struct Manifest: Codable, Sendable, Equatable {
    package var generator = "Attune"
    package var cohort: String
    package var supervisor: String
    package var week: String
    package var roster: String
    package var material: Material
    /// How `files[].hash` is computed.
    package var hashAlgorithm = FNV1a64.name + " of the file's bytes, as 16 hex digits (detects changes; not cryptographic)"
    package var handouts: [Handout]
    /// The cohort's own pages: all.html, cohort-summary.html, index.html.
    package var cohortFiles: [File]
    /// Roster rows with problems, which got no handout (`--keep-going`).
    package var notProduced: [String]

    package struct Material: Codable, Sendable, Equatable {
        /// The bundled content and templates (`Resources.fingerprint`).
        package var fingerprint: String
        package var contentOverlay: Overlay?
        package var templatesOverlay: Overlay?
    }

    /// A user's `--content` or `--templates` folder and the hash of its files.
    package struct Overlay: Codable, Sendable, Equatable {
        package var path: String
        package var hash: String
    }

    package struct Handout: Codable, Sendable, Equatable {
        package var trainee: String
        package var focus: String
        package var files: [File]
    }

    package struct File: Codable, Sendable, Equatable {
        /// Relative to the output folder.
        package var path: String
        package var bytes: Int
        package var hash: String

        init(path: String, bytes: Int, hash: String) {
            self.path = path
            self.bytes = bytes
            self.hash = hash
        }

        init(path: String, data: Data) {
            self.path = path
            self.bytes = data.count
            var hash = FNV1a64()
            data.withUnsafeBytes { hash.add(buffer: $0) }
            self.hash = hash.hex
        }
    }
}
