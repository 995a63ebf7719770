// swift-tools-version: 6.0
// The benchmark harness: a package of its own so the main build and tests
// never compile it. `make bench` builds Attune in release mode, then this.
import PackageDescription

let package = Package(
    name: "AttuneBenchmarks",
    targets: [
        .executableTarget(name: "attune-bench", path: "Sources/attune-bench"),
    ]
)
