import Bundled

/// What the guard knows about words: which are ordinary English, which are
/// given names, and which belong to the programme itself.
///
/// The two big lists are compiled in as sorted, newline-separated literals
/// and searched in place by binary search: no set is built at start-up.
/// Measured in a debug build, building a `Set` of the 65,527 English words
/// took 0.3 s per process, as long as `attune check` on 52 journals; a
/// lookup in the literal is about 17 comparisons and allocates nothing.
enum Lexicon {
    /// `word` is an entry of the English word list (compare lower case).
    static func isEnglish(_ lowercased: String) -> Bool { contains(lowercased, in: englishWords) || tradeWords.contains(lowercased) }

    /// `word` is a given name in the Census lists (compare lower case).
    static func isGivenName(_ lowercased: String) -> Bool { contains(lowercased, in: givenNames) }

    static func contains(_ key: String, in list: StaticString) -> Bool {
        var key = key
        return key.withUTF8 { key in
            list.withUTF8Buffer { buffer in
                var low = 0
                var high = buffer.count
                while low < high {
                    let middle = (low + high) / 2
                    var start = middle
                    while start > low, buffer[start - 1] != 0x0A { start -= 1 }
                    var end = start
                    while end < buffer.count, buffer[end] != 0x0A { end += 1 }
                    switch compare(key, buffer, start, end) {
                    case 0: return end > start
                    case ..<0: high = start
                    default: low = end + 1
                    }
                }
                return false
            }
        }
    }

    private static func compare(_ key: UnsafeBufferPointer<UInt8>, _ buffer: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Int {
        var index = 0
        while index < key.count, start + index < end {
            let left = key[index], right = buffer[start + index]
            if left != right { return left < right ? -1 : 1 }
            index += 1
        }
        return key.count - (end - start)
    }

    /// Capitalised for reasons other than being someone's name or place:
    /// days, months, languages, festivals, the services and apps people
    /// mention. Lower case; a word here is never a name on its own.
    static let capitalisedWords: Set<String> = [
        "i", "i'm", "i've", "i'd", "i'll", "ok", "okay",
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
        "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun",
        "january", "february", "march", "april", "may", "june", "july", "august", "september",
        "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept",
        "oct", "nov", "dec",
        "god", "mum", "mom", "dad", "english", "british", "american", "scottish", "welsh", "irish", "french",
        "german", "spanish", "polish", "italian", "chinese", "indian", "african", "asian", "european", "muslim",
        "christian", "jewish", "hindu", "sikh", "buddhist", "catholic", "protestant", "christmas", "easter",
        "ramadan", "eid", "diwali", "hanukkah", "halloween", "boxing", "lent", "bank", "holiday", "new", "year",
        "internet", "zoom", "teams", "whatsapp", "facebook", "instagram", "google", "youtube", "tiktok", "netflix",
        "iphone", "android", "email", "e-mail", "gp", "nhs", "a&e", "cbt", "dbt", "act", "emdr", "ptsd", "adhd",
        "ocd", "tv", "uk", "us", "usa", "eu", "covid", "ai", "mr", "mrs", "ms", "mx", "dr", "prof", "miss",
        "week", "weeks", "session", "sessions", "supervision", "supervisor", "client", "therapist", "tuesdays",
        "mondays", "wednesdays", "thursdays", "fridays", "saturdays", "sundays", "pm", "am", "bst", "gmt",
        "attune", "kolb", "gibbs", "rolfe", "schön", "schon", "bordin", "safran", "muran", "eubanks", "rogers",
        "rogerian", "freud", "freudian", "jung", "jungian", "winnicott", "bowlby", "klein", "kleinian", "beck",
        "yalom", "lambert", "norcross", "wampold", "hill", "stiles", "hatcher", "horvath", "luborsky",
        "socratic", "phq", "gad", "core", "ors", "srs",
        // Languages and nationalities: "signed it in Greek" names no one.
        "greek", "russian", "portuguese", "ukrainian", "romanian", "arabic", "urdu", "punjabi", "bengali", "somali",
        "turkish", "japanese", "korean", "vietnamese", "brazilian", "mexican", "canadian", "australian", "nigerian",
        "ghanaian", "pakistani", "bangladeshi", "kurdish", "persian", "farsi", "tamil", "gujarati", "hindi",
        "mandarin", "cantonese", "swahili", "amharic", "tigrinya", "eritrean", "ethiopian", "syrian", "afghan",
        "iraqi", "iranian", "albanian", "lithuanian", "latvian", "estonian", "czech", "slovak", "hungarian",
        "bulgarian", "croatian", "serbian", "bosnian", "dutch", "belgian", "swiss", "austrian", "swedish",
        "norwegian", "danish", "finnish", "icelandic", "filipino", "tagalog", "thai", "malay", "indonesian",
        "hebrew", "yiddish", "latin", "gaelic", "irishman", "englishman", "englishmen", "frenchman", "scotsman",
        "welshman", "american", "americans", "british", "europeans", "africans", "asians", "caribbean", "jamaican",
        "zimbabwean", "kenyan", "ugandan", "sudanese", "congolese", "chinese", "taiwanese", "sri", "lankan",
        "nepali", "tibetan", "mongolian", "kazakh", "georgian", "armenian", "moroccan", "algerian", "tunisian",
        "egyptian", "lebanese", "palestinian", "israeli", "jordanian", "saudi", "yemeni", "kuwaiti", "emirati",
        // Makes of car: "drives an Audi" is no one's name.
        "audi", "bmw", "toyota", "vauxhall", "volkswagen", "vw", "honda", "nissan", "kia", "hyundai", "skoda",
        "fiat", "renault", "peugeot", "citroen", "citroën", "volvo", "mercedes", "tesla", "mazda", "subaru",
        "suzuki", "lexus", "porsche", "hilux", "corsa", "fiesta", "golf", "yaris", "qashqai",
        // Card schemes and payment names: "paid with Amex".
        "amex", "visa", "mastercard", "maestro", "paypal", "monzo", "revolut",
    ]

    /// The trade's own words that SCOWL's lists lack, English words for
    /// every rule: "Reframe it as..." at a sentence's start and "my client
    /// reframed it" are advice and grammar, not a person.
    static let tradeWords: Set<String> = [
        "reframe", "reframed", "reframing", "reframes", "mentalise", "mentalize", "mentalising", "mentalizing",
        "mentalisation", "mentalization", "metacommunication", "metacommunicate", "psychoeducation",
        "psychoeducational", "countertransference", "dysregulation", "dysregulated", "attunement", "misattunement",
        "coregulation", "psychodynamic", "destabilised", "intersubjective", "empathic",
        // Everyday shortenings people write in journals: "the uni clinic",
        // "waited in the ute", "til nine", "the rego".
        "uni", "ute", "til", "till", "arvo", "servo", "rego", "telly", "brekkie", "tradie", "convo", "meds",
        "appt", "approx", "info", "admin", "gonna", "wanna", "gotta", "kinda", "sorta", "dunno", "yeah", "nah",
    ]

    /// Every capitalised word of the programme's own material (titles,
    /// source authors, terms) that is not a given name: a therapist writing
    /// "Safran" or "Caldicott" is citing, not naming a client. Given names
    /// in the material ("Beth") are left out, so a client who shares one
    /// is still caught. A source's venue and full citation are left out
    /// too: they name publishers' towns and institutions ("New York",
    /// "General Medical Council"), which must stay identifiers when a
    /// client lives in York or works at a General Hospital.
    static let programmeVocabulary: Set<String> = {
        var words: Set<String> = []
        for folder in [BundledFiles.content] {
            for file in folder.files {
                let text = file.text.split(separator: "\n", omittingEmptySubsequences: false).filter { line in
                    let key = line.drop { $0 == " " || $0 == "-" }
                    return !["venue:", "citation:", "publisher:", "locator:", "doi:", "url:"].contains { key.hasPrefix($0) }
                }.joined(separator: "\n")
                var current = ""
                var capitalised = false
                func flush() {
                    if capitalised, current.count > 1 {
                        let lower = current.lowercased()
                        if !isGivenName(lower) { words.insert(lower) }
                    }
                    current = ""
                    capitalised = false
                }
                for character in text {
                    if character.isLetter || character.isNumber || ((character == "'" || character == "’") && !current.isEmpty) {
                        if current.isEmpty { capitalised = character.isUppercase || character.isNumber }
                        current.append(character)
                    } else {
                        flush()
                    }
                }
                flush()
            }
        }
        return words
    }()
}
