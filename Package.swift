// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "Explainer",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "explainer", targets: ["explainer"]),
        .library(name: "ExplainerKit", targets: ["ExplainerKit"]),
    ],
    dependencies: [
        .package(url: "https://github.com/jpsim/Yams.git", exact: "6.2.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache.git", exact: "2.1.1"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", exact: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log.git", exact: "1.16.2"),
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", exact: "2.28.1"),
    ],
    targets: [
        .systemLibrary(
            name: "CCmark",
            pkgConfig: "libcmark",
            providers: [.apt(["libcmark-dev"])]
        ),
        .systemLibrary(
            name: "CMimalloc",
            providers: [.apt(["libmimalloc-dev"]), .brew(["mimalloc"])]
        ),
        .target(
            name: "CPlatform",
            linkerSettings: [.linkedLibrary("z")]
        ),
        .target(
            name: "ExplainerKit",
            dependencies: [
                "CCmark",
                "CPlatform",
                .product(name: "Yams", package: "Yams"),
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Hummingbird", package: "hummingbird"),
            ]
        ),
        .executableTarget(
            name: "explainer",
            dependencies: [
                "ExplainerKit",
                "CMimalloc",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .executableTarget(
            name: "explainer-fuzz",
            dependencies: ["ExplainerKit"]
        ),
        .testTarget(
            name: "ExplainerKitTests",
            dependencies: ["ExplainerKit"]
        ),
    ]
)
