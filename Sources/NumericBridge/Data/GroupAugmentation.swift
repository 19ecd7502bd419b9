import Foundation
import Algebra

/// Each sample moved by its own uniformly random element of a permutation group (seeded), so that the
/// group is a symmetry of the data (for D4: rotations and reflections as augmentation). The group's
/// elements are listed once through its stabiliser chain (refused past `elementLimit`).
public enum GroupAugmentation {
    /// Most group elements listed before the augmentation is refused.
    public static let elementLimit = 100_000

    /// x ↦ P_g x: pixel p of the result is pixel g⁻¹(p) of the input, i.e. out[g(p)] = x[p].
    public static func apply(_ data: ImageDataset, generators: [[Int32]], seed: UInt64) throws -> ImageDataset {
        let n = data.features
        let elements = try Self.elements(generators, degree: n)
        var rng = SplitMix(seed)
        var out = data.values
        for i in 0..<data.count {
            let g = elements[Int(rng.next() % UInt64(elements.count))]
            let base = i * n
            for p in 0..<n { out[base + Int(g[p])] = data.values[base + p] }
        }
        return ImageDataset(count: data.count, features: n, values: out, labels: data.labels)
    }

    /// All elements of ⟨generators⟩ (identity first), through the group's stabiliser chain; refused past
    /// `elementLimit` elements or when the list (4·n bytes per element) would exceed the memory budget.
    public static func elements(_ generators: [[Int32]], degree n: Int) throws -> [[Int32]] {
        let cap = min(elementLimit, max(1, MemoryBudget.limit / max(4 * n + 64, 1)))
        let group = try PermutationGroup(generators: generators.map { try Permutation(zeroBasedImages: $0) }, degree: n)
        guard let list = group.elements(limit: cap) else {
            throw NumericError.tooLarge(
                "the group has \(group.order) elements, more than \(cap) (the limit for listing them within the memory "
                    + "budget); augment with a subgroup's generators")
        }
        return list.map(\.zeroBasedImages)
    }
}
