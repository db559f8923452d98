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
        .library(name: "HotlineSLA", targets: ["HotlineSLA"]),
        .library(name: "HotlineHistory", targets: ["HotlineHistory"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        // SQLite for the nightly history; on Linux it links the system libsqlite3 (Debian: libsqlite3-dev).
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
    ],
    targets: [
        // libzstd from the system (Debian: libzstd-dev), found through pkg-config.
        .systemLibrary(
            name: "CZstd",
            pkgConfig: "libzstd",
            providers: [.apt(["libzstd-dev"])]
        ),
        // One static inline C function, a cache prefetch hint (Swift has no spelling for it); no I/O, no library.
        .target(name: "CPrefetch"),
        // Pure, I/O-free: records, time arithmetic, metric accumulators that merge, report rendering.
        .target(name: "HotlineCore", dependencies: ["CPrefetch"]),
        // Decompression, line-aligned chunking, CSV parsing and the parallel pipeline.
        .target(name: "HotlineInput", dependencies: ["HotlineCore", "CZstd"]),
        // Service catalogues: YAML read and validated with line numbers (Yams lives only here).
        .target(name: "HotlineSLA", dependencies: ["HotlineCore", .product(name: "Yams", package: "Yams")]),
        // The nightly history: one SQLite file of stored reports (GRDB lives only here).
        .target(name: "HotlineHistory", dependencies: ["HotlineCore", .product(name: "GRDB", package: "GRDB.swift")]),
        // Deterministic synthetic call and contact logs for datasets, tests and benchmarks.
        .target(name: "HotlineGenerator", dependencies: ["HotlineCore", "HotlineInput"]),
        .executableTarget(
            name: "hotline",
            dependencies: [
                "HotlineCore", "HotlineInput", "HotlineGenerator", "HotlineSLA", "HotlineHistory",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Helpers shared by the test targets (a seeded random generator).
        .target(name: "HotlineTestSupport", path: "Tests/HotlineTestSupport"),
        .testTarget(name: "HotlineCoreTests", dependencies: ["HotlineCore", "HotlineTestSupport"]),
        .testTarget(name: "HotlineSLATests", dependencies: ["HotlineSLA", "HotlineCore"]),
        .testTarget(name: "HotlineHistoryTests", dependencies: [
            "HotlineHistory", "HotlineCore", .product(name: "GRDB", package: "GRDB.swift"),
        ]),
        .testTarget(name: "HotlineInputTests", dependencies: ["HotlineInput", "HotlineCore", "CZstd", "HotlineTestSupport"]),
        .testTarget(
            name: "HotlineEndToEndTests",
            dependencies: [
                "HotlineInput", "HotlineCore", "HotlineGenerator", "HotlineSLA", "HotlineHistory", "hotline", "HotlineTestSupport",
            ],
            exclude: ["Fixtures"]
        ),
    ]
)
