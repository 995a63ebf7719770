import Foundation

/// Runs work for a range of indexes on several threads, and hands back the
/// results in index order, so the output never depends on which thread
/// finished first.
///
/// cmark-gfm parsing is serialised inside `GFM` (its extensions are not
/// thread-safe); templates and HTML rendering run in parallel.
///
/// `body` is `@escaping` rather than wrapped in `withoutActuallyEscaping`:
/// Swift 6.3's check that such a closure did not escape passes the source
/// file's name with the length of its unmapped path, so the release binary
/// would depend on the folder it was built in (`make release-repro`).
enum Parallel {
    static func map<T: Sendable>(_ indexes: Range<Int>, workers: Int, _ body: @escaping @Sendable (Int) -> T) -> [T] {
        let slots = Slots<T>(indexes)
        let threads = max(1, min(workers, indexes.count))
        let work: @Sendable (Int) -> Void = { _ in
            while let index = slots.next() { slots.store(body(index), at: index) }
        }
        if threads == 1 {
            work(0)
        } else {
            DispatchQueue.concurrentPerform(iterations: threads, execute: work)
        }
        return slots.results
    }

    /// The next index to take, and a place for each result.
    private final class Slots<T: Sendable>: @unchecked Sendable {
        private let lock = NSLock()
        private let indexes: Range<Int>
        private var upcoming: Int
        private var values: [T?]

        init(_ indexes: Range<Int>) {
            self.indexes = indexes
            self.upcoming = indexes.lowerBound
            self.values = Array(repeating: nil, count: indexes.count)
        }

        func next() -> Int? {
            lock.withLock {
                guard upcoming < indexes.upperBound else { return nil }
                defer { upcoming += 1 }
                return upcoming
            }
        }

        func store(_ value: T, at index: Int) {
            lock.withLock { values[index - indexes.lowerBound] = value }
        }

        var results: [T] { lock.withLock { values.map { $0! } } }
    }
}
