/// The files a workbook, a handout or a report is written as: the one
/// place that lists them. Each is bytes in the same pipeline; PDF is printed
/// from the HTML (see `Printing`).
///
/// It lives with the rendering every output shares, not in any one output,
/// so a command that writes handouts or a report names its formats without
/// depending on the workbook.
package enum OutputFormat: String, CaseIterable, Sendable, Comparable {
    case html
    case md
    case pdf

    package var fileExtension: String { rawValue }

    /// What a command writes when no `--format` is given: the formats that
    /// need nothing installed.
    package static let defaults: [OutputFormat] = [.html, .md]

    package static func < (lhs: Self, rhs: Self) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
