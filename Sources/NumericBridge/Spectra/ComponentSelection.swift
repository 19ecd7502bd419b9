import Foundation
import Algebra
import Geometry

/// Which component of E_r to evaluate: the best for the data, the paper's MNIST tuple, two data-blind
/// rules, or a given tuple (MATH.md §4.5, §8.7).
public enum ComponentChoice: Sendable, Equatable {
    case best, paper, equalRank, highPass
    case tuple([Int])

    /// The choice's name in reports.
    public var name: String {
        switch self {
        case .best: return "best"
        case .paper: return "paper"
        case .equalRank: return "equal-rank"
        case .highPass: return "high-pass"
        case .tuple: return "given"
        }
    }
}

/// Which component to use at rank r (MATH.md §4.5, §8.7), from the block spectra of the data.
public enum ComponentSelection {
    /// The component of least loss over all components (deficient ones included), from the block spectra.
    public static func best(_ spectra: some BlockSpectra, rank r: Int) -> [Int] {
        let t = bestTuple(energies: spectra.energies, weights: spectra.realBlocks.map(\.weight), rank: r)
        return maximal(t, spectra.shapes, rank: r)
    }

    /// The tuple a choice names at rank r (the paper's is fixed; `TrainingExperiment.check` refuses it off its
    /// setting).
    public static func tuple(for choice: ComponentChoice, spectra: some BlockSpectra, rank r: Int) -> [Int] {
        switch choice {
        case .best: return best(spectra, rank: r)
        case .paper: return paperTuple
        case .equalRank: return equalRank(spectra.shapes, rank: r)
        case .highPass: return highPass(spectra.shapes, rank: r)
        case .tuple(let t): return t
        }
    }

    /// Maximise the retained energy Σ_b Σ_{i<t_b} e_{b,i} subject to Σ w_b t_b ≤ r (MATH.md §8.7 item 4),
    /// a multiple-choice knapsack with concave gains solved exactly by a dynamic programme over blocks and
    /// used rank, O(blocks·r·μ). Greedy by eigenvalue is not exact when weights differ.
    public static func bestTuple(energies: [[Double]], weights: [Int], rank r: Int) -> [Int] {
        let blockCount = energies.count
        // value[b][s]: best energy from blocks b… with rank budget s; choice[b][s]: t_b there
        var value = [[Double]](repeating: [Double](repeating: 0, count: r + 1), count: blockCount + 1)
        var choice = [[Int]](repeating: [Int](repeating: 0, count: r + 1), count: blockCount)
        for b in stride(from: blockCount - 1, through: 0, by: -1) {
            let w = weights[b]
            var prefix = [0.0]
            for l in energies[b] { prefix.append((prefix.last ?? 0) + l) }
            for s in 0...r {
                var bestValue = value[b + 1][s]
                var bestT = 0
                for t in stride(from: 1, through: min(energies[b].count, s / w), by: 1) {
                    let v = prefix[t] + value[b + 1][s - w * t]
                    if v > bestValue {
                        bestValue = v
                        bestT = t
                    }
                }
                value[b][s] = bestValue
                choice[b][s] = bestT
            }
        }
        var t = [Int](repeating: 0, count: blockCount)
        var s = r
        for b in 0..<blockCount {
            t[b] = choice[b][s]
            s -= weights[b] * t[b]
        }
        return t
    }

    /// "Equal rank": every block gets the same t = k where possible (k as large as fits, capped at d_b),
    /// the leftover rank going one unit at a time to blocks in canonical order (lowest frequency first).
    public static func equalRank(_ variety: EquivariantVariety) -> [Int] {
        equalRank(variety.shapes, rank: variety.rank)
    }

    /// "Equal rank" for any block shapes (canonical order).
    public static func equalRank(_ shapes: BlockShapes, rank r: Int) -> [Int] {
        let (weights, mults) = (shapes.weights, shapes.multiplicities)
        func used(_ k: Int) -> Int { zip(weights, mults).reduce(0) { $0 + $1.0 * min(k, $1.1) } }
        var k = 0
        while k < (mults.max() ?? 0) && used(k + 1) <= r { k += 1 }
        var t = mults.map { min(k, $0) }
        var left = r - used(k)
        for b in weights.indices where t[b] < mults[b] && weights[b] <= left {
            t[b] += 1
            left -= weights[b]
        }
        return maximal(t, shapes, rank: r)
    }

    /// "High-pass": rank given to the highest frequencies first (blocks in reverse canonical order,
    /// from (2,1) down to (1,1)), each filled as far as the remaining rank allows.
    public static func highPass(_ variety: EquivariantVariety) -> [Int] {
        highPass(variety.shapes, rank: variety.rank)
    }

    /// "High-pass" for any block shapes: blocks in reverse canonical order, each filled as far as the rank allows.
    public static func highPass(_ shapes: BlockShapes, rank r: Int) -> [Int] {
        var t = [Int](repeating: 0, count: shapes.weights.count)
        var left = r
        for b in shapes.weights.indices.reversed() {
            t[b] = min(shapes.multiplicities[b], left / shapes.weights[b])
            left -= shapes.weights[b] * t[b]
        }
        return maximal(t, shapes, rank: r)
    }

    /// The paper's hand-picked MNIST component at r = 99 (Section 5): (13,10,9,8,7,5,3,1,0,…,0).
    public static let paperTuple = [13, 10, 9, 8, 7, 5, 3, 1, 0, 0, 0, 0, 0, 0, 0]

    /// Whether the paper's tuple applies: the shift of 28×28 images (cycle type 28^28) at rank 99.
    public static func paperApplies(_ decomposition: some BlockDecomposition, rank: Int) -> Bool {
        guard let parts = decomposition.generatorCycleType?.parts else { return false }
        return rank == 99 && parts.count == 1 && parts[0].length == 28 && parts[0].count == 28
    }

    /// Raises entries (canonical order) while the weight allows, so the tuple is an irreducible component.
    public static func maximal(_ tuple: [Int], _ shapes: BlockShapes, rank r: Int) -> [Int] {
        var t = tuple
        var w = zip(shapes.weights, t).reduce(0) { $0 + $1.0 * $1.1 }
        for b in shapes.weights.indices {
            while t[b] < shapes.multiplicities[b] && w + shapes.weights[b] <= r {
                t[b] += 1
                w += shapes.weights[b]
            }
        }
        return t
    }
}
