import Algebra
import Foundation

/// Random cyclic shifts of images along an axis, so that σ really is a symmetry of the data
/// (MATH.md §4.5: "each image cyclically shifted horizontally by a seeded uniform amount in [−6, 6]").
public enum CyclicShiftAugmentation {
    /// Each image (H×W, row-major) shifted by its own uniform amount in [−maxShift, maxShift]
    /// along x (columns) or y (rows), seeded. maxShift 0 returns the data unchanged.
    public static func apply(
        _ data: ImageDataset, height h: Int, width w: Int, alongColumns: Bool, maxShift: Int, seed: UInt64
    ) -> ImageDataset {
        guard maxShift > 0 else { return data }
        precondition(h * w == data.features)
        var rng = SplitMix(seed)
        var out = data.values
        for i in 0..<data.count {
            let k = Int(rng.next() % UInt64(2 * maxShift + 1)) - maxShift
            let base = i * data.features
            for r in 0..<h {
                for c in 0..<w {
                    let (r2, c2) = alongColumns ? (r, ((c + k) % w + w) % w) : (((r + k) % h + h) % h, c)
                    out[base + r2 * w + c2] = data.values[base + r * w + c]
                }
            }
        }
        return ImageDataset(count: data.count, features: data.features, values: out, labels: data.labels)
    }
}
