import Foundation

/// Random cyclic shifts of images along an axis, so that σ really is a symmetry of the data
/// (MATH.md §4.5: "each image cyclically shifted horizontally by a seeded uniform amount in [−6, 6]").
public enum CyclicShiftAugmentation {
    /// Each image (H×W, row-major) shifted by its own uniform amount in [−maxShift, maxShift]
    /// along x (columns) or y (rows), seeded. maxShift 0 returns the data unchanged.
    public static func apply(_ data: ImageDataset, height h: Int, width w: Int, alongColumns: Bool, maxShift: Int, seed: UInt64) -> ImageDataset {
        guard maxShift > 0 else { return data }
        precondition(h * w == data.features)
        var rng = SplitMix(seed)
        var out = data.values
        for i in 0..<data.count {
            let k = Int(rng.next() % UInt64(2 * maxShift + 1)) - maxShift
            let base = i * data.features
            for r in 0..<h { for c in 0..<w {
                let (r2, c2) = alongColumns ? (r, ((c + k) % w + w) % w) : (((r + k) % h + h) % h, c)
                out[base + r2 * w + c2] = data.values[base + r * w + c]
            } }
        }
        return ImageDataset(count: data.count, features: data.features, values: out, labels: data.labels)
    }
}

/// SplitMix64 (Steele, Lea, Flood 2014), the seeded generator of eqgeom's random choices (shifts,
/// shuffles, initialisations, component sampling): reproducible from its seed on every platform.
public struct SplitMix: RandomNumberGenerator, Sendable {
    var state: UInt64
    public init(_ seed: UInt64) { state = seed }
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    /// Uniform in [0, 1).
    mutating func uniform() -> Double { Double(next() >> 11) / Double(1 << 53) }
    /// Standard normal (Box–Muller).
    mutating func normal() -> Double {
        let u = max(uniform(), 1e-300), v = uniform()
        return (-2 * log(u)).squareRoot() * cos(2 * Double.pi * v)
    }
}
