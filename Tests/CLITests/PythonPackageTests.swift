import Foundation
import Testing
import EqgeomTestSupport

/// The Python package (python/src/eqgeom) against files the binary writes: formats (npz = safetensors, metadata),
/// transforms against the dense Q, EquivariantLinear's equivariance to 1e-12 and training, ComponentAutoencoder
/// at eqgeom's exact weights within 1e-8 of eqgeom's loss, in NumPy, JAX and (where importable) PyTorch; then
/// the code of docs/pytorch.md and docs/jax.md, executed as written.
@Suite struct PythonPackageTests {
    /// `pytest python/tests` with this build as EQGEOM_BIN: every test passes and none fails or errors.
    @Test func packageAgainstTheBinary() throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-m", "pytest", "python/tests", "-q", "-p", "no:cacheprovider"]
        process.currentDirectoryURL = packageRoot()
        var environment = ProcessInfo.processInfo.environment
        environment["EQGEOM_BIN"] = eqgeomBinary().path
        process.environment = environment
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let output = String(decoding: data, as: UTF8.self)
        #expect(process.terminationStatus == 0, "\(output.suffix(3000))")
        #expect(output.contains(" passed") && !output.contains("failed"), "\(output.suffix(3000))")
    }

    @Test func documentationPagesRun() throws {
        let root = packageRoot()
        let pages = ["docs/pytorch.md", "docs/jax.md"].map { root.appendingPathComponent($0).path }
        let (status, output) = try runPython("scripts/run-docs.py", ["--binary", eqgeomBinary().path] + pages)
        #expect(status == 0, "\(output.suffix(3000))")
        #expect(output.contains("docs/jax.md: ok"), "\(output.suffix(3000))")
    }
}
