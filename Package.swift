// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "Attune",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "attune", targets: ["attune"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.0.0"),
        .package(url: "https://github.com/swiftcsv/SwiftCSV", from: "0.10.0"),
        .package(url: "https://github.com/apple/swift-system", from: "1.8.1"),
    ],
    targets: [
        // The C library, as Debian packages it.
        .systemLibrary(
            name: "CCmarkGFM",
            pkgConfig: "libcmark-gfm",
            providers: [
                .apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"]),
                // macOS: Homebrew's cmark-gfm ships libcmark-gfm.pc (both libraries).
                .brew(["cmark-gfm"]),
            ]
        ),
        // A thin, safe Swift layer over cmark-gfm.
        .target(name: "GFM", dependencies: ["CCmarkGFM"]),
        // The one way text is made safe for Markdown outputs, and which links may stay links.
        .target(name: "MarkdownSafety", dependencies: ["GFM"]),
        // Source locations and `path:line:column: error:` diagnostics.
        .target(name: "Diagnostics", dependencies: ["Files", .product(name: "SystemPackage", package: "swift-system")]),
        // Injectable file access; the one writer of outputs, with typed paths.
        .target(name: "Files", dependencies: [.product(name: "SystemPackage", package: "swift-system")]),
        // HTML pages to PDF in one headless Chromium per run.
        .target(name: "Printing", dependencies: ["Files", "Templating"]),
        // The teaching material: model, loader, validation.
        .target(name: "ContentModel", dependencies: ["Diagnostics", "Yams"]),
        // A therapist's weekly journal: parse and scaffold.
        .target(name: "Journal", dependencies: [
            "ContentModel", "Diagnostics", "Files", "GFM", "MarkdownSafety", "Yams", .product(name: "SystemPackage", package: "swift-system"),
        ]),
        // Mustache templates with strict contexts.
        .target(name: "Templating", dependencies: [
            "Diagnostics",
            .product(name: "Mustache", package: "swift-mustache"),
        ]),
        // Content/ and Templates/ compiled into the binary.
        .target(name: "Bundled", plugins: ["EmbedFolders"]),
        // Shared by every output: resources, safe Markdown to HTML.
        .target(name: "Rendering", dependencies: ["Bundled", "ContentModel", "Diagnostics", "Files", "GFM", "MarkdownSafety", "Templating"]),
        // The build pipeline: journal + content -> workbook.
        .target(name: "Workbook", dependencies: [
            "Rendering", "ContentModel", "Diagnostics", "Files", "Journal", "MarkdownSafety", "Printing", "Privacy", "Sharing", "Templating",
            .product(name: "SystemPackage", package: "swift-system"),
        ]),
        // Client-identifier scanning for everything meant to be shared.
        .target(name: "Privacy", dependencies: ["Bundled", "Diagnostics"]),
        // What may leave the machine: the journal guard and the material
        // screen, which every sharing pipeline must be given.
        .target(name: "Sharing", dependencies: ["Bundled", "Diagnostics", "Files", "Journal", "Privacy"]),
        // A supervisor's cohort: one personalised handout per trainee.
        .target(name: "Handouts", dependencies: [
            "Rendering", "ContentModel", "Diagnostics", "Files", "GFM", "Journal", "MarkdownSafety", "Printing", "Sharing", "Yams",
            .product(name: "SwiftCSV", package: "SwiftCSV"),
            .product(name: "SystemPackage", package: "swift-system"),
        ]),
        // The training material as a static website.
        .target(name: "Site", dependencies: [
            "Rendering", "Workbook", "ContentModel", "Diagnostics", "Files", "GFM", "MarkdownSafety", "Printing", "Sharing", "Templating",
            .product(name: "SystemPackage", package: "swift-system"),
        ]),
        // Patterns across weeks: the rupture log's trends report.
        .target(name: "Trends", dependencies: [
            "Rendering", "ContentModel", "Diagnostics", "Files", "Journal", "MarkdownSafety", "Printing", "Templating",
            .product(name: "SystemPackage", package: "swift-system"),
        ]),
        // The week's workbook as a fillable page, and importing its answers.
        .target(name: "BrowserForm", dependencies: [
            "Rendering", "ContentModel", "Diagnostics", "Files", "Journal", "MarkdownSafety", "Templating",
            .product(name: "SystemPackage", package: "swift-system"),
        ]),
        // Command-line interface as a library, so tests can drive it.
        .target(name: "AttuneCLI", dependencies: [
            "Rendering", "Workbook", "Files", "Diagnostics", "ContentModel", "GFM", "Journal", "Printing", "Privacy", "Sharing", "Handouts", "Site", "Trends", "BrowserForm",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        .executableTarget(name: "attune", dependencies: ["AttuneCLI"]),
        // `make privacy-eval`: the guard's recall and precision on its labelled corpus.
        .executableTarget(name: "privacy-eval", dependencies: ["Privacy"]),

        .executableTarget(name: "attune-embed", path: "Plugins/EmbedTool"),
        .plugin(name: "EmbedFolders", capability: .buildTool(), dependencies: ["attune-embed"]),

        // Shared by test targets only: the seeded random generator.
        .target(name: "TestSupport", path: "Tests/TestSupport"),

        .testTarget(name: "GFMTests", dependencies: ["GFM"]),
        .testTarget(name: "MarkdownSafetyTests", dependencies: ["MarkdownSafety", "GFM", "TestSupport"]),
        .testTarget(name: "DiagnosticsTests", dependencies: ["Diagnostics"]),
        .testTarget(name: "FilesTests", dependencies: ["Files", .product(name: "SystemPackage", package: "swift-system")]),
        .testTarget(name: "PrintingTests", dependencies: ["Printing"]),
        .testTarget(name: "ContentModelTests", dependencies: ["ContentModel", "Bundled", "Diagnostics", "TestSupport"]),
        .testTarget(name: "JournalTests", dependencies: ["Journal", "ContentModel", "Bundled", "Diagnostics", "Files", "GFM", "TestSupport"]),
        .testTarget(name: "TemplatingTests", dependencies: ["Templating", "Diagnostics", "TestSupport", .product(name: "Mustache", package: "swift-mustache")]),
        .testTarget(name: "RenderingTests", dependencies: ["Rendering", "ContentModel", "Diagnostics", "Files", "Templating"]),
        .testTarget(name: "WorkbookTests", dependencies: ["Rendering", "Workbook", "Files", "Journal", "ContentModel", "Diagnostics", "GFM", "Privacy", "Sharing"], exclude: ["Golden", "Corpus"]),
        .testTarget(name: "PrivacyTests", dependencies: ["Privacy", "Diagnostics"], exclude: ["Corpus"]),
        .testTarget(name: "SharingTests", dependencies: ["Sharing", "Privacy", "Diagnostics", "Bundled", "Files"]),
        .testTarget(name: "HandoutsTests", dependencies: ["Rendering", "Handouts", "Files", "Diagnostics", "ContentModel", "Privacy", "Sharing", "Printing"], exclude: ["Golden"]),
        .testTarget(name: "SiteTests", dependencies: ["Rendering", "Site", "Workbook", "Files", "ContentModel", "Printing", "Privacy", "Sharing", "Templating"]),
        .testTarget(name: "TrendsTests", dependencies: ["Rendering", "Trends", "Workbook", "Files", "Diagnostics", "ContentModel", "Journal"], exclude: ["Golden"]),
        .testTarget(name: "BrowserFormTests", dependencies: ["Rendering", "BrowserForm", "Files", "Diagnostics", "ContentModel", "Journal", "Templating"]),
        .testTarget(name: "AttuneCLITests", dependencies: ["Rendering", "AttuneCLI", "Bundled", "Files", "Printing", "Workbook", "TestSupport", "attune"]),
    ]
)
