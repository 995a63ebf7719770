import Foundation
import Yams

/// libyaml's syntax errors in plain words, with what to do about them.
///
/// Rosters, content files and front matter are written by supervisors and
/// therapists, not programmers: "mapping values are not allowed in this
/// context" says nothing to someone who typed `note: Card 4: for you`. Each
/// hint names the likely slip and the fix, and points where the fix goes
/// (the opening quote, the key without its colon), which is not always
/// where libyaml noticed the problem. libyaml's own words follow in
/// parentheses, for anyone searching for them.
struct YAMLSyntaxHint {
    var message: String
    var line: Int
    var column: Int

    init?(problem: String, context: YamlError.Context?, mark: Mark, text: String) {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        let lineText = mark.line >= 1 && mark.line <= lines.count ? Array(lines[mark.line - 1].unicodeScalars) : []
        let character = mark.column >= 1 && mark.column <= lineText.count ? lineText[mark.column - 1] : nil
        (line, column) = (mark.line, mark.column)
        switch problem {
        case "mapping values are not allowed in this context":
            // A second ': ' on a line is text that needs quotes; a lone key
            // is a line indented under a value that cannot hold it.
            let before = String(String.UnicodeScalarView(lineText.prefix(max(0, mark.column - 1))))
            if before.contains(": ") || before.trimmingCharacters(in: .whitespaces).hasPrefix("- ") && before.contains(":") {
                message = "a colon followed by a space can only end a key: if it is part of the text, put the whole value in quotes, like note: \"Card 4: read it first\""
            } else {
                message = "this key is indented under a value that cannot hold it: start it in the same column as the keys beside it"
            }
        case "did not find expected key", "did not find expected '-' indicator":
            message = "this line is indented differently from the lines above it: keys of one entry start in the same column, and each list item starts with '- '"
        case "found character that cannot start any token":
            if character == "\t" {
                message = "a tab cannot indent YAML: use spaces"
            } else {
                let shown = character.map { "'\($0)'" } ?? "this character"
                message = "\(shown) cannot start a value: put the whole value in quotes"
            }
        case "found a tab character that violates indentation", "found a tab character where an indentation space is expected":
            message = "a tab cannot indent YAML: use spaces"
        case "found unexpected end of stream" where context?.text == "while scanning a quoted scalar":
            (line, column) = (context!.mark.line, context!.mark.column)
            message = "this quote is never closed: end the value with the same quote mark, and double a single quote inside single quotes ('')"
        case "found unknown escape character":
            message = "inside double quotes a backslash starts an escape: use single quotes, or write \\\\ for a backslash"
        case "could not find expected ':'":
            if let context { (line, column) = (context.mark.line, context.mark.column) }
            message = "this line has no ':' after its key: write it as key: value"
        case "block sequence entries are not allowed in this context":
            message = "a '- ' list cannot start on the same line as its key: put each item on its own line below, or quote the text"
        case "did not find expected ',' or ']'", "did not find expected ',' or '}'":
            if let context { (line, column) = (context.mark.line, context.mark.column) }
            let bracket = problem.hasSuffix("']'") ? "[" : "{"
            message = "a '\(bracket)' at the start of a value opens an inline list that is never closed: if it is text, put the whole value in quotes"
        case "found undefined tag handle":
            message = "'!' at the start of a value marks a YAML tag: if it is text, put the whole value in quotes"
        default:
            return nil
        }
    }
}
