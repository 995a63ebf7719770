import ArgumentParser
import BrowserForm

/// `attune form`: the week's workbook as one HTML page to fill in, for
/// therapists who would rather not edit Markdown. The page keeps what is
/// typed in the browser and downloads the journal file; `attune import`
/// brings that file back.
struct FormCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "form",
        abstract: "Write this week's workbook as a page to fill in in any browser.",
        discussion: """
            Open the page in any browser, even offline: it saves your answers in that \
            browser as you type. 'Download answers' saves your journal for the week \
            (<week>.md); 'attune import <week>.md' adds it to your journal folder.
            """
    )

    @OptionGroup var weekOptions: WeekOptions

    @Option(help: ArgumentHelp("The page to write (default: out/<week>-form.html).", valueName: "file"))
    var out: String?

    @OptionGroup var material: MaterialOptions

    func validate() throws {
        if let out, out.hasSuffix("/") {
            throw ValidationError("--out names the page to write, such as out/form.html.")
        }
    }

    func run() throws {
        let environment = Environment.current
        let resources = try material.load()
        let request = FormRequest(
            plan: weekOptions.request, outputPath: out,
            contentOverlay: material.contentOverlay, templatesOverlay: material.templatesOverlay)
        let written: FormWriter.Written
        do {
            written = try FormWriter(resources: resources, fileSystem: environment.fileSystem).write(request, warn: environment.warn)
        } catch {
            throw error.forCommandLine(
                stoppedWhile: "writing the form",
                noTherapist: "Attune needs your name for the form the first time: attune form --therapist \"Your Name\". Later weeks reuse it.")
        }
        let plan = written.plan
        let journal = weekOptions.journal
        let importFlags = journal == "journal" ? "" : " --journal \(journal)"
        environment.output(
            """
            \(plan.focus.line(for: plan.week))
            Wrote \(written.path): \(plan.week) · \(plan.focus.week.title), \(plan.focus.week.prompts.count) prompts to fill in.
            \(Environment.recordedLine(written.recordedStart, in: plan.settingsPath))Open it in a browser; your answers are saved there as you type. Then choose
            'Download answers' and run:
              attune import \(written.downloadName)\(importFlags)
            """)
    }
}
