import Privacy
import Testing

/// The guard reads what a reader sees: disguised spellings of an
/// identifier are the identifier, reported and redacted at the source text.
@Suite("Scanning what a reader sees")
struct NormalizedScanningTests {
    func found(_ text: String, names: [String] = []) -> [String] {
        PrivacyScanner(rules: PrivacyRules(names: names)).scan(text, path: "j.md").map { "\($0.category.rawValue): \($0.text)" }
    }

    @Test("a listed name is caught however it is typed", arguments: [
        ("I saw S\u{200B}arah today", "name: S\u{200B}arah"),
        ("I saw Sa\u{00AD}rah today", "name: Sa\u{00AD}rah"),
        ("I saw **Sa**rah today", "name: Sa**rah"),
        ("I saw Sa<!-- -->rah today", "name: Sa<!-- -->rah"),
        ("I saw Sa&#114;ah today", "name: Sa&#114;ah"),
        ("I saw S\u{0430}rah today", "name: S\u{0430}rah"),
        ("I saw ＳＡＲＡＨ today", "name: ＳＡＲＡＨ"),
    ])
    func disguisedName(text: String, expected: String) {
        #expect(found(text, names: ["Sarah"]) == [expected])
    }

    @Test("a listed two-word name wrapped across a line or joined by a no-break space is one finding")
    func wrapped() {
        #expect(found("then Maria\nLopez said", names: ["Maria Lopez"]) == ["name: Maria\nLopez"])
        #expect(found("then maria\u{00A0}lopez said", names: ["Maria Lopez"]) == ["name: maria\u{00A0}lopez"])
    }

    @Test("a decomposed accent is the composed name, and accents do not matter")
    func accents() {
        #expect(found("then Re\u{0301}mi left", names: ["Rémi"]) == ["name: Re\u{0301}mi"])
        #expect(found("then remi left", names: ["Rémi"]) == ["name: remi"])
    }

    @Test("numbers, e-mails and dates typed in disguise", arguments: [
        ("call ０７７００ ９００１２３ now", "phone: ０７７００ ９００１２３"),
        ("write to ml&#64;example.org", "email: ml&#64;example.org"),
        ("write to ml&commat;example.org", "email: ml&commat;example.org"),
        ("on 12&#32;March 2026", "date: 12&#32;March 2026"),
        ("see https&#58;//example.org/x", "url: https&#58;//example.org/x"),
    ])
    func disguisedNumbers(text: String, expected: String) {
        #expect(found(text) == [expected])
    }

    @Test("list entries that are ordinary words match only as names", arguments: [
        ("I will hope to bill them less", [String]()),
        ("Will you come? Hope so.", []),
        ("Will said no. I told Hope.", ["name: Will", "name: Hope"]),
        ("Bill's mother rang", ["name: Bill"]),
    ])
    func ordinaryWords(text: String, expected: [String]) {
        #expect(found(text, names: ["Will", "Hope", "Bill"]) == expected)
    }

    @Test("a hyphenated or apostrophe name is redacted whole, possessive kept")
    func wholeNames() {
        let scanner = PrivacyScanner(rules: PrivacyRules(names: ["Rashid"]))
        #expect(scanner.redact("Then Mohammed Al-Rashid said").text == "Then [name] said")
        #expect(scanner.redact("and Al-Rashid said").text == "and [name] said")
        #expect(PrivacyScanner().redact("and mrs o'neill's daughter").text == "and mrs [name]'s daughter")
    }

    @Test("names without a list: single, accented, non-Latin, after a relation", arguments: [
        ("Grace told me she had not slept.", "name: Grace"),
        ("Her partner Łukasz waited outside.", "name: Łukasz"),
        ("A referral came in for 李明 today.", "name: 李明"),
        ("The interpreter said Арина would come.", "name: Арина"),
        ("my client sarah was late", "name: sarah"),
        ("Siobhán Ní Bhriain asked about it.", "name: Siobhán Ní Bhriain"),
    ])
    func names(text: String, expected: String) {
        #expect(found(text) == [expected])
    }

    @Test("the kinds the old guard mislabelled or missed", arguments: [
        ("her member ID, XGH884201337, again", "id-number: XGH884201337"),
        ("NHS number 943 476 5919 on it", "nhs-number: 943 476 5919"),
        ("passport number 533380006 was", "passport: 533380006"),
        ("IMEI 354710497465076 in the letter", "imei: 354710497465076"),
        ("the plate KX68 LMN outside", "vehicle: KX68 LMN"),
        ("follows @tashdraws_x online", "handle: @tashdraws_x"),
        ("see linkedin.com/in/someone-else now", "url: linkedin.com/in/someone-else"),
        ("from fe80::1ff:fe23:4567:890a then", "ip-address: fe80::1ff:fe23:4567:890a"),
        ("moved to 18 Crestview Dr last year", "address: 18 Crestview Dr"),
        ("it was on the 5th that", "date: the 5th"),
        ("since March the 3rd she", "date: March the 3rd"),
        ("dated 3/17 in pen", "date: 3/17"),
        ("she is ninety-one now", "age: ninety-one"),
        ("in his late nineties now", "age: his late nineties"),
        ("card 4031 3721 5901 0923 shown", "card-number: 4031 3721 5901 0923"),
    ])
    func kinds(text: String, expected: String) {
        #expect(found(text) == [expected])
    }

    @Test("look-alikes stay quiet", arguments: [
        "She rated it 7/10 and we set 3 goals.",
        "Week 2026-W47 in my log; the PHQ-9 was 14.",
        "Safran and Muran, then Bordin, Gibbs and Kolb.",
        "It was our 5th session and the 90 minutes flew.",
        "Perhaps. Nothing. Still, we repaired it a little.",
        "I will write more on Thursday, and hope to.",
    ])
    func quiet(text: String) {
        #expect(found(text) == [])
    }
}
