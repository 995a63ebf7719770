import Testing
@testable import Trends

@Suite("The labels under a chart's columns")
struct ChartsTests {
    @Test("columns 64 points wide or more each get their label, centred on the column")
    func everyColumn() {
        let labels = Charts.columnLabels(["W1", "W2", "W3"], left: 44, step: 64, y: 236)
        #expect(labels == [
            #"<text class="tick" x="76" y="236" text-anchor="middle">W1</text>"#,
            #"<text class="tick" x="140" y="236" text-anchor="middle">W2</text>"#,
            #"<text class="tick" x="204" y="236" text-anchor="middle">W3</text>"#,
        ])
    }

    @Test("narrower columns label only every second, third ... column, from the first, so labels stay apart")
    func fewer() {
        let labels = ["a", "b", "c", "d", "e", "f", "g"]
        #expect(Charts.columnLabels(labels, left: 0, step: 63.9, y: 0).count == 4)  // a, c, e, g
        #expect(Charts.columnLabels(labels, left: 0, step: 32, y: 0).count == 4)
        #expect(Charts.columnLabels(labels, left: 0, step: 31.9, y: 0).count == 3)  // a, d, g
        // a, e
        #expect(Charts.columnLabels(labels, left: 0, step: 16, y: 0).first?.hasSuffix(">a</text>") == true)
        #expect(Charts.columnLabels(labels, left: 0, step: 16, y: 0).last?.hasSuffix(">e</text>") == true)
    }

    @Test("no labels, no text; a label is text, escaped, never markup")
    func emptyAndHostile() {
        #expect(Charts.columnLabels([], left: 44, step: 64, y: 236).isEmpty)
        let hostile = Charts.columnLabels([#"<script>"x" & 'y'</script>"#], left: 0, step: 100, y: 0)
        #expect(hostile == [#"<text class="tick" x="50" y="0" text-anchor="middle">&lt;script&gt;&quot;x&quot; &amp; &#39;y&#39;&lt;/script&gt;</text>"#])
    }
}
