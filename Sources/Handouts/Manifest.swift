import ContentModel
import Foundation
import Rendering

/// `manifest.json`: what a run produced, for whom, from which material, and
/// a hash of each file, so a supervisor (or a script) can tell later whether
/// anything was changed or left out. It has no timestamps: the same roster
/// and material give the same manifest.
public struct Manifest: Codable, Sendable, Equatable {
    public var generator = "Attune"
    public var cohort: String
    public var supervisor: String
    public var week: String
    public var roster: String
    public var material: Material
    /// How `files[].hash` is computed.
    public var hashAlgorithm = FNV1a64.name + " of the file's bytes, as 16 hex digits (detects changes; not cryptographic)"
    public var handouts: [Handout]
    /// The cohort's own pages: all.html, cohort-summary.html, index.html.
    public var cohortFiles: [File]
    /// Roster rows with problems, which got no handout (`--keep-going`).
    public var notProduced: [String]

    public struct Material: Codable, Sendable, Equatable {
        /// The bundled content and templates (`Resources.fingerprint`).
        public var fingerprint: String
        public var contentOverlay: Overlay?
        public var templatesOverlay: Overlay?
    }

    /// A user's `--content` or `--templates` folder and the hash of its files.
    public struct Overlay: Codable, Sendable, Equatable {
        public var path: String
        public var hash: String
    }

    public struct Handout: Codable, Sendable, Equatable {
        public var trainee: String
        public var focus: String
        public var files: [File]
    }

    public struct File: Codable, Sendable, Equatable {
        /// Relative to the output folder.
        public var path: String
        public var bytes: Int
        public var hash: String

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
