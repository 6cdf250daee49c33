// swift-tools-version:6.0
// Commend embedded in a program of its own: the package depends on the
// Commend package by path, as an application next to it would.
import PackageDescription

let package = Package(
    name: "embedding-example",
    platforms: [.macOS(.v15)],
    dependencies: [.package(name: "Commend", path: "../..")],
    targets: [
        .executableTarget(name: "embedding-example", dependencies: [.product(name: "Commend", package: "Commend")]),
    ]
)
