import ContentModel

/// A rupture still open when a new week starts: the latest entry for a
/// client, rated 2 or lower for resolution, whose "what happened next"
/// question has not been answered since.
package struct CarriedRupture: Sendable, Equatable {
    /// The alias as the therapist last wrote it.
    package var client: String
    /// The journal the latest entry is in.
    package var journalWeek: ISOWeek
    package var entry: RuptureEntry
    /// Every repair tried with this client in earlier journals, in content order.
    package var tried: [String]
    /// The repair steps (the five steps) not yet tried with this client.
    package var stepsNotTried: [String]
    /// Practices and strategies that answer the entry's markers, not yet tried.
    package var suggestions: [String]
}

/// Finds what `attune new` brings forward, so nothing unresolved is dropped.
///
/// Keyed to the client alias: the latest entry for each alias decides. A
/// later entry rated 3 or more, or an answer under the carried question
/// ("What happened next with …?") in a later journal, closes it. Old
/// journals are only read; the question is written into the new one.
package enum RuptureCarryForward {
    package static let questionPrefix = "What happened next with "

    package static func question(for client: String) -> String {
        "\(questionPrefix)\(client)?"
    }

    /// Open ruptures from `journals` written before `week`, oldest first.
    package static func unresolved(in journals: [Journal], before week: ISOWeek, content: ContentModel) -> [CarriedRupture] {
        let earlier = journals.filter { $0.week < week }.sorted { $0.week < $1.week }
        var latest: [String: (entry: RuptureEntry, journal: ISOWeek, order: Int)] = [:]
        var tried: [String: Set<String>] = [:]
        var answeredAfter: [String: ISOWeek] = [:]
        var order = 0
        for journal in earlier {
            guard let log = journal.ruptureLog else { continue }
            for entry in log.entries {
                let key = entry.clientKey
                order += 1
                tried[key, default: []].formUnion(entry.repairs)
                if let current = latest[key], (current.entry.week, current.journal) > (entry.week, journal.week) { continue }
                latest[key] = (entry, journal.week, order)
            }
            for key in log.followedUp { answeredAfter[key] = journal.week }
        }
        let repairOrder = SectionID.repairSections.flatMap { content.cards(in: $0).map(\.id) }
        return latest
            .filter { key, value in
                value.entry.isUnresolved && !(answeredAfter[key].map { $0 > value.journal } ?? false)
            }
            .sorted { ($0.value.entry.week, $0.value.order) < ($1.value.entry.week, $1.value.order) }
            .map { key, value in
                let done = tried[key] ?? []
                let answering = value.entry.markers.compactMap(content.card).flatMap(\.answeredBy)
                return CarriedRupture(
                    client: value.entry.client,
                    journalWeek: value.journal,
                    entry: value.entry,
                    tried: repairOrder.filter(done.contains),
                    stepsNotTried: content.cards(in: .repairSteps).map(\.id).filter { !done.contains($0) },
                    suggestions: repairOrder.filter {
                        answering.contains($0) && !done.contains($0) && content.card($0)?.section != .repairSteps
                    }
                )
            }
    }
}
