import Foundation

/// A value in a PDF file, as Chromium (Skia) writes them. Numbers and
/// keywords are kept as written, strings with their delimiters and escapes,
/// so a value is written back exactly as it was read.
indirect enum PDFValue: Equatable, Sendable {
    case null
    /// A number or `true`/`false`, as written.
    case token(String)
    /// A name without its slash, escapes (`#20`) kept.
    case name(String)
    /// A string with its delimiters: `(...)` or `<...>`.
    case string([UInt8])
    case array([PDFValue])
    case dictionary(PDFDictionary)
    case reference(Int)

    var dictionary: PDFDictionary? { if case .dictionary(let d) = self { return d } else { return nil } }
    var reference: Int? { if case .reference(let n) = self { return n } else { return nil } }
    var array: [PDFValue]? { if case .array(let a) = self { return a } else { return nil } }
    var name: String? { if case .name(let n) = self { return n } else { return nil } }

    /// The value with every reference in it, however deep in arrays and
    /// dictionaries, replaced by what `replace` makes of its object number;
    /// everything else as it was, dictionaries in their order. References
    /// are met in the order they are written, so a `replace` that numbers
    /// what it meets (copying objects into another document, renumbering
    /// one) numbers the same way on every run.
    func replacingReferences(_ replace: (Int) -> PDFValue) -> PDFValue {
        switch self {
        case .reference(let number): return replace(number)
        case .array(let items): return .array(items.map { $0.replacingReferences(replace) })
        case .dictionary(var dictionary):
            for index in dictionary.entries.indices {
                dictionary.entries[index].value = dictionary.entries[index].value.replacingReferences(replace)
            }
            return .dictionary(dictionary)
        default: return self
        }
    }
}

/// A dictionary, its keys in the order written (so output is deterministic).
struct PDFDictionary: Equatable, Sendable {
    var entries: [(key: String, value: PDFValue)] = []

    static func == (a: Self, b: Self) -> Bool {
        a.entries.count == b.entries.count && zip(a.entries, b.entries).allSatisfy { $0.key == $1.key && $0.value == $1.value }
    }

    subscript(key: String) -> PDFValue? {
        get { entries.first { $0.key == key }?.value }
        set {
            if let index = entries.firstIndex(where: { $0.key == key }) {
                if let newValue { entries[index].value = newValue } else { entries.remove(at: index) }
            } else if let newValue {
                entries.append((key, newValue))
            }
        }
    }
}

/// One numbered object: a value, and the raw bytes of its stream if it has one.
struct PDFObject: Equatable, Sendable {
    var value: PDFValue
    var stream: [UInt8]?
}

/// What went wrong reading a PDF.
struct PDFFormatError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

/// A whole PDF file as numbered objects: read from Chromium's output (one
/// classic cross-reference table, no object streams, as Skia writes) and
/// written back as a new file with a fresh table. Enough to cut pages out
/// of a document and to add blank pages, never a general PDF library.
struct PDFDocument: Sendable {
    var objects: [Int: PDFObject] = [:]
    var root: Int
    var info: Int?

    init(objects: [Int: PDFObject], root: Int, info: Int?) {
        self.objects = objects
        self.root = root
        self.info = info
    }

    init(parsing data: Data) throws(PDFFormatError) {
        let bytes = [UInt8](data)
        guard let startxref = PDFDates.find(Array("startxref".utf8), in: bytes, from: max(0, bytes.count - 64)) else {
            throw PDFFormatError("no startxref")
        }
        var lexer = PDFLexer(bytes: bytes, at: startxref + 9)
        guard case .token(let offsetText)? = try lexer.token(), let tableOffset = Int(offsetText), tableOffset < bytes.count else {
            throw PDFFormatError("no cross-reference offset")
        }
        lexer.position = tableOffset
        guard case .keyword("xref")? = try lexer.token() else { throw PDFFormatError("no classic cross-reference table (object streams are not read)") }
        var offsets: [Int: Int] = [:]
        while true {
            let mark = lexer.position
            guard case .token(let first)? = try lexer.token(), let start = Int(first) else { lexer.position = mark; break }
            guard case .token(let countText)? = try lexer.token(), let count = Int(countText) else { throw PDFFormatError("a bad cross-reference section") }
            for number in start..<(start + count) {
                guard case .token(let offset)? = try lexer.token(), case .token? = try lexer.token(), case .keyword(let kind)? = try lexer.token() else {
                    throw PDFFormatError("a bad cross-reference entry")
                }
                if kind == "n", let value = Int(offset) { offsets[number] = value }
            }
        }
        guard case .keyword("trailer")? = try lexer.token(), case .dictionary(let trailer) = try lexer.value() else {
            throw PDFFormatError("no trailer")
        }
        guard let root = trailer["Root"]?.reference else { throw PDFFormatError("no document catalog") }
        self.root = root
        info = trailer["Info"]?.reference
        for (number, offset) in offsets.sorted(by: { $0.key < $1.key }) {
            lexer.position = offset
            guard case .token(let read)? = try lexer.token(), Int(read) == number, case .token? = try lexer.token(),
                  case .keyword("obj")? = try lexer.token() else {
                throw PDFFormatError("object \(number) is not where the table says")
            }
            let value = try lexer.value()
            var stream: [UInt8]?
            let mark = lexer.position
            if case .keyword("stream")? = try lexer.token() {
                var start = lexer.position
                if start < bytes.count, bytes[start] == 0x0D { start += 1 }
                if start < bytes.count, bytes[start] == 0x0A { start += 1 }
                guard case .token(let lengthText)? = value.dictionary?["Length"], let length = Int(lengthText), start + length <= bytes.count else {
                    throw PDFFormatError("object \(number): a stream without a direct length")
                }
                stream = Array(bytes[start..<(start + length)])
            } else {
                lexer.position = mark
            }
            objects[number] = PDFObject(value: value, stream: stream)
        }
    }

    /// The whole file: a header, every object in number order, a
    /// cross-reference table and the trailer. Same document, same bytes.
    func serialized() -> Data {
        var out: [UInt8] = Array("%PDF-1.4\n%".utf8) + [0xE2, 0xE3, 0xCF, 0xD3, 0x0A]
        let highest = objects.keys.max() ?? 0
        var offsets = [Int](repeating: -1, count: highest + 1)
        for number in objects.keys.sorted() {
            let object = objects[number]!
            offsets[number] = out.count
            out += Array("\(number) 0 obj\n".utf8)
            Self.write(object.value, into: &out)
            if let stream = object.stream {
                out += Array("\nstream\n".utf8)
                out += stream
                out += Array("\nendstream".utf8)
            }
            out += Array("\nendobj\n".utf8)
        }
        let table = out.count
        out += Array("xref\n0 \(highest + 1)\n0000000000 65535 f \n".utf8)
        for number in 1...max(1, highest) where number <= highest {
            let offset = offsets[number]
            out += Array((offset < 0 ? "0000000000 65535 f \n" : String(format: "%010d 00000 n \n", offset)).utf8)
        }
        var trailer = PDFDictionary()
        trailer["Size"] = .token("\(highest + 1)")
        trailer["Root"] = .reference(root)
        if let info { trailer["Info"] = .reference(info) }
        out += Array("trailer\n".utf8)
        Self.write(.dictionary(trailer), into: &out)
        out += Array("\nstartxref\n\(table)\n%%EOF\n".utf8)
        return Data(out)
    }

    static func write(_ value: PDFValue, into out: inout [UInt8]) {
        switch value {
        case .null: out += Array("null".utf8)
        case .token(let text): out += Array(text.utf8)
        case .name(let name): out.append(UInt8(ascii: "/")); out += Array(name.utf8)
        case .string(let raw): out += raw
        case .reference(let number): out += Array("\(number) 0 R".utf8)
        case .array(let items):
            out.append(UInt8(ascii: "["))
            for (index, item) in items.enumerated() {
                if index > 0 { out.append(UInt8(ascii: " ")) }
                write(item, into: &out)
            }
            out.append(UInt8(ascii: "]"))
        case .dictionary(let dictionary):
            out += Array("<<".utf8)
            for (index, entry) in dictionary.entries.enumerated() {
                if index > 0 { out.append(0x0A) }
                out.append(UInt8(ascii: "/"))
                out += Array(entry.key.utf8)
                out.append(UInt8(ascii: " "))
                write(entry.value, into: &out)
            }
            out += Array(">>".utf8)
        }
    }

    /// A text string for the document information (a title): UTF-16 with
    /// its byte order mark, in hexadecimal, so any name is written exactly.
    static func textString(_ text: String) -> PDFValue {
        var hex = "<FEFF"
        for unit in text.utf16 { hex += String(format: "%04X", unit) }
        return .string(Array((hex + ">").utf8))
    }
}

/// Reads PDF tokens and values from bytes.
struct PDFLexer {
    enum Token: Equatable {
        case token(String)
        case keyword(String)
        case name(String)
        case string([UInt8])
        case open(String)   // "<<" or "["
        case close(String)  // ">>" or "]"
    }

    let bytes: [UInt8]
    var position: Int

    init(bytes: [UInt8], at position: Int) {
        self.bytes = bytes
        self.position = position
    }

    static func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 || byte == 0x0C || byte == 0x00 }
    static func isDelimiter(_ byte: UInt8) -> Bool { "()<>[]{}/%".utf8.contains(byte) }

    mutating func skipSpace() {
        while position < bytes.count {
            if Self.isSpace(bytes[position]) { position += 1 }
            else if bytes[position] == UInt8(ascii: "%") {
                while position < bytes.count, bytes[position] != 0x0A, bytes[position] != 0x0D { position += 1 }
            } else { break }
        }
    }

    mutating func token() throws(PDFFormatError) -> Token? {
        skipSpace()
        guard position < bytes.count else { return nil }
        let start = position
        switch bytes[position] {
        case UInt8(ascii: "<"):
            if position + 1 < bytes.count, bytes[position + 1] == UInt8(ascii: "<") { position += 2; return .open("<<") }
            guard let end = bytes[position...].firstIndex(of: UInt8(ascii: ">")) else { throw PDFFormatError("an unclosed hexadecimal string") }
            position = end + 1
            return .string(Array(bytes[start..<position]))
        case UInt8(ascii: ">"):
            guard position + 1 < bytes.count, bytes[position + 1] == UInt8(ascii: ">") else { throw PDFFormatError("a stray '>'") }
            position += 2
            return .close(">>")
        case UInt8(ascii: "["): position += 1; return .open("[")
        case UInt8(ascii: "]"): position += 1; return .close("]")
        case UInt8(ascii: "("):
            var depth = 0
            while position < bytes.count {
                let byte = bytes[position]
                if byte == UInt8(ascii: "\\") { position += 2; continue }
                if byte == UInt8(ascii: "(") { depth += 1 }
                if byte == UInt8(ascii: ")") { depth -= 1; if depth == 0 { position += 1; return .string(Array(bytes[start..<position])) } }
                position += 1
            }
            throw PDFFormatError("an unclosed string")
        case UInt8(ascii: "/"):
            position += 1
            while position < bytes.count, !Self.isSpace(bytes[position]), !Self.isDelimiter(bytes[position]) { position += 1 }
            return .name(String(decoding: bytes[(start + 1)..<position], as: UTF8.self))
        default:
            while position < bytes.count, !Self.isSpace(bytes[position]), !Self.isDelimiter(bytes[position]) { position += 1 }
            guard position > start else { throw PDFFormatError("an unexpected '\(Character(Unicode.Scalar(bytes[start])))'") }
            let text = String(decoding: bytes[start..<position], as: UTF8.self)
            let first = bytes[start]
            if (first >= UInt8(ascii: "0") && first <= UInt8(ascii: "9")) || first == UInt8(ascii: "-") || first == UInt8(ascii: "+") || first == UInt8(ascii: ".")
                || text == "true" || text == "false" {
                return .token(text)
            }
            return .keyword(text)
        }
    }

    mutating func value() throws(PDFFormatError) -> PDFValue {
        guard let first = try token() else { throw PDFFormatError("the file ends inside a value") }
        return try value(startingWith: first)
    }

    private mutating func value(startingWith first: Token) throws(PDFFormatError) -> PDFValue {
        switch first {
        case .token(let text):
            // `N G R` is a reference.
            if Int(text) != nil {
                let mark = position
                if case .token(let generation)? = try token(), Int(generation) != nil, case .keyword("R")? = try token() {
                    return .reference(Int(text)!)
                }
                position = mark
            }
            return .token(text)
        case .keyword("null"): return .null
        case .keyword(let word): throw PDFFormatError("an unexpected keyword '\(word)'")
        case .name(let name): return .name(name)
        case .string(let raw): return .string(raw)
        case .open("["):
            var items: [PDFValue] = []
            while true {
                guard let next = try token() else { throw PDFFormatError("an unclosed array") }
                if next == .close("]") { return .array(items) }
                items.append(try value(startingWith: next))
            }
        case .open:
            var dictionary = PDFDictionary()
            while true {
                guard let next = try token() else { throw PDFFormatError("an unclosed dictionary") }
                if next == .close(">>") { return .dictionary(dictionary) }
                guard case .name(let key) = next else { throw PDFFormatError("a dictionary key that is not a name") }
                dictionary.entries.append((key, try value()))
            }
        case .close(let text): throw PDFFormatError("an unexpected '\(text)'")
        }
    }
}
