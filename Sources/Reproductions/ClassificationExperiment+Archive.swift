import NumericBridge

extension ClassificationExperiment {
    /// The L-conv generators as a `.npz` (`kind` 10, docs/formats.md): `lconv_rotated`, `lconv_scrambled`,
    /// `random_rotated`, `random_scrambled` (float64 [n_L − 1, d, d], L_i = U_i V_iᵀ in the data's pixel order),
    /// `quarter_turn` and `scrambled_quarter_turn` (int64 [d], 0-based images of the hidden symmetry in each pixel
    /// order) and `scrambling` (int64 [d], x′_j = x_{s(j)}).
    public func generatorArchive() -> NumPyArchive {
        let d = scrambling.count
        var z = NumPyArchive.described(n: d)
        z.setKind(.generators)
        for row in rows where !row.generators.isEmpty {
            let name = row.model.rawValue + (row.scrambled ? "_scrambled" : "_rotated")
            z.add(name, NumPyArray(float64: row.generators.flatMap { $0 }, shape: [row.generators.count, d, d]))
        }
        for (name, turn) in [("quarter_turn", rotation.plain), ("scrambled_quarter_turn", rotation.scrambled)] {
            z.addVector(name, turn.quarterTurn.images.map { $0 - 1 })
        }
        z.addVector("scrambling", scrambling)
        return z
    }
}
