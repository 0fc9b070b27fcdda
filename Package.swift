// swift-tools-version:6.0
import PackageDescription

// Linux only: the output folder is swapped with renameat2(RENAME_EXCHANGE) (CPlatform), the
// preview watches with inotify, and the source cache reads `stat`'s `st_mtim`. No `platforms:`
// is declared because SwiftPM has no way to name Linux alone; nothing else is supported.
// Every pin is exact: the versions Package.resolved holds.
let package = Package(
    name: "Explainer",
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
        // What Hummingbird 2.28.1 resolves to; the preview imports them directly.
        .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", exact: "2.13.0"),
        .package(url: "https://github.com/apple/swift-nio.git", exact: "2.101.3"),
        .package(url: "https://github.com/apple/swift-nio-extras.git", exact: "1.35.2"),
        .package(url: "https://github.com/apple/swift-http-types.git", exact: "1.8.0"),
        // `publish --to s3://…`: SHA-256, HMAC and MD5 for Signature Version 4 and the diff;
        // the HTTP client of the object-storage deployer.
        .package(url: "https://github.com/apple/swift-crypto.git", exact: "3.12.3"),
        .package(url: "https://github.com/swift-server/async-http-client.git", exact: "1.37.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CCmark",
            pkgConfig: "libcmark",
            providers: [.apt(["libcmark-dev"])]
        ),
        // libvips, the image codec of the media stage; used through CVipsShim only (its calls
        // are variadic, which Swift cannot make).
        .systemLibrary(
            name: "CVips",
            pkgConfig: "vips",
            providers: [.apt(["libvips-dev"])]
        ),
        // XXH3-128, the content hash of media files (cache keys, file-name fingerprints).
        .systemLibrary(
            name: "CXXHash",
            pkgConfig: "libxxhash",
            providers: [.apt(["libxxhash-dev"])]
        ),
        .systemLibrary(
            name: "CMimalloc",
            providers: [.apt(["libmimalloc-dev"])]
        ),
        .target(
            name: "CPlatform",
            linkerSettings: [.linkedLibrary("z")]
        ),
        // Small C over libvips: one initialisation, header probes, decode once, encode variants.
        .target(
            name: "CVipsShim",
            dependencies: ["CVips"]
        ),
        // The static site generator: sources in, files out. No HTTP.
        .target(
            name: "ExplainerKit",
            dependencies: [
                "CCmark",
                "CPlatform",
                "CVipsShim",
                "CXXHash",
                .product(name: "Yams", package: "Yams"),
                .product(name: "Mustache", package: "swift-mustache"),
            ],
            // ICU as Foundation ships it on Linux (`import _FoundationICU`, symbols `swift_u…`):
            // CLDR's plural rules for `LocalizedStrings.pluralCategory` (`PluralRules`).
            linkerSettings: [.linkedLibrary("_FoundationICU")],
            // The default theme, embedded from Templates/ as the kit is built (one source).
            plugins: ["EmbedTheme"]
        ),
        // Writes Templates/ as one Swift file (text as raw string literals, binary as base64).
        .executableTarget(name: "theme-embedder"),
        .plugin(
            name: "EmbedTheme",
            capability: .buildTool(),
            dependencies: ["theme-embedder"]
        ),
        // `explainer preview`: the HTTP server, the watcher, live reload, in-place updates.
        .target(
            name: "ExplainerPreview",
            dependencies: [
                "ExplainerKit",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdCore", package: "hummingbird"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOHTTPTypes", package: "swift-nio-extras"),
                .product(name: "NIOHTTPTypesHTTP1", package: "swift-nio-extras"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
            ]
        ),
        // `explainer publish --to s3://…`: an S3 client (Signature Version 4 over
        // AsyncHTTPClient), the diff of a built site against a bucket, and the ordered,
        // locked, resumable deploy with its rollback.
        .target(
            name: "ExplainerS3",
            dependencies: [
                "ExplainerKit",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .executableTarget(
            name: "explainer",
            dependencies: [
                "ExplainerKit",
                "ExplainerPreview",
                "ExplainerS3",
                "CMimalloc",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(
            name: "explainer-fuzz",
            dependencies: ["ExplainerKit"]
        ),
        .testTarget(
            name: "ExplainerKitTests",
            dependencies: [
                "ExplainerKit",
                "ExplainerPreview",
                // The preview's tests make the error NIO throws when a port is busy.
                .product(name: "NIOCore", package: "swift-nio"),
            ],
            // Read by path (the spec, the seed article), not bundled.
            exclude: ["Fixtures"]
        ),
        // The S3 deployer: the signer, the planner and the deploy against an in-memory store,
        // and (when `Scripts/seaweedfs.sh` runs them) against a real SeaweedFS on loopback.
        .testTarget(
            name: "ExplainerS3Tests",
            dependencies: [
                "ExplainerS3",
                "ExplainerKit",
                // The client's tests run a small HTTP server in the process (NIO) and map
                // AsyncHTTPClient's errors.
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
            ]
        ),
    ]
)
