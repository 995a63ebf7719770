import ContentModel
import Diagnostics
import Files
import Foundation
import Journal
import Rendering

import struct SystemPackage.FilePath

/// What `attune form` is asked to write.
package struct FormRequest: Sendable {
    package var plan: WeekPlanRequest
    /// The page to write; `nil` for `out/<week>-form.html`.
    package var outputPath: String?
    /// Overlays the page was made with: inputs the page may not be written over.
    package var contentOverlay: String?
    package var templatesOverlay: String?

    package init(plan: WeekPlanRequest, outputPath: String? = nil, contentOverlay: String? = nil, templatesOverlay: String? = nil) {
        self.plan = plan
        self.outputPath = outputPath
        self.contentOverlay = contentOverlay
        self.templatesOverlay = templatesOverlay
    }
}

/// `attune form`'s front end: plans the week as `attune new` would (the
/// week's own journal, when there is one, decides focus and name), renders
/// the page, writes it, and records the course's start the first time.
package struct FormWriter: Sendable {
    package let resources: Resources
    package let fileSystem: FileSystem

    package init(resources: Resources, fileSystem: FileSystem) {
        self.resources = resources
        self.fileSystem = fileSystem
    }

    /// What was written.
    package struct Written: Sendable {
        package var path: String
        package var plan: WeekPlan
        /// The start written to `course.yaml`, when this run wrote it.
        package var recordedStart: CourseStart?
        /// What the page's download is called, for `attune import`.
        package var downloadName: String
    }

    /// `warn` hears each warning when it arises, before anything fails.
    package func write(_ request: FormRequest, warn: (Diagnostic) -> Void) throws(WeekPlanError) -> Written {
        let planner = WeekPlanner(content: resources.content, fileSystem: fileSystem)
        let plan = try planner.planForm(request.plan)
        plan.warnings.forEach(warn)
        let page: String
        do {
            page = try FormRenderer(resources: resources)
                .render(therapist: plan.therapist, week: plan.week, focus: plan.focus.week, carried: plan.carried)
        } catch {
            throw .problems(error.diagnostics)
        }
        let path = request.outputPath ?? "out/\(plan.week)-form.html"
        do {
            try OutputWriter(fileSystem: fileSystem).write(
                .file(FilePath(path), Data(page.utf8), permissions: .privateFile),
                inputs: OutputGuard.inputs([request.plan.journalFolder, request.contentOverlay, request.templatesOverlay]))
        } catch {
            throw .problems(DiagnosticError(writing: error, at: path).diagnostics)
        }
        // As `attune new` does: the first week's start is written down, so
        // next week's form (or journal) counts from it instead of guessing.
        let recorded = planner.recordStart(of: plan, warn: warn)
        return Written(path: path, plan: plan, recordedStart: recorded, downloadName: FormRenderer.fileName(for: plan.week))
    }
}
