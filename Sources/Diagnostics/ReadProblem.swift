import Files

extension Diagnostic {
    /// A file that could not be read, as a diagnostic that points at the
    /// problem when there is a place to point at.
    package static func unreadable(_ path: String, _ error: Error) -> Diagnostic {
        switch error as? FileSystemError {
        case .notUTF8(_, let line, let column):
            return .error("not UTF-8 text; save the file as UTF-8", at: SourceLocation(path: path, line: line, column: column))
        case .notFound:
            return .error("no such file or folder", at: SourceLocation(path: path, line: 1, column: 1))
        default:
            return .error("cannot be read: \(error)", at: SourceLocation(path: path, line: 1, column: 1))
        }
    }
}
