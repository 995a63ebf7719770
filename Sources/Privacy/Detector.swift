import Foundation

/// One candidate identifier: its kind and the scalars of the normalised text.
struct Candidate {
    var category: IdentifierCategory
    var range: Range<Int>
}

/// Finds identifiers in a normalised text with hand-written scanners.
///
/// There is no regular expression here: every scanner moves forward over
/// the text or its words and never returns to a position it has left,
/// so time grows linearly with the text. The regular expressions this
/// replaced backtracked: 64 KiB of e-mail-like dotted runs (`a.a.a…@b.c`)
/// took 346 s, and 64 KiB of URLs or addresses 5–9 s; the same inputs now
/// take milliseconds (PrivacyTests/HostileInputTests build them).
///
/// Order is precedence: a later detector never claims a scalar an earlier
/// one took, so an e-mail address is not also a URL and a name.
struct Detector {
    let text: NormalizedText
    let words: [Word]
    let names: NamesList
    private(set) var found: [Candidate] = []
    private var claimed: [Bool]
    /// The kind of each finding by the scalar it ends at.
    private var endingAt: [Int: IdentifierCategory] = [:]

    init(text: NormalizedText, names: NamesList) {
        self.text = text
        self.words = text.words()
        self.names = names
        self.claimed = Array(repeating: false, count: text.count)
    }

    var s: [Unicode.Scalar] { text.scalars }

    mutating func run() -> [Candidate] {
        scanEmails()
        scanURLs()
        scanHandles()
        scanIPAddresses()
        scanSpelledEmails()
        scanLabelledIDs()
        scanSlashReferences()
        scanBareHandles()
        scanStreetsAbroad()
        scanAddresses()
        scanAddressTails()
        scanJapanesePostcodes()
        scanEastAsianDates()
        scanDates()
        scanAges()
        scanCodes()
        scanPlates()
        scanNumberRuns()
        scanShortPhones()
        scanInstitutions()
        scanDistrictsAfterAddresses()
        scanNamedDistricts()
        scanNames()
        scanRegionalPostcodes()
        scanCapitalInitials()
        scanIndirect()
        // An indirect finding goes after the identifiers inside it, so a
        // redaction replaces those and leaves the words between them.
        return found.sorted { ($0.range.lowerBound, $0.category == .indirect ? 1 : 0) < ($1.range.lowerBound, $1.category == .indirect ? 1 : 0) }
    }

    @discardableResult
    private mutating func claim(_ category: IdentifierCategory, _ range: Range<Int>) -> Bool {
        guard !range.isEmpty, range.lowerBound >= 0, range.upperBound <= claimed.count else { return false }
        for position in range where claimed[position] { return false }
        for position in range { claimed[position] = true }
        found.append(Candidate(category: category, range: range))
        endingAt[range.upperBound] = category
        return true
    }

    private func isClaimed(_ word: Word) -> Bool { claimed[word.range.lowerBound] || claimed[word.range.upperBound - 1] }

    // MARK: Character-level scanners

    private static func isLocalPart(_ c: Unicode.Scalar) -> Bool {
        c.isASCII && (c.properties.isAlphabetic || isDigit(c) || "._%+-'".unicodeScalars.contains(c))
            || (!c.isASCII && c.properties.isAlphabetic)
    }
    private static func isHostScalar(_ c: Unicode.Scalar) -> Bool {
        (c.isASCII && (c.properties.isAlphabetic || isDigit(c) || c == "-" || c == ".")) || (!c.isASCII && c.properties.isAlphabetic)
    }

    /// `local@host.tld`: from each `@`, out to the left over local-part
    /// characters and to the right over host characters. Neither side
    /// crosses another `@`, so each character is visited at most twice.
    private mutating func scanEmails() {
        var position = 0
        while position < s.count {
            defer { position += 1 }
            guard s[position] == "@" else { continue }
            var start = position
            while start > 0, Self.isLocalPart(s[start - 1]) { start -= 1 }
            while start < position, s[start] == "." { start += 1 }
            guard start < position else { continue }
            var end = position + 1
            while end < s.count, Self.isHostScalar(s[end]) { end += 1 }
            while end > position + 1, s[end - 1] == "." || s[end - 1] == "-" { end -= 1 }
            guard let lastDot = s[(position + 1)..<end].lastIndex(of: "."), lastDot > position + 1,
                  end - lastDot - 1 >= 2, s[(lastDot + 1)..<end].allSatisfy({ $0.properties.isAlphabetic }) else { continue }
            claim(.email, start..<end)
            position = end - 1
        }
    }

    static let topLevelDomains: Set<String> = [
        "com", "org", "net", "edu", "gov", "uk", "ie", "io", "me", "info", "biz", "app", "dev", "ly", "tv", "us",
        "ca", "au", "nz", "de", "fr", "es", "it", "nl", "be", "eu", "ai", "co", "online", "site", "blog", "link",
    ]

    private static func isURLScalar(_ c: Unicode.Scalar) -> Bool {
        !(c == " " || c == "\n" || "<>\"'`[]{}|^".unicodeScalars.contains(c))
    }

    private func lowerASCII(_ range: Range<Int>) -> String {
        var text = ""
        for scalar in s[range] { text.unicodeScalars.append(scalar.isASCII ? Unicode.Scalar(UInt8(ascii: scalar).lowercasedASCII) : scalar) }
        return text
    }

    private func hasPrefix(_ literal: String, at position: Int) -> Bool {
        var index = position
        for scalar in literal.unicodeScalars {
            guard index < s.count, s[index].isASCII, UInt8(ascii: s[index]).lowercasedASCII == UInt8(ascii: scalar) else { return false }
            index += 1
        }
        return true
    }

    /// `https://…`, `www.…`, and bare hosts with a known top-level domain
    /// (`linkedin.com/in/…`). A candidate starts only where a host could
    /// start (not inside a run of host characters) and, accepted or not,
    /// the scan resumes after the run, so each character is read once.
    private mutating func scanURLs() {
        var position = 0
        while position < s.count {
            let previous: Unicode.Scalar? = position > 0 ? s[position - 1] : nil
            if let previous, Self.isHostScalar(previous) || previous == "/" || previous == "@" || previous == ":" {
                position += 1
                continue
            }
            var end = position
            if hasPrefix("http://", at: position) || hasPrefix("https://", at: position) || hasPrefix("ftp://", at: position)
                || hasPrefix("www.", at: position) {
                while end < s.count, Self.isURLScalar(s[end]) { end += 1 }
            } else if s[position].isASCII, s[position].properties.isAlphabetic || isDigit(s[position]) {
                while end < s.count, Self.isHostScalar(s[end]) { end += 1 }
                var host = end
                while host > position, s[host - 1] == "." || s[host - 1] == "-" { host -= 1 }
                let labels = lowerASCII(position..<host).split(separator: ".", omittingEmptySubsequences: false)
                guard labels.count >= 2, labels.allSatisfy({ !$0.isEmpty }), Self.topLevelDomains.contains(String(labels.last!)),
                      labels[labels.count - 2].count >= 2, labels.dropLast().contains(where: { $0.contains(where: \.isLetter) }),
                      labels.last!.allSatisfy(\.isLetter) else {
                    position = max(end, position + 1)
                    continue
                }
                end = host
                if end < s.count, s[end] == "/" || s[end] == ":" {
                    while end < s.count, Self.isURLScalar(s[end]) { end += 1 }
                }
            } else {
                position += 1
                continue
            }
            while end > position, ".,;:!?)".unicodeScalars.contains(s[end - 1]) { end -= 1 }
            if end > position { claim(.url, position..<end) }
            position = max(end, position + 1)
        }
    }

    /// "tash at example dot com", "j.barlow (at) outlook (dot) com": an
    /// address spelt out so that it is not a link, which reads the same.
    private mutating func scanSpelledEmails() {
        func spelled(_ index: Int, _ keyword: String) -> Bool { word(index)?.lower == keyword }
        for index in words.indices where spelled(index, "at") && index > 0 {
            var end = index + 1
            var dots = 0
            while let host = word(end), host.hasLetter, host.text.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") }),
                  spelled(end + 1, "dot"), let next = word(end + 2), next.text.allSatisfy({ $0.isASCII && $0.isLetter }) {
                dots += 1
                end += 2
                if Self.topLevelDomains.contains(next.lower) { break }
            }
            let local = words[index - 1]
            guard dots > 0, let tld = word(end), Self.topLevelDomains.contains(tld.lower), !isClaimed(local), !isClaimed(tld),
                  local.text.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "._-".contains($0)) }) else { continue }
            var start = local.range.lowerBound
            // "j.barlow": the dotted local part is several words.
            var first = index - 1
            while first > 0, s[words[first].range.lowerBound - 1] == ".", words[first - 1].range.upperBound == words[first].range.lowerBound - 1 {
                first -= 1
                start = words[first].range.lowerBound
            }
            claim(.email, start..<tld.range.upperBound)
        }
    }

    /// Words after which a made-up lower-case word is someone's account name
    /// ("her Insta is tashdraws_x", "gamertag shadowfox91").
    static let handleCues: Set<String> = [
        "handle", "username", "user", "insta", "ig", "instagram", "tiktok", "snapchat", "snap", "twitter", "discord",
        "gamertag", "psn", "xbox", "reddit", "twitch", "threads", "bluesky", "telegram", "steam", "facebook", "fb",
    ]

    /// An account name without its `@`, after a word that says what it is:
    /// lower case, no dictionary word, and shaped like a handle (an
    /// underscore, a dot or digits inside, or a run no one speaks).
    private mutating func scanBareHandles() {
        for (index, current) in words.enumerated() where Self.handleCues.contains(current.lower) {
            var next = index + 1
            while let filler = word(next), next - index <= 3, ["is", "was", "name", "handle", "account", "called", "as", "it's", "her", "his", "their", "and"].contains(filler.lower) { next += 1 }
            // "rose.wren.dvo": dotted parts make a handle even of English words.
            guard let candidate = word(next), !isClaimed(candidate), candidate.text == candidate.lower, candidate.hasLetter else { continue }
            let dotted = candidate.range.upperBound + 1 < s.count && s[candidate.range.upperBound] == "." && isWordScalar(s[candidate.range.upperBound + 1])
            guard dotted || !isEnglish(candidate) && !Lexicon.capitalisedWords.contains(candidate.lower) else { continue }
            var end = candidate.range.upperBound
            while end < s.count, s[end] == "_" || s[end] == "." && end + 1 < s.count && isWordScalar(s[end + 1]) || isWordScalar(s[end]) { end += 1 }
            claim(.handle, candidate.range.lowerBound..<end)
        }
    }

    /// `@tashdraws_x`: an `@` that starts a word, then 2–30 handle characters.
    private mutating func scanHandles() {
        for position in 0..<s.count where s[position] == "@" && !claimed[position] {
            if position > 0, isWordScalar(s[position - 1]) || s[position - 1] == "." { continue }
            var end = position + 1
            while end < s.count, end - position <= 31, s[end].isASCII, s[end].properties.isAlphabetic || isDigit(s[end]) || s[end] == "." || s[end] == "_" {
                end += 1
            }
            while end > position + 1, s[end - 1] == "." { end -= 1 }
            guard end - position - 1 >= 2, s[(position + 1)..<end].contains(where: { $0.properties.isAlphabetic }) else { continue }
            claim(.handle, position..<end)
        }
    }

    private static func isHex(_ c: Unicode.Scalar) -> Bool {
        isDigit(c) || ("a"..."f").contains(c) || ("A"..."F").contains(c)
    }

    /// Dotted quads and IPv6, compressed (`fe80::1ff:fe23:4567:890a`) or not.
    /// Each run of address characters is read once.
    private mutating func scanIPAddresses() {
        var position = 0
        while position < s.count {
            let c = s[position]
            let startsRun = (Self.isHex(c) || c == ":") && (position == 0 || !(isWordScalar(s[position - 1]) || s[position - 1] == "." || s[position - 1] == ":"))
            guard startsRun else { position += 1; continue }
            var end = position
            while end < s.count, Self.isHex(s[end]) || s[end] == ":" || s[end] == "." { end += 1 }
            if end < s.count, isWordScalar(s[end]) { position = end; continue }
            var stop = end
            while stop > position, s[stop - 1] == "." || s[stop - 1] == ":" && !(stop - 2 >= position && s[stop - 2] == ":") { stop -= 1 }
            let run = String(String.UnicodeScalarView(s[position..<stop]))
            if Self.isIPv4(run) || Self.isIPv6(run) { claim(.ipAddress, position..<stop) }
            position = max(end, position + 1)
        }
    }

    static func isIPv4(_ run: String) -> Bool {
        let parts = run.split(separator: ".", omittingEmptySubsequences: false)
        return parts.count == 4 && parts.allSatisfy { $0.count <= 3 && $0.allSatisfy(\.isASCIIDigitCharacter) && (Int($0) ?? 999) <= 255 }
    }

    static func isIPv6(_ run: String) -> Bool {
        guard !run.contains("."), run.filter({ $0 == ":" }).count >= 2 else { return false }
        let compressed = run.components(separatedBy: "::")
        guard compressed.count <= 2 else { return false }
        let groups = run.split(separator: ":", omittingEmptySubsequences: true)
        guard groups.allSatisfy({ $0.count <= 4 }), groups.count <= 8 else { return false }
        if compressed.count == 2 {
            return groups.count >= 2 && groups.contains(where: { $0.count >= 3 || $0.contains(where: \.isLetter) })
        }
        return groups.count == 8
    }

    // MARK: Word-level scanners

    private func adjacent(_ index: Int, maxGap: String = "") -> Bool {
        index < words.count && index > 0 && words[index].joinedToPrevious
            && (words[index].gapBefore.isEmpty || maxGap.contains(words[index].gapBefore))
            && !gapHasBlankLine(before: index)
    }

    private func gapHasBlankLine(before index: Int) -> Bool {
        var newlines = 0
        for position in words[index - 1].range.upperBound..<words[index].range.lowerBound where s[position] == "\n" { newlines += 1 }
        return newlines >= 2
    }

    private func word(_ index: Int) -> Word? { index >= 0 && index < words.count ? words[index] : nil }

    static let idLabels: [String: IdentifierCategory] = [
        "nhs": .nhsNumber, "chi": .nhsNumber, "passport": .passport, "imei": .imei, "card": .cardNumber,
        "vin": .vehicle, "chassis": .vehicle, "plate": .vehicle, "registration": .vehicle, "reg": .vehicle,
        "member": .idNumber, "membership": .idNumber, "mrn": .idNumber, "account": .idNumber, "acct": .idNumber,
        "policy": .idNumber, "reference": .idNumber, "ref": .idNumber, "case": .idNumber, "licence": .idNumber,
        "license": .idNumber, "serial": .idNumber, "student": .idNumber, "employee": .idNumber, "staff": .idNumber,
        "payroll": .idNumber, "badge": .idNumber, "customer": .idNumber, "patient": .idNumber, "hospital": .idNumber,
        "prescription": .idNumber, "claim": .idNumber, "ticket": .idNumber, "booking": .idNumber, "id": .idNumber,
        "insurance": .idNumber, "ni": .idNumber, "ssn": .idNumber, "utr": .idNumber, "pps": .idNumber,
        "iban": .idNumber, "sort": .idNumber, "record": .idNumber, "client": .idNumber, "crn": .idNumber,
        "number": .idNumber, "no": .idNumber, "tax": .idNumber, "court": .idNumber, "visa": .idNumber,
        "pin": .idNumber, "dl": .idNumber, "rego": .vehicle, "zip": .postcode, "zipcode": .postcode,
        "postcode": .postcode, "eircode": .postcode, "pincode": .postcode,
    ]
    static let idFillers: Set<String> = [
        "no", "number", "num", "nr", "id", "is", "was", "of", "the", "her", "his", "their", "my", "code", "ending",
        "in", "card", "reads", "read", "says", "as", "a", "an", "plate", "it", "its", "on",
    ]

    /// A value after a label (`member ID, XGH884201337`, `NHS number 943 476
    /// 5919`, `passport no. 533380006`), labelled by what the label names.
    private mutating func scanLabelledIDs() {
        for (index, label) in words.enumerated() {
            guard let category = Self.idLabels[label.lower], !label.hasDigit else { continue }
            var next = index + 1
            var category2 = category
            var steps = 0
            while let candidate = word(next), steps < 4, !candidate.hasDigit, Self.idFillers.contains(candidate.lower) || Self.idLabels[candidate.lower] != nil {
                if let named = Self.idLabels[candidate.lower], named != .idNumber { category2 = named }
                // "PIN code 560034": India's postcode, not a secret number.
                if label.lower == "pin", candidate.lower == "code" { category2 = .postcode }
                if candidate.gapBefore.contains(where: { ".!?;".contains($0) }) && candidate.lower != "no" { break }
                next += 1
                steps += 1
            }
            guard let value = word(next), value.hasDigit, !value.gapBefore.contains(where: { "!?;()".contains($0) }),
                  !(value.gapBefore.contains(".") && !(word(next - 1)?.lower == "no")),
                  !isClaimed(value) else { continue }
            var last = next
            while let following = word(last + 1), following.range.lowerBound - words[last].range.upperBound == 1,
                  following.gapBefore.isEmpty || following.gapBefore == "-" || following.gapBefore == "/",
                  following.hasDigit || (following.text.count == 1 && following.allCaps == false && following.capitalised && last > next) {
                last += 1
            }
            let digits = words[next...last].reduce(0) { $0 + $1.digitCount }
            let length = words[next...last].reduce(0) { $0 + $1.text.count }
            guard digits >= 4 || (digits >= 2 && length >= 5 && words[next].hasLetter) else { continue }
            if label.lower == "number" || label.lower == "no" || label.lower == "id" || label.lower == "client" {
                // Bare "number 12" is a count; these need an ID-shaped value,
                // and a number that starts "0" or "+" is left to the phone scanner.
                guard digits >= 5 else { continue }
                let first = value.range.lowerBound
                if s[first] == "0" || (first > 0 && (s[first - 1] == "+" || s[first - 1] == "(")) { continue }
            }
            if Self.isoWeek(words[next].text) { continue }
            // "the custody case in 2019": a year after a label is when, not which.
            if next == last, year(words[next]), words[next].text.count == 4 { continue }
            claim(category2, words[next].range.lowerBound..<words[last].range.upperBound)
        }
    }

    static func isoWeek(_ text: String) -> Bool {
        let upper = text.uppercased()
        let parts = upper.split(separator: "-")
        if parts.count == 2, parts[0].count == 4, parts[0].allSatisfy(\.isASCIIDigitCharacter), parts[1].hasPrefix("W") { return true }
        return upper.hasPrefix("W") && upper.dropFirst().allSatisfy(\.isASCIIDigitCharacter) && upper.count <= 3
    }

    static let streetSuffixes: Set<String> = [
        "street", "st", "road", "rd", "avenue", "ave", "lane", "ln", "drive", "dr", "close", "way", "court", "ct",
        "place", "pl", "boulevard", "blvd", "crescent", "cres", "terrace", "tce", "gardens", "gdns", "square", "sq",
        "grove", "row", "mews", "parade", "walk", "rise", "wharf", "quay", "circle", "highway", "hwy", "parkway",
        "pkwy", "trail", "heights", "estate", "avenida", "calle", "strasse", "straße", "rue", "park", "green", "hill",
        "view", "gate", "vale", "mount", "chase", "croft", "fold", "brow", "bank", "end",
    ]
    static let weakSuffixes: Set<String> = ["dr", "st", "park", "green", "hill", "view", "gate", "vale", "mount", "chase", "croft", "fold", "brow", "bank", "end", "way", "place", "court", "close", "walk", "row", "circle"]
    /// ("Room 3" is a room in the clinic, not where anyone lives.)
    static let unitWords: Set<String> = ["flat", "apartment", "apt", "unit", "suite", "house", "floor"]

    /// `14 Harbour Street`, `18 Crestview Dr`, `Flat 3`, `lives on Crestview Drive`.
    private mutating func scanAddresses() {
        for (index, first) in words.enumerated() where !isClaimed(first) {
            if Self.unitWords.contains(first.lower), first.lower != "floor", let number = word(index + 1), adjacent(index + 1),
               number.hasDigit, number.text.count <= 4, word(index - 1).map({ !["the", "a"].contains($0.lower) }) ?? true,
               // "Unit 5/12 Ocean Parade" is one address, taken by the street rule below.
               !(number.range.upperBound < s.count && s[number.range.upperBound] == "/"),
               first.capitalised || (word(index - 1).map { ["in", "at", "from", "to", "of"].contains($0.lower) } ?? false) {
                claim(.address, first.range.lowerBound..<number.range.upperBound)
                continue
            }
            let numbered = first.hasDigit && first.digitCount <= 5 && first.text.count <= 6 && (first.isNumber || first.text.last!.isLetter)
            // "41 ashgrove park", written in haste: a house number, a street
            // name no dictionary knows, and a street word, all lower case.
            // "14 harbour st", "22 gordon road.": an ordinary word is a
            // street's name too when the street word is abbreviated or ends
            // the clause ("5 long road trips" is not an address).
            if numbered, first.isNumber, first.text.count <= 4, let name = word(index + 1), adjacent(index + 1),
               !name.capitalised, !name.hasDigit, name.lower.count >= 3, !isClaimed(name) {
                var end = index + 2
                if let second = word(end), adjacent(end), !second.capitalised, !Self.streetSuffixes.contains(second.lower) { end += 1 }
                if let suffix = word(end), adjacent(end), !suffix.capitalised, Self.streetSuffixes.contains(suffix.lower) {
                    let abbreviated = ["st", "rd", "ave", "ln", "dr", "cres", "tce", "blvd", "pl", "ct", "gdns", "sq", "hwy"].contains(suffix.lower)
                    let endsClause = word(end + 1).map { !adjacent(end + 1) || !$0.gapBefore.isEmpty } ?? true
                    if !isEnglish(name) || abbreviated || endsClause && !Self.weakSuffixes.contains(suffix.lower) {
                        claim(.address, first.range.lowerBound..<suffix.range.upperBound)
                        continue
                    }
                }
            }
            // "4521 N Kedzie": an American number, a compass point and a
            // street name no dictionary knows, with no street word after.
            if numbered, first.isNumber, let point = word(index + 1), ["N", "S", "E", "W"].contains(point.text),
               let street = word(index + 2), street.capitalised, !street.hasDigit, !isEnglish(street), !isOrdinaryCapital(street),
               street.range.lowerBound - point.range.upperBound <= 2, point.range.lowerBound - first.range.upperBound == 1,
               !(word(index + 3).map { Self.streetSuffixes.contains($0.lower) && adjacent(index + 3) } ?? false) {
                claim(.address, first.range.lowerBound..<street.range.upperBound)
                continue
            }
            guard numbered || first.capitalised else { continue }
            // "lives at 12 Piccadilly": a house number after "at" and a
            // capitalised word that is no English word is a street, with or
            // without "Street" after it.
            if numbered, first.isNumber, first.text.count <= 4, let at = word(index - 1), at.lower == "at", adjacent(index),
               let street = word(index + 1), adjacent(index + 1), street.capitalised, !street.allCaps, !street.hasDigit,
               !isEnglish(street), !isOrdinaryCapital(street), !isClaimed(street),
               word(index + 2).map({ !Self.streetSuffixes.contains($0.lower) || !adjacent(index + 2) }) ?? true {
                claim(.address, first.range.lowerBound..<street.range.upperBound)
                continue
            }
            // "Flat 12, Riverside Court": the building after a unit number
            // is part of the address even with a weak suffix and no number.
            let afterAddress = index > 0 && first.capitalised && first.gapBefore == ","
                && endingAt[words[index - 1].range.upperBound] == .address && adjacent(index, maxGap: ",")
            var index2 = numbered ? index + 1 : index
            if numbered, word(index2)?.gapBefore == "," { }
            var capitalised = 0
            // "220 W 42nd St", "350 5th Avenue": a numbered street's ordinal.
            func ordinalStreet(_ word: Word) -> Bool {
                numbered && word.hasDigit && word.text.count <= 5 && ["st", "nd", "rd", "th"].contains { word.lower.hasSuffix($0) }
                    && Int(word.lower.dropLast(2)) != nil
            }
            while let next = word(index2), capitalised < 4, next.capitalised || (next.lower == "of" && capitalised > 0)
                || index2 > index && index2 <= index + 2 && ordinalStreet(next),
                  index2 == index || adjacent(index2, maxGap: numbered && index2 == index + 1 ? "," : "")
                  // "1421 W. Belmont Ave": a compass point and its dot.
                  || (numbered && index2 == index + 2 && ["N", "S", "E", "W", "NE", "NW", "SE", "SW"].contains(words[index + 1].text)
                      && next.range.lowerBound - words[index + 1].range.upperBound <= 2) {
                if Self.streetSuffixes.contains(next.lower) && capitalised > 0 {
                    // "Brambley Lane Surgery" is a practice named after its street.
                    if !numbered, let after = word(index2 + 1), adjacent(index2 + 1), after.capitalised,
                       Self.institutionEnds.contains(after.lower) { break }
                    let weak = Self.weakSuffixes.contains(next.lower)
                    let leading = words[numbered ? index + 1 : index]
                    if !numbered && !afterAddress {
                        // Without a number: only a strong suffix after a word that is not itself an opener.
                        if weak || (leading.sentenceStart && Lexicon.isEnglish(leading.lower) && !leading.heading && capitalised < 1) { break }
                        if leading.heading || Lexicon.capitalisedWords.contains(leading.lower) { break }
                    }
                    var end = next.range.upperBound
                    var last = index2
                    // "112 Hale End Road", "3 Mill Hill Lane": a weak street
                    // word followed by a strong one is part of the name.
                    if weak, let strong = word(index2 + 1), adjacent(index2 + 1), strong.capitalised, !isClaimed(strong),
                       Self.streetSuffixes.contains(strong.lower), !Self.weakSuffixes.contains(strong.lower) {
                        end = strong.range.upperBound
                        last = index2 + 1
                    }
                    // "1234 County Road 5", "1600 Pennsylvania Avenue NW": a
                    // road's number, or a city's quadrant, after the street word.
                    if numbered, let after = word(last + 1), adjacent(last + 1), !isClaimed(after),
                       after.isNumber && after.text.count <= 3 && ["road", "rd", "route", "highway", "hwy"].contains(words[last].lower)
                        || ["NW", "NE", "SW", "SE"].contains(after.text) {
                        end = after.range.upperBound
                    }
                    var start = (numbered ? first : leading).range.lowerBound
                    // "No. 9 Wellington Quay": the number's own word goes too.
                    if numbered, let no = word(index - 1), ["no", "nº", "nr"].contains(no.lower), no.capitalised,
                       first.range.lowerBound - no.range.upperBound <= 2, !isClaimed(no),
                       String(String.UnicodeScalarView(s[no.range.upperBound..<first.range.lowerBound])).allSatisfy({ $0 == "." || $0 == " " }) {
                        start = no.range.lowerBound
                    }
                    // "4/18 Nicholson Street": the unit number before the slash belongs to it.
                    if numbered, let unit = word(index - 1), unit.isNumber, unit.text.count <= 4,
                       unit.range.upperBound + 1 == start, s[unit.range.upperBound] == "/", !isClaimed(unit) {
                        start = unit.range.lowerBound
                        if let word = word(index - 2), Self.unitWords.contains(word.lower), adjacent(index - 1), !isClaimed(word) {
                            start = word.range.lowerBound
                        }
                    }
                    // "2/1, 41 Dumbarton Road": a Glasgow flat position
                    // (floor/door) before the house number.
                    if numbered, first.gapBefore == ",", let door = word(index - 1), let floor = word(index - 2),
                       door.isNumber, floor.isNumber, door.text.count <= 2, floor.text.count <= 2,
                       floor.range.upperBound + 1 == door.range.lowerBound, s[floor.range.upperBound] == "/",
                       !isClaimed(door), !isClaimed(floor), adjacent(index, maxGap: ",") {
                        start = floor.range.lowerBound
                    }
                    claim(.address, start..<end)
                    break
                }
                capitalised += 1
                index2 += 1
            }
        }
    }

    /// Flat and floor words of other languages: Norwegian "leil.", Spanish
    /// "piso" and "depto", Danish "th." and "tv.", Swedish "lgh", French "étage".
    static let unitWordsAbroad: Set<String> = [
        "leil", "leilighet", "piso", "depto", "dpto", "apto", "app", "appt", "étage", "etage", "lgh", "kat", "daire", "bus",
        "flat", "apt", "unit", "suite", "ste", "room", "floor", "door",
    ]

    /// What follows a street address in the same line: "Storgata 88, leil.
    /// 4", "Av. Santa Fe 3412, piso 7 \"B\"", "월드컵북로 54, 3층", "Jagtvej
    /// 113, 2. th.", and a house number after the street word
    /// ("Juul-Jensens Boulevard 175"); a Korean street ("…로", "…길") with
    /// its number is an address of its own. Each is its own address
    /// finding, so the postcode and town after it are read as the address's.
    private mutating func scanAddressTails() {
        // "Rose Cottage", "The Old Rectory, Church Lane": a house's name.
        for (index, current) in words.enumerated() where !isClaimed(current) && current.capitalised
            && Self.houseNameEnds.contains(current.lower) && index > 0 {
            // "Low Hagg Farm Cottage": the last house word ends the name.
            if let next = word(index + 1), adjacent(index + 1), next.capitalised, Self.houseNameEnds.contains(next.lower) { continue }
            var start = index
            while start > 0, index - start < 3, adjacent(start), words[start - 1].capitalised, !words[start - 1].hasDigit,
                  !isClaimed(words[start - 1]), !Self.titles.contains(words[start - 1].lower),
                  !(words[start - 1].sentenceStart && Self.sentenceOpeners.contains(words[start - 1].lower) && words[start - 1].lower != "the") {
                start -= 1
            }
            guard start < index, !(start + 1 == index && Lexicon.capitalisedWords.contains(words[start].lower)) else { continue }
            claim(.address, words[start].range.lowerBound..<current.range.upperBound)
        }
        for (index, current) in words.enumerated() where !isClaimed(current) && index > 0 {
            // "#04-112": a Singapore unit, floor and door after a hash.
            if current.range.lowerBound > 0, s[current.range.lowerBound - 1] == "#", current.hasDigit, !current.hasLetter,
               current.text.contains("-"), current.text.count <= 7 {
                claim(.address, (current.range.lowerBound - 1)..<current.range.upperBound)
                continue
            }
            // "월드컵북로 54": a Korean road and its number.
            if current.nonLatin, ["로", "길"].contains(where: { current.text.hasSuffix($0) }), current.text.unicodeScalars.count >= 3,
               let number = word(index + 1), number.isNumber, number.text.count <= 4, adjacent(index + 1), !isClaimed(number) {
                claim(.address, current.range.lowerBound..<number.range.upperBound)
                continue
            }
            guard endingAt[words[index - 1].range.upperBound] == .address else { continue }
            // "Boulevard 175": the number after a street word the address ended on.
            if current.gapBefore.isEmpty, adjacent(index), current.hasDigit, current.digitCount <= 4, current.text.count <= 5,
               Self.streetSuffixes.contains(words[index - 1].lower),
               word(index + 1).map({ !adjacent(index + 1) || !$0.gapBefore.isEmpty }) ?? true {
                claim(.address, current.range)
                continue
            }
            guard current.gapBefore == ",", adjacent(index, maxGap: ",") else { continue }
            var end: Int?
            if Self.unitWordsAbroad.contains(current.lower), let number = word(index + 1), number.hasDigit, number.text.count <= 5,
               number.range.lowerBound - current.range.upperBound <= 2 {
                end = index + 1
            } else if current.isNumber, current.text.count <= 2, let side = word(index + 1), ["th", "tv", "mf", "st"].contains(side.lower),
                      side.range.lowerBound - current.range.upperBound <= 2 {
                end = index + 1
            } else if current.hasDigit, current.text.hasSuffix("층"), current.digitCount <= 2 {
                end = index
            }
            guard var last = end else { continue }
            // "piso 7 \"B\"", "leil. 4 B": a door letter.
            if let door = word(last + 1), door.text.count == 1, door.capitalised,
               door.range.lowerBound - words[last].range.upperBound <= 2 { last += 1 }
            var stop = words[last].range.upperBound
            if stop < s.count, s[stop] == ".", ["th", "tv", "mf"].contains(words[last].lower) { stop += 1 }
            if last > index || end == index { claim(.address, current.range.lowerBound..<stop) }
        }
    }

    /// "CR/118/26", "AMSH/2026/18824": an office's letters and numbers
    /// joined by slashes are a case or file reference.
    private mutating func scanSlashReferences() {
        for (index, letters) in words.enumerated() where !isClaimed(letters) {
            guard letters.allCaps || letters.text.count == 1 && letters.capitalised, !letters.hasDigit, letters.text.count <= 5,
                  !Self.abbreviations.contains(letters.lower) || letters.text.count > 2 else { continue }
            var end = index
            var digits = 0
            while let next = word(end + 1), next.isNumber, words[end].range.upperBound + 1 == next.range.lowerBound,
                  s[words[end].range.upperBound] == "/" {
                end += 1
                digits += next.text.count
            }
            guard end >= index + 2, digits >= 4 else { continue }
            claim(.idNumber, letters.range.lowerBound..<words[end].range.upperBound)
        }
    }

    /// Ends of a house's name in British and Irish addresses ("Rose
    /// Cottage", "The Old Rectory", "Low Hagg Farm"); "Manor" and "House"
    /// are left out, since care homes and firms end in them too.
    static let houseNameEnds: Set<String> = ["cottage", "cottages", "farm", "farmhouse", "rectory", "vicarage", "lodge", "barn", "bungalow", "mews"]

    /// Words before a plot's or house's number that starts an address.
    static let plotWords: Set<String> = ["lot", "plot", "purok", "house", "croft", "blk", "block", "stand", "erf"]

    /// Street words that come before the name in Romance languages
    /// ("12 rue des Lilas", "Calle Mayor 5", "Rua Augusta 100").
    static let streetPrefixes: Set<String> = [
        "rue", "rua", "via", "viale", "calle", "carrer", "avenida", "avenue", "av", "boulevard", "bd", "chemin",
        "allée", "impasse", "quai", "strada", "piazza", "travessa", "largo", "paseo", "plaza", "ulica", "ul",
        // Malay, Hebrew, Thai, Romanian and Spanish street words.
        "jalan", "jln", "rehov", "rechov", "sderot", "derech", "soi", "thanon", "calea", "aleja", "carrera", "calzada", "camino",
    ]
    /// Endings of one-word street names in Germanic and Nordic languages
    /// ("Hauptstraße 17", "Kerkstraat 4", "Storgatan 12").
    static let streetEndings = ["straße", "strasse", "str", "weg", "gasse", "platz", "allee", "damm", "ring", "straat", "laan", "gracht", "gatan", "vägen", "vej", "gade", "veien", "gata"]
    static let connectors: Set<String> = ["de", "des", "du", "la", "le", "les", "del", "della", "da", "do", "dos", "das", "di", "d'", "l'"]

    /// Addresses written the way most of the world writes them: the
    /// street word first ("12 rue des Lilas", "Calle Mayor 5"), a
    /// one-word street and its number ("Hauptstraße 17"), or a box ("PO
    /// Box 4471"). Without these, only the English order was an address.
    private mutating func scanStreetsAbroad() {
        for (index, current) in words.enumerated() where !isClaimed(current) {
            // "No. 14, 3rd Cross, Koramangala 4th Block": an Indian address, a
            // house number and then comma-separated parts while each part
            // carries a number (cross, main, block, stage); the town after
            // it is a place of its own.
            // The same shape after a plot or house word, in the Philippines,
            // Jamaica, Pakistan, Malaysia, Scotland: "Lot 31, Ironshore
            // Estate", "Purok 4, Blk 12 Lot 9, Buhangin Road", "No. 17, Jalan
            // SS 2/24"; a part then counts when it carries a number, starts
            // with a street word or ends with one.
            let dottedNo = current.lower == "no" && word(index + 1).map { $0.gapBefore == "." && $0.range.lowerBound - current.range.upperBound <= 2 } == true
            if dottedNo || Self.plotWords.contains(current.lower), current.capitalised, let number = word(index + 1), number.hasDigit,
               number.digitCount <= 4, number.text.count <= 6, dottedNo || adjacent(index + 1), !isClaimed(number) {
                var end = index + 1
                var next = end + 1
                while let first = word(next), first.gapBefore == ",", first.range.lowerBound - words[next - 1].range.upperBound <= 2 {
                    var last = next
                    while last - next < 3, let more = word(last + 1),
                          more.gapBefore.isEmpty && adjacent(last + 1) || more.isNumber && more.range.lowerBound == words[last].range.upperBound + 1
                            && s[words[last].range.upperBound] == "/" { last += 1 }
                    let part = words[next...last]
                    let indian = part.contains(where: { $0.hasDigit && $0.hasLetter })
                    let street = part.contains(where: { $0.hasDigit }) || Self.streetPrefixes.contains(part.first!.lower) || Self.streetSuffixes.contains(part.last!.lower)
                    guard part.allSatisfy({ $0.capitalised || $0.hasDigit }), indian || street && (!dottedNo || Self.streetPrefixes.contains(part.first!.lower)),
                          !part.contains(where: { isClaimed($0) }) else { break }
                    end = last
                    next = last + 1
                }
                if end > index + 1 {
                    claim(.address, current.range.lowerBound..<words[end].range.upperBound)
                    continue
                }
            }
            // "RR 2 Box 14": a rural route and its box.
            if current.text == "RR", let route = word(index + 1), route.isNumber, adjacent(index + 1), let box = word(index + 2), box.lower == "box",
               adjacent(index + 2), let number = word(index + 3), number.isNumber, adjacent(index + 3), !isClaimed(number) {
                claim(.address, current.range.lowerBound..<number.range.upperBound)
                continue
            }
            // PO Box 4471, P.O. Box 12
            if current.lower == "box", let number = word(index + 1), number.isNumber, adjacent(index + 1), let po = word(index - 1),
               ["po", "o"].contains(po.lower), adjacent(index, maxGap: "."), !isClaimed(po) {
                var start = po.range.lowerBound
                if po.lower == "o", let p = word(index - 2), p.lower == "p", adjacent(index - 1, maxGap: ".") { start = p.range.lowerBound }
                claim(.address, start..<number.range.upperBound)
                continue
            }
            if Self.streetPrefixes.contains(current.lower) {
                // The name: connectors and capitalised words, at most four;
                // "Av. Reforma", "ul. Marszałkowska": a short street word keeps its dot.
                var end = index
                let dotted = current.text.count <= 3 && abbreviatedWithDot(index)
                while end - index < 4, let next = word(end + 1), adjacent(end + 1, maxGap: "'") || end == index && dotted, !isClaimed(next),
                      next.capitalised && !next.hasDigit || Self.connectors.contains(next.lower) { end += 1 }
                guard end > index, words[end].capitalised else { continue }
                let before = word(index - 1)
                let numberBefore = before.map { $0.hasDigit && $0.digitCount <= 4 && $0.text.count <= 5 && adjacent(index, maxGap: ",") && !isClaimed($0) } ?? false
                let numberAfter = word(end + 1).map { $0.isNumber && $0.text.count <= 4 && adjacent(end + 1, maxGap: ",") && !isClaimed($0) } ?? false
                guard numberBefore || numberAfter, current.capitalised || numberBefore || dotted else { continue }
                let start = numberBefore ? before!.range.lowerBound : current.range.lowerBound
                var last = numberAfter ? end + 1 : end
                // "ul. Marszałkowska 10/12": a flat number after a slash.
                if numberAfter, let flat = word(last + 1), flat.isNumber, flat.text.count <= 3,
                   flat.range.lowerBound == words[last].range.upperBound + 1, s[words[last].range.upperBound] == "/" { last += 1 }
                // "Rehov Florentin 27, apt 4": the flat goes with the house.
                if numberAfter, let unit = word(last + 1), Self.unitWords.contains(unit.lower), adjacent(last + 1, maxGap: ","),
                   let flat = word(last + 2), flat.hasDigit, flat.text.count <= 4, adjacent(last + 2, maxGap: ".") { last += 2 }
                claim(.address, start..<words[last].range.upperBound)
                continue
            }
            if current.capitalised, current.text.count > 5, Self.streetEndings.contains(where: { current.lower.hasSuffix($0) && current.lower.count > $0.count + 2 }),
               !Lexicon.isEnglish(current.lower), let number = word(index + 1), number.hasDigit, number.digitCount <= 4, number.text.count <= 5,
               adjacent(index + 1), !isClaimed(number) {
                claim(.address, current.range.lowerBound..<number.range.upperBound)
            }
        }
    }

    static let months: [String: Int] = [
        "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7, "august": 8,
        "september": 9, "october": 10, "november": 11, "december": 12, "jan": 1, "feb": 2, "mar": 3, "apr": 4,
        "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
    ]
    /// Month names in French, Spanish, Portuguese, Italian and German, read
    /// only after a day in figures ("5 décembre"): on their own several are
    /// names or words ("Mai", "Mars").
    static let foreignMonths: Set<String> = [
        "janvier", "février", "fevrier", "mars", "avril", "mai", "juin", "juillet", "août", "aout", "septembre",
        "octobre", "novembre", "décembre", "decembre", "enero", "febrero", "marzo", "abril", "mayo", "junio", "julio",
        "agosto", "septiembre", "setiembre", "octubre", "noviembre", "diciembre", "janeiro", "fevereiro", "março",
        "maio", "junho", "julho", "setembro", "outubro", "novembro", "dezembro", "gennaio", "febbraio", "aprile",
        "maggio", "giugno", "luglio", "settembre", "ottobre", "dicembre", "januar", "februar", "märz", "juni",
        "juli", "oktober", "dezember", "ionawr", "chwefror", "mawrth", "ebrill", "mehefin", "gorffennaf", "awst",
        "medi", "hydref", "tachwedd", "rhagfyr",
        // Abbreviated in letters and forms: "10 Dez.", "5 déc.", "3 févr.".
        "jän", "mär", "mrz", "okt", "dez", "janv", "févr", "avr", "juil", "déc", "ene", "dic", "fev", "abr",
        // English abbreviations typed in lower case after a day: "5 nov.".
        "jan", "feb", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov",
        // Dutch, Norwegian, Danish and Swedish.
        "januari", "februari", "maart", "mei", "augustus", "augusti", "maj", "desember", "okt.", "des",
        // Greek (genitive, as dates write them, and nominative), Russian
        // (genitive), Arabic and Bengali.
        "ιανουαρίου", "φεβρουαρίου", "μαρτίου", "απριλίου", "μαΐου", "ιουνίου", "ιουλίου", "αυγούστου", "σεπτεμβρίου",
        "οκτωβρίου", "νοεμβρίου", "δεκεμβρίου", "ιανουάριος", "φεβρουάριος", "μάρτιος", "απρίλιος", "μάιος", "ιούνιος",
        "ιούλιος", "αύγουστος", "σεπτέμβριος", "οκτώβριος", "νοέμβριος", "δεκέμβριος",
        "января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября", "октября", "ноября", "декабря",
        "يناير", "فبراير", "مارس", "أبريل", "ابريل", "مايو", "يونيو", "يوليو", "أغسطس", "اغسطس", "سبتمبر", "أكتوبر", "اكتوبر",
        "نوفمبر", "ديسمبر",
        "জানুয়ারি", "ফেব্রুয়ারি", "মার্চ", "এপ্রিল", "মে", "জুন", "জুলাই", "আগস্ট", "সেপ্টেম্বর", "অক্টোবর", "নভেম্বর", "ডিসেম্বর",
    ]
    static let weekdays: Set<String> = [
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "mon", "tue", "tues", "wed", "weds",
        "thu", "thur", "thurs", "fri", "sat", "sun",
    ]
    static let ordinalWords: [String: Int] = {
        let units = ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth"]
        var table: [String: Int] = [:]
        for (offset, word) in units.enumerated() { table[word] = offset + 1 }
        let teens = ["tenth", "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth",
                     "eighteenth", "nineteenth"]
        for (offset, word) in teens.enumerated() { table[word] = offset + 10 }
        table["twentieth"] = 20
        table["thirtieth"] = 30
        for (offset, word) in units.enumerated() {
            table["twenty-" + word] = 21 + offset
            table["twenty" + word] = 21 + offset
        }
        table["thirty-first"] = 31
        return table
    }()

    func month(_ word: Word?) -> Int? {
        guard let word, let month = Self.months[word.lower] else { return nil }
        // "may", "march" and the short forms are ordinary words in lower case.
        if ["may", "march", "mar", "jan", "sun", "sat", "dec"].contains(word.lower) || word.lower.count <= 4 { return word.capitalised ? month : nil }
        return month
    }

    /// A day of the month: `5`, `5th`, `twenty-second`; `ordinal` when spelt as one.
    func day(_ word: Word?) -> (value: Int, ordinal: Bool)? {
        guard let word else { return nil }
        if let value = Self.ordinalWords[word.lower] { return (value, true) }
        let lower = word.lower
        let digits = lower.prefix(while: \.isASCIIDigitCharacter)
        guard !digits.isEmpty, digits.count <= 2, let value = Int(digits), (1...31).contains(value) else { return nil }
        let suffix = lower.dropFirst(digits.count)
        if suffix.isEmpty { return (value, false) }
        return ["st", "nd", "rd", "th"].contains(suffix) ? (value, true) : nil
    }

    func year(_ word: Word?) -> Bool {
        guard let word, word.isNumber, word.text.count == 4 || (word.text.count == 2), let value = Int(word.text) else { return false }
        return word.text.count == 2 || (1900...2099).contains(value)
    }

    static let datePrepositions: Set<String> = [
        "on", "by", "from", "until", "till", "til", "since", "before", "after", "around", "last", "next", "this", "of",
        "due", "about", "between", "and", "or", "to",
    ]
    /// Words after which "the 5th" is the subject or object of a clause,
    /// so a day ("agreed the 5th would work", "the twenty-second was").
    static let clauseWords: Set<String> = [
        "was", "is", "would", "will", "could", "should", "might", "suits", "works", "worked", "then", "when",
        "and", "or", "but", "so", "we", "i", "she", "he", "they", "at", "instead", "again", "too",
    ]

    static let notDayNouns: Set<String> = [
        "floor", "session", "sessions", "time", "times", "week", "weeks", "minute", "minutes", "attempt", "place",
        "century", "percentile", "grade", "year", "person", "one", "step", "stage", "item", "question", "chapter",
        "edition", "row", "meeting", "appointment", "visit", "day", "month", "round", "draft", "point", "card",
        "try", "go", "take", "call", "half", "level", "night", "morning", "evening", "thing", "part", "line", "game",
    ]

    /// `12 March 2026`, `March the 3rd`, `3rd of March`, `March 2026`,
    /// `on the 5th`, `last Tuesday the 14th`, `the twenty-second`,
    /// `Thurs 13/11`, `3/17`, `03.12.2026`, `2026-03-12`.
    private mutating func scanDates() {
        var index = 0
        while index < words.count {
            defer { index += 1 }
            let current = words[index]
            if isClaimed(current) { continue }
            // "20-Nov", "Nov-20": a day and a month joined by a hyphen.
            if current.text.contains("-"), current.hasDigit, current.hasLetter {
                let parts = current.text.split(separator: "-")
                if parts.count == 2, let days = parts.first(where: { $0.allSatisfy(\.isASCIIDigitCharacter) }), let value = Int(days), (1...31).contains(value),
                   let name = parts.first(where: { $0.allSatisfy(\.isLetter) }), Self.months[name.lowercased()] != nil, name.first!.isUppercase {
                    claim(.date, current.range)
                    continue
                }
                // "4-Dec-2026", "04-Dec-26": day, month and year, as forms print them.
                if parts.count == 3, parts[0].count <= 2, let value = Int(parts[0]), (1...31).contains(value), Self.months[parts[1].lowercased()] != nil,
                   parts[1].first!.isUppercase, [2, 4].contains(parts[2].count), parts[2].allSatisfy(\.isASCIIDigitCharacter) {
                    claim(.date, current.range)
                    continue
                }
            }
            // Day [of|the] Month [year]
            if let dayValue = day(current), !current.text.contains("-") || dayValue.ordinal {
                var next = index + 1
                if let of = word(next), of.lower == "of", adjacent(next) { next += 1 }
                // "5 décembre", "12 de marzo": a month in the client's language after a day in figures.
                // "1. Oktober", "17. März 2026": German writes a day as a number and a dot.
                if !dayValue.ordinal, current.isNumber, let name = word(next), current.range.upperBound + 2 == name.range.lowerBound,
                   s[current.range.upperBound] == ".",
                   Self.foreignMonths.contains(name.lower) || month(name) != nil && (name.capitalised || name.lower.count > 4) {
                    var end = next
                    if year(word(end + 1)), adjacent(end + 1), word(end + 1)!.text.count == 4 { end += 1 }
                    // "tirsdag 3. november": the weekday in front goes too.
                    var start = index
                    if let weekday = word(index - 1), Self.foreignWeekdays.contains(weekday.lower), adjacent(index, maxGap: ","),
                       !isClaimed(weekday) { start = index - 1 }
                    claim(.date, words[start].range.lowerBound..<words[end].range.upperBound)
                    index = end
                    continue
                }
                if month(word(next)) == nil, !dayValue.ordinal, current.isNumber {
                    var foreign = next
                    if let de = word(foreign), de.lower == "de", adjacent(foreign) { foreign += 1 }
                    if let name = word(foreign), Self.foreignMonths.contains(name.lower), adjacent(foreign) {
                        var end = foreign
                        if year(word(end + 1)), adjacent(end + 1, maxGap: ","), word(end + 1)!.text.count == 4 { end += 1 }
                        claim(.date, words[foreignWeekdayBefore(index)].range.lowerBound..<words[end].range.upperBound)
                        index = end
                        continue
                    }
                }
                if month(word(next)) != nil, adjacent(next, maxGap: ",") {
                    var end = next
                    if year(word(end + 1)), adjacent(end + 1, maxGap: ","), word(end + 1)!.text.count == 4 { end += 1 }
                    else if shortYear(after: end) { end += 1 }
                    var start = index
                    if let the = word(index - 1), the.lower == "the", adjacent(index) { start = index - 1 }
                    start = weekdayBefore(start)
                    // "10–24 December": the first day of a range joined by a dash.
                    if start == index, index > 0, let first = word(index - 1), first.isNumber, !isClaimed(first),
                       first.range.upperBound + 1 == current.range.lowerBound, ["-", "–"].contains(s[first.range.upperBound]),
                       let value = first.numberValue, (1...31).contains(value), value < dayValue.value { start = index - 1 }
                    // "from 3 to 5 December", "the 2nd and 9th of May": the
                    // first day of a range is a date of its own.
                    if start == index, let link = word(index - 1), ["to", "and", "&", "till", "until"].contains(link.lower), adjacent(index),
                       let first = word(index - 2), !isClaimed(first), day(first) != nil, adjacent(index - 1), !first.text.contains("-") {
                        claim(.date, first.range)
                    }
                    claim(.date, words[start].range.lowerBound..<words[end].range.upperBound)
                    index = end
                    continue
                }
            }
            // Month [the] day [year] | Month year
            if month(current) != nil {
                // "Dec 1-5", "March 3–7": a month and a range of days.
                if let range = word(index + 1), adjacent(index + 1), isDayRange(range) {
                    claim(.date, words[weekdayBefore(index)].range.lowerBound..<range.range.upperBound)
                    index += 1
                    continue
                }
                var next = index + 1
                if let the = word(next), the.lower == "the", adjacent(next) { next += 1 }
                // "Nov. 3", "Dec. 4th": an abbreviated month keeps its dot.
                let dotted = next == index + 1 && current.text.count <= 4 && current.range.upperBound < s.count && s[current.range.upperBound] == "."
                    && word(next).map { $0.range.lowerBound - current.range.upperBound == 2 } ?? false
                if let dayValue = day(word(next)), adjacent(next, maxGap: ",") || dotted, !(word(next)!.text.contains("-") && !dayValue.ordinal),
                   next == index + 1 || dayValue.ordinal {
                    // "May 5 people" is not a date: a bare number must not be followed by a noun-like word.
                    let afterDay = word(next + 1)
                    let bare = !dayValue.ordinal
                    // "on Oct 21 with a link": after "on", "by", "since" it is a date whatever follows.
                    let introduced = word(index - 1).map { ["on", "by", "since", "until", "till", "before", "after"].contains($0.lower) && adjacent(index) } ?? false
                    if bare, !introduced, let afterDay, adjacent(next + 1), !year(afterDay), afterDay.lower.first?.isLetter == true,
                       !Self.datePrepositions.contains(afterDay.lower), !["at", "and", "was", "is", "we", "i", "she", "he", "they"].contains(afterDay.lower) {
                        // fall through to the month-year test
                    } else {
                        var end = next
                        if year(word(end + 1)), adjacent(end + 1, maxGap: ","), word(end + 1)!.text.count == 4 { end += 1 }
                        claim(.date, words[weekdayBefore(index)].range.lowerBound..<words[end].range.upperBound)
                        index = end
                        continue
                    }
                }
                if year(word(index + 1)), adjacent(index + 1, maxGap: ","), word(index + 1)!.text.count == 4 {
                    claim(.date, current.range.lowerBound..<words[index + 1].range.upperBound)
                    index += 1
                    continue
                }
                // "March '26": a month and a year cut to two digits.
                if current.capitalised, let short = word(index + 1), short.isNumber, short.text.count == 2,
                   short.gapBefore == "'" || short.gapBefore == "’", short.range.lowerBound - current.range.upperBound == 2 {
                    claim(.date, current.range.lowerBound..<short.range.upperBound)
                    index += 1
                    continue
                }
            }
            // "mid-January 2027", "early-March 2026": part of a month in a year.
            if current.parts.count == 2, ["mid", "early", "late", "end"].contains(current.parts[0]),
               Self.months[String(current.parts[1])] != nil, current.parts[1].count > 3,
               year(word(index + 1)), adjacent(index + 1, maxGap: ","), word(index + 1)!.text.count == 4 {
                claim(.date, current.range.lowerBound..<words[index + 1].range.upperBound)
                index += 1
                continue
            }
            // "dia 28", "el día 5": a day named in Portuguese or Spanish.
            if ["dia", "día"].contains(current.lower), let dayWord = word(index + 1), dayWord.isNumber, adjacent(index + 1),
               let value = dayWord.numberValue, (1...31).contains(value), dayWord.text.count <= 2 {
                claim(.date, current.range.lowerBound..<dayWord.range.upperBound)
                index += 1
                continue
            }
            // "mon 23rd", "tue 4th": a weekday typed in haste, before a day in figures.
            if Self.weekdays.contains(current.lower), !current.capitalised, let dayWord = word(index + 1), adjacent(index + 1), dayWord.hasDigit,
               day(dayWord)?.ordinal == true {
                claim(.date, current.range.lowerBound..<dayWord.range.upperBound)
                index += 1
                continue
            }
            // Weekday [the] day-ordinal | Weekday numeric date
            if Self.weekdays.contains(current.lower), current.capitalised {
                var next = index + 1
                if let the = word(next), the.lower == "the", adjacent(next) { next += 1 }
                if let dayValue = day(word(next)), dayValue.ordinal, adjacent(next) {
                    // "Friday 21st November [2025]", "Friday the 21st of November"
                    var end = next
                    var month = end + 1
                    if let of = word(month), of.lower == "of", adjacent(month) { month += 1 }
                    if self.month(word(month)) != nil, adjacent(month) {
                        end = month
                        if year(word(end + 1)), adjacent(end + 1, maxGap: ","), word(end + 1)!.text.count == 4 { end += 1 }
                    }
                    claim(.date, words[relativeBefore(index)].range.lowerBound..<words[end].range.upperBound)
                    index = end
                    continue
                }
                if let numeric = numericDate(at: index + 1, strict: false), adjacent(index + 1) {
                    claim(.date, current.range.lowerBound..<numeric.upperBound)
                    continue
                }
            }
            // [on|by|…] the Nth; or "the Nth" as a clause's subject or object
            // ("said the twenty-second was", "agreed the 5th would work").
            if current.lower == "the", let dayWord = word(index + 1), let dayValue = day(dayWord), dayValue.ordinal, adjacent(index + 1),
               dayValue.value > 9 || dayWord.hasDigit || word(index - 1).map({ Self.datePrepositions.contains($0.lower) || Self.weekdays.contains($0.lower) }) == true,
               word(index - 1).map({ Self.datePrepositions.contains($0.lower) || Self.weekdays.contains($0.lower) }) == true
                || word(index + 2).map({ !adjacent(index + 2) || Self.clauseWords.contains($0.lower) }) ?? true,
               let before = word(index - 1) ?? word(index + 1),
               adjacent(index) || Self.weekdays.contains(before.lower) || !Self.datePrepositions.contains(before.lower) {
                if let after = word(index + 2), adjacent(index + 2), Self.notDayNouns.contains(after.lower) { continue }
                // "By the third I couldn't tell": a small ordinal in words
                // before a new subject counts events, not days.
                if !dayWord.hasDigit, dayValue.value <= 9, let after = word(index + 2),
                   ["i", "we", "she", "he", "they", "you", "it"].contains(after.lower) { continue }
                // "the 4th of next month": a day of a month named by where it is.
                if let of = word(index + 2), of.lower == "of", adjacent(index + 2), let which = word(index + 3), ["next", "this", "last"].contains(which.lower),
                   let month = word(index + 4), month.lower == "month", adjacent(index + 4) {
                    claim(.date, current.range.lowerBound..<month.range.upperBound)
                    index += 4
                    continue
                }
                if let after = word(index + 2), adjacent(index + 2), after.lower == "of", word(index + 3).map({ month($0) == nil && !$0.lower.hasPrefix("th") }) ?? false { continue }
                // "the 3rd of March [2026]": the month and year are part of it.
                if let of = word(index + 2), of.lower == "of", adjacent(index + 2), month(word(index + 3)) != nil, adjacent(index + 3) {
                    var end = index + 3
                    if year(word(end + 1)), adjacent(end + 1, maxGap: ","), word(end + 1)!.text.count == 4 { end += 1 }
                    claim(.date, current.range.lowerBound..<words[end].range.upperBound)
                    index = end
                    continue
                }
                claim(.date, current.range.lowerBound..<dayWord.range.upperBound)
                // "the 2nd and 9th": the second day of the pair.
                if let link = word(index + 2), ["and", "&", "or", "to"].contains(link.lower), adjacent(index + 2),
                   let second = word(index + 3), second.hasDigit, day(second)?.ordinal == true, adjacent(index + 3), !isClaimed(second) {
                    claim(.date, second.range)
                    index += 3
                    continue
                }
                index += 1
                continue
            }
            // "on 28th", "by 3rd", "28th suits her": a day ordinal in figures
            // without "the", after a date word or as a clause's subject.
            if current.hasDigit, let dayValue = day(current), dayValue.ordinal, !isClaimed(current) {
                let after = word(index + 1)
                let countsSomething = after.map { adjacent(index + 1) && (Self.notDayNouns.contains($0.lower) || $0.lower.hasSuffix("s") && !Self.clauseWords.contains($0.lower)) } ?? false
                let introduced = word(index - 1).map { ["on", "by", "until", "till", "since", "before", "after"].contains($0.lower) && adjacent(index) } ?? false
                let subject = current.sentenceStart && after.map { ["is", "was", "suits", "works", "would", "could"].contains($0.lower) && adjacent(index + 1) } == true
                if !countsSomething, introduced || subject {
                    claim(.date, current.range)
                    continue
                }
            }
            // "Tue 24", "Easter Monday 2026": a weekday and a day of the
            // month, or a festival and a year.
            if current.isNumber, let before = word(index - 1), adjacent(index), !isClaimed(before), before.capitalised {
                let value = current.numberValue ?? 0
                let after = word(index + 1)
                let timeOrCount = after.map {
                    adjacent(index + 1) && (["am", "pm", "o'clock", "hours", "hrs", "mins", "minutes", "sessions", "people"].contains($0.lower))
                } ?? false
                // "10:30", "3/4", "2.5", "90%" are times, ratios and amounts; a full stop ending the sentence is not.
                let end = current.range.upperBound
                let colon = end < s.count && ([":", "/", "%"].contains(s[end])
                    || s[end] == "." && end + 1 < s.count && s[end + 1].properties.numericType != nil)
                if Self.weekdays.contains(before.lower), (1...31).contains(value), current.text.count <= 2, !timeOrCount, !colon {
                    claim(.date, words[relativeBefore(index - 1)].range.lowerBound..<current.range.upperBound)
                    continue
                }
                if current.text.count == 4, (2000...2039).contains(value), !colon {
                    var start = index - 1
                    if Self.weekdays.contains(before.lower) || ["day", "eve", "sunday", "friday"].contains(before.lower), let festival = word(index - 2),
                       adjacent(index - 1), Self.festivals.contains(festival.lower) { start = index - 2 }
                    if Self.festivals.contains(words[start].lower), !isClaimed(words[start]) {
                        claim(.date, words[start].range.lowerBound..<current.range.upperBound)
                        continue
                    }
                }
            }
            if let numeric = numericDate(at: index, strict: true) {
                // "lunes 16/11", "Τρίτη 10/11": a weekday in the client's language first.
                var start = numeric.lowerBound
                if let weekday = word(index - 1), Self.foreignWeekdays.contains(weekday.lower), adjacent(index, maxGap: ","),
                   !isClaimed(weekday) { start = weekday.range.lowerBound }
                claim(.date, start..<numeric.upperBound)
                continue
            }
            // "11월 19일": Korean writes month and day with 월 and 일.
            if current.text.hasSuffix("월"), let month = Int(current.text.dropLast()), (1...12).contains(month),
               let dayWord = word(index + 1), adjacent(index + 1) {
                // "3일이에요": a particle may follow the day.
                let digits = dayWord.text.prefix { $0.isASCIIDigitCharacter }
                if let dayValue = Int(digits), (1...31).contains(dayValue), dayWord.text.dropFirst(digits.count).hasPrefix("일") {
                    claim(.date, current.range.lowerBound..<(dayWord.range.lowerBound + digits.count + 1))
                }
            }
        }
        // "on 1/12, 8/12 and 15/12": a day and month listed beside a date
        // found are dates too; "early Oct 2025": the part of the month goes with it.
        for (index, current) in words.enumerated() where !isClaimed(current) && index > 0 {
            if current.isNumber, let numeric = numericDate(at: index, strict: false) {
                var back = index - 1
                if ["and", "&", "or"].contains(words[back].lower), back > 0, adjacent(index) { back -= 1 }
                if endingAt[words[back].range.upperBound] == .date, adjacent(back + 1, maxGap: ",") {
                    claim(.date, numeric)
                    continue
                }
            }
            if ["early", "mid", "late"].contains(current.lower), let next = word(index + 1), adjacent(index + 1),
               isClaimed(next), found.contains(where: { $0.category == .date && $0.range.lowerBound == next.range.lowerBound }) {
                claim(.date, current.range)
            }
        }
    }

    /// `12月4日`, `2026年12月4日`, `4号`-style dates written in Chinese or
    /// Japanese: from each 月, out over the digits on either side, so each
    /// scalar is visited a bounded number of times.
    private mutating func scanEastAsianDates() {
        let month: Unicode.Scalar = "月", day: Unicode.Scalar = "日", dayAlt: Unicode.Scalar = "号", year: Unicode.Scalar = "年"
        func digitsBefore(_ end: Int, limit: Int) -> Int {
            var start = end
            while start > 0, end - start < limit, isDigit(s[start - 1]) { start -= 1 }
            return start
        }
        for position in s.indices where s[position] == month {
            let monthStart = digitsBefore(position, limit: 2)
            guard monthStart < position, let monthValue = Int(String(String.UnicodeScalarView(s[monthStart..<position]))), (1...12).contains(monthValue)
            else { continue }
            var dayEnd = position + 1
            while dayEnd < s.count, dayEnd - position <= 2, isDigit(s[dayEnd]) { dayEnd += 1 }
            guard dayEnd > position + 1, dayEnd < s.count, s[dayEnd] == day || s[dayEnd] == dayAlt,
                  let dayValue = Int(String(String.UnicodeScalarView(s[(position + 1)..<dayEnd]))), (1...31).contains(dayValue) else { continue }
            var start = monthStart
            if start > 0, s[start - 1] == year {
                let yearStart = digitsBefore(start - 1, limit: 4)
                if start - 1 - yearStart == 4 {
                    start = yearStart
                } else if (1...2).contains(start - 1 - yearStart), yearStart >= 2,
                          Self.japaneseEras.contains(String(String.UnicodeScalarView(s[(yearStart - 2)..<yearStart]))) {
                    // "令和8年9月30日": a year of a Japanese era.
                    start = yearStart - 2
                }
            }
            if start > 0, isDigit(s[start - 1]) { continue }
            claim(.date, start..<(dayEnd + 1))
        }
    }

    static let japaneseEras: Set<String> = ["令和", "平成", "昭和", "大正"]

    /// `〒530-0012`: Japan's postal mark before three and four digits.
    private mutating func scanJapanesePostcodes() {
        for position in s.indices where s[position] == "〒" && !claimed[position] {
            var end = position + 1
            if end < s.count, s[end] == " " { end += 1 }
            let digitsStart = end
            while end < s.count, end - digitsStart < 8, isDigit(s[end]) || s[end] == "-" && end - digitsStart == 3 { end += 1 }
            if end - digitsStart == 8 || end - digitsStart == 7 && !s[digitsStart..<end].contains("-") { claim(.postcode, position..<end) }
        }
    }

    /// `'26` right after the word at `end`: a year cut to two digits.
    func shortYear(after end: Int) -> Bool {
        guard let short = word(end + 1), short.isNumber, short.text.count == 2, short.gapBefore == "'" || short.gapBefore == "’" else { return false }
        return short.range.lowerBound - words[end].range.upperBound == 2
    }

    /// `1-5`, `3–7`: two days of a month joined by a dash, the first before the second.
    func isDayRange(_ word: Word) -> Bool {
        let parts = word.text.split(whereSeparator: { $0 == "-" || $0 == "–" })
        guard parts.count == 2, parts.allSatisfy({ $0.count <= 2 && $0.allSatisfy(\.isASCIIDigitCharacter) }),
              let first = Int(parts[0]), let last = Int(parts[1]) else { return false }
        return (1...31).contains(first) && (1...31).contains(last) && first < last
    }

    /// Where a date starting at word `start` really starts: "Tuesday March
    /// 24th" and "Thursday, 27 Nov" take the day of the week with them.
    func weekdayBefore(_ start: Int) -> Int {
        guard let weekday = word(start - 1), weekday.capitalised, Self.weekdays.contains(weekday.lower),
              adjacent(start, maxGap: ",") || abbreviatedWithDot(start - 1), !isClaimed(weekday) else { return start }
        return relativeBefore(start - 1)
    }

    /// "Sat. 6 Dec.": a short weekday whose dot and one space are all that
    /// separate it from the next word.
    func abbreviatedWithDot(_ index: Int) -> Bool {
        guard let short = word(index), short.text.count <= 4, index + 1 < words.count else { return false }
        let end = short.range.upperBound
        return end + 2 == words[index + 1].range.lowerBound && s[end] == "." && s[end + 1] == " "
    }

    /// "sexta-feira, 28 de novembro", "Dydd Llun, 17 Tachwedd": a day of the
    /// week in the same language goes with the date after it.
    func foreignWeekdayBefore(_ start: Int) -> Int {
        guard let weekday = word(start - 1), !isClaimed(weekday), adjacent(start, maxGap: ",") else { return weekdayBefore(start) }
        if Self.foreignWeekdays.contains(weekday.lower) {
            if let dydd = word(start - 2), dydd.lower == "dydd", adjacent(start - 1), !isClaimed(dydd) { return start - 2 }
            return start - 1
        }
        return weekdayBefore(start)
    }

    /// What follows "NHS" or "HSE" when the whole service, or a kind of
    /// service in it, is meant: "NHS Digital", "the NHS App", "NHS Trust".
    static let nationalServiceWords: Set<String> = [
        "digital", "direct", "choices", "app", "login", "number", "trust", "trusts", "services", "service", "staff",
        "england", "scotland", "wales", "inform", "talking", "therapies", "dentist", "dental", "waiting", "continuing",
        "healthcare", "health", "choice", "constitution", "pension", "pensions", "jobs", "website", "guidance", "online",
        "sites", "site", "funding", "mental", "counselling", "primary", "community", "i", "and", "the", "letter", "card",
    ]

    /// Festivals that fall on one day a year: with the year they are a date.
    static let festivals: Set<String> = [
        "christmas", "easter", "hogmanay", "diwali", "eid", "thanksgiving", "hanukkah", "halloween", "boxing", "passover",
        "good", "whit", "pentecost", "vesak", "holi", "nowruz", "anzac", "waitangi",
    ]

    static let foreignWeekdays: Set<String> = [
        "segunda-feira", "terça-feira", "quarta-feira", "quinta-feira", "sexta-feira", "sábado", "domingo", "lunes",
        "martes", "miércoles", "jueves", "viernes", "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi",
        "dimanche", "montag", "dienstag", "mittwoch", "donnerstag", "freitag", "samstag", "sonntag", "lunedì",
        "martedì", "mercoledì", "giovedì", "venerdì", "sabato", "llun", "mawrth", "mercher", "iau", "gwener",
        "sadwrn", "sul",
        // Norwegian and Danish, Swedish, Dutch, Greek.
        "mandag", "tirsdag", "onsdag", "torsdag", "fredag", "lørdag", "søndag", "måndag", "tisdag", "lördag", "söndag",
        "maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag",
        "δευτέρα", "τρίτη", "τετάρτη", "πέμπτη", "παρασκευή", "σάββατο", "κυριακή",
    ]

    /// "last Friday the 9th": "last", "next" or "this" belongs to the date.
    func relativeBefore(_ start: Int) -> Int {
        guard let word = word(start - 1), ["last", "next", "this", "coming"].contains(word.lower), adjacent(start), !isClaimed(word) else { return start }
        // "this coming Thursday the 4th"
        if word.lower == "coming", let this = self.word(start - 2), ["this", "next"].contains(this.lower), adjacent(start - 1), !isClaimed(this) { return start - 2 }
        return word.lower == "coming" ? start : start - 1
    }

    /// `d/m/y`, `y-m-d`, `d.m.y`, and `d/m` or `m/d` where one part is over
    /// 12 or the context says date (never a rating like `7/10`).
    func numericDate(at index: Int, strict: Bool) -> Range<Int>? {
        guard let first = word(index), first.isNumber || first.text.contains("-") && first.hasDigit && !first.hasLetter else { return nil }
        // y-m-d is one word (hyphens join); d/m/y is up to three words joined by "/".
        if first.text.contains("-") {
            let parts = first.text.split(separator: "-").compactMap { Int($0) }
            guard parts.count == 3, first.text.split(separator: "-").count == 3 else { return nil }
            let texts = first.text.split(separator: "-")
            if texts[0].count == 4, (1...12).contains(parts[1]), (1...31).contains(parts[2]) { return first.range }
            if texts[2].count == 4 || texts[2].count == 2, (1...31).contains(parts[0]), (1...31).contains(parts[1]),
               parts[0] <= 12 || parts[1] <= 12 { return first.range }
            return nil
        }
        var numbers = [first]
        var separator: Unicode.Scalar?
        var last = index
        while numbers.count < 3, let next = word(last + 1), next.isNumber, next.range.lowerBound - words[last].range.upperBound == 1 {
            let between = s[words[last].range.upperBound]
            guard between == "/" || between == "." else { break }
            if let separator, separator != between { break }
            separator = between
            numbers.append(next)
            last += 1
        }
        guard numbers.count >= 2, let separator else { return nil }
        let values = numbers.compactMap { Int($0.text) }
        if numbers.count == 2, separator == "." { return dottedDayMonth(numbers, at: index, strict: strict) }
        if numbers.count == 3 {
            let yearText = numbers[2].text
            if numbers[0].text.count == 4 {
                return (1...12).contains(values[1]) && (1...31).contains(values[2]) ? first.range.lowerBound..<numbers[2].range.upperBound : nil
            }
            guard yearText.count == 4 || yearText.count == 2, (1...31).contains(values[0]), (1...31).contains(values[1]),
                  values[0] <= 12 || values[1] <= 12 else { return nil }
            return first.range.lowerBound..<numbers[2].range.upperBound
        }
        guard separator == "/", numbers[0].text.count <= 2, numbers[1].text.count <= 2,
              (1...31).contains(values[0]), (1...31).contains(values[1]), values[0] <= 12 || values[1] <= 12 else { return nil }
        if values == [24, 7] { return nil }
        let before = word(index - 1)?.lower ?? ""
        if ["rated", "rate", "rating", "scored", "score", "scale", "it", "at", "a", "about", "gave", "was", "is", "felt", "out", "marked", "only"].contains(before) && strict { return nil }
        if let after = word(last + 1), adjacent(last + 1), ["on", "for", "in", "of", "the", "and"].contains(after.lower), strict, values[0] <= 12 && values[1] <= 12 { return nil }
        let unambiguous = values[0] > 12 || values[1] > 12
        // A table cell or a line of its own starting with `3/3` is the
        // date column of a log; a rating there has its scale beside it.
        let context = Self.datePrepositions.contains(before) || Self.weekdays.contains(before) || Self.dateVerbs.contains(before) || !strict
            || (first.sentenceStart && ![10, 5, 100, 20].contains(values[1]))
        guard unambiguous || context else { return nil }
        if [10, 5, 100, 20].contains(values[1]) && !unambiguous && (strict && !Self.datePrepositions.contains(before)) { return nil }
        return first.range.lowerBound..<numbers[1].range.upperBound
    }

    /// Verbs a date follows in a hurried note: "rang 04/12", "seen 2.12".
    static let dateVerbs: Set<String> = [
        "seen", "saw", "met", "rang", "called", "phoned", "texted", "emailed", "booked", "rebooked", "cancelled",
        "canceled", "dated", "admitted", "discharged", "born", "died", "attended", "missed", "dob", "am", "le", "el",
    ]

    /// `11.12.` and `on 2.12`: a European day and month without a year. A
    /// decimal (`7.5`, `down to 12.5.`) has neither a date word before it
    /// nor, with three digits or more, a closing dot after a quantity word.
    func dottedDayMonth(_ numbers: [Word], at index: Int, strict: Bool) -> Range<Int>? {
        guard numbers[0].text.count <= 2, numbers[1].text.count <= 2, let dayValue = Int(numbers[0].text), let monthValue = Int(numbers[1].text),
              (1...31).contains(dayValue), (1...12).contains(monthValue) else { return nil }
        let before = word(index - 1)?.lower ?? ""
        let range = numbers[0].range.lowerBound..<numbers[1].range.upperBound
        if ["on", "until", "till", "since", "before", "after"].contains(before) || Self.weekdays.contains(before) || Self.dateVerbs.contains(before) || !strict {
            return range
        }
        let end = numbers[1].range.upperBound
        let closingDot = end < s.count && s[end] == "." && (end + 1 == s.count || !isDigit(s[end + 1]))
        // Two digits are a date only in a list of them ("3.9., 17.09.2026").
        let listed = end + 1 < s.count && s[end + 1] == ","
        guard closingDot, numbers[0].text.count + numbers[1].text.count >= 3 || listed, !Self.quantityWords.contains(before) else { return nil }
        return range
    }

    /// Words before a number that make it a measure, not a date.
    static let quantityWords: Set<String> = [
        "rated", "rate", "rating", "scored", "score", "scale", "it", "at", "a", "about", "gave", "was", "is", "felt", "out", "marked",
        "only", "to", "from", "around", "of", "by", "than", "over", "under", "with", "down", "up", "v", "version", "section",
        "chapter", "page", "p", "pp", "table", "figure", "fig", "step", "item", "question", "q", "level", "grade", "room", "ward",
        "bed", "bmi", "weighs", "weighed", "kg", "mg", "ml", "dose", "were", "are", "be", "now", "and", "or", "gpa",
    ]

    static let ageWords: [String: Int] = {
        var table: [String: Int] = ["ninety": 90, "hundred": 100, "a-hundred": 100, "one-hundred": 100]
        for (offset, unit) in ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine"].enumerated() {
            table["ninety-" + unit] = 91 + offset
        }
        for word in foreignNineties.keys { table[word] = foreignNineties[word] }
        for (decade, value) in foreignDecades { table[decade] = value }
        return table
    }()

    /// 91 to 99 written as one word in the languages trainees mix into
    /// their notes (German, Dutch, Norwegian, Swedish, Danish, Italian,
    /// French): like "ninety-one", nobody counts sessions in these, so
    /// each is an age wherever it stands.
    static let foreignNineties: [String: Int] = {
        var table: [String: Int] = [:]
        let languages: [(units: [String], form: (String) -> String)] = [
            (["ein", "zwei", "drei", "vier", "fünf", "sechs", "sieben", "acht", "neun"], { $0 + "undneunzig" }),
            (["een", "tweeën", "drieën", "vier", "vijf", "zes", "zeven", "acht", "negen"], { $0.hasSuffix("ën") ? $0 + "negentig" : $0 + "ennegentig" }),
            (["en", "to", "tre", "fire", "fem", "seks", "sju", "åtte", "ni"], { "nitti" + $0 }),
            (["ett", "två", "tre", "fyra", "fem", "sex", "sju", "åtta", "nio"], { "nittio" + $0 }),
            (["en", "to", "tre", "fire", "fem", "seks", "syv", "otte", "ni"], { $0 + "oghalvfems" }),
            (["uno", "adue", "atré", "aquattro", "acinque", "asei", "asette", "otto", "anove"], { "novant" + $0 }),
            (["onze", "douze", "treize", "quatorze", "quinze", "seize", "dix-sept", "dix-huit", "dix-neuf"], { "quatre-vingt-" + $0 }),
        ]
        for language in languages {
            for (offset, unit) in language.units.enumerated() { table[language.form(unit)] = 91 + offset }
        }
        // Korean: 아흔하나 … 아흔아홉.
        for (offset, unit) in ["하나", "둘", "셋", "넷", "다섯", "여섯", "일곱", "여덟", "아홉"].enumerated() { table["아흔" + unit] = 91 + offset }
        return table
    }()
    /// Ninety alone in those languages and in Spanish and Portuguese: an
    /// age only with a cue ("nitti år", "noventa y ocho"), since "los
    /// noventa" are the nineties.
    static let foreignDecades: [String: Int] = [
        "neunzig": 90, "negentig": 90, "nitti": 90, "nittio": 90, "halvfems": 90, "novanta": 90, "quatre-vingt-dix": 90, "noventa": 90,
        "ενενήντα": 90,
    ]
    /// Years after a number, in the languages above.
    static let foreignYears: Set<String> = ["år", "jaar", "jahre", "jahren", "años", "anos", "anni", "ans", "año", "ano", "anno", "an"]
    /// Greek units after "ενενήντα", in the nominative and the genitive.
    static let greekUnits: Set<String> = [
        "ένα", "ενός", "δύο", "τρία", "τριών", "τέσσερα", "τεσσάρων", "πέντε", "έξι", "επτά", "εφτά", "οκτώ", "οχτώ", "εννέα", "εννιά",
    ]
    /// Units after Spanish and Portuguese "noventa y" / "noventa e".
    static let iberianUnits: [String: Int] = [
        "uno": 1, "dos": 2, "tres": 3, "cuatro": 4, "cinco": 5, "seis": 6, "siete": 7, "ocho": 8, "nueve": 9,
        "um": 1, "dois": 2, "três": 3, "quatro": 4, "sete": 7, "oito": 8, "nove": 9,
    ]
    static let ageBefore: Set<String> = ["aged", "age", "is", "was", "turned", "turning", "turns", "reached", "reaching", "be", "now", "nearly", "almost", "who's", "she's", "he's", "of", "i'm", "i’m", "am", "you're", "they're", "we're"]

    /// Ages over 89, which Safe Harbor treats as identifying: `is 93`,
    /// `ninety-one`, `93-year-old`, `in his late nineties`, `her 100th birthday`.
    private mutating func scanAges() {
        for (index, current) in words.enumerated() where !isClaimed(current) {
            let lower = current.lower
            // "93-year-old", "ninety-one-year-old"
            for suffix in ["-year-old", "-years-old", "-yr-old"] where lower.hasSuffix(suffix) {
                let number = String(lower.dropLast(suffix.count))
                if let value = Int(number) ?? Self.ageWords[number], value >= 90, value <= 125 {
                    claim(.age, current.range)
                }
            }
            let value: Int?
            if current.isNumber, let number = current.numberValue {
                value = number
            } else if lower.hasPrefix("아흔") {
                // Korean particles join the number: "아흔셋이세요".
                value = Self.foreignNineties.filter { lower.hasPrefix($0.key) }.max { $0.key.count < $1.key.count }?.value ?? 90
            } else {
                value = Self.ageWords[lower]
            }
            if let value, value >= 90, value <= 125 {
                var end = index
                // "noventa y ocho", "noventa e dois": Spanish and Portuguese
                // units follow; "ενενήντα τεσσάρων" in Greek likewise.
                var iberian = false
                if lower == "ενενήντα", let unit = word(index + 1), Self.greekUnits.contains(unit.lower), adjacent(index + 1) {
                    end = index + 1
                    iberian = true
                }
                if lower == "noventa", let and = word(index + 1), ["y", "e"].contains(and.lower), adjacent(index + 1),
                   let unit = word(index + 2), Self.iberianUnits[unit.lower] != nil, adjacent(index + 2) {
                    end = index + 2
                    iberian = true
                }
                // a hundred and two
                if value == 100, let and = word(index + 1), and.lower == "and", let unit = word(index + 2), ["one", "two", "three", "four", "five"].contains(unit.lower) {
                    end = index + 2
                }
                var start = index
                if lower == "hundred", let before = word(index - 1), ["a", "one"].contains(before.lower), adjacent(index) { start = index - 1 }
                let after = word(end + 1)
                let years = after.map { ["years", "year", "yrs", "yo", "y/o"].contains($0.lower) || Self.foreignYears.contains($0.lower) } ?? false
                let beforeWord = word(start - 1)?.lower ?? ""
                // "is 93", "is \"ninety-three\"": the cue may stand outside a quotation.
                var context = Self.ageBefore.contains(beforeWord) && adjacent(start, maxGap: "\"“‘'")
                // "ninety-one" spelt out is an age in this kind of writing:
                // nobody counts sessions or minutes past ninety in words.
                if lower.hasPrefix("ninety-") || Self.foreignNineties[lower] != nil || lower.hasPrefix("아흔") || iberian { context = true }
                // "her father Harold, 97, in Skegness" or "Harold (97)": an
                // age in apposition after someone's name.
                // "her father, 97 and blind now": after a relation too.
                if current.isNumber, let previous = word(index - 1),
                   previous.capitalised && (!previous.sentenceStart || !Self.sentenceOpeners.contains(previous.lower))
                    || Self.relations.contains(previous.lower),
                   current.gapBefore == "," || current.gapBefore == "(" || current.gapBefore == ",(" {
                    let closes = word(index + 1).map {
                        $0.gapBefore.hasPrefix(",") || $0.gapBefore.hasPrefix(")") || $0.gapBefore.hasPrefix(".")
                            || Self.relations.contains(previous.lower) && $0.lower == "and" && $0.gapBefore.isEmpty
                    } ?? true
                    if closes { context = true }
                }
                let units = after.map { ["minutes", "mins", "seconds", "percent", "pounds", "kg", "miles", "people", "days", "times", "pages", "steps", "sessions", "points", "per"].contains($0.lower) } ?? false
                if (years || context) && !units && !(s.indices.contains(current.range.upperBound) && s[current.range.upperBound] == "%") {
                    var stop = end
                    if years, let old = word(end + 2), old.lower == "old" { stop = end + 2 } else if years { stop = end + 1 }
                    // "aged 92", "age of 92": the word that makes it an age goes too.
                    if ["aged", "age"].contains(beforeWord) { start -= 1 } else if beforeWord == "of", word(start - 2)?.lower == "age" { start -= 2 }
                    claim(.age, words[start].range.lowerBound..<words[stop].range.upperBound)
                }
                continue
            }
            // his late nineties / her 90s
            // "in his mid-nineties", "her late-90s": the modifier hyphenated on.
            let decade = ["early-", "mid-", "late-"].reduce(lower) { $0.hasPrefix($1) ? String($0.dropFirst($1.count)) : $0 }
            if decade == "nineties" || decade == "90s" {
                var start = index
                if decade == lower, let modifier = word(index - 1), ["early", "mid", "late"].contains(modifier.lower) { start = index - 1 }
                if let owner = word(start - 1), ["his", "her", "their", "my", "your"].contains(owner.lower) {
                    claim(.age, owner.range.lowerBound..<current.range.upperBound)
                }
                continue
            }
            // 100th birthday
            if let next = word(index + 1), next.lower == "birthday" || next.lower == "birthdays" {
                let ordinal = lower.hasSuffix("th") ? Int(lower.dropLast(2)) : nil
                let spelt = ["ninetieth", "hundredth", "ninety-first", "ninety-second", "ninety-third", "ninety-fifth"].contains(lower)
                if (ordinal ?? 0) >= 90 || spelt { claim(.age, current.range.lowerBound..<next.range.upperBound) }
            }
        }
    }

    /// Shapes with letters and digits: UK and Irish postcodes, UK plates,
    /// VINs, and unlabelled reference numbers (`RX884312`, `C-28 441 907`).
    private mutating func scanCodes() {
        for (index, current) in words.enumerated() where !isClaimed(current) {
            let text = current.text.uppercased()
            let next = word(index + 1)
            let nextJoined = next != nil && adjacent(index + 1) && next!.range.lowerBound - current.range.upperBound == 1
            let nextText = nextJoined ? next!.text : ""
            // "H2T 1S6": a Canadian code, letter-digit-letter twice round.
            if Self.isCanadianHalf(text, letterFirst: true), nextJoined, Self.isCanadianHalf(nextText.uppercased(), letterFirst: false),
               current.text == text && nextText == nextText.uppercased() || current.text == current.lower && nextText == nextText.lowercased() {
                claim(.postcode, current.range.lowerBound..<next!.range.upperBound)
                continue
            }
            // "hx1 1ux", "d10 x7k2": the same codes typed in lower case on a
            // phone. Both halves must be lower case and well formed, and an
            // inward half that reads as "1am" or "5th" is a time or a day.
            if current.text == current.lower, nextJoined, nextText == nextText.lowercased(), current.hasDigit,
               !["am", "pm", "st", "nd", "rd", "th"].contains(String(nextText.suffix(2))),
               Self.isOutwardCode(text) && Self.isInwardCode(nextText.uppercased())
                || Self.isEircodeRouting(text) && nextText.count == 4 && nextText.allSatisfy(\.isASCIILetterOrDigit)
                    && nextText.contains(where: \.isASCIIDigitCharacter) && nextText.contains(where: \.isLetter) {
                claim(.postcode, current.range.lowerBound..<next!.range.upperBound)
                continue
            }
            if current.text == text, Self.isOutwardCode(text), nextJoined, Self.isInwardCode(nextText) {
                claim(.postcode, current.range.lowerBound..<next!.range.upperBound)
                continue
            }
            if current.text == text, text.count >= 5, text.count <= 7, Self.isOutwardCode(String(text.dropLast(3))), Self.isInwardCode(String(text.suffix(3))) {
                claim(.postcode, current.range)
                continue
            }
            if current.text == text, Self.isEircodeRouting(text), nextJoined, nextText.count == 4, nextText == nextText.uppercased(),
               nextText.allSatisfy({ $0.isASCIILetterOrDigit }), nextText.contains(where: \.isASCIIDigitCharacter) || nextText.contains(where: \.isLetter) && Self.isEircodeRouting(text) && current.hasDigit {
                claim(.postcode, current.range.lowerBound..<next!.range.upperBound)
                continue
            }
            if current.text == text, text.count == 4, Self.isPlateStart(text), nextJoined, nextText.count == 3, nextText.allSatisfy({ $0.isASCII && $0.isUppercase }) {
                claim(.vehicle, current.range.lowerBound..<next!.range.upperBound)
                continue
            }
            // A National Insurance number written in pairs, as on the card:
            // "JT 48 21 90 B" (two letters, three pairs of digits, A to D).
            if current.text.count == 2, current.allCaps, !current.hasDigit, current.text.allSatisfy(\.isASCII),
               (1...3).allSatisfy({ offset in
                   word(index + offset).map { $0.isNumber && $0.text.count == 2 && $0.range.lowerBound - words[index + offset - 1].range.upperBound == 1 } ?? false
               }),
               let suffix = word(index + 4), suffix.text.count == 1, "ABCD".contains(suffix.text),
               suffix.range.lowerBound - words[index + 3].range.upperBound == 1 {
                claim(.idNumber, current.range.lowerBound..<suffix.range.upperBound)
                continue
            }
            if text.count == 17, current.hasDigit, current.hasLetter, text.allSatisfy({ $0.isASCIILetterOrDigit && !"IOQ".contains($0) }) {
                claim(.vehicle, current.range)
                continue
            }
            guard current.hasDigit, current.hasLetter, !Self.isoWeek(current.text),
                  !Lexicon.programmeVocabulary.contains(current.lower),
                  // "CORE-10 22", "PHQ-9 14", "K10 31": a measure and its score.
                  !Self.measures.contains(String(current.lower.prefix { $0.isLetter })),
                  !Self.isEncodedBlob(current.text) else { continue }
            var last = index
            while let following = word(last + 1), following.isNumber, following.range.lowerBound - words[last].range.upperBound == 1,
                  following.gapBefore.isEmpty { last += 1 }
            let digits = words[index...last].reduce(0) { $0 + $1.digitCount }
            if digits >= 5 || (digits >= 4 && current.text.count >= 7) {
                claim(.idNumber, current.range.lowerBound..<words[last].range.upperBound)
            }
        }
    }

    /// A long run that mixes lower- and upper-case letters with digits is
    /// encoded data (base64 in a `data:` address, a token), not a reference
    /// someone reads out: references are short and written in one case.
    /// Flagging these made the shared copy of a journal that quotes a refused
    /// `data:` link impossible to build.
    static func isEncodedBlob(_ text: String) -> Bool {
        guard text.count > 20 else { return false }
        return text.contains(where: { $0.isASCII && $0.isLowercase }) && text.contains(where: { $0.isASCII && $0.isUppercase })
    }

    static func isOutwardCode(_ text: String) -> Bool {
        let c = Array(text)
        guard c.count >= 2, c.count <= 4, c[0].isASCII, c[0].isLetter else { return false }
        var index = 1
        if c[index].isLetter { index += 1 }
        guard index < c.count, c[index].isASCIIDigitCharacter else { return false }
        index += 1
        if index < c.count { guard c[index].isASCIIDigitCharacter || c[index].isLetter else { return false }; index += 1 }
        return index == c.count && c.allSatisfy { $0.isASCIILetterOrDigit }
    }
    static func isInwardCode(_ text: String) -> Bool {
        let c = Array(text)
        return c.count == 3 && c[0].isASCIIDigitCharacter && c[1].isASCII && c[1].isUppercase && c[2].isASCII && c[2].isUppercase
    }
    /// `H2T` (letter first) or `1S6` (digit first): half a Canadian code.
    static func isCanadianHalf(_ text: String, letterFirst: Bool) -> Bool {
        let c = Array(text)
        guard c.count == 3, c.allSatisfy({ $0.isASCII && ($0.isUppercase || $0.isNumber) }) else { return false }
        return c.enumerated().allSatisfy { offset, character in (offset % 2 == 0) == letterFirst ? character.isLetter : character.isNumber }
    }
    static func isEircodeRouting(_ text: String) -> Bool {
        let c = Array(text)
        if text == "D6W" { return true }
        return c.count == 3 && "ACDEFHKNPRTVWXY".contains(c[0]) && c[1].isASCIIDigitCharacter && c[2].isASCIIDigitCharacter
    }
    static func isPlateStart(_ text: String) -> Bool {
        let c = Array(text)
        return c.count == 4 && c[0].isASCII && c[0].isUppercase && c[1].isASCII && c[1].isUppercase && c[2].isASCIIDigitCharacter && c[3].isASCIIDigitCharacter
    }

    static let stateCodes: Set<String> = [
        "AL", "AK", "AZ", "AR", "CA", "CO", "CT", "DE", "FL", "GA", "HI", "ID", "IL", "IN", "IA", "KS", "KY", "LA", "ME",
        "MD", "MA", "MI", "MN", "MS", "MO", "MT", "NE", "NV", "NH", "NJ", "NM", "NY", "NC", "ND", "OH", "OK", "OR", "PA",
        "RI", "SC", "SD", "TN", "TX", "UT", "VT", "VA", "WA", "WV", "WI", "WY", "DC",
    ]

    /// Runs of digits and separators: phones, NHS numbers (mod 11), card
    /// numbers and IMEIs (Luhn), SSNs, bare long numbers, ZIP codes.
    private mutating func scanNumberRuns() {
        var position = 0
        while position < s.count {
            let c = s[position]
            let startsHere = (isDigit(c) || ((c == "+" || c == "(") && position + 1 < s.count && isDigit(s[position + 1])))
                && (position == 0 || !(isWordScalar(s[position - 1]) || s[position - 1] == "." || s[position - 1] == "/" || s[position - 1] == ":" || s[position - 1] == "£" || s[position - 1] == "$" || s[position - 1] == "€" || s[position - 1] == "-"))
            guard startsHere, !claimed[position] else { position += 1; continue }
            let begin = position
            var end = position
            var digits = ""
            var groups: [Int] = []
            var separators: Set<Unicode.Scalar> = []
            var current = 0
            if c == "+" || c == "(" { end += 1; if c == "(" { separators.insert("(") } }
            while end < s.count {
                let scalar = s[end]
                if isDigit(scalar) {
                    digits.unicodeScalars.append(scalar)
                    current += 1
                    end += 1
                    continue
                }
                // Up to two separators, then a digit (or "(" and a digit).
                var look = end
                while look < s.count, look - end < 2, " -.()".unicodeScalars.contains(s[look]), !(s[look] == "." && look + 1 < s.count && s[look + 1] == " ") { look += 1 }
                guard look > end, look < s.count, isDigit(s[look]) else { break }
                if current > 0 { groups.append(current) }
                current = 0
                for separator in s[end..<look] { separators.insert(separator) }
                end = look
            }
            if current > 0 { groups.append(current) }
            var stop = end
            if stop < s.count, s[stop] == ")" , separators.contains("(") { stop += 1 }
            let count = digits.count
            let followedByLetter = stop < s.count && isWordScalar(s[stop])
            position = max(end, position + 1)
            if followedByLetter || claimed[stop - 1] { continue }
            let span = begin..<stop
            let grouped = groups.count > 1
            if count == 15, Self.luhn(digits) { claim(.imei, span); continue }
            if (13...19).contains(count), Self.luhn(digits), c != "+", digits.first != "0",
               !grouped || groups.allSatisfy({ $0 == 4 }) || groups == [4, 6, 5] || groups.dropLast().allSatisfy({ $0 == 4 }) {
                claim(.cardNumber, span)
                continue
            }
            if count == 10, Self.nhsValid(digits), digits.first != "0", !separators.contains("("), c != "+",
               !grouped || groups == [3, 3, 4], !separators.contains(".") {
                claim(.nhsNumber, span)
                continue
            }
            if groups == [3, 2, 4], separators == ["-"] { claim(.idNumber, span); continue }
            if groups == [2, 2, 2], separators == ["-"] { claim(.idNumber, span); continue }
            if (9...15).contains(count) {
                if c == "+" || c == "(" || digits.first == "0" || grouped {
                    if grouped && groups.allSatisfy({ $0 == 4 }) && digits.first != "0" && c != "+" && groups.count == 2 { continue }
                    claim(.phone, span)
                } else {
                    claim(.idNumber, span)
                }
                continue
            }
            if (6...8).contains(count), !grouped { claim(.idNumber, span); continue }
            if count == 5, !grouped {
                let wordIndex = wordIndex(startingAt: span.lowerBound)
                if let wordIndex {
                    let before = word(wordIndex - 1)
                    let after = word(wordIndex + 1)
                    let afterState = before.map { Self.stateCodes.contains($0.text) } ?? false
                    let townAfter = after.map { $0.capitalised && !$0.allCaps && adjacent(wordIndex + 1) && !Lexicon.capitalisedWords.contains($0.lower) && !Lexicon.isEnglish($0.lower) } ?? false
                    let commaBefore = words[wordIndex].gapBefore == "," && (before?.capitalised ?? false)
                    if afterState || townAfter || commaBefore { claim(.postcode, span) }
                }
            }
        }
    }

    /// The word that starts at scalar `position`, by binary search.
    private func wordIndex(startingAt position: Int) -> Int? {
        var low = 0
        var high = words.count
        while low < high {
            let middle = (low + high) / 2
            if words[middle].range.lowerBound < position { low = middle + 1 } else { high = middle }
        }
        return low < words.count && words[low].range.lowerBound == position ? low : nil
    }

    static func luhn(_ digits: String) -> Bool {
        var sum = 0
        for (offset, character) in digits.reversed().enumerated() {
            guard var value = character.wholeNumberValue else { return false }
            if offset % 2 == 1 { value *= 2; if value > 9 { value -= 9 } }
            sum += value
        }
        return sum % 10 == 0
    }

    /// NHS numbers: ten digits, the last a mod-11 check on the first nine.
    static func nhsValid(_ digits: String) -> Bool {
        let values = digits.compactMap(\.wholeNumberValue)
        guard values.count == 10 else { return false }
        var sum = 0
        for index in 0..<9 { sum += values[index] * (10 - index) }
        let check = 11 - sum % 11
        let expected = check == 11 ? 0 : check
        return expected != 10 && expected == values[9]
    }
}

extension Character {
    var isASCIIDigitCharacter: Bool { isASCII && isNumber }
    var isASCIILetterOrDigit: Bool { isASCII && (isLetter || isNumber) }
}

extension UInt8 {
    var lowercasedASCII: UInt8 { (65...90).contains(self) ? self + 32 : self }
}

// MARK: Names and places

extension Detector {
    static let titles: Set<String> = [
        "mr", "mrs", "ms", "mx", "miss", "dr", "prof", "professor", "sir", "dame", "lady", "lord", "rev", "reverend",
        "fr", "father", "sister", "brother", "auntie", "aunty", "aunt", "uncle", "nana", "nan", "granny", "grandma",
        "grandad", "grandpa", "gran", "cousin", "nanna", "grandmother", "grandfather", "mister", "madam", "señor",
        "señora", "herr", "frau", "mme", "mlle", "m", "lic", "licda", "ing",
    ]
    /// Titles that are only titles when capitalised or before a capital.
    static let weakTitles: Set<String> = ["miss", "sister", "brother", "father", "lady", "lord", "cousin", "m", "fr", "rev"]
    /// Words after which the next word is usually a person's name.
    static let relations: Set<String> = [
        "client", "patient", "sister", "brother", "husband", "wife", "partner", "son", "daughter", "mum", "mom",
        "mother", "dad", "father", "boyfriend", "girlfriend", "fiancé", "fiance", "fiancée", "friend", "colleague",
        "boss", "manager", "nan", "gran", "grandma", "grandad", "grandmother", "grandfather", "grandson", "granddaughter", "aunt", "auntie",
        "uncle", "cousin", "niece", "nephew", "stepson", "stepdaughter", "stepdad", "stepmum", "ex", "baby",
        "twin", "called", "named", "neighbour", "neighbor", "flatmate", "roommate", "teacher", "sibling", "child",
        "kid", "carer", "caseworker", "worker", "dog", "cat", "puppy", "supervisor", "supervisee", "pt", "co-worker",
        "coworker", "co-therapist", "housemate", "landlord", "landlady", "lawyer", "solicitor",
    ]
    /// Words after a capitalised sentence opener that say it is someone.
    static let personCues: Set<String> = [
        "said", "says", "told", "tells", "asked", "asks", "is", "was", "has", "had", "and", "came", "comes",
        "arrived", "cried", "laughed", "seemed", "looked", "wants", "wanted", "called", "texted", "emailed",
        "rang", "phoned", "left", "walked", "sat", "smiled", "started", "stopped", "described", "mentioned",
        "talked", "spoke", "shared", "felt", "feels", "thinks", "thought", "knows", "knew", "didn't", "doesn't",
        "isn't", "wasn't", "hasn't", "hadn't", "won't", "can't", "couldn't", "would", "will", "missed", "cancelled",
        "canceled", "brought", "joined", "agreed", "admitted", "explained", "went", "got", "gets", "needs",
        "needed", "shrugged", "nodded", "paused", "insisted", "wrote", "replied", "answered", "began", "sighed",
        "mentions", "did", "does", "kept", "keeps", "hates", "loves", "says", "wept", "reported", "disclosed",
    ]
    /// Words that begin sentences and are not names: a capitalised opener
    /// before a name is not part of it ("Then Song said" is "Song").
    static let sentenceOpeners: Set<String> = [
        "the", "a", "an", "my", "our", "when", "after", "before", "in", "on", "at", "this", "that", "then", "but",
        "and", "so", "if", "we", "he", "she", "they", "it", "his", "her", "their", "what", "why", "how", "who",
        "next", "last", "looking", "today", "yesterday", "tomorrow", "later", "supervision", "with", "without",
        "for", "from", "about", "during", "since", "until", "because", "while", "as", "once", "like", "between",
        "each", "every", "some", "both", "only", "even", "also", "perhaps", "maybe", "sometimes", "now", "here",
        "there", "yes", "no", "not", "still", "again", "instead", "although", "though", "just", "you", "your",
        "its", "these", "those", "where", "which", "whether", "let", "to", "of", "by", "into", "over", "under",
        "did", "do", "does", "was", "were", "is", "are", "can", "could", "would", "should", "will", "had", "has",
        "have", "thanks", "dear", "hi", "hello", "client", "mrs", "mr", "ms", "dr", "i", "or", "nor", "yet",
        "afterwards", "honestly", "really", "anyway", "well", "oh", "ok", "okay", "sorry", "please", "maybe",
        "everyone", "nobody", "somebody", "someone", "all", "any", "none", "one", "two", "three", "first",
    ]

    static let particles: Set<String> = [
        "de", "da", "di", "del", "della", "van", "von", "der", "den", "le", "la", "bin", "bint", "ibn", "al", "el",
        "ní", "nic", "mac", "mc", "ó", "ua", "ap", "dos", "das", "du", "st", "y",
    ]
    static let placePrepositions: Set<String> = [
        "in", "at", "from", "near", "towards", "outside", "around", "visiting", "into", "via", "past", "through",
        "moved", "lives", "live", "living", "grew",
    ]
    static let workCues: Set<String> = [
        "works", "work", "working", "worked", "job", "employed", "shift", "shifts", "manager", "volunteers",
        "volunteer", "placement", "studies", "study", "studying", "school", "college", "university", "nurse",
        "teacher", "apprenticeship", "internship", "hired", "fired", "sacked", "redundant", "employer", "office",
        "plays", "goes", "attends", "nurse", "sister", "works", "porter", "cleaner", "shop", "stacking",
        "lecture", "lectures", "lectured", "lecturer", "teaches", "taught", "teach", "student", "enrolled", "graduated",
        "trains", "trained", "drives", "delivers", "contract", "contractor", "staff",
        "interning", "intern", "interns", "temping", "employee", "boss", "colleague", "colleagues", "retired", "resigned",
        "chef", "waitress", "waiter", "barista", "cashier", "receptionist", "engineer", "accountant", "apprentice",
        "pharmacist", "warehouse", "supervisor", "consultant", "labourer", "midwife", "paramedic", "pupil", "learner",
        "driver", "security", "carer", "nights", "courier", "technician", "mechanic", "electrician", "plumber", "tutor",
    ]

    private func isOrdinaryCapital(_ word: Word) -> Bool {
        Lexicon.capitalisedWords.contains(word.lower) || Self.months[word.lower] != nil || Self.weekdays.contains(word.lower)
            || Lexicon.programmeVocabulary.contains(word.lower) || Lexicon.isRegion(word.lower) || Lexicon.isKin(word.lower)
            || Self.foreignWeekdays.contains(word.lower) && !Lexicon.isGivenName(word.lower) || Self.isDemonym(word.lower)
    }

    /// "Samoan", "Kenyan", "Brazilian", "Cumbrian", "Congolese": a people's
    /// or a region's adjective, made from a country, state or town the
    /// guard knows. It names no one.
    static func isDemonym(_ lower: String) -> Bool {
        func known(_ stem: String) -> Bool { stem.count >= 3 && (Lexicon.isRegion(stem) || Lexicon.isTown(stem)) }
        if lower.hasSuffix("ian"), known(String(lower.dropLast(3)) + "ia") || known(String(lower.dropLast(3))) || known(String(lower.dropLast(3)) + "a") {
            return !Lexicon.isGivenName(lower)
        }
        if lower.hasSuffix("an"), known(String(lower.dropLast(1))) || known(String(lower.dropLast(2)) + "a") || known(String(lower.dropLast(2))) {
            return !Lexicon.isGivenName(lower)
        }
        if lower.hasSuffix("ese"), known(String(lower.dropLast(3))) || known(String(lower.dropLast(3)) + "o") || known(String(lower.dropLast(3)) + "a") {
            return !Lexicon.isGivenName(lower)
        }
        return false
    }

    /// Function words of the languages trainees mix in ("del", "las",
    /// "het", "och"): given names somewhere, but in lower case in a
    /// sentence of their language they are grammar.
    static let foreignFunctionWords: Set<String> = [
        "del", "las", "los", "una", "por", "con", "que", "het", "een", "der", "die", "das", "und", "les", "des", "pour",
        "avec", "dans", "sur", "della", "per", "não", "com", "uma", "para", "och", "med", "som", "ikke", "ich", "nicht",
        "mit", "ist", "est", "pas", "muy", "pero", "como", "mas", "nao", "sie", "wie", "niet", "ook", "maar", "dat",
    ]

    private func isEnglish(_ word: Word) -> Bool {
        if Lexicon.isEnglish(word.lower) { return true }
        let parts = word.parts
        // "CBT-trained", "GP-led": an abbreviation joined to a word is a word.
        if parts.count > 1 {
            return parts.allSatisfy { Lexicon.isEnglish(String($0)) || Self.abbreviations.contains(String($0)) }
                && parts.contains { Lexicon.isEnglish(String($0)) }
        }
        // Apostrophes: "don't" is in the list without its apostrophe form.
        let plain = word.lower.replacingOccurrences(of: "’", with: "'")
        if plain != word.lower, Lexicon.isEnglish(plain) { return true }
        // Contractions: "we're", "they'll", "shouldn't" are their first word.
        for ending in ["'re", "'ll", "'ve", "'d", "'m", "n't"] where plain.hasSuffix(ending) && plain.count > ending.count + 1 {
            let stem = String(plain.dropLast(ending.count))
            if Lexicon.isEnglish(stem) || Lexicon.capitalisedWords.contains(stem) { return true }
        }
        return plain.contains("'") && Lexicon.capitalisedWords.contains(plain)
    }

    private func isGiven(_ word: Word) -> Bool {
        Lexicon.isGivenName(word.lower) || (word.parts.first.map { Lexicon.isGivenName(String($0)) } ?? false)
    }

    private func cueFollows(_ index: Int) -> Bool {
        if words[index].possessive { return true }
        guard let next = word(index + 1), adjacent(index + 1, maxGap: ",") else { return false }
        if Self.personCues.contains(next.lower) { return true }
        // "Bill joked", "Grace noted": a past tense straight after says someone did it.
        if !next.capitalised, next.lower.count >= 4, next.lower.hasSuffix("ed"), isEnglish(next) { return true }
        return next.capitalised && !isEnglish(next) && !isOrdinaryCapital(next)
    }

    /// Whether word `index` names someone or somewhere, before merging.
    private func isNameWord(_ index: Int) -> Bool {
        let word = words[index]
        guard word.hasLetter, !word.hasDigit, !isClaimed(word) else { return false }
        let previous = self.word(index - 1)
        // "はい", "大丈夫です": Japanese written with hiragana is words, not a
        // name (names are written in kanji); anything else non-Latin may be one.
        if word.nonLatin {
            let scalars = word.text.unicodeScalars
            if scalars.last.map({ (0x3040...0x309F).contains($0.value) }) ?? false { return false }
            // "όλα καλά", "спасибо": in a script with capitals, a name has one.
            if let first = scalars.first, first.properties.isLowercase { return false }
            if word.text.count == 1, !scalars.allSatisfy({ (0x4E00...0x9FFF).contains($0.value) }) { return false }
            // "괜찮아요", "주민등록번호": Korean given names and surnames
            // together are two or three syllables; a longer word is a word,
            // and a lone syllable ("끝") is a name only as a surname before one.
            if scalars.allSatisfy({ (0xAC00...0xD7A3).contains($0.value) }) {
                // "늦었다", "괜찮아요", "씨가": a verb's ending or the honorific 씨 is no name.
                if ["다", "요", "까", "죠", "네"].contains(where: { word.text.hasSuffix($0) }) || word.text.hasPrefix("씨") { return false }
                if scalars.count == 1 {
                    return self.word(index + 1).map { next in
                        adjacent(index + 1) && next.text.unicodeScalars.count == 2
                            && next.text.unicodeScalars.allSatisfy { (0xAC00...0xD7A3).contains($0.value) }
                    } ?? false
                }
                let place = ["로", "길", "동", "구", "시", "군", "읍", "면", "센터", "병원", "학교", "의원", "상담소"].contains { word.text.hasSuffix($0) }
                return scalars.count <= 3 || place
            }
            return true
        }
        // "M.Phil.", "B.Sc", "D.Clin.Psy": a degree's letters after an initial and a dot.
        if let previous, previous.text.count <= 2, previous.capitalised, word.range.lowerBound - previous.range.upperBound == 1,
           s[previous.range.upperBound] == "." { return false }
        // "her old address in France", "after leaving Georgia": a country or
        // state that is also a given name is the country after a locative.
        if word.capitalised, Lexicon.regions.contains(word.lower), let previous, adjacent(index, maxGap: ","),
           ["in", "from", "to", "leaving", "left", "across", "visiting", "of", "via", "around"].contains(previous.lower)
            // "Decatur, Georgia": a state after its town.
            || word.gapBefore == "," && previous.capitalised && !Lexicon.isGivenName(previous.lower) { return false }
        let afterTitle = previous.map { Self.titles.contains($0.lower) && adjacent(index, maxGap: ".") } ?? false
        let afterRelation = previous.map { Self.relations.contains($0.lower) && adjacent(index, maxGap: ",") } ?? false
        if word.capitalised {
            if word.allCaps && word.text.count > 1 { return false }
            if word.text.count == 1 { return false }
            if isOrdinaryCapital(word) || Self.isGermanNoun(word.lower) { return false }
            // "Lic. Paredes": a title before a name is not itself one.
            if Self.titles.contains(word.lower), !isGiven(word), let next = self.word(index + 1), next.capitalised,
               next.range.lowerBound - word.range.upperBound <= 2 { return false }
            let english = isEnglish(word)
            if afterTitle, let previous, !Self.weakTitles.contains(previous.lower) || previous.capitalised { return true }
            if !word.sentenceStart {
                if !english { return true }
                // "In", "The", "But" capitalised mid-line start a title's or a
                // field's text; they are given names only in the Census lists.
                if Self.sentenceOpeners.contains(word.lower) { return afterRelation && !Self.relations.contains(word.lower) }
                // "Christmas Eve", "Easter Sunday": a name-like word after a
                // festival or another ordinary capital is part of it.
                if let previous, adjacent(index), previous.capitalised, Lexicon.capitalisedWords.contains(previous.lower),
                   !Self.titles.contains(previous.lower), !afterRelation { return false }
                if isGiven(word) { return true }
                return afterRelation || namesSomewhere(index)
            }
            if !english { return !word.heading || !isGiven(word) || true }
            return isGiven(word) && (cueFollows(index) || afterRelation) && !word.heading
        }
        // Lower case: a given name that is no English word, or any
        // non-word after a title or relation ("mrs o'neill", "my client sarah").
        if word.lower.count < 2 { return false }
        let english = isEnglish(word)
        // "ok", "pm", "gp" are given names somewhere in the world, but a
        // short word that people also write as a word is not one here.
        if !english && isGiven(word) && word.lower.count >= 3 && !Lexicon.capitalisedWords.contains(word.lower)
            && !Lexicon.isKin(word.lower) && !Self.foreignFunctionWords.contains(word.lower) { return true }
        if afterTitle || afterRelation, !english, let previous, !Self.weakTitles.contains(previous.lower) || previous.capitalised { return true }
        if afterTitle, let previous, ["mrs", "mr", "ms", "mx", "dr"].contains(previous.lower), isGiven(word) { return true }
        // "lives in ballyfermot", "the bus from dundalk": a word no
        // dictionary knows after a locative is a town written in haste.
        if !english, word.lower.count >= 4, !word.hasDigit, namesSomewhere(index) { return true }
        return false
    }

    /// German nouns by their endings ("Sitzung", "Überweisung",
    /// "Versichertenkarte", "Arbeitgeber"): German capitalises every noun, so
    /// notes that mix it in raised a name for each. Only endings no name
    /// has: "-ung" after a consonant and in seven letters or more (Leung,
    /// Cheung, Young and Jung are names), "-heit", "-keit", "-schaft".
    static func isGermanNoun(_ lower: String) -> Bool {
        let scalars = Array(lower.unicodeScalars)
        if lower.count >= 7, lower.hasSuffix("ung") || lower.hasSuffix("ungen") {
            let stem = scalars.dropLast(lower.hasSuffix("ungen") ? 5 : 3)
            if let before = stem.last, !"aeiouy".unicodeScalars.contains(before) { return true }
        }
        return lower.count >= 7 && ["heit", "keit", "schaft", "karte", "geber", "nahme"].contains { lower.hasSuffix($0) }
    }

    /// Words after which a capitalised ordinary word mid-sentence is a town
    /// or a named place ("lives in Reading", "drove from Bath", "near Hope").
    static let locatives: Set<String> = ["in", "at", "from", "near", "outside", "around", "towards", "visiting", "via"]

    /// Whether a capitalised dictionary word mid-sentence is used as a place
    /// name: it follows a locative ("in", "from", "at the", or "to" after a
    /// journey) in the same clause. Mid-sentence capitals on ordinary words
    /// are rare in prose except for names; the exceptions kept out are a
    /// word before a number ("in Week 3", "in Year 9", a look-alike), a
    /// possessive ("in Harbour's life", a pseudonym's), and a
    /// run of capitalised dictionary words, which is a department or a
    /// term ("in Human Resources"), not a town.
    private func namesSomewhere(_ index: Int) -> Bool {
        // "people in Harbour's life": a possessive is someone's.
        if words[index].possessive { return false }
        // "42 Kenton Lane, Harrow HA3 8RT": the town after an address.
        if index > 0, words[index].gapBefore == ",", adjacent(index, maxGap: ","),
           let ending = endingAt[words[index - 1].range.upperBound], ending == .address { return true }
        if let next = word(index + 1), adjacent(index + 1) {
            if next.hasDigit { return false }
            if next.capitalised, isEnglish(next) || isOrdinaryCapital(next) { return false }
        }
        var before = index - 1
        if let the = word(before), the.lower == "the", adjacent(index) { before -= 1 }
        guard before >= 0, let cue = word(before), adjacent(before + 1) else { return false }
        if Self.locatives.contains(cue.lower) { return before == index - 1 || cue.lower == "at" }
        guard cue.lower == "to", before > 0, adjacent(before) else { return false }
        // "from Wells to Bath": a second town after a first.
        if endingAt[words[before - 1].range.upperBound] == .place { return true }
        if before >= 2, words[before - 1].capitalised, words[before - 2].lower == "from", adjacent(before - 1) { return true }
        var verb = before - 1
        if words[verb].lower == "back", verb > 0, adjacent(verb) { verb -= 1 }
        return Self.journeys.contains(words[verb].lower)
    }

    /// Names, places and workplaces; names from the private list first.
    mutating func scanNames() {
        var isName = Array(repeating: false, count: words.count)
        var listed = Array(repeating: false, count: words.count)
        // The therapist's own list.
        if !names.isEmpty {
            var index = 0
            while index < words.count {
                if let length = names.match(words, at: index, adjacent: { self.adjacent($0) }) {
                    for position in index..<(index + length) { isName[position] = true; listed[position] = true }
                    index += length
                } else {
                    index += 1
                }
            }
        }
        for index in words.indices where !isName[index] { isName[index] = isNameWord(index) }
        // "Mayfield, Cork", "Reading, Berkshire": a town whose name is also a
        // word is a town in a list of places or before its county or state.
        for index in words.indices where !isName[index] {
            let word = words[index]
            guard word.capitalised, !word.allCaps, !word.sentenceStart, !isClaimed(word), !word.possessive,
                  !isGiven(word), !isOrdinaryCapital(word), Lexicon.isTown(word.lower) else { continue }
            let afterPlace = index > 0 && word.gapBefore == "," && adjacent(index, maxGap: ",")
                && (isName[index - 1] || [.place, .address, .postcode].contains(endingAt[words[index - 1].range.upperBound]))
            let beforeRegion = self.word(index + 1).map {
                $0.gapBefore == "," && adjacent(index + 1, maxGap: ",") && $0.capitalised && Lexicon.isRegion($0.lower)
            } ?? false
            if afterPlace || beforeRegion { isName[index] = true }
        }
        // "works for Northern Rail", "plays for Craven Juniors": a capitalised
        // run after a workplace cue is a workplace even when made of words.
        for index in words.indices where ["at", "for", "with"].contains(words[index].lower) {
            guard (max(0, index - 3)..<index).contains(where: { Self.workCues.contains(words[$0].lower) }) else { continue }
            var next = index + 1
            if let the = word(next), the.lower == "the", adjacent(next) { next += 1 }
            // Acronyms up to five letters ("at NUIG", "for KPMG"), unless a
            // service's own ("at CAMHS") or an abbreviation the guard knows.
            while next < words.count, adjacent(next), words[next].capitalised,
                  !words[next].allCaps || words[next].text.count <= 5 && !Self.abbreviations.contains(words[next].lower),
                  !isOrdinaryCapital(words[next]), !isClaimed(words[next]) {
                isName[next] = true
                next += 1
            }
        }
        // Merge runs: adjacent name words, particles between them, and
        // capitalised words next to a name ("Maria Green", "Siobhán Ní Bhriain").
        var index = 0
        while index < words.count {
            guard isName[index], !isClaimed(words[index]) else { index += 1; continue }
            var start = index
            var end = index
            while end + 1 < words.count, adjacent(end + 1),
                  !words[end].possessive || (words[end + 1].capitalised && Self.institutions.contains(words[end + 1].lower)) {
                let next = words[end + 1]
                if isClaimed(next) { break }
                if isName[end + 1] { end += 1; continue }
                if next.capitalised, !next.allCaps, next.hasLetter, !next.hasDigit, !isOrdinaryCapital(next), !Self.relations.contains(next.lower),
                   !Self.personCues.contains(next.lower), !(Self.streetSuffixes.contains(next.lower)) || true,
                   !["the", "and", "but", "or", "so", "a", "an", "i"].contains(next.lower) {
                    end += 1
                    continue
                }
                // "Pieter van der Merwe", "María de la Cruz": one or two
                // particles between two parts of a name.
                if Self.particles.contains(next.lower) {
                    var after = end + 2
                    if let second = word(after), Self.particles.contains(second.lower), adjacent(after) { after += 1 }
                    if after < words.count, isName[after] || words[after].capitalised, adjacent(after), !isClaimed(words[after]) {
                        end = after
                        continue
                    }
                }
                break
            }
            while start > 0, adjacent(start), !isClaimed(words[start - 1]) {
                let previous = words[start - 1]
                if Self.particles.contains(previous.lower) && previous.capitalised { start -= 1; continue }
                if previous.capitalised, !previous.allCaps, !previous.hasDigit, !isOrdinaryCapital(previous),
                   !previous.sentenceStart || !Self.sentenceOpeners.contains(previous.lower),
                   !Self.titles.contains(previous.lower), !previous.possessive {
                    start -= 1
                    continue
                }
                break
            }
            let town = isTown(start, end)
            let category = self.category(start: start, end: end, listed: listed[index], town: town)
            let last = words[end]
            // "the Leys", "the Mater": a place's article is part of its name,
            // and redacting it too leaves no hint of which one. A town's is
            // not: "the Decatur years", "the Bengaluru office".
            var first = words[start].range.lowerBound
            if category != .name, !town, let the = word(start - 1), the.lower == "the", adjacent(start), !isClaimed(the) {
                first = the.range.lowerBound
            }
            // A person's "'s" is grammar; a shop's ("Sainsbury's") is its name.
            claim(category, first..<(category == .workplace ? last.range.upperBound : last.baseEnd))
            index = end + 1
        }
        scanInitials()
    }

    static let institutions: Set<String> = [
        "primary", "school", "academy", "college", "university", "hospital", "infirmary", "surgery", "practice",
        "centre", "center", "clinic", "church", "station", "juniors", "fc", "hall", "trust", "library", "leisure",
        "gym", "ltd", "plc", "inc", "co", "royal", "court", "council", "prison", "rail", "logistics", "bank",
        "hallam", "services", "housing", "nursery", "mosque", "temple", "synagogue", "club", "cafe", "café",
    ]

    /// Words that end the name of a place of work or study ("Hillside
    /// Primary", "Leeds General Infirmary", "Bradford Family Court").
    static let institutionEnds: Set<String> = [
        "primary", "school", "academy", "college", "university", "hospital", "infirmary", "surgery", "practice",
        "centre", "center", "clinic", "church", "juniors", "fc", "trust", "library", "council", "prison",
        "nursery", "mosque", "temple", "synagogue", "court", "hospice", "chapel", "cathedral", "gurdwara",
        "hospitals", "pharmacy", "solicitors", "motors", "garage", "bakery", "dental", "opticians",
        "institution", "institute", "polytechnic", "kindergarten", "preschool", "madrasa", "madrassa", "polyclinic",
        "seminary",
    ]
    /// Ends that are also everyday capitalised words ("her Mental Health"):
    /// a workplace only after two capitalised words ("Lakeshore Behavioral Health").
    static let weakInstitutionEnds: Set<String> = [
        "health", "services", "group", "partnership", "foundation", "associates", "service", "project", "rooms",
        "collective", "network", "desk", "unit", "team",
        // "Abbey Meadows Care Home", "Yukon-Kuskokwim Health Corporation".
        "home", "corporation", "authority", "board", "agency", "company",
    ]

    /// Named institutions, before names: the capitalised words before an
    /// institution word belong to it even when they are ordinary words or
    /// the programme's own ("Hillside Primary", "General" in "Leeds
    /// General Infirmary"), and "St Mary's" is a place, possessive and all.
    /// Without this, the name scanner kept "Leeds" and left the rest.
    private mutating func scanInstitutions() {
        func ordinary(_ word: Word) -> Bool {
            Lexicon.capitalisedWords.contains(word.lower) || Self.months[word.lower] != nil || Self.weekdays.contains(word.lower)
        }
        func canLead(_ word: Word) -> Bool {
            // "BRAC University", "NUIG Hospital": an acronym of up to five
            // letters leads, unless it is a kind of service ("CAMHS").
            word.capitalised && word.hasLetter && !word.hasDigit
                && !(word.allCaps && (word.text.count > 5 || word.text.count > 3 && Self.abbreviations.contains(word.lower))) && !isClaimed(word)
                && !ordinary(word) && !Self.titles.contains(word.lower) && !Self.relations.contains(word.lower)
                && !(word.sentenceStart && Self.sentenceOpeners.contains(word.lower)) && !word.heading
        }
        var index = 0
        while index < words.count {
            defer { index += 1 }
            let current = words[index]
            guard !isClaimed(current), current.capitalised, !current.heading else { continue }
            let weak = Self.weakInstitutionEnds.contains(current.lower)
            if Self.institutionEnds.contains(current.lower) || weak {
                var start = index
                while start > 0, adjacent(start), canLead(words[start - 1]) {
                    start -= 1
                    if words[start].sentenceStart { break }
                }
                if weak && index - start < 2 { continue }
                var end = index
                // "University of Leeds", "Hospital of St Cross", "Singapore
                // University of Social Sciences"
                if let of = word(index + 1), of.lower == "of", adjacent(index + 1), let place = word(index + 2), adjacent(index + 2),
                   canLead(place), !Lexicon.isEnglish(place.lower) || start < index {
                    end = index + 2
                    while end - index < 4, let next = word(end + 1), adjacent(end + 1), canLead(next), !Lexicon.isEnglish(place.lower) || start < index { end += 1 }
                }
                // "Cork University Hospital", "Leeds Teaching Hospitals": a
                // second institution word after the first is the same place.
                while end == index || Self.institutionEnds.contains(words[end].lower) || Self.weakInstitutionEnds.contains(words[end].lower),
                      let after = word(end + 1), adjacent(end + 1), after.capitalised, !isClaimed(after) {
                    if Self.institutionEnds.contains(after.lower) || Self.weakInstitutionEnds.contains(after.lower) || after.lower == "teaching" {
                        end += 1
                        continue
                    }
                    // "BRAC University Counselling Unit", "Royal Infirmary
                    // Psychology Service": one word naming the department between.
                    if canLead(after), let last = word(end + 2), adjacent(end + 2), last.capitalised, !isClaimed(last),
                       Self.institutionEnds.contains(last.lower) || Self.weakInstitutionEnds.contains(last.lower) {
                        end += 2
                        continue
                    }
                    break
                }
                guard start < index || end > index else { continue }
                claim(.workplace, words[start].range.lowerBound..<words[end].range.upperBound)
                index = end
                continue
            }
        }
        // "the Amazon warehouse", "the Apple store": a capitalised name before
        // a kind of premises; "Pike & Sons Plumbing", "Marks & Spencer": a
        // firm's name joined by "&". The programme's own vocabulary (its
        // authors, "Safran & Muran") never leads either.
        func firmWord(_ word: Word) -> Bool {
            canLead(word) && !Lexicon.programmeVocabulary.contains(word.lower)
        }
        for index in words.indices {
            let current = words[index]
            guard !isClaimed(current), let next = word(index + 1), !isClaimed(next) else { continue }
            // "NHS Borders", "NHS Greater Glasgow", "HSE West": a health board
            // or region of a national service, not the service itself.
            if ["NHS", "HSE"].contains(current.text), adjacent(index + 1), next.capitalised, !next.allCaps,
               !Lexicon.isRegion(next.lower), !Self.nationalServiceWords.contains(next.lower) {
                var end = index + 1
                while end - index < 3, let after = word(end + 1), adjacent(end + 1), after.capitalised, !after.allCaps,
                      !isClaimed(after), !Self.nationalServiceWords.contains(after.lower) { end += 1 }
                claim(.workplace, current.range.lowerBound..<words[end].range.upperBound)
                continue
            }
            if adjacent(index + 1), !next.capitalised, Self.premises.contains(next.lower), firmWord(current), !current.sentenceStart {
                claim(.workplace, current.range)
            } else if next.gapBefore == "&", next.range.lowerBound - current.range.upperBound <= 3, next.capitalised, firmWord(current),
                      current.text.count > 1 || next.text.count > 1, firmWord(next) || Lexicon.isEnglish(next.lower) && canLead(next) {
                var end = index + 1
                while let after = word(end + 1), adjacent(end + 1), after.capitalised, canLead(after) { end += 1 }
                claim(.workplace, current.range.lowerBound..<words[end].range.upperBound)
            }
        }
        // "Ohio State", "Penn State": a state's name and "State" alone is
        // its university (a state itself names no one, see Lexicon.regions).
        for index in words.indices.dropLast() where words[index].capitalised && !isClaimed(words[index]) {
            guard Lexicon.regions.contains(words[index].lower) || words[index].lower == "penn", let state = word(index + 1), adjacent(index + 1),
                  state.text == "State", !isClaimed(state), !(word(index + 2).map { $0.capitalised && adjacent(index + 2) } ?? false) else { continue }
            claim(.workplace, words[index].range.lowerBound..<state.range.upperBound)
        }
        // "St Mary's", "St. Anne's", "Saint Jude's", after the pass above
        // has taken "St Aidan's Primary" whole.
        for (index, current) in words.enumerated() where ["st", "saint"].contains(current.lower) && current.capitalised && !isClaimed(current) {
            if let saint = word(index + 1), adjacent(index + 1, maxGap: "."), saint.capitalised, saint.possessive, !isClaimed(saint) {
                claim(.workplace, current.range.lowerBound..<saint.range.upperBound)
            }
        }
    }

    /// Australian states and US states whose postcodes are bare numbers.
    static let postalRegions: Set<String> = [
        "VIC", "NSW", "QLD", "TAS", "ACT", "NT", "SA", "WA",
        "AL", "AK", "AZ", "AR", "CA", "CO", "CT", "DE", "FL", "GA", "ID", "IL", "IA", "KS", "KY", "LA",
        "MD", "MA", "MI", "MN", "MS", "MO", "MT", "NE", "NV", "NH", "NJ", "NM", "NY", "NC", "ND", "OH", "PA",
        "RI", "SC", "SD", "TN", "TX", "UT", "VT", "VA", "WV", "WI", "WY", "DC",
    ]

    /// Bare-number postcodes, which only their neighbours give away:
    /// "Footscray VIC 3011", "Oakland, CA 94607", "from Parramatta 2150".
    /// Four digits after an Australian state or a town just found, five
    /// after a US state. (A bare number elsewhere is a count or a year.)
    private mutating func scanRegionalPostcodes() {
        // "…, Dublin 2.", "…, Mirpur 10, Dhaka": a city's postal district
        // after the town in an address.
        for (index, number) in words.enumerated() where number.isNumber && !isClaimed(number) && number.text.count <= 2 && index > 0 {
            let town = words[index - 1]
            guard adjacent(index), endingAt[town.range.upperBound] == .place, town.gapBefore == ",",
                  word(index + 1).map({ $0.gapBefore.hasPrefix(",") || $0.gapBefore.hasPrefix(".") || !adjacent(index + 1) }) ?? true,
                  let value = number.numberValue, (1...24).contains(value) else { continue }
            claim(.place, number.range)
        }
        for (index, number) in words.enumerated() where number.isNumber && !isClaimed(number) && index > 0 {
            guard adjacent(index), number.text.count == 4 || number.text.count == 5,
                  number.range.upperBound >= s.count || !(s[number.range.upperBound] == "/" || s[number.range.upperBound] == ":") else { continue }
            let previous = words[index - 1]
            // "footscray vic 3011": Australian states typed in lower case too.
            let australian = ["VIC", "NSW", "QLD", "TAS", "ACT", "NT", "SA", "WA"].contains(previous.text.uppercased())
            let afterRegion = (Self.postalRegions.contains(previous.text) || australian && number.text.count == 4)
                && (number.text.count == 5) != australian
            // After a town, 1900–2099 is a year ("in Leeds 2026 was hard").
            let afterTown = number.text.count == 4 && endingAt[previous.range.upperBound] == .place
                && !(1900...2099).contains(number.numberValue ?? 0)
            if afterRegion || afterTown { claim(.postcode, number.range) }
        }
        // "19 Kiewiet Crescent, Rocklands, 7798", "House 55-A, …, Lahore
        // 54810": four to six digits after a town that itself follows a
        // street address are that address's postcode, in any country.
        for (index, number) in words.enumerated() where number.isNumber && !isClaimed(number) && (4...6).contains(number.text.count) && index > 0 {
            guard adjacent(index, maxGap: ","), endingAt[words[index - 1].range.upperBound] == .place,
                  !(number.text.count == 4 && (1900...2099).contains(number.numberValue ?? 0)) else { continue }
            var back = index - 1
            while back > 0, index - back < 6, isClaimed(words[back]), adjacent(back, maxGap: ","),
                  endingAt[words[back - 1].range.upperBound] != .address { back -= 1 }
            if back > 0, adjacent(back, maxGap: ","), endingAt[words[back - 1].range.upperBound] == .address { claim(.postcode, number.range) }
        }
        // "Via Garibaldi 8, 40124 Bologna", "Kerkstraat 61, 1017 GC
        // Amsterdam": across most of Europe the code comes before the town.
        for (index, number) in words.enumerated() where number.isNumber && !isClaimed(number) && (4...5).contains(number.text.count) && index > 0 {
            guard number.gapBefore == ",", adjacent(index, maxGap: ","), endingAt[words[index - 1].range.upperBound] == .address else { continue }
            var end = index
            if let letters = word(index + 1), adjacent(index + 1), letters.allCaps, letters.text.count == 2, !letters.hasDigit,
               !isClaimed(letters) { end = index + 1 }
            guard let town = word(end + 1), adjacent(end + 1), town.capitalised, !town.hasDigit else { continue }
            claim(.postcode, number.range.lowerBound..<words[end].range.upperBound)
            if !isClaimed(town) {
                var last = end + 1
                while let next = word(last + 1), adjacent(last + 1), next.capitalised, !next.hasDigit, !isClaimed(next), last - end < 3 { last += 1 }
                claim(.place, town.range.lowerBound..<words[last].range.upperBound)
            }
        }
        // "월드컵북로 54, 3층, 03992,": five digits between commas after an
        // address are its postcode where no town follows.
        for (index, number) in words.enumerated() where number.isNumber && !isClaimed(number) && number.text.count == 5 && index > 0 {
            guard number.gapBefore == ",", adjacent(index, maxGap: ","), endingAt[words[index - 1].range.upperBound] == .address,
                  word(index + 1).map({ !adjacent(index + 1) || $0.gapBefore.hasPrefix(",") || $0.gapBefore.hasPrefix(".") }) ?? true
            else { continue }
            claim(.postcode, number.range)
        }
        for word in words where !isClaimed(word) && Self.isCEP(word.text) { claim(.postcode, word.range) }
        // "the 69003 code", "ZIP 60614", "PIN: 560034": a bare number the
        // words beside it call a postcode, in any country's format.
        for (index, number) in words.enumerated() where number.isNumber && !isClaimed(number) && (4...6).contains(number.text.count) {
            let named = (max(0, index - 2)..<index).contains { Self.postcodeWords.contains(words[$0].lower) && adjacent($0 + 1, maxGap: ":") }
                || word(index + 1).map { ["code", "postcode", "zip", "pincode"].contains($0.lower) && adjacent(index + 1) } ?? false
            if named { claim(.postcode, number.range) }
        }
    }

    static let phoneCues: Set<String> = ["mobile", "phone", "cell", "tel", "call", "text", "ring", "whatsapp", "landline", "number", "hp"]

    /// "Her mobile, 6123 8846": eight digits in two fours (Singapore, Hong
    /// Kong) or seven in three and four, which the number scanner leaves
    /// because counts and prices look the same; a phone word just before
    /// says what they are.
    private mutating func scanShortPhones() {
        for index in words.indices where Self.phoneCues.contains(words[index].lower) {
            var next = index + 1
            while let filler = word(next), next - index <= 3, !filler.hasDigit, ["is", "was", "number", "no", "on", "her", "his", "their", "new", "me", "them"].contains(filler.lower) { next += 1 }
            guard let first = word(next), first.isNumber, (3...4).contains(first.text.count), !isClaimed(first),
                  let second = word(next + 1), second.isNumber, second.text.count == 4, !isClaimed(second),
                  second.range.lowerBound - first.range.upperBound == 1, s[first.range.upperBound] == " " || s[first.range.upperBound] == "-",
                  word(next + 2).map({ !$0.isNumber || $0.range.lowerBound - second.range.upperBound > 1 }) ?? true else { continue }
            claim(.phone, first.range.lowerBound..<second.range.upperBound)
        }
    }

    /// "90570-020": a Brazilian CEP, five digits, a hyphen, three.
    static func isCEP(_ text: String) -> Bool {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        return parts.count == 2 && parts[0].count == 5 && parts[1].count == 3 && text.allSatisfy { $0.isASCIIDigitCharacter || $0 == "-" }
    }

    static let postcodeWords: Set<String> = ["postcode", "zip", "zipcode", "pin", "pincode", "eircode", "postal", "cp", "plz"]

    /// Words near which a short run of capitals and digits is a number plate.
    static let vehicleCues: Set<String> = [
        "plate", "plates", "reg", "registration", "rego", "car", "cars", "van", "truck", "ute", "taxi", "cab", "vehicle",
        "licence", "license", "tags", "drives", "drove", "parked", "motorbike", "scooter", "suv", "hatchback",
    ]

    /// Number plates of any country, by their shape beside a vehicle word:
    /// one to three runs of capitals and digits ("CA 442-118", "LSD 482 KJ",
    /// "JKX 5512"), nine characters at most, letters and digits both, within
    /// eight words after "plate", "car", "reg", "drives"... A bare shape
    /// without such a word stays unflagged: "ISO 9001" or "CBT 2025" are not
    /// cars. UK plates and VINs are caught by shape alone (`scanCodes`).
    private mutating func scanPlates() {
        func plateWord(_ word: Word) -> Bool {
            !isClaimed(word) && word.text.allSatisfy { ($0.isASCII && $0.isUppercase) || $0.isASCIIDigitCharacter || $0 == "-" }
                && word.text.first != "-" && word.text.count <= 8
        }
        var index = 0
        while index < words.count {
            defer { index += 1 }
            guard plateWord(words[index]), (max(0, index - 8)..<index).contains(where: { Self.vehicleCues.contains(words[$0].lower) }) else { continue }
            var end = index
            while end - index < 2, let next = word(end + 1), plateWord(next), next.range.lowerBound - words[end].range.upperBound == 1 { end += 1 }
            let text = words[index...end].map(\.text).joined()
            let letters = text.filter(\.isLetter).count
            let digits = text.filter(\.isNumber).count
            guard end > index || words[index].text.contains("-"), letters >= 1, digits >= 2, letters + digits <= 9, letters + digits >= 5 else { continue }
            claim(.vehicle, words[index].range.lowerBound..<words[end].range.upperBound)
            index = end
        }
    }

    /// Last words of a district's or town's name made of ordinary words.
    static let placeEnds: Set<String> = [
        "city", "town", "nagar", "village", "heights", "hills", "bay", "beach", "springs", "falls", "harbour",
        "harbor", "junction", "valley", "creek",
    ]

    /// "in Electronic City", "from Mission Bay": after a locative, one or
    /// two capitalised ordinary words ending in a word for a place are a
    /// place, though the name scanner rightly leaves ordinary words alone.
    private mutating func scanNamedDistricts() {
        for index in words.indices where ["in", "from", "near"].contains(words[index].lower) {
            var end = index + 1
            while end - index <= 3, let next = word(end), adjacent(end), next.capitalised, !next.hasDigit, !isClaimed(next),
                  !Self.placeEnds.contains(next.lower) { end += 1 }
            guard end > index + 1, end - index <= 3, let last = word(end), adjacent(end), last.capitalised, !isClaimed(last),
                  Self.placeEnds.contains(last.lower), !words[index + 1].sentenceStart else { continue }
            claim(.place, words[index + 1].range.lowerBound..<last.range.upperBound)
        }
    }

    /// ", New Cross" after "27 Shardeloes Road": the capitalised words after
    /// an address are its district or town, even when each is an ordinary
    /// word ("New", "Cross") that the name scanner rightly leaves alone.
    private mutating func scanDistrictsAfterAddresses() {
        for index in words.indices where index > 0 && words[index].gapBefore == "," && adjacent(index, maxGap: ",") {
            guard endingAt[words[index - 1].range.upperBound] == .address, words[index].capitalised, !isClaimed(words[index]) else { continue }
            var end = index
            while end - index < 3, let next = word(end + 1), adjacent(end + 1), !next.hasDigit, !isClaimed(next),
                  next.capitalised || Self.connectors.contains(next.lower) && (word(end + 2).map { $0.capitalised && adjacent(end + 2) } ?? false) { end += 1 }
            guard (index...end).allSatisfy({ !words[$0].hasDigit && !words[$0].allCaps }) else { continue }
            claim(.place, words[index].range.lowerBound..<words[end].range.upperBound)
        }
    }

    /// Occupations specific enough that, with an age, they narrow a town's
    /// people to a handful ("a 34-year-old firefighter").
    static let occupations: Set<String> = [
        "nurse", "teacher", "firefighter", "fireman", "paramedic", "plumber", "electrician", "barista", "solicitor",
        "lawyer", "barrister", "doctor", "gp", "midwife", "vet", "pharmacist", "accountant", "engineer", "builder",
        "carpenter", "joiner", "mechanic", "chef", "cook", "cleaner", "carer", "driver", "pilot", "soldier",
        "officer", "policeman", "policewoman", "priest", "vicar", "imam", "rabbi", "footballer", "dentist",
        "surgeon", "professor", "lecturer", "farmer", "fisherman", "postman", "postwoman", "hairdresser", "barber",
        "journalist", "architect", "tradie", "labourer", "laborer", "bricklayer", "welder", "cashier", "waitress",
        "waiter", "bartender", "receptionist", "musician", "actor", "actress", "photographer", "councillor",
        "judge", "magistrate", "lifeguard", "coach", "nanny", "childminder", "optician", "physio",
        "physiotherapist", "banker", "butcher", "baker", "florist", "tailor", "jeweller", "jeweler", "roofer",
        "plasterer", "decorator", "gardener", "landscaper", "scaffolder", "courier", "trucker", "chaplain",
        "headteacher", "headmaster", "headmistress", "principal", "sergeant", "constable", "detective",
        "radiographer", "sonographer", "dietitian", "psychiatrist", "psychologist", "minister",
    ]

    /// Indirect identifiers, reported as their own category:
    /// - an age under 90 within a few words of an occupation, in one clause
    ///   ("a 34-year-old firefighter", "34, a firefighter", "a plumber aged
    ///   44"): one finding over both, which `--redact` replaces;
    /// - a workplace or school and a town in one sentence ("the Tesco in
    ///   Filey"): both are findings already and are redacted as such; the
    ///   indirect finding over the pair says why the combination matters.
    private mutating func scanIndirect() {
        func sameClause(_ from: Int, _ to: Int) -> Bool {
            guard from < to else { return true }
            return ((from + 1)...to).allSatisfy { !words[$0].gapBefore.contains(where: { ".!?;:".contains($0) }) && !gapHasBlankLine(before: $0) }
        }
        for (index, current) in words.enumerated() where !isClaimed(current) {
            // The age: "34-year-old", "aged 34", "34 years old", "34," after a noun.
            var age: Int?
            for suffix in ["-year-old", "-years-old", "-yr-old"] where current.lower.hasSuffix(suffix) {
                age = Int(current.lower.dropLast(suffix.count))
            }
            if age == nil, let value = current.numberValue, current.text.count <= 2 {
                let before = word(index - 1)?.lower
                let after = word(index + 1)
                if before == "aged" || before == "age" { age = value }
                if after?.lower == "years" || after?.lower == "yrs" { age = value }
                if current.gapBefore == "," || current.gapBefore == "(" || s[current.range.upperBound...].first == "," { age = age ?? value }
            }
            guard let value = age, (16...89).contains(value) else { continue }
            let window = max(0, index - 4)...min(words.count - 1, index + 5)
            guard let job = window.first(where: { Self.occupations.contains(words[$0].lower) && !isClaimed(words[$0]) }),
                  sameClause(min(index, job), max(index, job)) else { continue }
            var start = min(index, job)
            if start == index, let aged = word(index - 1), ["aged", "age"].contains(aged.lower) { start -= 1 }
            claim(.indirect, words[start].range.lowerBound..<words[max(index, job)].range.upperBound)
        }
        // A workplace and a town in one sentence.
        let sorted = found.filter { $0.category == .workplace || $0.category == .place }.sorted { $0.range.lowerBound < $1.range.lowerBound }
        for (first, second) in zip(sorted, sorted.dropFirst()) where first.category != second.category {
            guard let from = words.firstIndex(where: { $0.range.contains(first.range.lowerBound) }),
                  let to = words.lastIndex(where: { $0.range.contains(second.range.upperBound - 1) }),
                  to - from <= 8, sameClause(from, to) else { continue }
            found.append(Candidate(category: .indirect, range: first.range.lowerBound..<second.range.upperBound))
        }
    }

    /// Kinds of premises after a firm's name ("the Amazon warehouse").
    static let premises: Set<String> = [
        "warehouse", "store", "shop", "factory", "depot", "branch", "plant", "outlet", "supermarket", "superstore",
        "restaurant", "mill", "showroom", "garage", "distribution", "checkout", "tills",
    ]

    /// Verbs of travel or moving house: "to" after them names a place.
    static let journeys: Set<String> = [
        "moved", "move", "moving", "moves", "went", "go", "goes", "going", "drove", "drive", "driving", "flew",
        "fly", "flying", "travelled", "traveled", "travelling", "traveling", "relocated", "relocating", "trip",
        "holiday", "visit", "emigrated", "returned", "return", "returning", "came", "commutes", "commute",
        "commuting", "transferred", "headed", "heading", "ran", "ride", "train", "bus",
    ]

    /// Whether words `start...end` spell a town's name ("Inverness", "Alice
    /// Springs") and nothing beside them says a person is meant: no title or
    /// relation before ("Dr Preston", "her cousin Kendal"), no "said" after,
    /// and a one-word town is no given name ("Florence", "Jackson").
    private func isTown(_ start: Int, _ end: Int) -> Bool {
        guard end - start < 4 else { return false }
        // "“Bex”, her best friend": a quoted word is what someone is called.
        if words[start].gapBefore.contains(where: { "\"“‘'".contains($0) }) { return false }
        if start == end, isGiven(words[start]) { return false }
        if let previous = word(start - 1), adjacent(start, maxGap: "."),
           Self.titles.contains(previous.lower) || Self.relations.contains(previous.lower) { return false }
        if cueFollows(end), !words[end].possessive { return false }
        return Lexicon.isTown((start...end).map { words[$0].lower }.joined(separator: " "))
    }

    /// `town`: whether the run spells a town's name (`isTown`).
    private func category(start: Int, end: Int, listed: Bool, town: Bool) -> IdentifierCategory {
        if listed { return .name }
        // Without a cue, a name that is a town's is the town.
        let unmarked: IdentifierCategory = town ? .place : .name
        if (start...end).contains(where: { Self.institutions.contains(words[$0].lower) && $0 > start }) { return .workplace }
        // ", Filey" after an address or postcode is the town.
        if start > 0, let previous = endingAt[words[start - 1].range.upperBound] {
            if words[start].gapBefore == ",", [.address, .postcode, .place].contains(previous) { return .place }
            if previous == .postcode { return .place }
        }
        var before = start - 1
        if let the = word(before), the.lower == "the", adjacent(start) { before -= 1 }
        // The preposition must be in the same clause: "waited outside.
        // Grace told me" is about a person, not a place.
        guard let preposition = word(before), adjacent(before + 1) else { return unmarked }
        let firstWord = words[start]
        // "works at Sainsbury's": after a work cue, a possessive is a shop's name.
        if ["at", "for", "with"].contains(preposition.lower),
           (max(0, before - 3)..<before).contains(where: { Self.workCues.contains(words[$0].lower) }),
           !(isGiven(firstWord) && !isEnglish(firstWord) && !firstWord.possessive) { return .workplace }
        if isGiven(firstWord) && !isEnglish(firstWord) && !town || firstWord.possessive { return .name }
        if ["at", "for", "by", "with"].contains(preposition.lower) {
            for back in max(0, before - 3)..<before where Self.workCues.contains(words[back].lower) { return .workplace }
            if preposition.lower == "for" || preposition.lower == "by" { return .name }
        }
        if Self.placePrepositions.contains(preposition.lower) { return .place }
        // "seen on the Leys", "a house on the Wirral": an estate or an area.
        if preposition.lower == "on", before == start - 2 { return .place }
        // "moved to Filey", "drove back to Dundalk": "to" after a journey.
        if preposition.lower == "to", before > 0, adjacent(before) {
            if endingAt[words[before - 1].range.upperBound] == .place { return .place }
            var verb = before - 1
            if words[verb].lower == "back", verb > 0, adjacent(verb) { verb -= 1 }
            if Self.journeys.contains(words[verb].lower) { return .place }
        }
        return unmarked
    }

    /// Capital pairs that are abbreviations, not someone's initials.
    static let abbreviations: Set<String> = [
        "ok", "uk", "us", "eu", "ai", "hr", "it", "id", "ip", "mp", "dj", "tv", "pc", "ae", "ed", "er", "icu",
        "ct", "mri", "ecg", "bp", "gp", "nhs", "cbt", "dbt", "act", "eft", "cat", "ipt", "mbt", "emdr", "ptsd",
        "adhd", "ocd", "asd", "bpd", "phq", "gad", "ors", "srs", "rrs", "cv", "pa", "ta", "md", "rn", "np", "pt",
        "ot", "slt", "cpn", "amhp", "ceo", "hq", "am", "pm", "bst", "gmt", "fyi", "asap", "dm", "pdf", "sms",
        "lol", "omg", "uni", "a&e", "po", "ps", "cc", "vip", "diy", "nb", "aka", "rip", "usa", "nyc", "la",
        // Kinds of service, not a particular one: "referred to CAMHS".
        "camhs", "cmht", "iapt", "crht", "ndis", "wic", "ems", "ssdi", "ssi",
    ]

    /// `JP`, `MK`: capital pairs that stand for a person, known by their
    /// company: after a relation ("client MK", "my friend JP") or listed
    /// beside initials already found ("K.O., JP and S.M.").
    private mutating func scanCapitalInitials() {
        for (index, current) in words.enumerated() where !isClaimed(current) {
            guard current.allCaps, !current.hasDigit, (2...3).contains(current.text.count),
                  !Self.abbreviations.contains(current.lower), !Lexicon.isEnglish(current.lower) else { continue }
            let previous = word(index - 1)
            let afterRelation = previous.map { (Self.relations.contains($0.lower) || ["mr", "mrs", "ms", "mx", "dr", "miss"].contains($0.lower)) && adjacent(index, maxGap: ".") } ?? false
            func initialsAt(_ other: Int) -> Bool {
                guard let word = word(other) else { return false }
                return endingAt[word.range.upperBound] == .initials || endingAt[word.range.upperBound + 1] == .initials
            }
            let listed = (previous.map { ["and", "or"].contains($0.lower) } ?? false ? initialsAt(index - 2) : initialsAt(index - 1) && current.gapBefore.contains(","))
                || (word(index + 1).map { $0.gapBefore.contains(",") || ["and", "or"].contains($0.lower) } ?? false && (initialsAt(index + 1) || initialsAt(index + 2)))
            // "MK said", "JT told me": two capitals doing what people do.
            // Three-letter runs stay out: they are mostly services ("the CMH
            // said"), and two-letter ones that are abbreviations are listed.
            let acts = current.text.count == 2 && !current.heading
                && (word(index + 1).map { Self.personCues.contains($0.lower) && adjacent(index + 1) && !["is", "was", "has", "had", "and", "will", "would"].contains($0.lower) } ?? false)
            // "AB (client) cancelled": a role in brackets right after; "JW
            // (17) brought his mum": an age.
            let introducedAfter = current.text.count == 2 && word(index + 1).map {
                $0.gapBefore == "(" && (Self.relations.contains($0.lower) || $0.isNumber && $0.text.count <= 2)
            } ?? false
            // "- AO: withdrawn again": a tracker's line that starts with the
            // person it is about.
            let headsLine = current.text.count == 2 && startsLine(current)
                && current.range.upperBound < s.count && s[current.range.upperBound] == ":"
            // "KL and PB both late": two pairs joined, neither a known abbreviation.
            let paired = current.text.count == 2 && [index - 2, index + 2].contains { other in
                guard let partner = word(other), let and = word((index + other) / 2), ["and", "&"].contains(and.lower),
                      partner.allCaps, partner.text.count == 2, !partner.hasDigit,
                      !Self.abbreviations.contains(partner.lower), !Lexicon.isEnglish(partner.lower) else { return false }
                return adjacent(max(index, other)) && adjacent(min(index, other) + 1)
            }
            if afterRelation || listed || acts || introducedAfter || headsLine || paired { claim(.initials, current.range) }
        }
        // "Saw JK today; JK was quiet": once two or three capitals have been
        // found as someone's initials, the same capitals elsewhere are them too.
        let known = Set(found.filter { $0.category == .initials && $0.range.count <= 3 }.map { String(String.UnicodeScalarView(s[$0.range])) })
        for current in words where known.contains(current.text) && current.allCaps && current.text.count >= 2 && !isClaimed(current) {
            claim(.initials, current.range)
        }
    }

    /// Whether `word` is the first on its line, after any list marker.
    private func startsLine(_ word: Word) -> Bool {
        var position = word.range.lowerBound - 1
        while position >= 0, " \t-*+•>".unicodeScalars.contains(s[position]) { position -= 1 }
        return position < 0 || s[position] == "\n"
    }

    /// `O'D`, `McK`, `NíF`, `MacD`: a surname's initials written with its
    /// prefix, capital first and last, lower case or an apostrophe between.
    static func isApostropheInitial(_ text: String) -> Bool {
        let c = Array(text)
        guard (3...4).contains(c.count), c[0].isUppercase, c[c.count - 1].isUppercase else { return false }
        return c.dropFirst().dropLast().allSatisfy { $0 == "'" || $0 == "’" || $0.isLowercase }
    }

    /// Outcome measures whose name and score look like a reference.
    static let measures: Set<String> = [
        "core", "phq", "gad", "ors", "srs", "bdi", "bai", "pcl", "dass", "k", "epds", "audit", "wai", "wsas", "honos",
        "scared", "rcads", "sdq", "ybocs", "oci", "pss", "isi", "ces", "hads", "mdq", "asrs", "ace", "aces",
    ]

    /// `J.S.`, `client M.`, `Mr B`; then, once "client J." has been
    /// seen, every later "J." stands for the same person.
    private mutating func scanInitials() {
        var known: Set<String> = []
        defer {
            for current in words where known.contains(current.text) && !isClaimed(current) {
                let end = current.range.upperBound
                if end < s.count, s[end] == "." { claim(.initials, current.range.lowerBound..<(end + 1)) }
            }
        }
        for (index, current) in words.enumerated() where !isClaimed(current) && current.text.count == 1 && current.capitalised {
            let end = current.range.upperBound
            let dotted = end < s.count && s[end] == "."
            if dotted, let next = word(index + 1), next.text.count == 1 || Self.isApostropheInitial(next.text), next.capitalised, next.range.lowerBound <= end + 2 {
                var stop = next.range.upperBound
                if stop < s.count, s[stop] == "." { stop += 1 }
                // "S.M.-R.": a double-barrelled surname's second initial.
                var last = index + 1
                while let more = word(last + 1), more.text.count == 1 || Self.isApostropheInitial(more.text), more.capitalised,
                      more.range.lowerBound <= stop + 1, s[stop - 1] == ".", !isClaimed(more) {
                    stop = more.range.upperBound
                    if stop < s.count, s[stop] == "." { stop += 1 }
                    last += 1
                }
                claim(.initials, current.range.lowerBound..<stop)
                continue
            }
            if let previous = word(index - 1), adjacent(index, maxGap: "."),
               ["client", "patient", "mr", "mrs", "ms", "mx", "miss", "dr"].contains(previous.lower), current.text != "I" || previous.lower != "client" {
                if let next = word(index + 1), next.capitalised == false, next.lower.first?.isLetter == true, !dotted, previous.lower == "client" || previous.lower == "patient", current.text == "A" { continue }
                claim(.initials, (["mr", "mrs", "ms", "mx", "miss", "dr"].contains(previous.lower) ? previous.range.lowerBound : previous.range.lowerBound)..<(dotted ? end + 1 : end))
                if dotted, current.text != "I", current.text != "A" { known.insert(current.text) }
                continue
            }
            guard current.text != "I", current.text != "A", !current.heading else { continue }
            // "her son J. was there", "my flatmate K": a relative's initial.
            if let previous = word(index - 1), adjacent(index, maxGap: ","), Self.relations.contains(previous.lower),
               !["called", "named", "dog", "cat", "puppy", "baby", "ex"].contains(previous.lower),
               word(index + 1).map({ !$0.capitalised || !adjacent(index + 1) || Self.personCues.contains($0.lower) }) ?? true {
                claim(.initials, current.range.lowerBound..<(dotted ? end + 1 : end))
                if dotted { known.insert(current.text) }
                continue
            }
            // "J. said", "K texted at midnight": an initial doing what people do.
            if let next = word(index + 1), Self.personCues.contains(next.lower), next.range.lowerBound - end <= (dotted ? 2 : 1),
               !["is", "was", "has", "had", "and", "will", "would", "did", "does", "can't", "won't"].contains(next.lower) {
                claim(.initials, current.range.lowerBound..<(dotted ? end + 1 : end))
                if dotted { known.insert(current.text) }
            }
        }
    }
}
