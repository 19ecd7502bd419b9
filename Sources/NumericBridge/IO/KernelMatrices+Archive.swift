import Foundation

extension KernelMatrices {
    /// The `.npz` of the kernel matrices (`kind` 8, docs/formats.md): `samples` and the N×N matrices by name
    /// (`nngp`, `ntk` or `kernel`).
    public var archive: NumPyArchive {
        var z = NumPyArchive.described(n: features)
        z.setKind(.kernel)
        z.addScalar("samples", samples)
        for m in matrices { z.add(m.name, NumPyArray(float64: m.values, shape: [samples, samples])) }
        return z
    }
}
