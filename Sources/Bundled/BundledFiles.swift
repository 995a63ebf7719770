/// The package's own `Content/` and `Templates/`, compiled in by the
/// EmbedFolders plugin (see `Plugins/`), so `attune` needs no install step.
package enum BundledFiles {}

/// One embedded file: its path relative to its folder, and its text.
package struct BundledFile: Sendable, Equatable {
    package let path: String
    package let text: String
}

/// An embedded folder and a fingerprint of everything in it.
package struct BundledFolder: Sendable {
    package let name: String
    /// Changes whenever any file in the folder changes; goes into outputs
    /// so a reader can tell which material made them.
    package let fingerprint: String
    package let files: [BundledFile]
}
