import ContentModel
import Diagnostics
import Files
import Foundation

import struct SystemPackage.FilePath

/// `attune new`'s front end: plans the week, writes its empty journal
/// (never over one), and records the course's start the first time.
package struct NewJournal: Sendable {
    package let planner: WeekPlanner

    package init(content: ContentModel, fileSystem: FileSystem) {
        self.planner = WeekPlanner(content: content, fileSystem: fileSystem)
    }

    /// What was written.
    package struct Written: Sendable {
        package var path: String
        package var plan: WeekPlan
        /// The start written to `course.yaml`, when this run wrote it.
        package var recordedStart: CourseStart?
    }

    /// Plans and writes the week's journal. `warn` hears each warning when
    /// it arises (an earlier journal whose ruptures could not be carried
    /// forward, a start that could not be recorded), before anything fails.
    package func write(_ request: WeekPlanRequest, warn: (Diagnostic) -> Void) throws(WeekPlanError) -> Written {
        let plan = try planner.planNewJournal(request)
        plan.warnings.forEach(warn)
        let path = JournalReader.join(request.journalFolder, "\(plan.week).md")
        let fileSystem = planner.fileSystem
        let text = JournalScaffold.render(
            therapist: plan.therapist, week: plan.week, focus: plan.focus.week, content: planner.content, carried: plan.carried)
        do {
            // Checked again at the rename: never replace a journal.
            try OutputWriter(fileSystem: fileSystem).write(.file(FilePath(path), Data(text.utf8), permissions: .privateFile)) {
                if fileSystem.fileExists(at: path) { throw FileSystemError.alreadyExists(path) }
            }
        } catch {
            throw .problems([.error("cannot write: \(error)", at: SourceLocation(path: path, line: 1, column: 1))])
        }
        return Written(path: path, plan: plan, recordedStart: planner.recordStart(of: plan, warn: warn))
    }
}
