import Foundation
import Algebra
import Geometry

/// Which component to use at rank r (MATH.md §4.5), from the block spectra of the data.
public enum ComponentSelection {
    /// The component of least loss over all components (deficient ones included): maximise the
    /// retained energy Σ_b Σ_{i<t_b} λ_{b,i} subject to Σ w_b t_b ≤ r, by a dynamic programme over
    /// blocks and used rank, O(blocks·r·d); then raised to a maximal tuple (raising never loses energy).
    public static func best(_ spectra: BlockSpectra, variety: EquivariantVariety) -> [Int] {
        let blocks = spectra.blocks
        let r = variety.rank
        let blockCount = blocks.count
        // value[b][s]: best energy from blocks b… with rank budget s; choice[b][s]: t_b there
        var value = [[Double]](repeating: [Double](repeating: 0, count: r + 1), count: blockCount + 1)
        var choice = [[Int]](repeating: [Int](repeating: 0, count: r + 1), count: blockCount)
        for b in stride(from: blockCount - 1, through: 0, by: -1) {
            let w = blocks[b].block.weight
            let d = blocks[b].block.multiplicity
            var prefix = [0.0]
            for l in blocks[b].eigenvalues { prefix.append((prefix.last ?? 0) + l) }
            for s in 0...r {
                var bestValue = value[b + 1][s]
                var bestT = 0
                for t in stride(from: 1, through: min(d, s / w), by: 1) {
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
            s -= blocks[b].block.weight * t[b]
        }
        return maximal(t, variety)
    }

    /// "Equal rank": every block gets the same t = k where possible (k as large as fits, capped at d_b),
    /// the leftover rank going one unit at a time to blocks in canonical order (lowest frequency first).
    public static func equalRank(_ variety: EquivariantVariety) -> [Int] {
        let blocks = variety.blocks
        let r = variety.rank
        func used(_ k: Int) -> Int { blocks.reduce(0) { $0 + $1.weight * min(k, $1.multiplicity) } }
        var k = 0
        while k < (blocks.map(\.multiplicity).max() ?? 0) && used(k + 1) <= r { k += 1 }
        var t = blocks.map { min(k, $0.multiplicity) }
        var left = r - used(k)
        for (b, block) in blocks.enumerated() where t[b] < block.multiplicity && block.weight <= left {
            t[b] += 1
            left -= block.weight
        }
        return maximal(t, variety)
    }

    /// "High-pass": rank given to the highest frequencies first (blocks in reverse canonical order,
    /// from (2,1) down to (1,1)), each filled as far as the remaining rank allows.
    public static func highPass(_ variety: EquivariantVariety) -> [Int] {
        var t = [Int](repeating: 0, count: variety.blocks.count)
        var left = variety.rank
        for (b, block) in variety.blocks.enumerated().reversed() {
            t[b] = min(block.multiplicity, left / block.weight)
            left -= block.weight * t[b]
        }
        return maximal(t, variety)
    }

    /// The paper's hand-picked MNIST component at r = 99 (Section 5): (13,10,9,8,7,5,3,1,0,…,0).
    public static let paperTuple = [13, 10, 9, 8, 7, 5, 3, 1, 0, 0, 0, 0, 0, 0, 0]

    /// Raises entries (canonical order) while the weight allows, so the tuple is an irreducible component.
    static func maximal(_ tuple: [Int], _ variety: EquivariantVariety) -> [Int] {
        var t = tuple
        var w = zip(variety.blocks, t).reduce(0) { $0 + $1.0.weight * $1.1 }
        for (b, block) in variety.blocks.enumerated() {
            while t[b] < block.multiplicity && w + block.weight <= variety.rank {
                t[b] += 1
                w += block.weight
            }
        }
        return t
    }
}
