import Foundation
import Testing
@testable import Site

@Suite("Offline search")
struct SearchTests {
    static let page = Support.page("search.html")

    static var indexJSON: String {
        let start = page.range(of: "<script type=\"application/json\" id=\"search-index\">")!.upperBound
        let end = page.range(of: "</script>", range: start..<page.endIndex)!.lowerBound
        return String(page[start..<end])
    }

    struct Decoded: Decodable {
        struct Entry: Decodable { let url: String; let terms: [Int] }
        let entries: [Entry]
        let terms: [String]
        let words: [String]
        let stop: [String]
    }

    static var index: Decoded { try! JSONDecoder().decode(Decoded.self, from: Data(indexJSON.utf8)) }

    /// The entries whose stems begin with `word`'s stem, as search.js finds them.
    static func search(_ word: String) -> [String] {
        let index = Self.index
        let stem = SearchTerms.stem(SearchTerms.words(word)[0])
        let hits = Set(index.terms.indices.filter { index.terms[$0].hasPrefix(stem) })
        return index.entries.filter { !hits.isDisjoint(with: $0.terms) }.map(\.url)
    }

    @Test("indexes every week, card, prompt and source, in the order the page lists them")
    func everyEntry() {
        let content = Support.content
        let index = Self.index
        #expect(index.entries.count == content.weeks.count + content.cards.count + content.prompts.count + content.sources.count)
        let list = Self.page.components(separatedBy: "id=\"search-results\"")[1].components(separatedBy: "</ul>")[0]
        #expect(HTML.values(of: "href", in: list) == index.entries.map(\.url))
        #expect(index.entries.first?.url == "weeks/the-working-alliance.html")
        #expect(index.entries.contains { $0.url == "sections/markers.html#marker-denial" })
    }

    @Test("'withdraw' finds every withdrawal marker, by its rupture type, and the withdrawal card")
    func stems() {
        let markers = Support.content.cards.filter { $0.ruptureType == "withdrawal" }.map { "sections/markers.html#\($0.id)" }
        #expect(markers.count == 7)
        let found = Self.search("withdraw")
        #expect(Set(markers).isSubset(of: found))
        #expect(found.contains("sections/rupture-types.html#withdrawal"))
        #expect(Self.search("withdrawing") == found)
        #expect(Self.search("Withdrawals") == found)
    }

    @Test("card bodies, points and prompt hints are searched, not only titles and summaries")
    func bodies() throws {
        let card = try #require(Support.content.card("marker-denial"))
        let bodyOnly = SearchTerms.words(SearchIndex.plainText(card.body))
            .filter { $0.count > 4 && !SearchTerms.words(card.title + " " + card.summary).contains($0) }
        let word = try #require(bodyOnly.first)
        #expect(Self.search(word).contains("sections/markers.html#marker-denial"), "\(word)")
        let hinted = try #require(Support.content.prompts.first { $0.hint != nil })
        let hintWord = try #require(SearchTerms.words(hinted.hint!).first { $0.count > 5 && !SearchTerms.isStopWord($0) })
        #expect(Self.search(hintWord).contains { $0.hasSuffix("#\(hinted.id)") }, "\(hintWord)")
    }

    @Test("each stem once, sorted as JavaScript sorts, with the word to suggest for it; entries list positions once, ascending")
    func shape() {
        let index = Self.index
        #expect(index.terms == index.terms.sorted { $0.utf16.lexicographicallyPrecedes($1.utf16) })
        #expect(Set(index.terms).count == index.terms.count)
        #expect(index.words.count == index.terms.count)
        for (word, term) in zip(index.words, index.terms) { #expect(SearchTerms.stem(word) == term, "\(word)") }
        for entry in index.entries {
            #expect(entry.terms == Array(Set(entry.terms)).sorted())
            #expect(entry.terms.allSatisfy { index.terms.indices.contains($0) })
        }
        #expect(index.stop == SearchTerms.stopWords)
        #expect(!index.terms.contains("the") && !index.terms.contains("https"))
        #expect(index.words[index.terms.firstIndex(of: "withdraw")!] == "withdrawal")
    }

    @Test("works without JavaScript: a labelled field in a form that submits to the page, which lists everything")
    func withoutJavaScript() {
        #expect(Self.page.contains("""
        <form class="search-form" id="search-form" action="search.html" method="get" role="search">
        <label for="search-query">Search the material</label>
        <input type="search" id="search-query" name="q" autocomplete="off">
        <button type="submit">Search</button>
        </form>
        """))
        #expect(Self.page.contains("<li><a href=\"sections/markers.html#marker-denial\">Card 11 · Denial</a> <span class=\"kind\">Rupture markers</span>"))
        // The script is inline, allowed by the page's policy by hash.
        #expect(!Self.page.contains("<script src="))
        #expect(Self.page.contains("<script>// Attune's offline search."))
    }

    @Test("the JSON cannot close its script element early, and is the same from one build to the next")
    func safeJSON() throws {
        let entry = SearchEntry(title: "t", url: "x.html", kind: "k", summary: "", text: ["</script><script>alert(1)</script> Ünïcode"])
        let json = SearchIndex.json(SearchIndex.data([entry]))
        #expect(!json.contains("<"))
        #expect(json == #"{"entries":[{"terms":[0,1,2],"url":"x.html"}],"stop":["# + SearchTerms.stopWords.map { "\"\($0)\"" }.joined(separator: ",")
            + #"],"terms":["alert","script","unicod"],"words":["alert","script","unicode"]}"#)
        let again = try Support.build().fileSystem.readText(at: "out/search.html")
        #expect(again == Self.page)
    }
}

@Suite("Search words and stems")
struct SearchTermsTests {
    @Test("the stemmer's table: inflections and common suffixes meet at one stem")
    func table() {
        let table: [(String, String)] = [
            ("withdraw", "withdraw"), ("withdrawal", "withdraw"), ("withdrawals", "withdraw"), ("withdrawing", "withdraw"),
            ("withdraws", "withdraw"), ("withdrawn", "withdrawn"),
            ("rupture", "ruptur"), ("ruptures", "ruptur"), ("ruptured", "ruptur"),
            ("notice", "notic"), ("noticed", "notic"), ("noticing", "notic"),
            ("confront", "confront"), ("confrontation", "confront"), ("confrontations", "confront"),
            ("therapy", "therapi"), ("therapies", "therapi"), ("tried", "tri"),
            ("stopped", "stop"), ("running", "run"), ("falling", "fall"), ("missed", "miss"),
            ("attunement", "attun"), ("attuned", "attun"), ("awareness", "awar"), ("aware", "awar"),
            ("emotionally", "emotion"), ("emotional", "emotion"), ("defensive", "defens"), ("defense", "defens"),
            ("classes", "class"), ("focus", "focus"), ("analysis", "analysis"),
            // Short words and short remainders keep their suffix; a final y is still i.
            ("use", "use"), ("sing", "sing"), ("need", "need"), ("only", "onli"), ("ally", "alli"),
        ]
        for (word, stem) in table { #expect(SearchTerms.stem(word) == stem, "\(word)") }
    }

    @Test("words are folded, split at anything but letters and digits, joined across an apostrophe, possessives dropped")
    func words() {
        #expect(SearchTerms.words("The client’s “No, I don't”—Schön 3RS e-mail") == ["the", "client", "no", "i", "dont", "schon", "3rs", "e", "mail"])
        #expect(SearchTerms.words("") == [])
        #expect(SearchTerms.words("'quoted' ''") == ["quoted"])
    }

    @Test("link targets and web addresses are not words of the text")
    func plain() {
        #expect(SearchTerms.words(SearchIndex.plainText("See [the manual](https://example.org/x \"T\") or <https://doi.org/10.1/2>.")) == ["see", "the", "manual", "or"])
    }
}
