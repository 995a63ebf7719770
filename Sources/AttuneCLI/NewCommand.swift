import ArgumentParser
import Journal

/// `attune new`: scaffolds the week's journal. Never overwrites one.
struct NewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "new",
        abstract: "Write this week's empty journal, ready to fill in any editor."
    )

    @OptionGroup var weekOptions: WeekOptions
    @OptionGroup var material: MaterialOptions

    func run() throws {
        let environment = Environment.current
        let resources = try material.load()
        let written: NewJournal.Written
        do {
            written = try NewJournal(content: resources.content, fileSystem: environment.fileSystem)
                .write(weekOptions.request, warn: environment.warn)
        } catch {
            throw error.forCommandLine(
                stoppedWhile: "creating the journal",
                noTherapist: "Attune needs your name for the title page the first time: attune new --therapist \"Your Name\". Later weeks reuse it.")
        }
        let plan = written.plan
        let carried = plan.carried
        let open =
            carried.isEmpty
            ? ""
            : """
            Carried forward \(carried.count) open rupture\(carried.count == 1 ? "" : "s") to the rupture log: \(carried.map(\.client).joined(separator: ", ")).

            """
        environment.output(
            """
            \(plan.focus.line(for: plan.week))
            Created \(written.path): \(plan.week) · \(plan.focus.week.title), \(plan.focus.week.prompts.count) prompts.
            \(Environment.recordedLine(written.recordedStart, in: plan.settingsPath))\(open)Write your answers under each question, then run:
              attune build \(written.path)
            """)
    }
}
