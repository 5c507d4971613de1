// swift-tools-version:6.0
// masweep: Monte Carlo sweeps reproducing five movable-antenna papers.
// Layering (arrows point down only):
//   masweep (CLI) → SweepEngine → ScenarioKit
//                 → Scenarios → AntennaModels → Optimization → LinearAlgebra → CLAPACK
//                                             ↘ Randomness     ↘ CGLPK
import PackageDescription

let numerics = Target.Dependency.product(name: "Numerics", package: "swift-numerics")
let complex = Target.Dependency.product(name: "ComplexModule", package: "swift-numerics")

let package = Package(
    name: "masweep",
    products: [
        .executable(name: "masweep", targets: ["masweep"]),
        .library(name: "SweepEngine", targets: ["SweepEngine"]),
        .library(name: "Scenarios", targets: ["Scenarios"]),
        .library(name: "Optimization", targets: ["Optimization"]),
        .library(name: "LinearAlgebra", targets: ["LinearAlgebra"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-numerics", from: "1.1.1"),
    ],
    targets: [
        // Native libraries (Debian packages; `make deps` installs them).
        .systemLibrary(
            name: "CLAPACK", path: "Sources/CLAPACK",
            providers: [.apt(["libopenblas-dev", "liblapacke-dev"])]),
        .systemLibrary(
            name: "CGLPK", path: "Sources/CGLPK",
            providers: [.apt(["libglpk-dev"])]),

        // Counter-based random streams: the only source of randomness in the product.
        .target(name: "Randomness"),
        .target(name: "LinearAlgebra", dependencies: ["CLAPACK", complex]),
        .target(name: "Optimization", dependencies: ["LinearAlgebra", "CGLPK", "Randomness", complex]),
        .target(name: "AntennaModels", dependencies: ["LinearAlgebra", "Randomness", numerics]),
        // The contract between scenarios and the engine; knows nothing of YAML, files or threads.
        .target(name: "ScenarioKit", dependencies: ["Randomness"]),
        .target(
            name: "Scenarios",
            dependencies: ["ScenarioKit", "AntennaModels", "Optimization", "LinearAlgebra", numerics]),
        .target(
            name: "SweepEngine",
            dependencies: ["ScenarioKit", "Randomness", .product(name: "Yams", package: "Yams")]),
        .executableTarget(
            name: "masweep",
            dependencies: [
                "SweepEngine", "Scenarios", "ScenarioKit", "Optimization", "LinearAlgebra",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]),

        // `make bench`: measurements side by side in one run (never a test, never fails on a number).
        .executableTarget(
            name: "masweep-bench",
            dependencies: ["SweepEngine", "Scenarios", "ScenarioKit", "Optimization", "LinearAlgebra", "Randomness",
                           "AntennaModels", complex],
            path: "Sources/Benchmarks"),

        .testTarget(name: "RandomnessTests", dependencies: ["Randomness"]),
        .testTarget(name: "LinearAlgebraTests", dependencies: ["LinearAlgebra", complex]),
        .testTarget(
            name: "OptimizationTests",
            dependencies: ["Optimization", "LinearAlgebra", "Randomness", complex],
            resources: [.copy("Fixtures")]),
        .testTarget(name: "AntennaModelsTests", dependencies: ["AntennaModels", numerics]),
        .testTarget(name: "ScenariosTests", dependencies: ["Scenarios", "ScenarioKit", "SweepEngine", "LinearAlgebra"]),
        .testTarget(
            name: "SweepEngineTests",
            dependencies: ["SweepEngine", "ScenarioKit", "Randomness"]),
        .testTarget(
            name: "CLITests", dependencies: ["masweep"],
            resources: [.copy("Fixtures")]),
    ],
    swiftLanguageModes: [.v6]
)
