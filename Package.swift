// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "hotline",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "hotline", targets: ["hotline"]),
        .library(name: "HotlineCore", targets: ["HotlineCore"]),
        .library(name: "HotlineInput", targets: ["HotlineInput"]),
        .library(name: "HotlineGenerator", targets: ["HotlineGenerator"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    ],
    targets: [
        // libzstd from the system (Debian: libzstd-dev), found through pkg-config.
        .systemLibrary(
            name: "CZstd",
            pkgConfig: "libzstd",
            providers: [.apt(["libzstd-dev"])]
        ),
        // Pure, I/O-free: records, time arithmetic, metric accumulators that merge, report rendering.
        .target(name: "HotlineCore"),
        // Decompression, line-aligned chunking, CSV parsing and the parallel pipeline.
        .target(name: "HotlineInput", dependencies: ["HotlineCore", "CZstd"]),
        // Deterministic synthetic call and contact logs for datasets, tests and benchmarks.
        .target(name: "HotlineGenerator", dependencies: ["HotlineCore", "HotlineInput"]),
        .executableTarget(
            name: "hotline",
            dependencies: [
                "HotlineCore", "HotlineInput", "HotlineGenerator",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Helpers shared by the test targets (a seeded random generator).
        .target(name: "HotlineTestSupport", path: "Tests/HotlineTestSupport"),
        .testTarget(name: "HotlineCoreTests", dependencies: ["HotlineCore", "HotlineTestSupport"]),
        .testTarget(name: "HotlineInputTests", dependencies: ["HotlineInput", "HotlineCore", "CZstd", "HotlineTestSupport"]),
        .testTarget(
            name: "HotlineEndToEndTests",
            dependencies: ["HotlineInput", "HotlineCore", "HotlineGenerator", "hotline", "HotlineTestSupport"],
            exclude: ["Fixtures"]
        ),
    ]
)
