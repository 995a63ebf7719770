/// A journal's text whose rupture log holds `entries`, for the tests of
/// everything that reads rupture logs across weeks (carrying entries
/// forward, `attune trends`): front matter for `week` (Sam Rivera,
/// focus `when-therapy-is-questioned`), the log's prompt and heading, one
/// fenced block per entry, then `remarks`. The first entry's fence is line 10.
package func ruptureJournalText(_ week: String, _ entries: [String], remarks: String = "") -> String {
    """
    ---
    therapist: "Sam Rivera"
    week: \(week)
    focus: when-therapy-is-questioned
    ---

    <!-- prompt: rupture-log -->
    ## Rupture log

    \(entries.map { "```rupture\n\($0)\n```" }.joined(separator: "\n\n"))

    \(remarks)
    """
}
