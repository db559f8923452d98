// swift-tools-version:6.1
import Foundation
import PackageDescription

// The libFuzzer targets (docs/fuzzing.md), a package of their own so that the
// root package's `swift build` and `swift test` never build with fuzzer flags.
// Build them with `Fuzzing/run.sh`, which passes `-sanitize=fuzzer,address`.
// `.package(path: "..")` takes its identity from the checkout folder's name,
// which differs between clones: read it rather than assume it.
let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().lastPathComponent

/// One executable per fuzz target: its `LLVMFuzzerTestOneInput` is called by libFuzzer's `main`.
func fuzzTarget(_ name: String, _ products: [String]) -> Target {
    .executableTarget(
        name: name,
        dependencies: ["FuzzSupport"] + products.map { .product(name: $0, package: root) },
        path: "Targets/\(name)"
    )
}

let package = Package(
    name: "HotlineFuzz",
    platforms: [.macOS(.v15)],
    dependencies: [
        .package(path: ".."),
    ],
    targets: [
        // What the targets share: the input's cutting, a scratch file, the chunk parser's driver.
        .target(name: "FuzzSupport", dependencies: [
            .product(name: "HotlineCore", package: root), .product(name: "HotlineInput", package: root),
        ], path: "Targets/FuzzSupport"),
        fuzzTarget("FuzzTimestamp", ["HotlineCore"]),
        fuzzTarget("FuzzCanonicalCSV", ["HotlineCore", "HotlineInput"]),
        fuzzTarget("FuzzQueueLogLines", ["HotlineCore", "HotlineInput"]),
        fuzzTarget("FuzzCDRLines", ["HotlineCore", "HotlineInput"]),
        fuzzTarget("FuzzSwitchLogFile", ["HotlineCore", "HotlineInput"]),
        fuzzTarget("FuzzZstdReader", ["HotlineInput"]),
        fuzzTarget("FuzzSLACatalogue", ["HotlineSLA"]),
    ]
)
