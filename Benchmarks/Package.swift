// swift-tools-version:6.1
import Foundation
import PackageDescription

// The hot-loop benchmarks, a package of their own (as swift-nio does) so that
// the root package's build, tests and CI never build ordo-one/benchmark.
// `.package(path: "..")` takes its identity from the checkout folder's name,
// which differs between clones: read it rather than assume it.
let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().lastPathComponent

let package = Package(
    name: "HotlineBenchmarks",
    platforms: [.macOS(.v15)],
    dependencies: [
        .package(path: ".."),
        // MallocInterposer: the default trait needs a package that is not available offline.
        .package(url: "https://github.com/ordo-one/benchmark", from: "1.38.1", traits: ["MallocInterposer"]),
    ],
    targets: [
        .executableTarget(
            name: "HotLoops",
            dependencies: [
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "HotlineCore", package: root),
                .product(name: "HotlineInput", package: root),
                .product(name: "HotlineGenerator", package: root),
            ],
            path: "Benchmarks/HotLoops",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
    ]
)
