import ContentModel
import Diagnostics
import Foundation
import GFM
import Journal
import Rendering
import Workbook

/// A journal with three answers around one under test, and what building it
/// gives, for the fidelity tests: every word typed must come out where it
/// was typed, and nothing else may change.
enum JournalFidelity {
    static let header = """
    ---
    therapist: "Sam Rivera"
    week: 2026-W47
    focus: noticing-withdrawal
    ---

    # 2026-W47 · Noticing withdrawal

    Before the prompts: a line of my own.

    <!-- prompt: reflect-usual-response -->
    ## First

    Alpha answer stays put.

    <!-- prompt: reflect-noticed-in-myself -->
    ## Second


    """

    static let trailer = """
    <!-- prompt: wish-uncomfortable-moments -->
    ## Third

    Gamma answer stays put.

    """

    /// The first line of the answer under test.
    static let answerLine = header.split(separator: "\n", omittingEmptySubsequences: false).count

    /// `answer` (ending in a line break) as the middle of three answers;
    /// `tight` leaves no blank line between it and the next prompt's marker.
    static func journal(_ answer: String, tight: Bool = false) -> String {
        header + answer + (tight ? "" : "\n") + trailer
    }

    enum Outcome {
        case built(RenderedWorkbook)
        case refused([Diagnostic])
    }

    static func build(_ text: String, path: String = "j.md") -> Outcome {
        do {
            let journal = try JournalParser(content: Fixtures.resources.content)
                .parse(SourceFile(path: path, name: path, text: text))
            return .built(try WorkbookRenderer(resources: Fixtures.resources).render(journal))
        } catch {
            return .refused(error.diagnostics)
        }
    }

    static let control: RenderedWorkbook = {
        guard case .built(let workbook) = build(journal("CONTROL\n")) else { fatalError("the control journal must build") }
        return workbook
    }()

    /// The control with the middle prompt left open.
    static let openControl: RenderedWorkbook = {
        guard case .built(let workbook) = build(journal("")) else { fatalError("the open control journal must build") }
        return workbook
    }()

    /// `text` split around the one occurrence of `marker`.
    static func around(_ text: String, _ marker: String) -> (before: String, after: String)? {
        guard let range = text.range(of: marker), text.range(of: marker, range: range.upperBound..<text.endIndex) == nil else { return nil }
        return (String(text[..<range.lowerBound]), String(text[range.upperBound...]))
    }

    /// What `workbook` holds where the control holds `CONTROL`, when every
    /// byte around it is the control's; `nil` when anything outside differs.
    static func answerRegion(_ workbook: String, control: String, marker: String) -> String? {
        guard let (before, after) = around(control, marker),
              workbook.hasPrefix(before), workbook.hasSuffix(after),
              workbook.utf8.count >= before.utf8.count + after.utf8.count
        else { return nil }
        let start = workbook.utf8.index(workbook.startIndex, offsetBy: before.utf8.count)
        let end = workbook.utf8.index(workbook.endIndex, offsetBy: -after.utf8.count)
        return String(workbook[start..<end])
    }

    /// The answer as the journal reader keeps it: the typed lines without
    /// blank lines (spaces and tabs only) at either end.
    static func kept(_ answer: String) -> String {
        var lines = answer.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let blank = { (line: String) in line.utf8.allSatisfy { $0 == 32 || $0 == 9 } }
        while let first = lines.first, blank(first) { lines.removeFirst() }
        while let last = lines.last, blank(last) { lines.removeLast() }
        return lines.joined(separator: "\n")
    }

    /// Raw HTML nodes in `markdown` parsed alone with GitHub's extensions.
    static func rawHTML(in markdown: String) -> [MarkdownNode] {
        MarkdownDocument(markdown).node.descendants.filter { $0.kind == .htmlBlock || $0.kind == .htmlInline }
    }

    /// A picture (only embedded ones are kept) or a link to an address
    /// other than http, https, mailto or a relative one: the README's other
    /// documented change, a backslash that shows it as text.
    static func hasRefusedAddress(_ markdown: String) -> Bool {
        MarkdownDocument(markdown).node.descendants.contains { node in
            if node.kind == .image { return !HTMLRenderer.isEmbedded(node.url ?? "") }
            guard node.kind == .link, let url = node.url?.lowercased() else { return false }
            let scheme = url.prefix { $0 != ":" && $0 != "/" && $0 != "?" && $0 != "#" }
            return url.contains(":") && scheme.count < url.count && url[scheme.endIndex] == ":" && !["http", "https", "mailto"].contains(String(scheme))
        }
    }

    static func hasRemoteImage(_ markdown: String) -> Bool {
        MarkdownDocument(markdown).node.descendants.contains { $0.kind == .image && !HTMLRenderer.isEmbedded($0.url ?? "") }
    }

    /// The text a reader sees in an HTML fragment: tags dropped, entities decoded.
    static func visibleText(_ html: String) -> String {
        var text = ""
        var inTag = false
        for character in html {
            if character == "<" { inTag = true; continue }
            if character == ">" && inTag { inTag = false; continue }
            if !inTag { text.append(character) }
        }
        return decodeEntities(text)
    }

    static func decodeEntities(_ text: String) -> String {
        var result = ""
        var rest = Substring(text)
        while let amp = rest.firstIndex(of: "&") {
            result += rest[..<amp]
            let tail = rest[amp...]
            if let semicolon = tail.firstIndex(of: ";"), tail.distance(from: amp, to: semicolon) <= 10 {
                let name = String(tail[tail.index(after: amp)..<semicolon])
                let named = ["lt": "<", "gt": ">", "amp": "&", "quot": "\"", "#39": "'", "apos": "'"]
                if let value = named[name] {
                    result += value
                    rest = tail[tail.index(after: semicolon)...]
                    continue
                }
                if name.hasPrefix("#"), let code = name.hasPrefix("#x") || name.hasPrefix("#X")
                    ? UInt32(name.dropFirst(2), radix: 16) : UInt32(name.dropFirst()),
                   let scalar = Unicode.Scalar(code) {
                    result.unicodeScalars.append(scalar)
                    rest = tail[tail.index(after: semicolon)...]
                    continue
                }
            }
            result += "&"
            rest = tail.dropFirst()
        }
        return result + rest
    }

    static func withoutWhitespace(_ text: String) -> String {
        String(text.unicodeScalars.filter { !CharacterSet.whitespacesAndNewlines.contains($0) }.map(Character.init))
    }

    /// cmark-gfm itself, as Debian ships it, rendering `markdown` alone with
    /// GitHub's extensions in its default safe mode: the oracle the page's
    /// answer HTML is compared with.
    static func cmarkGFM(_ markdown: String) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: cmarkGFMPath)
        process.arguments = ["-e", "table", "-e", "strikethrough", "-e", "autolink", "-e", "tagfilter", "-e", "tasklist"]
        let input = Pipe(), output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        try process.run()
        let writer = Thread {
            input.fileHandleForWriting.write(Data(markdown.utf8))
            try? input.fileHandleForWriting.close()
        }
        writer.start()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }

    static let cmarkGFMPath = "/usr/bin/cmark-gfm"
    /// Debian's `cmark-gfm` package ships the spec it implements.
    static let specPath = ProcessInfo.processInfo.environment["ATTUNE_GFM_SPEC"] ?? "/usr/share/doc/cmark-gfm/spec.txt.gz"

    struct Example {
        var number: Int
        var section: String
        var markdown: String
    }

    /// Every example of the GFM spec: the Markdown before the `.` line, with
    /// the spec's `→` for a tab.
    static func specExamples() throws -> [Example] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/gzip")
        process.arguments = ["-dc", specPath]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let text = String(decoding: data, as: UTF8.self)
        let fence = String(repeating: "`", count: 32)
        var examples: [Example] = []
        var section = ""
        var markdown: [Substring]?
        var inMarkdown = false
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            guard let collected = markdown else {
                if line.hasPrefix("#") { section = String(line.drop { $0 == "#" || $0 == " " }) }
                if line.hasPrefix(fence + " example") {
                    markdown = []
                    inMarkdown = true
                }
                continue
            }
            if inMarkdown {
                if line == "." { inMarkdown = false } else { markdown!.append(line) }
            } else if line == fence {
                let lines = collected.map { $0.replacingOccurrences(of: "→", with: "\t") }
                examples.append(Example(
                    number: examples.count + 1, section: section,
                    markdown: lines.isEmpty ? "" : lines.joined(separator: "\n") + "\n"
                ))
                markdown = nil
            }
        }
        return examples
    }
}
