import Foundation

/// One kind of identifier and how to spot it. The order of
/// `Pattern.standard` is the order of precedence where matches overlap.
struct Pattern: @unchecked Sendable {
    var category: IdentifierCategory
    var regex: NSRegularExpression
    /// Narrows or rejects a raw match; `nil` rejects it.
    var accept: @Sendable (NSTextCheckingResult, NSString) -> NSRange?
    /// Characters every match contains (any one of them): a text with none
    /// is not searched at all. Most answers have no digits, so most patterns
    /// are skipped; the result is the same, found in a fraction of the time.
    var needs: TextFeatures

    init(
        _ category: IdentifierCategory, _ pattern: String, caseInsensitive: Bool = false, needs: TextFeatures = [],
        accept: @escaping @Sendable (NSTextCheckingResult, NSString) -> NSRange? = { result, _ in result.range }
    ) {
        self.category = category
        self.regex = try! NSRegularExpression(pattern: pattern, options: caseInsensitive ? [.caseInsensitive] : [])
        self.needs = needs
        self.accept = accept
    }

    static let month = "(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)"
    static let ordinal = "(?:st|nd|rd|th)?"
    static let over89 = "(?:9\\d|1[01]\\d)"

    static func standard(names: [String]) -> [Pattern] {
        var patterns = [
            Pattern(.email, #"[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}"#, needs: .at),
            Pattern(.url, #"\b(?:https?|ftp)://[^\s<>()\[\]"']+|\bwww\.[^\s<>()\[\]"']+"#, caseInsensitive: true,
                    accept: trimTrailingPunctuation),
            Pattern(.ipAddress, #"\b(?:(?:25[0-5]|2[0-4]\d|1?\d?\d)\.){3}(?:25[0-5]|2[0-4]\d|1?\d?\d)\b|\b(?:[0-9A-Fa-f]{1,4}:){3,7}[0-9A-Fa-f]{1,4}\b"#, needs: [.digit, .colon]),
            Pattern(.idNumber, #"\b\d{3}-\d{2}-\d{4}\b"#, needs: .digit),
            Pattern(.date, #"\b\d{4}-\d{1,2}-\d{1,2}\b|\b\d{1,2}[/.-]\d{1,2}[/.-](?:\d{4}|\d{2})\b"#, needs: .digit),
            Pattern(.date, "\\b\\d{1,2}\(ordinal)\\s+(?:of\\s+)?\(month)\\.?(?:,?\\s+\\d{4})?\\b", needs: .digit),
            Pattern(.date, "\\b\(month)\\.?\\s+\\d{1,2}\(ordinal)(?:,?\\s+\\d{4})?\\b(?!:)", needs: .digit),
            Pattern(.date, "\\b\(month)\\.?\\s+\\d{4}\\b", needs: .digit),
            Pattern(.age, "\\b(?:aged?|age of)\\s+\(over89)\\b|\\b\(over89)[\\s-]*(?:years?|yrs?)[\\s-]*old\\b|\\b\(over89)\\s*y/?o\\b",
                    caseInsensitive: true, needs: .digit),
            Pattern(.idNumber,
                    #"\b(?:MRN|NHS(?:\s+number)?|(?:medical\s+)?record|account|acct|licen[cs]e|policy|member(?:ship)?|case|patient|client|ID|reg(?:istration)?|plate|serial|certificate|passport|insurance)(?:\s+(?:no\.?|number|num|#|ID))?\s*[:#]?\s*[A-Z0-9][A-Z0-9-]{3,}\b"#,
                    caseInsensitive: true, needs: .digit, accept: { result, text in
                        text.substring(with: result.range).split(whereSeparator: \.isWhitespace).last
                            .map { $0.contains(where: \.isNumber) } == true ? result.range : nil
                    }),
            Pattern(.phone, #"(?<![\w+])(?:\+\d{1,3}[\s.-]?)?(?:\(\d{2,5}\)[\s.-]?)?\d{2,5}(?:[\s.-]?\d{2,4}){2,3}(?![\w])"#,
                    needs: .digit, accept: { result, text in
                        text.substring(with: result.range).filter(\.isNumber).count >= 9 ? result.range : nil
                    }),
            Pattern(.idNumber, #"\b\d{6,}\b"#, needs: .digit),
            Pattern(.address,
                    #"\b\d{1,5}[A-Za-z]?,?\s+(?:[A-Z][a-z'’]+\s+){1,3}(?:Street|St|Road|Rd|Avenue|Ave|Lane|Ln|Drive|Close|Way|Court|Ct|Place|Pl|Boulevard|Blvd|Crescent|Terrace|Gardens|Square|Grove|Row|Mews|Parade|Walk)\b"#, needs: .digit),
            Pattern(.postcode, #"\b[A-Z]{1,2}\d[A-Z\d]?\s?\d[A-Z]{2}\b|\b\d{5}-\d{4}\b|\b[A-Z]{2}\s+\d{5}\b"#, needs: .digit),
            Pattern(.initials, #"\b[A-Z]\.\s?[A-Z]\.(?:\s?[A-Z]\.)?|\b(?:[Cc]lient|[Pp]atient)[ \t]+[A-Z](?:\.|\b)(?![a-z'’])|\b(?:Mr|Mrs|Ms|Mx|Miss|Dr)\.?[ \t]+[A-Z](?:\.|\b)(?![a-z'’])"#, needs: .upper),
            Pattern(.name, #"\b(?:Mr|Mrs|Ms|Mx|Miss|Dr|Prof|Mister|Madam)\.?\s+[A-Z][a-z'’-]+(?:\s+[A-Z][a-z'’-]+)?"#, needs: .upper),
        ]
        for name in names where !name.isEmpty {
            patterns.append(Pattern(.name, "(?<![\\w])" + NSRegularExpression.escapedPattern(for: name) + "(?![\\w])", caseInsensitive: true))
        }
        patterns.append(Pattern(.name, #"(?m)(?<![\w'’])(?:[A-Z][a-z'’-]+)(?:[ \t]+[A-Z][a-z'’-]+)+"#, needs: .upper, accept: capitalisedName))
        return patterns
    }

    static let trimTrailingPunctuation: @Sendable (NSTextCheckingResult, NSString) -> NSRange? = { result, text in
        var range = result.range
        while range.length > 0, ".,;:!?*_".contains(text.substring(with: NSRange(location: range.location + range.length - 1, length: 1))) {
            range.length -= 1
        }
        return range
    }

    /// Two or more capitalised words in a row, once words that are
    /// capitalised for other reasons (sentence starts, days, months, "I")
    /// are set aside. Headings inside answers are title case, so skipped.
    static let capitalisedName: @Sendable (NSTextCheckingResult, NSString) -> NSRange? = { result, text in
        let lineStart = text.lineRange(for: NSRange(location: result.range.location, length: 0)).location
        let linePrefix = text.substring(with: NSRange(location: lineStart, length: result.range.location - lineStart))
        if linePrefix.trimmingCharacters(in: .whitespaces).hasPrefix("#") { return nil }

        var range = result.range
        var words = text.substring(with: range).split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
        // Leading words that are capitalised only because they start something.
        let startsSentence = sentenceStart(before: range.location, in: text)
        while let first = words.first, notNames.contains(first) || (startsSentence && commonStarts.contains(first)) {
            let consumed = (text.substring(with: range) as NSString).range(of: words[1]).location
            range = NSRange(location: range.location + consumed, length: range.length - consumed)
            words.removeFirst()
            if words.count < 2 { return nil }
        }
        while let last = words.last, notNames.contains(last) {
            words.removeLast()
            if words.count < 2 { return nil }
            range.length = (text.substring(with: range) as NSString).range(of: last, options: .backwards).location
            while range.length > 0, text.substring(with: NSRange(location: range.location + range.length - 1, length: 1)) == " " {
                range.length -= 1
            }
        }
        return words.count >= 2 && !words.contains(where: notNames.contains) ? range : nil
    }

    static func sentenceStart(before location: Int, in text: NSString) -> Bool {
        var index = location - 1
        while index >= 0 {
            let character = text.substring(with: NSRange(location: index, length: 1))
            if character == "\n" { return true }
            if !" \t*_>-+[(\"'“‘".contains(character) && !character.allSatisfy(\.isNumber) {
                return ".!?:|".contains(character)
            }
            index -= 1
        }
        return true
    }

    /// Capitalised for reasons other than being someone's name.
    static let notNames: Set<String> = [
        "I", "I'm", "I’m", "I've", "I’ve", "I'd", "I’d", "I'll", "I’ll", "OK",
        "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
        "January", "February", "March", "April", "May", "June", "July", "August", "September",
        "October", "November", "December",
        "God", "Mum", "Mom", "Dad", "English", "British", "American", "Christmas", "Easter",
        "Attune", "Gibbs", "Kolb", "Rolfe", "Schön", "Bordin", "Safran", "Muran", "Eubanks",
    ]

    /// Words that begin sentences and are rarely names.
    static let commonStarts: Set<String> = [
        "The", "A", "An", "My", "Our", "When", "After", "Before", "In", "On", "At", "This", "That", "Then",
        "But", "And", "So", "If", "We", "He", "She", "They", "It", "His", "Her", "Their", "What", "Why",
        "How", "Who", "Next", "Last", "Looking", "Today", "Yesterday", "Tomorrow", "Later", "Supervision",
        "With", "Without", "For", "From", "About", "During", "Since", "Until", "Because", "While", "As", "Once",
        "Like", "Between", "Each", "Every", "Some", "Both", "Only", "Even", "Also", "Perhaps", "Maybe",
        "Sometimes", "Now", "Here", "There", "Yes", "No", "Not", "Still", "Again", "Instead", "Although",
        "Though", "Just", "You", "Your", "Its", "These", "Those", "Where", "Which", "Whether", "Let", "To",
        "Of", "By", "Into", "Over", "Under", "Did", "Do", "Does", "Was", "Were", "Is", "Are", "Can", "Could",
        "Would", "Should", "Will", "Had", "Has", "Have", "Then", "Thanks", "Dear", "Hi", "Hello",
    ]
}

/// Which kinds of character a text has, found in one pass over its bytes.
struct TextFeatures: OptionSet, Sendable {
    let rawValue: UInt8
    /// An ASCII digit, or any character beyond ASCII (which may be a digit
    /// in another script: `\d` matches those too, so they count).
    static let digit = TextFeatures(rawValue: 1 << 0)
    static let colon = TextFeatures(rawValue: 1 << 1)
    static let at = TextFeatures(rawValue: 1 << 2)
    /// `A` to `Z`, which case-sensitive patterns spell `[A-Z]`.
    static let upper = TextFeatures(rawValue: 1 << 3)

    init(rawValue: UInt8) { self.rawValue = rawValue }

    init(of text: String) {
        var found: UInt8 = 0
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"), 0x80...: found |= Self.digit.rawValue
            case UInt8(ascii: ":"): found |= Self.colon.rawValue
            case UInt8(ascii: "@"): found |= Self.at.rawValue
            case UInt8(ascii: "A")...UInt8(ascii: "Z"): found |= Self.upper.rawValue
            default: break
            }
        }
        rawValue = found
    }

    /// Whether a pattern that `needs` these could match here.
    func allows(_ needs: TextFeatures) -> Bool {
        needs.isEmpty || !isDisjoint(with: needs)
    }
}
