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
public struct SharingPolicy: Sendable {
    /// Journals: findings, and the redacted shared copy.
    public let journals: PrivacyGuard
    /// A programme's own material, before it is published.
    public let material: MaterialScreen

    public init(rules: PrivacyRules) {
        journals = PrivacyGuard(rules: rules)
        material = MaterialScreen(rules: rules)
    }

    /// A trainee's shared journal, as the cohort summary would read it: any
    /// finding not allowed is an error that stops the run.
    public func screenSharedJournal(_ journal: Journal) -> [Diagnostic] {
        journals.findings(in: journal).map(\.diagnostic)
    }
}
