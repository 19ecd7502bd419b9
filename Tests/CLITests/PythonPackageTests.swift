import Foundation
import Testing
import EqgeomTestSupport

/// The Python package (python/eqgeom) against files the binary writes: formats (npz = safetensors, metadata),
/// transforms against the dense Q, EquivariantLinear's equivariance to 1e-12 and training, ComponentAutoencoder
/// at eqgeom's exact weights within 1e-8 of eqgeom's loss, in NumPy, JAX and (where importable) PyTorch; then
/// the code of docs/pytorch.md and docs/jax.md, executed as written.
@Suite struct PythonPackageTests {
    @Test func packageAgainstTheBinary() throws {
        let (status, output) = try runPython("python/tests/test_package.py", ["--binary", eqgeomBinary().path])
        #expect(status == 0, "\(output.suffix(3000))")
        #expect(output.contains("package tests passed"), "\(output.suffix(3000))")
    }

    @Test func documentationPagesRun() throws {
        let root = packageRoot()
        let pages = ["docs/pytorch.md", "docs/jax.md"].map { root.appendingPathComponent($0).path }
        let (status, output) = try runPython("scripts/run-docs.py", ["--binary", eqgeomBinary().path] + pages)
        #expect(status == 0, "\(output.suffix(3000))")
        #expect(output.contains("docs/jax.md: ok"), "\(output.suffix(3000))")
    }
}
