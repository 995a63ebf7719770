import Testing
@testable import Handouts

@Suite("Work on several threads, results in order")
struct ParallelTests {
    @Test("map hands back every result in index order, whatever the number of workers", arguments: [1, 2, 7])
    func mapInOrder(workers: Int) {
        #expect(Parallel.map(3..<40, workers: workers) { $0 * $0 } == (3..<40).map { $0 * $0 })
    }

    @Test("both runs two different jobs and returns each one's result in its place")
    func both() {
        let (number, text) = Parallel.both { (1...100).reduce(0, +) } and: { String(repeating: "a", count: 3) }
        #expect(number == 5050)
        #expect(text == "aaa")
    }
}
