import ContentModel
import Diagnostics
import SwiftCSV

/// Reads a CSV roster, as a spreadsheet exports it: a header row naming the
/// columns (`name` required; `focus`, `note`, `journal` optional, in any
/// order and any letter case; any other column is ignored, and named in one
/// note), then one trainee per row. The cohort, the
/// supervisor and the week come from the command line.
///
/// SwiftCSV reads the values: quoted commas, doubled quotes, line breaks in
/// quotes, a byte-order mark, CRLF, and `;` or tab as the separator where a
/// spreadsheet's locale uses them. `CellLocator` only finds where each cell
/// starts, so that errors can point at it.
enum CSVRoster {
    static let columns = ["name", "focus", "note", "journal"]

    static func read(_ file: SourceFile) -> RosterDraft {
        var draft = RosterDraft(path: file.path)
        let start = SourceLocation(path: file.path, line: 1, column: 1)
        var text = file.text
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        let delimiter = CSVDelimiter.guessed(string: text)
        let cells = CellLocator(text: text, delimiter: delimiter.rawValue, path: file.path)

        let csv: EnumeratedCSV
        do {
            csv = try EnumeratedCSV(string: text, delimiter: delimiter, loadColumns: false)
        } catch {
            let reason = (error as? CSVParseError).map(describe) ?? "\(error)"
            let row = firstUnreadableRecord(text, delimiter: delimiter)
            draft.problems.append(.error("the CSV cannot be read: \(reason)", at: cells.location(row: row, cell: 0) ?? start))
            draft.unreadable = true
            return draft
        }
        let header = csv.header
        guard header.contains(where: { !$0.trimmingCharacters(in: .whitespaces).isEmpty }) else {
            draft.problems.append(.error("the roster is empty: it needs a header row such as 'name,focus,note,journal', then one trainee per row", at: start))
            draft.unreadable = true
            return draft
        }

        // The header: which column holds which field.
        var columnOfField: [String: Int] = [:]
        var ignored: [(name: String, at: SourceLocation)] = []
        for (index, cell) in header.enumerated() {
            let name = cell.trimmingCharacters(in: .whitespaces).lowercased()
            let at = cells.location(row: 0, cell: index) ?? start
            if columns.contains(name) {
                if columnOfField[name] != nil {
                    draft.problems.append(.error("column '\(name)' appears twice in the header", at: at))
                } else {
                    columnOfField[name] = index
                }
            } else if let near = Suggestion.closest(to: name, in: columns) {
                // A near miss is a column meant for Attune: ignoring it would lose every note in it.
                draft.problems.append(.error("unknown column '\(cell)'; did you mean '\(near)'?", at: at))
            } else if !name.isEmpty {
                ignored.append((cell.trimmingCharacters(in: .whitespaces), at))
            }
        }
        if let first = ignored.first {
            // A spreadsheet export carries whatever else the supervisor keeps (email, phone, year):
            // read it as it is, and say once what was left unread.
            let names = ignored.map { "'\($0.name)'" }
            let list = names.count == 1 ? names[0] : names.dropLast().joined(separator: ", ") + " and " + names.last!
            draft.notices.append(Diagnostic(.note, at: first.at,
                "ignored column\(names.count == 1 ? "" : "s") \(list): Attune reads only name, focus, note and journal"))
        }
        if columnOfField["name"] == nil {
            draft.problems.append(.error("the header row needs a 'name' column", at: start))
            return draft  // every row would only repeat that it has no name
        }

        // The rows, skipping blank lines as a spreadsheet would.
        for (offset, cellsInRow) in csv.rows.enumerated() {
            let row = offset + 1
            // A line break inside a quoted cell keeps the file's CRLF; a note wants "\n".
            let values = cellsInRow.map {
                $0.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
                    .trimmingCharacters(in: .whitespacesAndNewlines)
            }
            if values.allSatisfy(\.isEmpty) { continue }
            let rowStart = cells.location(row: row, cell: 0) ?? start
            var trainee = TraineeDraft(row: rowStart)
            if let extra = values.indices.dropFirst(header.count).first(where: { !values[$0].isEmpty }) {
                trainee.problems.append(.error(
                    "this row has a value in column \(extra + 1), but the header names only \(header.count) column\(header.count == 1 ? "" : "s")",
                    at: cells.location(row: row, cell: extra) ?? rowStart
                ))
            }
            func field(_ name: String) -> Located? {
                guard let column = columnOfField[name], column < values.count, !values[column].isEmpty else { return nil }
                return Located(value: values[column], location: cells.location(row: row, cell: column) ?? rowStart)
            }
            trainee.name = field("name")
            trainee.focus = field("focus")
            trainee.note = field("note")
            trainee.journal = field("journal")
            draft.trainees.append(trainee)
        }
        return draft
    }

    /// SwiftCSV says what went wrong but not where: the first record it
    /// cannot read is the smallest number of rows it refuses to parse.
    private static func firstUnreadableRecord(_ text: String, delimiter: CSVDelimiter) -> Int {
        func fails(_ rows: Int) -> Bool {
            (try? EnumeratedCSV(string: text, delimiter: delimiter, loadColumns: false, rowLimit: rows)) == nil
        }
        var low = 0, high = text.reduce(1) { $1.isNewline ? $0 + 1 : $0 }
        while low < high {
            let middle = (low + high) / 2
            if fails(middle) { high = middle } else { low = middle + 1 }
        }
        return low
    }

    private static func describe(_ error: CSVParseError) -> String {
        switch error {
        case .generic(let message), .quotation(let message):
            return message.hasPrefix("Can't have non-quote here")
                ? "a quote inside a cell must be doubled (\"\"), and a quoted cell must end with a quote"
                : message
        }
    }
}

/// Where each CSV cell starts, as `line:column` (columns in Unicode scalars,
/// like every other Attune error). Walks the text with the parser's rules
/// for quotes and line breaks, but never produces a value: SwiftCSV does that.
struct CellLocator {
    /// Per record (the header is record 0), where each of its cells starts.
    private var records: [[SourceLocation]] = []

    init(text: String, delimiter: Character, path: String) {
        var line = 1, column = 1
        var inQuotes = false
        var current = [SourceLocation(path: path, line: 1, column: 1)]
        // By Character, as SwiftCSV reads: "\r\n" is one line break.
        for character in text {
            if character == "\"" {
                inQuotes.toggle()  // a doubled quote toggles twice: still inside
            } else if !inQuotes, character == delimiter {
                current.append(SourceLocation(path: path, line: line, column: column + 1))
            }
            if character.isNewline {
                line += 1
                column = 1
                if !inQuotes {
                    records.append(current)
                    current = [SourceLocation(path: path, line: line, column: 1)]
                }
            } else {
                column += character.unicodeScalars.count
            }
        }
        records.append(current)
    }

    func location(row: Int, cell: Int) -> SourceLocation? {
        guard row < records.count, cell < records[row].count else { return nil }
        return records[row][cell]
    }
}
