// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "Commend",
    // Synchronization.Mutex (Parallel.map) needs macOS 15 on Apple systems.
    platforms: [.macOS(.v15)],
    products: [
        .library(name: "Commend", targets: ["Commend"]),
        .library(name: "LuaKit", targets: ["LuaKit"]),
        .library(name: "CommendStore", targets: ["CommendStore"]),
        .executable(name: "commend", targets: ["CommendCLI"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        // `make docs`: the DocC catalog of Commend (a command plugin, built only when used).
        .package(url: "https://github.com/swiftlang/swift-docc-plugin", from: "1.5.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CLua",
            pkgConfig: "lua5.4",
            providers: [.apt(["liblua5.4-dev"])]
        ),
        .target(name: "LuaGlue", dependencies: ["CLua"]),
        // zlib: recorded runs store their JSON compressed (about 20 times smaller);
        // not named CZlib, the module ZIPFoundation (xlsx) declares.
        .systemLibrary(name: "CommendZlib", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),
        // The system's libcrypto for SHA-256 (the rules and data digests):
        // swift-crypto compiled all of BoringSSL for it, most of a first build.
        .systemLibrary(name: "CCrypto", pkgConfig: "libcrypto", providers: [.apt(["libssl-dev"])]),
        .target(name: "LuaKit", dependencies: ["CLua", "LuaGlue"]),
        .target(
            name: "Commend",
            dependencies: [
                "LuaKit",
                "CCrypto",
            ]
        ),
        .target(
            name: "CommendReports",
            dependencies: [
                "Commend",
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ],
            resources: [.copy("Templates")]
        ),
        // Recorded runs (RULES.md §8): the Commend library itself pulls in no database.
        .target(
            name: "CommendStore",
            dependencies: [
                "Commend",
                "CommendZlib",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
            ]
        ),
        // `commend serve` (RULES.md §10): the engine and the store over HTTP.
        .target(
            name: "CommendServer",
            dependencies: [
                "Commend",
                "CommendStore",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
            ],
            resources: [.copy("Resources")]
        ),
        .executableTarget(
            name: "CommendCLI",
            dependencies: [
                "Commend",
                "CommendServer",
                "CommendReports",
                "CommendStore",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(name: "commend-bench", dependencies: ["LuaKit", "Commend"], path: "Benchmarks/Host"),
        // The built `commend` run as a child process: shared by the command-line tests.
        .target(name: "CommendTestSupport", path: "Tests/CommendTestSupport"),
        .testTarget(name: "LuaKitTests", dependencies: ["LuaKit"]),
        .testTarget(name: "CommendServerTests", dependencies: ["CommendTestSupport"], exclude: ["Fixtures"]),
        .testTarget(name: "LuaGlueTests", dependencies: ["CLua", "LuaGlue"], resources: [.copy("Corpus")]),
        .testTarget(
            name: "CommendReportsTests",
            dependencies: [
                "Commend",
                "CommendReports",
                "CommendTestSupport",
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ]
        ),
        .testTarget(
            name: "CommendTests",
            dependencies: [
                "Commend",
                "CommendTestSupport",
                .product(name: "PropertyBased", package: "swift-property-based"),
            ],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(
            name: "CommendStoreTests",
            dependencies: [
                "Commend",
                "CommendStore",
                "CommendTestSupport",
                .product(name: "GRDB", package: "GRDB.swift"),
            ]
        ),
    ]
)
