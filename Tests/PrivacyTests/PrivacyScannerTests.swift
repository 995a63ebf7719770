import Diagnostics
import Privacy
import Testing

@Suite("Finding client identifiers")
struct PrivacyScannerTests {
    let scanner = PrivacyScanner(rules: PrivacyRules(names: ["Okonkwo"]))

    func found(_ text: String) -> [String] {
        scanner.scan(text, path: "j.md", firstLine: 10).map(\.description)
    }

    @Test("reports each finding as path:line:column: privacy: category: \"text\"")
    func format() {
        #expect(found("Fine.\nThen Maria Lopez phoned.") == [#"j.md:11:6: privacy: name: "Maria Lopez""#])
    }

    @Test("catches every Safe Harbor category that appears in prose", arguments: [
        ("I saw Maria Lopez today", "name", "Maria Lopez"),
        ("Maria Lopez arrived late", "name", "Maria Lopez"),
        ("spoke to Mr Patel about it", "name", "Patel"),
        ("her son okonkwo came too", "name", "okonkwo"),
        ("we met on 12 March 2026", "date", "12 March 2026"),
        ("since March 3rd things changed", "date", "March 3rd"),
        ("in March 2026 he started", "date", "March 2026"),
        ("on 03/12/2026 he", "date", "03/12/2026"),
        ("on 2026-03-12 he", "date", "2026-03-12"),
        ("she is 93 years old", "age", "93 years old"),
        ("aged 91, she", "age", "aged 91"),
        ("call 020 7946 0958 later", "phone", "020 7946 0958"),
        ("or +44 7700 900123.", "phone", "+44 7700 900123"),
        ("write to m.lopez@example.org", "email", "m.lopez@example.org"),
        ("see https://example.org/profile/ml.", "url", "https://example.org/profile/ml"),
        ("from 192.168.10.4 at home", "ip-address", "192.168.10.4"),
        ("lives at 14 Harbour Street now", "address", "14 Harbour Street"),
        ("postcode SW1A 1AA here", "postcode", "SW1A 1AA"),
        ("MRN 4481923 on the letter", "id-number", "4481923"),
        ("SSN 123-45-6789", "id-number", "123-45-6789"),
        ("licence number DL-88231 shown", "id-number", "DL-88231"),
        ("her card said XGH884201337 on it", "id-number", "XGH884201337"),
        ("typed as xgh884201337abcdefghijk by hand", "id-number", "xgh884201337abcdefghijk"),
        ("client M. said nothing", "initials", "client M."),
        ("J.S. told me", "initials", "J.S."),
        // Named institutions whole, ordinary words and all.
        ("a ward sister at Leeds General Infirmary now", "workplace", "Leeds General Infirmary"),
        ("he goes to Hillside Primary now", "workplace", "Hillside Primary"),
        ("the head at St Aidan's Primary rang", "workplace", "St Aidan's Primary"),
        ("his group meets at St Mary's on weekdays", "workplace", "St Mary's"),
        ("she studies at the University of Keele now", "workplace", "University of Keele"),
        // A day, "of", a month: one date.
        ("he complained on the 3rd of March and", "date", "the 3rd of March"),
        ("he complained on the 3rd of March 2026 and", "date", "the 3rd of March 2026"),
        // Ages over 89 without "years old".
        ("he says he is \"ninety-three and not done\"", "age", "ninety-three"),
        ("her father turned ninety-one quietly", "age", "ninety-one"),
        // The boundary itself: 90 is the first age Safe Harbor counts, in figures,
        // in words and as an ordinal birthday (89 stays: see noFalseAlarms).
        ("her father is 90 and still drives", "age", "90"),
        ("her father is ninety and still drives", "age", "ninety"),
        ("his mum turned 90 last spring", "age", "90"),
        ("it was her 90th birthday party", "age", "90th birthday"),
        // A preposition in the sentence before does not make a name a place.
        ("He waited outside. Grace told me more", "name", "Grace"),
        // "to" names a place after a journey, a person after speaking.
        ("she moved to Filey last year", "place", "Filey"),
        ("he drove back to Dundalk alone", "place", "Dundalk"),
        ("I spoke to Ahmed afterwards", "name", "Ahmed"),
        // The day of the week goes with the date after it.
        ("the locked door on Tuesday March 24th again", "date", "Tuesday March 24th"),
        ("we spoke on Thursday 27 Nov about it", "date", "Thursday 27 Nov"),
        ("until Friday 21st November 2025 she", "date", "Friday 21st November 2025"),
        // A National Insurance number in its pairs.
        ("her NI is JT 48 21 90 B on the form", "id-number", "JT 48 21 90 B"),
        // Practices named after their street, and weak endings after two words.
        ("registered at Brambley Lane Surgery last year", "workplace", "Brambley Lane Surgery"),
        ("a referral from Lakeshore Behavioral Health came", "workplace", "Lakeshore Behavioral Health"),
        // Lower-case names from outside the US Census lists.
        ("then sinead phoned instead", "name", "sinead"),
        // Addresses without a street word.
        ("the solicitor is at 12 Piccadilly now", "address", "12 Piccadilly"),
        // Towns that are ordinary words, after a locative in the same clause.
        ("she still lives in Reading with him", "place", "Reading"),
        ("the bus from Bath was late again", "place", "Bath"),
        ("they moved back to Sale last spring", "place", "Sale"),
        ("she got the bus from ballyfermot again", "place", "ballyfermot"),
        // Firms: a name before its premises, or joined by "&".
        ("let go from the Amazon warehouse last month", "workplace", "Amazon"),
        ("works for his uncle at Pike & Sons Plumbing now", "workplace", "Pike & Sons Plumbing"),
        // Unit numbers, labels people use for plates and ZIP codes.
        ("moving to 4/18 Nicholson Street next month", "address", "4/18 Nicholson Street"),
        ("a parking fine (rego 1HK 7TR) out the front", "vehicle", "1HK 7TR"),
        ("lives off Linden, ZIP 94607, near the lake", "postcode", "94607"),
        // A date column, and a given name followed by what they did.
        ("| 3/3 | session 3 | flat |", "date", "3/3"),
        ("her new place is 41 ashgrove park now", "address", "41 ashgrove park"),
        // Days without a month, as a clause's subject or object.
        ("She said the twenty-second was the anniversary", "date", "the twenty-second"),
        ("We agreed the 5th would work", "date", "the 5th"),
        ("It was last Friday the 9th when he rang", "date", "last Friday the 9th"),
        ("The hearing is March '26 at the earliest", "date", "March '26"),
        ("She said \"I'm 93\" and laughed", "age", "93"),
        ("we still use initials for my friend JP here", "initials", "JP"),
        ("Bill joked about talking shop.", "name", "Bill"),
        // A place's article is part of its name.
        ("afraid of being seen on the Leys estate", "place", "the Leys"),
        ("she works at the Priory on nights", "workplace", "the Priory"),
    ])
    func categories(text: String, category: String, match: String) throws {
        let findings = scanner.scan(text, path: "j.md")
        let finding = try #require(findings.first)
        #expect(findings.count == 1)
        #expect(finding.category.rawValue == category)
        #expect(finding.text == match)
    }

    @Test("the town after an address is a place, even when it is an ordinary word")
    func townAfterAddress() {
        let findings = scanner.scan("They live at 42 Kenton Lane, Harrow now.", path: "j.md")
        #expect(findings.map { "\($0.category.rawValue): \($0.text)" } == ["address: 42 Kenton Lane", "place: Harrow"])
    }

    @Test("a bare-number postcode after a state or a town just found", arguments: [
        ("moving to Footscray VIC 3011 next month", ["place: Footscray", "postcode: 3011"]),
        ("lives in Oakland, CA 94607 now", ["place: Oakland", "postcode: 94607"]),
        ("from Parramatta 2150, plumber", ["place: Parramatta", "postcode: 2150"]),
        // A year after a town, a count after a state, a time: no postcode.
        ("in Leeds 2026 was hard; CA 12 sessions; at 10:30", ["place: Leeds"]),
    ])
    func regionalPostcodes(text: String, expected: [String]) {
        #expect(scanner.scan(text, path: "j.md").map { "\($0.category.rawValue): \($0.text)" } == expected)
    }

    @Test("a second town after 'from' a first", arguments: [
        ("she commutes from Wells to Bath daily", ["place: Wells", "place: Bath"]),
        ("from Leeds to Filey by train", ["place: Leeds", "place: Filey"]),
    ])
    func fromTo(text: String, expected: [String]) {
        #expect(scanner.scan(text, path: "j.md").map { "\($0.category.rawValue): \($0.text)" } == expected)
    }

    @Test("indirect identifiers: an age with an occupation, a workplace with its town", arguments: [
        ("he is a 34-year-old firefighter now", ["indirect: 34-year-old firefighter"]),
        ("his brother, a plumber aged 41, drove", ["indirect: plumber aged 41"]),
        ("she works at Sainsbury's in Reading", ["workplace: Sainsbury's", "indirect: Sainsbury's in Reading", "place: Reading"]),
        // Apart, or only one of the two, is not the combination.
        ("We met 34 times. The teacher in me wanted to explain.", []),
        ("She is 27. Later, at home, the nurse rang.", []),
    ])
    func indirect(text: String, expected: [String]) {
        #expect(scanner.scan(text, path: "j.md").map { "\($0.category.rawValue): \($0.text)" } == expected)
    }

    @Test("redacting an indirect finding replaces the combination; its parts already found are replaced as themselves")
    func indirectRedaction() {
        #expect(scanner.redact("he is a 34-year-old firefighter now").text == "he is a [indirect] now")
        #expect(scanner.redact("she works at Sainsbury's in Reading").text == "she works at [workplace] in [place]")
    }

    @Test("once 'client J.' is seen, a later 'J.' is the same person")
    func initialsRemembered() {
        let findings = scanner.scan("Client J. missed it. Her mum asked whether J. was still going.", path: "j.md")
        #expect(findings.map { "\($0.category.rawValue): \($0.text)" } == ["initials: Client J.", "initials: J."])
        // An initial never introduced as someone is left alone.
        #expect(found("Plan B. was the fallback.") == [])
    }

    @Test("an age in apposition after a name is found beside the name", arguments: [
        "she cares for Harold, 97, at home", "she cares for Harold (97) at home", "she cares for Harold, 97.",
    ])
    func ageInApposition(text: String) {
        #expect(scanner.scan(text, path: "j.md").map { "\($0.category.rawValue): \($0.text)" } == ["name: Harold", "age: 97"])
    }

    @Test("leaves ordinary reflective prose alone", arguments: [
        "I noticed the urge to explain and let it pass.",
        "Harbour (a pseudonym) went quiet on Tuesday.",
        "The session in 2026 felt different. When I paused, he looked up.",
        "Supervision helped. Safran and Muran describe this.",
        "We agreed on 3 goals and 2 tasks for the next 6 weeks.",
        "She is 45 years old.",
        "### What I Would Try Next Time",
        "- [x] Bring it to supervision",
        "I'm sure. I’ve seen it. OK then.",
        "| What Sorrel said | What I felt |",
        "I fill the silence. With Tern, who answers fine, I talked.",
        "[a](data:text/html;base64,PHNjcmlwdD5hbGVydCg1MCk8L3NjcmlwdD4=)",
        // Therapy words missing from the English word list, at a sentence's start.
        "Reframe it as a bid for contact. Mentalizing helps. Psychoeducation came later. The client reframe worked.",
        // Languages, nationalities, makes of car, contractions, festivals.
        "She signed the form in Greek and spoke Portuguese at home; he drives an Audi.",
        "We're not there yet. They'll see. It was Christmas Eve, ok?",
        "She talked about her Mental Health for an hour.",
        // Institutions named in general, or an opener before one.
        "The Court was all she could talk about. Primary school was hard.",
        "We talked about the hospital and the school.",
        // "the 3rd of" something that is not a month is no date.
        "On the 3rd of five attempts she stayed.",
        // Numbers between commas after an opener, and spelt numbers under ninety.
        "Then, 95, not 96, minutes went by. She counted to eighty-nine.",
        // 89, the last age that is not identifying, in figures and in words.
        "Her father is 89 and still drives. It was her 89th birthday.",
        // A time after "at", and a house number before an English word.
        "We met at 10 Downing instead of the usual room at 3 sharp.",
        // Publishers' towns are no longer part of the programme's vocabulary,
        // but the programme's authors still are.
        "Safran, Muran and Eubanks describe the 3RS.",
        // A capital before a number, or a run of capitalised words, is a
        // label or a department, not a town.
        "We met in Week 3 and again in Session 4; she is in Year 9.",
        "He works in Human Resources and came from Social Services.",
        "Perhaps people in Harbour's life have not stayed.",
        "Safran & Muran call it a withdrawal rupture; rated it 3/5 | 7/10 |",
        "| 7/10 | the Christmas shop |",
        // Abbreviations are not initials; shortenings are not names.
        "My client and the GP agreed; her friend is CBT-trained. We met at the uni clinic, til nine, then the ute.",
        "We did 3 sessions in 12 weeks at 2 park benches.",
        "It was the third time; the second was worse, and the 3rd session was better. I am 45.",
    ])
    func noFalseAlarms(text: String) {
        #expect(found(text) == [])
    }

    @Test("an allow-list entry lets a phrase through, and says which line allowed it")
    func allowList() {
        let rules = PrivacyRules.parse(
            names: nil,
            allow: SourceFile(path: ".attune/allow.txt", name: "allow.txt", text: "# pseudonyms\nRiver Song\n")
        )
        let findings = PrivacyScanner(rules: rules).scan("Then River Song left.", path: "j.md")
        #expect(findings.map(\.description) == [#"j.md:1:6: note: privacy: name: "River Song" allowed by .attune/allow.txt:2"#])
    }

    @Test("an inline marker allows a phrase in its own answer only, visibly")
    func inlineMarker() {
        let text = "<!-- privacy: allow \"Harbour Street\" -->\nWe walked down 14 Harbour Street. Harbour Street again."
        let findings = PrivacyScanner().scan(text, path: "j.md", firstLine: 20)
        #expect(findings.map(\.description) == [
            #"j.md:21:16: privacy: address: "14 Harbour Street""#,
            #"j.md:21:35: note: privacy: address: "Harbour Street" allowed by the inline marker at j.md:20"#,
        ])
    }

    @Test("names listed in the private names file are caught in any case, as whole words")
    func namesFile() {
        let rules = PrivacyRules.parse(
            names: SourceFile(path: ".attune/names.txt", name: "names.txt", text: "Okafor\n\n# comment\nLee\n"),
            allow: nil
        )
        let findings = PrivacyScanner(rules: rules).scan("okafor and LEE, not leeward", path: "j.md")
        #expect(findings.map(\.text) == ["okafor", "LEE"])
    }

    @Test("counts columns in Unicode scalars")
    func unicodeColumns() {
        #expect(found("Émile – call 020 7946 0958") == [
            #"j.md:10:1: privacy: name: "Émile""#, #"j.md:10:14: privacy: phone: "020 7946 0958""#,
        ])
    }

    @Test("redacts each finding with its category and counts them, keeping allowed text")
    func redaction() {
        let text = "<!-- privacy: allow \"River Song\" -->\nMaria Lopez (aged 93) emailed ml@example.org; River Song did not."
        let (redacted, count) = PrivacyScanner().redact(text)
        #expect(redacted == "<!-- privacy: allow \"River Song\" -->\n[name] ([age]) emailed [email]; River Song did not.")
        #expect(count == 3)
    }
}

@Suite("Digits of every script")
struct OtherScriptDigitsTests {
    @Test("digits of other scripts are read as digits", arguments: [
        ("MRN ٤٤٨١٩٢٣ on the letter", "id-number"),
        ("number ४४८१९२३४ given", "id-number"),
    ])
    func otherScripts(text: String, category: String) {
        let findings = PrivacyScanner().scan(text, path: "j.md")
        #expect(findings.map(\.category.rawValue) == [category])
    }
}
