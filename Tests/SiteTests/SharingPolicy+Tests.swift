import Privacy
import Sharing

extension SharingPolicy {
    /// The policy `attune` uses when the therapist keeps no lists: the
    /// guard still screens everything (there is no policy that does not).
    static let screening = SharingPolicy(rules: PrivacyRules())
}
