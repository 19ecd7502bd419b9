/// Per-sample normalisation before a kernel (MATH.md §11.2, Fig. 4: "images mean-centred and unit-norm").
/// Both commute with coordinate permutations, so an orbit stays an orbit.
public enum SampleNormalization: String, Sendable, CaseIterable {
    /// The values as given.
    case none
    /// x / ‖x‖ (a zero sample stays zero).
    case sphere
    /// (x − mean(x)·1) / ‖x − mean(x)·1‖.
    case centeredSphere = "centered-sphere"

    /// The rows of a row-major batch (d values per row), normalised.
    public func apply(_ x: [Double], features d: Int) -> [Double] {
        guard self != .none, d > 0 else { return x }
        var out = x
        for start in stride(from: 0, to: x.count, by: d) {
            let row = start..<(start + d)
            let mean = self == .centeredSphere ? x[row].reduce(0, +) / Double(d) : 0
            let norm = x[row].reduce(0) { $0 + ($1 - mean) * ($1 - mean) }.squareRoot()
            for i in row { out[i] = norm > 0 ? (x[i] - mean) / norm : 0 }
        }
        return out
    }
}
