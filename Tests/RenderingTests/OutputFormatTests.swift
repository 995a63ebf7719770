import Rendering
import Testing

@Suite("Output formats")
struct OutputFormatTests {
    @Test("by default a command writes HTML and Markdown, which need nothing installed; PDF only when asked")
    func defaults() {
        #expect(OutputFormat.defaults == [.html, .md])
        #expect(!OutputFormat.defaults.contains(.pdf))
    }

    @Test("a format's file extension is its --format name, and formats sort as listed")
    func names() {
        #expect(OutputFormat.allCases.map(\.fileExtension) == ["html", "md", "pdf"])
        #expect(OutputFormat.allCases.allSatisfy { OutputFormat(rawValue: $0.fileExtension) == $0 })
        #expect([OutputFormat.pdf, .md, .html].sorted() == [.html, .md, .pdf])
    }
}
