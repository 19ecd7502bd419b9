// swift-tools-version:6.0
import PackageDescription

// Dependencies point one way: eqgeom (CLI) and eqgeom-bench → NumericBridge → Geometry → Algebra.
// C stays in the system-library targets CFlint (FLINT 2.9 + GMP + antic + arb), CLapack (CBLAS and LAPACK),
// CFFTW (FFTW 3) and CDeflate. OpenBLAS, FFTW, antic and zlib are linked from Debian's static archives (no
// shared object to load and relocate at start-up: OpenBLAS alone brings 14,000 symbol relocations); FLINT has
// no archive in Debian and stays shared.
let package = Package(
    name: "eqgeom",
    products: [
        .library(name: "Algebra", targets: ["Algebra"]),
        .library(name: "Geometry", targets: ["Geometry"]),
        .library(name: "NumericBridge", targets: ["NumericBridge"]),
        .executable(name: "eqgeom", targets: ["eqgeom"]),
        .executable(name: "eqgeom-bench", targets: ["EqgeomBench"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        // Property-based tests with shrinking (tests only).
        .package(url: "https://github.com/x-sheep/swift-property-based.git", from: "2.0.0"),
        // Reading `.npz` archives (sufficient statistics merged across shards).
        .package(url: "https://github.com/weichsel/ZIPFoundation.git", from: "0.9.20"),
    ],
    targets: [
        // FLINT 2.9, GMP, antic, arb (Debian libflint-dev, libgmp-dev, libantic-dev, libflint-arb-dev).
        // Debian ships no flint.pc: link via the module map.
        .systemLibrary(name: "CFlint", path: "Sources/CFlint"),
        // CBLAS and LAPACK from OpenBLAS alone (Debian libopenblas-dev): one BLAS, no reference copies; its cblas.h
        // is the system one (Debian's alternative points to OpenBLAS's), the library linked statically by
        // NumericBridge (no pkg-config: it would link the shared object too).
        .systemLibrary(name: "CLapack", path: "Sources/CLapack", providers: [.apt(["libopenblas-dev"])]),
        // FFTW 3 (Debian libfftw3-dev): real-to-complex transforms of cycles and tori.
        .systemLibrary(name: "CFFTW", path: "Sources/CFFTW"),
        // zlib (Debian zlib1g-dev): gzip input and PNG output.
        .systemLibrary(name: "CDeflate", path: "Sources/CDeflate"),
        // The built-in MNIST subset compiled into the binary (data/README.md).
        .target(name: "CBuiltinData", path: "Sources/CBuiltinData"),
        .target(name: "Algebra", dependencies: ["CFlint"]),
        .target(name: "Geometry", dependencies: ["Algebra"]),
        .target(
            name: "NumericBridge",
            dependencies: [
                "Geometry", "Algebra", "CLapack", "CFFTW", "CDeflate", "CBuiltinData",
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ],
            linkerSettings: [
                // static OpenBLAS (its Fortran LAPACK needs libgfortran), FFTW, antic and zlib: see the top
                .unsafeFlags([
                    "-Xlinker", "-Bstatic", "-Xlinker", "-lopenblas", "-Xlinker", "-lfftw3", "-Xlinker", "-lantic",
                    "-Xlinker", "-lz", "-Xlinker", "-Bdynamic", "-Xlinker", "-l:libgfortran.so.5",
                ])
            ]),
        // The companion papers' experiments and reproductions, apart from the library core.
        .target(name: "Reproductions", dependencies: ["NumericBridge", "Geometry", "Algebra"]),
        // What both executables share: reports (JSON or tables), --json/--full/--memory-limit, progress, SIGINT.
        .target(
            name: "CommandLineSupport",
            dependencies: ["Algebra", .product(name: "ArgumentParser", package: "swift-argument-parser")]),
        .executableTarget(
            name: "eqgeom",
            dependencies: [
                "Reproductions", "NumericBridge", "Geometry", "Algebra", "CommandLineSupport",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]),
        // Micro-benchmarks of the library (scripts/bench.sh, docs/benchmarks.md); not part of the shipped CLI.
        .executableTarget(
            name: "EqgeomBench",
            dependencies: [
                "NumericBridge", "Geometry", "Algebra", "CommandLineSupport",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]),
        .target(name: "EqgeomTestSupport", dependencies: ["Algebra"], path: "Tests/EqgeomTestSupport"),
        .testTarget(
            name: "AlgebraTests",
            dependencies: [
                "Algebra", "EqgeomTestSupport", .product(name: "PropertyBased", package: "swift-property-based"),
            ], exclude: ["Oracles"]),
        .testTarget(
            name: "GeometryTests", dependencies: ["Geometry", "Algebra", "EqgeomTestSupport"], exclude: ["Oracles"]),
        .testTarget(
            name: "NumericBridgeTests",
            dependencies: ["NumericBridge", "Reproductions", "Geometry", "Algebra", "EqgeomTestSupport"],
            exclude: ["Oracles"]),
        // Depends on the executable so that `swift test` always rebuilds the binary it runs.
        .testTarget(name: "CLITests", dependencies: ["EqgeomTestSupport", "eqgeom"], exclude: ["Oracles"]),
    ]
)
