// swift-tools-version:6.2
import PackageDescription

/// Strict settings on every Swift target (see swift-log's Package.swift).
let strict: [SwiftSetting] = [
    .swiftLanguageMode(.v6),
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
    .enableUpcomingFeature("InternalImportsByDefault"),
]

let package = Package(
    name: "ingestd",
    products: [
        .executable(name: "ingestd", targets: ["ingestd"]),
        .library(name: "MailIngest", targets: ["MailIngest"]),
        .library(name: "FeedbackClassifier", targets: ["FeedbackClassifier"]),
        .library(name: "AgendaStore", targets: ["AgendaStore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
    ],
    targets: [
        .systemLibrary(name: "CLibEtpan", path: "Sources/CLibEtpan"),
        .systemLibrary(name: "CLibXML2", path: "Sources/CLibXML2", pkgConfig: "libxml-2.0",
                       providers: [.apt(["libxml2-dev"])]),
        .systemLibrary(name: "CGnuTLS", path: "Sources/CGnuTLS", pkgConfig: "gnutls",
                       providers: [.apt(["libgnutls28-dev"])]),
        .target(name: "MailIngest", dependencies: ["CLibEtpan", "CLibXML2", "CGnuTLS"], swiftSettings: strict),
        .target(name: "FeedbackClassifier", swiftSettings: strict),
        .systemLibrary(name: "CZlib", path: "Sources/CZlib", providers: [.apt(["zlib1g-dev"])]),
        .target(name: "AgendaStore", dependencies: ["CZlib", .product(name: "GRDB", package: "GRDB.swift")],
                swiftSettings: strict),
        .executableTarget(
            name: "ingestd",
            dependencies: [
                "MailIngest", "FeedbackClassifier", "AgendaStore",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: strict
        ),
        .executableTarget(name: "mime-bench", dependencies: ["MailIngest"], path: "benchmarks/MIMEBench",
                          swiftSettings: strict),
        .executableTarget(name: "reply-bench", dependencies: ["MailIngest"], path: "benchmarks/ReplyBench", swiftSettings: strict),
        .executableTarget(name: "classifier-bench", dependencies: ["FeedbackClassifier"], path: "benchmarks/ClassifierBench",
                          swiftSettings: strict),
        .target(name: "TestServers", path: "Tests/TestServers", swiftSettings: strict),
        .testTarget(name: "MailIngestTests", dependencies: ["MailIngest", "TestServers"], exclude: ["Fixtures"], swiftSettings: strict),
        .testTarget(name: "FeedbackClassifierTests", dependencies: ["FeedbackClassifier"], swiftSettings: strict),
        .executableTarget(name: "agenda-bench",
                          dependencies: ["AgendaStore", .product(name: "GRDB", package: "GRDB.swift")],
                          path: "benchmarks/AgendaBench",
                          swiftSettings: strict),
        .testTarget(name: "AgendaStoreTests",
                    dependencies: ["AgendaStore", .product(name: "GRDB", package: "GRDB.swift")],
                    swiftSettings: strict),
        .testTarget(name: "IngestdTests", dependencies: ["ingestd", "TestServers"], swiftSettings: strict),
    ]
)
