import ContentModel
import Diagnostics
import Files
import Journal
import Testing

/// A rupture log holding one entry for `client`, rated `resolution`.
private func log(_ client: String, resolution: Int) -> String {
    """

    <!-- prompt: rupture-log -->
    ## Rupture log

    ```rupture
    client: \(client)
    markers: [marker-complaints-about-progress]
    tension: 4
    resolution: \(resolution)
    ```
    """
}

@Suite("Week planning: the focus, the therapist and what is carried forward, for new and form")
struct WeekPlanTests {
    let content: ContentModel
    let w47 = ISOWeek(year: 2026, week: 47)!

    init() throws {
        content = try TestJournal.content()
    }

    func planner(_ files: InMemoryFileSystem) -> WeekPlanner {
        WeekPlanner(content: content, fileSystem: files)
    }

    func request(focus: String? = nil, start: String? = nil, therapist: String? = "Sam") -> WeekPlanRequest {
        WeekPlanRequest(week: w47, journalFolder: "journal", focus: focus, start: start, therapist: therapist)
    }

    @Test("with no focus, no start and no journals, the course begins this week and that start is to be recorded")
    func firstWeek() throws {
        let plan = try planner(InMemoryFileSystem()).planNewJournal(request())
        #expect(plan.focus.week.id == content.weeks[0].id)
        #expect(plan.focus.reason.hasPrefix("week 1 of the course, taken to begin 2026-11-16 because no start was set"))
        #expect(plan.startToRecord?.date == "2026-11-16")
        #expect(plan.settingsPath == "journal/course.yaml")
        #expect(plan.carried.isEmpty && plan.warnings.isEmpty)
    }

    @Test("--focus wins over the course's start, and an unknown one names the nearest")
    func focusFlag() throws {
        let files = InMemoryFileSystem(files: ["journal/course.yaml": "start: 2026-10-05\n"])
        let plan = try planner(files).planNewJournal(request(focus: "noticing-withdrawal"))
        #expect(plan.focus.week.id == "noticing-withdrawal")
        #expect(plan.focus.reason == "chosen with --focus")
        #expect(plan.startToRecord == nil)
        #expect(throws: WeekPlanError.self) { try planner(files).planNewJournal(request(focus: "noticing-withdrawl")) }
        do {
            _ = try planner(files).planNewJournal(request(focus: "noticing-withdrawl"))
        } catch {
            guard case .unknownFocus(let message) = error else { Issue.record("expected an unknown focus"); return }
            #expect(message.hasPrefix("Unknown focus 'noticing-withdrawl'. Did you mean 'noticing-withdrawal'? The curriculum's weeks are: "))
        }
    }

    @Test("counts from --start over course.yaml's start; only a folder without course.yaml records one")
    func courseStart() throws {
        let written = InMemoryFileSystem(files: ["journal/course.yaml": "start: 2026-11-09\n"])
        let fromFile = try planner(written).planNewJournal(request())
        #expect(fromFile.focus.reason == "week 2 of the course, which began 2026-11-09 (from journal/course.yaml)")
        #expect(fromFile.startToRecord == nil)
        let fromFlag = try planner(written).planNewJournal(request(start: "2026-10-05"))
        #expect(fromFlag.focus.reason == "week 7 of the course, which began 2026-10-05 (from --start)")
        #expect(fromFlag.startToRecord == nil)
        let unwritten = try planner(InMemoryFileSystem()).planNewJournal(request(start: "2026-10-05"))
        #expect(unwritten.startToRecord?.date == "2026-10-05")
        #expect(unwritten.startToRecord?.origin == "journal/course.yaml")
    }

    @Test("refuses to guess: journals but no start, a week before the start, a course.yaml with errors")
    func refusals() throws {
        let cases: [([String: String], String)] = [
            (
                ["journal/2026-W46.md": "x"],
                "journal/course.yaml:1:1: error: the folder 'journal' has journals but no course start, so which curriculum week 2026-W47 is cannot be known: "
                    + "write the first day of the course in journal/course.yaml as 'start: 2026-10-05', or pass --start"
            ),
            (
                ["journal/course.yaml": "start: 2026-12-07\n"],
                "journal/course.yaml:1:1: error: 2026-W47 is before the course began (2026-12-07, in 2026-W50, from journal/course.yaml)"
            ),
            (["journal/course.yaml": "start: soon\n"], "journal/course.yaml:1:8: error: "),
        ]
        for (files, expected) in cases {
            let error = try #require(throws: WeekPlanError.self) { try planner(InMemoryFileSystem(files: files)).planNewJournal(request()) }
            #expect(error.diagnostics.count == 1)
            #expect(error.diagnostics.first?.description.hasPrefix(expected) == true, "\(error)")
        }
    }

    @Test("the therapist: the flag, else the latest journal that parses; with neither, an error")
    func therapist() throws {
        let files = InMemoryFileSystem(files: [
            "journal/course.yaml": "start: 2026-10-05\n",
            "journal/2026-W45.md": journalText("2026-W45", therapist: "Old Name"),
            "journal/2026-W46.md": journalText("2026-W46", therapist: "Noor Haddad"),
            "journal/2026-W46b.md": "does not parse",
        ])
        #expect(try planner(files).planNewJournal(request(therapist: nil)).therapist == "Noor Haddad")
        #expect(try planner(files).planNewJournal(request(therapist: "Sam")).therapist == "Sam")
        #expect(throws: WeekPlanError.noTherapist) { try planner(InMemoryFileSystem()).planNewJournal(request(therapist: nil)) }
    }

    @Test("carries forward open ruptures; a previous week with an empty log carries nothing; a broken journal is a warning")
    func carryForward() throws {
        let open = InMemoryFileSystem(files: [
            "journal/course.yaml": "start: 2026-10-05\n",
            "journal/2026-W45.md": journalText("2026-W45", log: log("Harbour", resolution: 1)),
            "journal/2026-W46.md": journalText("2026-W46", log: log("Kestrel", resolution: 4)),
        ])
        #expect(try planner(open).planNewJournal(request()).carried.map(\.client) == ["Harbour"])
        let empty = InMemoryFileSystem(files: [
            "journal/course.yaml": "start: 2026-10-05\n", "journal/2026-W46.md": journalText("2026-W46"),
        ])
        let none = try planner(empty).planNewJournal(request())
        #expect(none.carried.isEmpty && none.warnings.isEmpty)
        let broken = InMemoryFileSystem(files: ["journal/course.yaml": "start: 2026-10-05\n", "journal/2026-W46.md": "broken"])
        #expect(
            try planner(broken).planNewJournal(request()).warnings.map(\.description) == [
                "journal/2026-W46.md:1:1: warning: this journal has errors, so no rupture in it was carried forward; 'attune check journal/2026-W46.md' shows them"
            ])
    }

    @Test("a new journal is never planned over one; a form takes the week's own journal's focus and name")
    func existingJournal() throws {
        let files = InMemoryFileSystem(files: ["journal/2026-W47.md": journalText("2026-W47", therapist: "Noor Haddad")])
        let refused = try #require(throws: WeekPlanError.self) { try planner(files).planNewJournal(request()) }
        #expect(
            refused.diagnostics.map(\.description) == [
                "journal/2026-W47.md:1:1: error: a journal for 2026-W47 already exists; Attune never overwrites a journal"
            ])
        let form = try planner(files).planForm(request(therapist: nil))
        #expect(form.focus.week.id == "when-therapy-is-questioned")
        #expect(form.focus.reason == "as in journal/2026-W47.md")
        #expect(form.therapist == "Noor Haddad")
        let conflict = try #require(throws: WeekPlanError.self) {
            try planner(files).planForm(request(focus: "noticing-withdrawal", therapist: "Sam"))
        }
        #expect(
            conflict.diagnostics.map(\.description) == [
                "journal/2026-W47.md:4:1: error: the journal for 2026-W47 is on focus 'when-therapy-is-questioned', so a form on 'noticing-withdrawal' could not be imported into it; leave out --focus",
                "journal/2026-W47.md:2:1: error: the journal for 2026-W47 is 'Noor Haddad''s, so a form for 'Sam' could not be imported into it; leave out --therapist",
            ])
    }

    @Test("records the start only when there is one to record, and never over a course.yaml")
    func recordStart() throws {
        let files = InMemoryFileSystem()
        let plan = try planner(files).planNewJournal(request())
        var warnings: [Diagnostic] = []
        #expect(planner(files).recordStart(of: plan, warn: { warnings.append($0) })?.date == "2026-11-16")
        #expect(try files.readText(at: "journal/course.yaml").hasSuffix("\nstart: 2026-11-16\n"))
        #expect(files.permissions(at: "journal/course.yaml") == .privateFile)
        // The same plan again: course.yaml is now the user's file, so it is kept and a warning says so.
        #expect(planner(files).recordStart(of: plan, warn: { warnings.append($0) }) == nil)
        #expect(warnings.count == 1)
        #expect(warnings.first?.description.hasPrefix("journal/course.yaml:1:1: warning: could not record the course's start") == true)
        let later = try planner(files).planNewJournal(request())
        #expect(planner(files).recordStart(of: later, warn: { warnings.append($0) }) == nil)
        #expect(warnings.count == 1)
    }

    @Test("NewJournal writes the scaffold and the start, then refuses the same week")
    func newJournal() throws {
        let files = InMemoryFileSystem()
        let new = NewJournal(content: content, fileSystem: files)
        var warnings: [Diagnostic] = []
        let written = try new.write(request(therapist: "Noor Haddad"), warn: { warnings.append($0) })
        #expect(written.path == "journal/2026-W47.md")
        #expect(written.recordedStart?.date == "2026-11-16")
        let text = try files.readText(at: "journal/2026-W47.md")
        #expect(text == JournalScaffold.render(therapist: "Noor Haddad", week: w47, focus: content.weeks[0], content: content))
        #expect(files.permissions(at: "journal/2026-W47.md") == .privateFile)
        #expect(throws: WeekPlanError.self) { try new.write(request(), warn: { warnings.append($0) }) }
        #expect(try files.readText(at: "journal/2026-W47.md") == text)
        #expect(warnings.isEmpty)
    }
}
