import CCmarkGFM
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// cmark-gfm keeps its extensions in a process-wide registry that is not safe to
/// populate from two threads at once; a `static let` runs this exactly once.
enum ExtensionRegistry {
    static let ready: Void = cmark_gfm_core_extensions_ensure_registered()

    /// Debian's cmark-gfm 0.29.0.gfm.6 is not safe to parse on two threads at
    /// once: the strikethrough and autolink extensions edit a process-wide
    /// character table while parsing (github/cmark-gfm#176). Parsing is
    /// serialised; rendering a finished tree is not affected.
    static let parsing = NSLock()

    static func find(_ ext: GFMExtension) -> OpaquePointer? {
        _ = ready
        return cmark_find_syntax_extension(ext.rawValue)
    }
}

/// A parsed Markdown document. Owns the cmark tree and frees it on deinit.
///
/// Not `Sendable`: a tree is built, read and rendered on one thread. Parse once
/// per thread instead of sharing a document.
package final class MarkdownDocument {
    let parser: OpaquePointer
    let root: OpaquePointer
    package let options: MarkdownOptions

    /// Parses `text`. cmark accepts any input, so this cannot fail.
    package init(
        _ text: String,
        options: MarkdownOptions = [.sourcePositions, .validateUTF8],
        extensions: [GFMExtension] = GFMExtension.github
    ) {
        _ = ExtensionRegistry.ready
        let parser = cmark_parser_new(options.rawValue)!
        for ext in extensions {
            if let pointer = ExtensionRegistry.find(ext) {
                cmark_parser_attach_syntax_extension(parser, pointer)
            }
        }
        var text = text
        self.root = ExtensionRegistry.parsing.withLock {
            text.withUTF8 { bytes in
                bytes.withMemoryRebound(to: CChar.self) { chars in
                    cmark_parser_feed(parser, chars.baseAddress, chars.count)
                }
            }
            return cmark_parser_finish(parser)
        }
        self.parser = parser
        self.options = options
    }

    /// Nodes taken out of the tree by an edit. They are freed with the
    /// document, not before: a `MarkdownNode` keeps its document alive, so
    /// every node value ever handed out points at live memory.
    private var retired: [OpaquePointer] = []

    func retire(_ node: OpaquePointer) {
        retired.append(node)
    }

    deinit {
        // cmark frees a subtree iteratively (it splices children into a
        // list), so even a 60,000-deep tree is freed in constant stack.
        for node in retired { cmark_node_free(node) }
        cmark_node_free(root)
        cmark_parser_free(parser)
    }

    /// The document node.
    package var node: MarkdownNode { MarkdownNode(pointer: root, document: self) }

    /// The top-level blocks, in order.
    package var blocks: [MarkdownNode] { node.children }

    /// HTML for the whole document, with the parser's extensions applied.
    package func renderHTML(options extra: MarkdownOptions = []) -> String {
        let flags = (options.subtracting(.unsafe)).union(extra).rawValue
        return Self.take(cmark_render_html(root, flags, cmark_parser_get_syntax_extensions(parser)))
    }

    /// CommonMark (GFM) text for the whole document; `width` 0 keeps lines as they are.
    package func renderCommonMark(options extra: MarkdownOptions = [], width: Int32 = 0) -> String {
        Self.take(cmark_render_commonmark(root, options.union(extra).rawValue, width))
    }

    /// Converts a malloc'd C string to Swift and frees it.
    static func take(_ pointer: UnsafeMutablePointer<CChar>?) -> String {
        guard let pointer else { return "" }
        defer { free(pointer) }
        return String(cString: pointer)
    }
}
