import Testing
@testable import Handouts

@Suite("Work on several threads, results in order")
struct ParallelTests {
    @Test("map hands back every result in index order, whatever the number of workers", arguments: [1, 2, 7])
    func mapInOrder(workers: Int) {
        #expect(Parallel.map(3..<40, workers: workers) { $0 * $0 } == (3..<40).map { $0 * $0 })
    }
}
