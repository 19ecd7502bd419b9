import Foundation
import Algebra
import Geometry

/// Sufficient statistics of a data set for the optimum of every component (MATH.md §4.5): per block b the
/// d_b×d_b moment H_b = Σ_rows z zᴴ of the block's coordinates (real blocks z = x; complex blocks
/// z = x_cos + i·x_sin), and the number of rows. Moments of disjoint shards add, so k shards merged give
/// the optimum and best component of the whole data set (to rounding), with no pixel crossing machines.
public struct BlockMoments: Sendable {
    /// The Q_σ layout the moments are taken in.
    public let layout: BasisLayout
    public private(set) var sampleCount: Int
    /// Per block, Re H_b (row-major d×d, symmetric).
    public private(set) var real: [[Double]]
    /// Per block, Im H_b (row-major d×d, antisymmetric); empty for real blocks.
    public private(set) var imaginary: [[Double]]

    /// - Precondition: one d×d real part per block, an imaginary part for exactly the complex blocks.
    init(layout: BasisLayout, sampleCount: Int, real: [[Double]], imaginary: [[Double]]) {
        self.layout = layout
        self.sampleCount = sampleCount
        self.real = real
        self.imaginary = imaginary
    }

    /// The moments of rows already in the Q_σ basis (N×n), block by block from gathered copies: the
    /// straightforward second method beside the fused `StructuredTransform.moments(of:batch:)`.
    public init(coordinates x: [Double], count: Int, layout: BasisLayout) {
        let n = layout.degree
        var real: [[Double]] = []
        var imaginary: [[Double]] = []
        for (b, block) in layout.structure.blocks.enumerated() {
            let start = layout.blockOffsets[b]
            let d = block.multiplicity
            if block.isComplex {
                var xc = [Double](repeating: 0, count: count * d)
                var xs = xc
                for i in 0..<count {
                    for j in 0..<d {
                        xc[i * d + j] = x[i * n + start + 2 * j]
                        xs[i * d + j] = x[i * n + start + 2 * j + 1]
                    }
                }
                // Re H = XcᵀXc + XsᵀXs, Im H = XsᵀXc − XcᵀXs: H[a][b] = Σ z_a conj(z_b) with z = xc + i xs
                let cc = BLAS.multiply(xc, xc, m: d, n: d, k: count, transposeA: true)
                let ss = BLAS.multiply(xs, xs, m: d, n: d, k: count, transposeA: true)
                let sc = BLAS.multiply(xs, xc, m: d, n: d, k: count, transposeA: true)
                real.append(zip(cc, ss).map { $0 + $1 })
                imaginary.append((0..<(d * d)).map { sc[$0] - sc[($0 % d) * d + $0 / d] })
            } else {
                var xb = [Double](repeating: 0, count: count * d)
                for i in 0..<count { for j in 0..<d { xb[i * d + j] = x[i * n + start + j] } }
                real.append(BLAS.multiply(xb, xb, m: d, n: d, k: count, transposeA: true))
                imaginary.append([])
            }
        }
        self.init(layout: layout, sampleCount: count, real: real, imaginary: imaginary)
    }

    /// Adds another shard's moments (same permutation).
    /// - Throws: `NumericError.invalidInput` when the shards were taken for different permutations.
    public mutating func add(_ other: BlockMoments) throws {
        guard other.layout.permutation == layout.permutation else {
            throw NumericError.invalidInput(
                "statistics for different permutations cannot be merged (degrees \(layout.degree) and "
                    + "\(other.layout.degree), cycle types \(layout.structure.cycleType) and "
                    + "\(other.layout.structure.cycleType))")
        }
        sampleCount += other.sampleCount
        for b in real.indices {
            for i in real[b].indices { real[b][i] += other.real[b][i] }
            for i in imaginary[b].indices { imaginary[b][i] += other.imaginary[b][i] }
        }
    }

    /// Whether every moment entry is finite (squares of values near 1e154 overflow double precision).
    public var isFinite: Bool {
        real.allSatisfy { $0.allSatisfy(\.isFinite) } && imaginary.allSatisfy { $0.allSatisfy(\.isFinite) }
    }

    /// ‖X‖²_F: the sum of the moments' traces.
    public var totalEnergy: Double {
        zip(layout.structure.blocks, real).reduce(0) { sum, pair in
            let d = pair.0.multiplicity
            return sum + (0..<d).reduce(0) { $0 + pair.1[$1 * d + $1] }
        }
    }
}
