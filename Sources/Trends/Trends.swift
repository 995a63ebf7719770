import ContentModel
import Diagnostics
import Printing
import Rendering

/// Patterns across weeks of journals, from their rupture logs: which
/// ruptures keep happening, what they set off in the therapist, which
/// repairs worked, and what stays open.
///
/// journals → `TrendsFigures` (counts, means, gaps) → `TrendsPage` (one
/// context per output) → `trends.md` and `trends.html`. The HTML draws each
/// figure as inline SVG (`Charts`) with a data table behind it; the Markdown
/// carries the same tables.

/// What `attune trends` was asked to do.
package struct TrendsRequest: Sendable {
    /// A folder of journals.
    package var journalDirectory: String
    package var outputDirectory: String
    /// The first and last weeks the report covers; by default, the first and
    /// last weeks the journals cover.
    package var since: ISOWeek?
    package var until: ISOWeek?
    package var contentOverlay: String?
    package var templatesOverlay: String?
    /// Which of trends.html, trends.md and trends.pdf to write.
    package var formats: [OutputFormat]
    /// Prints trends.pdf; needed only when `formats` has `.pdf`.
    package var printer: PDFPrinter?

    package init(
        journalDirectory: String = "journal", outputDirectory: String = "out", since: ISOWeek? = nil, until: ISOWeek? = nil,
        contentOverlay: String? = nil, templatesOverlay: String? = nil,
        formats: [OutputFormat] = OutputFormat.defaults, printer: PDFPrinter? = nil
    ) {
        self.formats = formats
        self.printer = printer
        self.journalDirectory = journalDirectory
        self.outputDirectory = outputDirectory
        self.since = since
        self.until = until
        self.contentOverlay = contentOverlay
        self.templatesOverlay = templatesOverlay
    }
}

/// What a run wrote, and what it covered.
package struct TrendsReport: Sendable {
    package var written: [String]
    package var first: ISOWeek
    package var last: ISOWeek
    package var journals: Int
    package var ruptures: Int
}

/// The run, one named step after another. Each reads what the last made.
package enum TrendsStep: String, PipelineStep {
    case loadResources = "load content and templates"
    case readJournals = "read journals"
    case analyse = "find the trends"
    case render = "render the report"
    case print = "print the PDF"
    case write = "write files"
}

/// A failed run: the step it stopped in and every problem found by then.
/// Nothing has been written when this is thrown.
package typealias TrendsError = PipelineError<TrendsStep>
