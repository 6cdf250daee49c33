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
        // zlib: recorded runs store their JSON compressed (about 20 times smaller).
        .systemLibrary(name: "CZlib", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),
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
        // Recorded runs (RULES.md §8): the Commend library itself pulls in no database.
        .target(
            name: "CommendStore",
            dependencies: [
                "Commend",
                "CZlib",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
            ]
        ),
        .executableTarget(
            name: "CommendCLI",
            dependencies: [
                "Commend",
                "CommendStore",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(name: "commend-bench", dependencies: ["LuaKit", "Commend"], path: "Benchmarks/Host"),
        .testTarget(name: "LuaKitTests", dependencies: ["LuaKit"]),
        .testTarget(name: "LuaGlueTests", dependencies: ["CLua", "LuaGlue"], resources: [.copy("Corpus")]),
        .testTarget(
            name: "CommendTests",
            dependencies: [
                "Commend",
                .product(name: "PropertyBased", package: "swift-property-based"),
            ],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(
            name: "CommendStoreTests",
            dependencies: [
                "Commend",
                "CommendStore",
                .product(name: "GRDB", package: "GRDB.swift"),
            ]
        ),
    ]
)
