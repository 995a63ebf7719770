/// The package's own `Content/` and `Templates/`, compiled in by the
/// EmbedFolders plugin (see `Plugins/`), so `attune` needs no install step.
public enum BundledFiles {}

/// One embedded file: its path relative to its folder, and its text.
public struct BundledFile: Sendable, Equatable {
    public let path: String
    public let text: String
}

/// An embedded folder and a fingerprint of everything in it.
public struct BundledFolder: Sendable {
    public let name: String
    /// Changes whenever any file in the folder changes; goes into outputs
    /// so a reader can tell which material made them.
    public let fingerprint: String
    public let files: [BundledFile]
}
