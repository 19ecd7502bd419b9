import Foundation

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
            // scaled by a power of two (exact) first, so that neither the mean nor the squares underflow or
            // overflow: a sample at 1e-200 is normalised like the same sample at 1
            let largest = x[row].reduce(0) { max($0, abs($1)) }
            guard largest > 0, largest.isFinite else {
                for i in row { out[i] = largest > 0 ? .nan : 0 }
                continue
            }
            let e = -Int(largest.exponent)
            let mean = self == .centeredSphere ? x[row].reduce(0) { $0 + scalbn($1, e) } / Double(d) : 0
            let norm = x[row].reduce(0) { $0 + (scalbn($1, e) - mean) * (scalbn($1, e) - mean) }.squareRoot()
            for i in row { out[i] = norm > 0 ? (scalbn(x[i], e) - mean) / norm : 0 }
        }
        return out
    }
}
