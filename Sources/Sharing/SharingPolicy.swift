import Diagnostics
import Journal
import Privacy

/// The one place that decides what may leave the therapist's machine.
///
/// Every pipeline that writes something meant to be shared (the cohort
/// handouts, which read trainees' shared journals; the published site,
/// which carries a programme's own material) takes a policy when it is
/// made, and none has a default: a pipeline cannot skip screening by being
/// built without one. `attune build --share` goes through the same
/// `PrivacyGuard` the policy holds.
package struct SharingPolicy: Sendable {
    /// Journals: findings, and the redacted shared copy.
    package let journals: PrivacyGuard
    /// A programme's own material, before it is published.
    package let material: MaterialScreen
    package init(rules: PrivacyRules) {
        journals = PrivacyGuard(rules: rules)
        material = MaterialScreen(rules: rules)
    }

    /// A supervisor's notes to the cohort and to each trainee, which every
    /// trainee's handout and the printable `all.html` carry: a client named
    /// in a note would reach the whole group. The cohort's own people (the
    /// trainees, the supervisor, the cohort's name), whole or by any parts
    /// of their names, are who the notes are for, and pass; so do links,
    /// which a supervisor gives for reading.
    package func screenNotes(_ notes: [MaterialItem], people: [String]) -> [Diagnostic] {
        let parts = Set(people.flatMap { $0.lowercased().split(whereSeparator: { !$0.isLetter && $0 != "'" && $0 != "’" && $0 != "-" }) }.map(String.init))
        func isOwnName(_ text: String) -> Bool {
            let words = text.lowercased().split(whereSeparator: { !$0.isLetter && $0 != "'" && $0 != "’" && $0 != "-" }).map(String.init)
            return !words.isEmpty && words.allSatisfy { parts.contains($0) || parts.contains($0.replacingOccurrences(of: "'s", with: "")) }
        }
        return notes.flatMap { note in
            journals.scanner.scan(note.text, path: note.location.path)
                .filter { $0.allowedBy == nil && $0.category != .url }
                .filter { !(($0.category == .name || $0.category == .initials) && isOwnName($0.text)) }
                .map { finding in
                    var finding = finding
                    finding.location = note.location
                    return finding.diagnostic
                }
        }
    }

    /// A trainee's shared journal, as the cohort summary would read it: any
    /// finding not allowed is an error that stops the run.
    package func screenSharedJournal(_ journal: Journal) -> [Diagnostic] {
        journals.findings(in: journal).map(\.diagnostic)
    }
}
