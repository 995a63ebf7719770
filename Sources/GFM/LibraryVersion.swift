import CCmarkGFM

/// The cmark-gfm library this binary runs on.
package enum CmarkGFMLibrary {
    /// `cmark_version_string()`: asked of the library itself rather than
    /// taken from a header, so a release binary reports the copy that was
    /// linked into it (and a dynamic build the one it loaded).
    package static var version: String { String(cString: cmark_version_string()) }
}
