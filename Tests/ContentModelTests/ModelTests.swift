import ContentModel
import Testing

@Suite("The curriculum's turn for a week")
struct DefaultWeekTests {
    let content: ContentModel

    init() throws {
        content = try ContentLoader.load(layers: [TestContent.files()])
    }

    func position(_ week: ISOWeek) throws -> Int {
        let id = content.defaultWeek(for: week).id
        return try #require(content.weeks.firstIndex { $0.id == id })
    }

    @Test("gives consecutive ISO weeks consecutive curriculum weeks, wrapping around", arguments: [
        "2026-W40", "2026-W52", "2026-W53", "2025-W52", "2020-W53", "1999-W52",
    ])
    func consecutive(start: String) throws {
        var week = try #require(ISOWeek(start))
        var previous = try position(week)
        for _ in 0..<8 {
            week = week.next
            let current = try position(week)
            #expect(current == (previous + 1) % content.weeks.count, "\(week)")
            previous = current
        }
    }

    @Test("continues across the end of a 53-week year")
    func acrossLongYear() throws {
        let w52 = try #require(ISOWeek("2026-W52"))
        let w53 = try #require(ISOWeek("2026-W53"))
        let next = try #require(ISOWeek("2027-W01"))
        let count = content.weeks.count
        #expect(try position(w53) == (position(w52) + 1) % count)
        #expect(try position(next) == (position(w53) + 1) % count)
    }

    @Test("repeats the whole curriculum in order")
    func cycle() throws {
        var week = try #require(ISOWeek("2026-W50"))
        var ids: [String] = []
        for _ in 0..<(2 * content.weeks.count) {
            ids.append(content.defaultWeek(for: week).id)
            week = week.next
        }
        let first = try #require(content.weeks.firstIndex { $0.id == ids[0] })
        let expected = (0..<ids.count).map { content.weeks[(first + $0) % content.weeks.count].id }
        #expect(ids == expected)
        #expect(Set(ids) == Set(content.weeks.map(\.id)))
    }

    @Test("walks the bundled curriculum too")
    func bundled() throws {
        let content = try TestContent.bundled()
        var week = try #require(ISOWeek("2026-W30"))
        var previous = content.defaultWeek(for: week).id
        for _ in 0..<60 {
            week = week.next
            let current = content.defaultWeek(for: week).id
            let index = try #require(content.weeks.firstIndex { $0.id == previous })
            #expect(current == content.weeks[(index + 1) % content.weeks.count].id, "\(week)")
            previous = current
        }
    }
}
