import Foundation
import Algebra
import Geometry

/// Q = B·Δ^{−1/2} of a permutation group in double precision (MATH.md §8.1, §8.5), stored orbit by
/// orbit: Q restricted to an orbit O is a dense |O| × |O| block (the columns supported there), so
/// nnz(Q) = Σ |O|² and nothing n×n is ever formed. Each entry is the exact entry evaluated at its block's
/// real embedding (certified enclosures) and normalised; `entryError` bounds the distance of every entry
/// from the exact value.
public struct GroupNumericBasis: Sendable {
    /// One orbit's block of Q: rows are `points`, columns the global `columns`.
    public struct OrbitBlock: Sendable {
        /// The orbit's points (0-based), the block's rows.
        public let points: [Int]
        /// The global columns of Q the orbit carries.
        public let columns: [Int]
        /// |points| × |columns|, row-major.
        public let values: [Double]
    }

    /// One isotypic block's column layout and normalised D-structure.
    public struct Block: Sendable {
        /// The isotypic block (type, weight, multiplicity, label).
        public let block: IsotypicBlock
        /// First column; the block's columns are offset + (copy·w + slot).
        public let offset: Int
        /// δ×δ matrices L_e (e = 1, I, J, K up to δ) of End_G(ρ) on one D-slot of the normalised model:
        /// End_G(ρ) = {I_c ⊗ Σ x_e L_e}.
        public let structure: [[Double]]
        /// The normalised model ρ̂(s) = Λ^{1/2}ρ(s)Λ^{−1/2} (w×w, row-major) of each generator.
        public let model: [[Double]]

        /// The block's coordinates of a batch as rows (sample, slot j < w/δ) × columns (copy k, D-slot α): the
        /// slots become extra samples of a δμ-vector (MATH.md §8).
        func gather(_ y: [Double], batch: Int, degree n: Int) -> [Double] {
            var z = [Double](repeating: 0, count: batch * block.weight * block.multiplicity)
            y.withUnsafeBufferPointer { src in
                z.withUnsafeMutableBufferPointer { dst in
                    guard let yp = src.baseAddress, let zp = dst.baseAddress else { return }
                    gather(yp, rows: batch, degree: n, into: zp)
                }
            }
            return z
        }

        /// `gather` of `rows` rows at y into z ((rows·w/δ) × δμ, row-major).
        func gather(_ y: UnsafePointer<Double>, rows: Int, degree n: Int, into z: UnsafeMutablePointer<Double>) {
            let (w, mu, delta) = (block.weight, block.multiplicity, block.type.dimension)
            let (c, d) = (w / delta, delta * mu)
            for r in 0..<rows {
                for k in 0..<mu {
                    let source = y + r * n + offset + k * w
                    for j in 0..<c {
                        let target = z + (r * c + j) * d + k * delta
                        for a in 0..<delta { target[a] = source[j * delta + a] }
                    }
                }
            }
        }

        /// The inverse of `gather`: writes the rows back into the block's coordinates of `y`.
        func scatter(_ z: [Double], into y: inout [Double], batch: Int, degree n: Int) {
            let (w, mu, delta) = (block.weight, block.multiplicity, block.type.dimension)
            let (c, d) = (w / delta, delta * mu)
            for r in 0..<batch {
                for k in 0..<mu {
                    for j in 0..<c {
                        for a in 0..<delta {
                            y[r * n + offset + k * w + j * delta + a] = z[(r * c + j) * d + k * delta + a]
                        }
                    }
                }
            }
        }
    }

    /// n, the number of points.
    public let degree: Int
    /// Q's nonzero blocks, one per orbit.
    public let orbits: [OrbitBlock]
    /// The isotypic blocks' column layouts, canonical order.
    public let blocks: [Block]
    /// The generators (0-based images).
    public let generators: [[Int32]]
    /// A bound on |Q_ij − exact| over all entries.
    public let entryError: Double
    /// For a torus acting regularly: the k-dimensional DFT that applies Q without the dense orbit block.
    let torus: TorusTransform?
    /// Blocks without an exact model, built in floating point (`FloatingClassBasis`): `entryError` does not
    /// cover them; their accuracy is the measured orthogonality and block-form errors.
    public let floatingBlocks: [String]

    init(
        degree: Int, orbits: [OrbitBlock], blocks: [Block], generators: [[Int32]], entryError: Double,
        torus: TorusTransform? = nil
    ) {
        self.torus = torus
        floatingBlocks = []
        self.degree = degree
        self.orbits = orbits
        self.blocks = blocks
        self.generators = generators
        self.entryError = entryError
    }

    /// Q from the exact adapted basis: each entry of B under its class's real embedding, normalised by √Δ.
    /// - Throws: `MemoryLimitError` past the memory budget.
    public init(_ basis: AdaptedBasis) throws {
        try MemoryBudget.require(
            ByteCount.product(basis.orbits.reduce(0) { $0 + $1.points.count * $1.points.count }, 8),
            for: "the orbit blocks of Q", advice: "use a group with smaller orbits")
        let offsets = basis.blockOffsets
        var perOrbit = [[(column: Int, values: [Double])]](repeating: [], count: basis.orbits.count)
        var blocks: [Block] = []
        var worst = 0.0
        var floating: [String] = []
        for (b, block) in basis.blocks.enumerated() {
            guard basis.blockClass[b] >= 0 else {
                let missing = basis.unmodelled[-1 - basis.blockClass[b]]
                let f = try FloatingClassBasis(
                    missing, embedding: missing.embeddings[basis.blockEmbedding[b]], basis: basis)
                let w = block.weight
                for (k, copy) in f.copies.enumerated() {
                    let size = copy.values.count / w
                    for a in 0..<w {
                        perOrbit[copy.orbit].append(
                            (offsets[b] + k * w + a, (0..<size).map { copy.values[$0 * w + a] }))
                    }
                }
                blocks.append(Block(block: block, offset: offsets[b], structure: f.structure, model: f.model))
                floating.append(block.label)
                continue
            }
            let cls = basis.classes[basis.blockClass[b]]
            let embedding = cls.embeddings[basis.blockEmbedding[b]]
            let w = block.weight
            for (k, copy) in cls.copies.enumerated() {
                for a in 0..<w {
                    var norm = NumberFieldElement(0, in: cls.model.field)
                    for row in copy.values { norm += row[a] * row[a] }
                    let scale = Self.value(norm, embedding)
                    let root = scale.value.squareRoot()
                    var column: [Double] = []
                    column.reserveCapacity(copy.values.count)
                    for row in copy.values {
                        let x = Self.value(row[a], embedding)
                        column.append(x.value / root)
                        // |x/√s − x̂/√ŝ| ≲ (e_x + |x|·e_s/(2s))/√s plus rounding
                        let bound = (x.errorBound + abs(x.value) * scale.errorBound / (2 * scale.value)) / root
                        worst = max(worst, bound + 2 * Double.ulpOfOne * abs(x.value) / root)
                    }
                    perOrbit[copy.orbit].append((offsets[b] + k * w + a, column))
                }
            }
            let lambda = cls.model.squaredNorms.map { Self.value($0, embedding).value.squareRoot() }
            let model = cls.model.generators.map { m in
                (0..<(w * w)).map { lambda[$0 / w] * Self.value(m[$0 / w][$0 % w], embedding).value / lambda[$0 % w] }
            }
            blocks.append(
                Block(
                    block: block, offset: offsets[b], structure: Self.structure(cls.model, embedding: embedding),
                    model: model))
        }
        orbits = zip(basis.orbits, perOrbit).map { orbit, columns in
            let size = orbit.points.count
            var values = [Double](repeating: 0, count: size * columns.count)
            for (j, c) in columns.enumerated() { for i in 0..<size { values[i * columns.count + j] = c.values[i] } }
            return OrbitBlock(points: orbit.points, columns: columns.map(\.column), values: values)
        }
        degree = basis.degree
        self.blocks = blocks
        generators = basis.generators
        entryError = worst
        torus = nil
        floatingBlocks = floating
    }

    /// An exact element at a real embedding, with an error bound.
    static func value(_ x: NumberFieldElement, _ embedding: RealEmbedding) -> BoundedDouble {
        if let q = x.rational { return q.approximation }
        let (lo, hi) = embedding.enclosure(of: x)
        let mid = ((lo + hi) * Rational(1, 2)).approximation
        let radius = ((hi - lo) * Rational(1, 2)).approximation
        return BoundedDouble(value: mid.value, errorBound: mid.errorBound + radius.value + radius.errorBound)
    }

    /// The normalised structure on the first D-slot: L_1 = I_δ, and for each structure map T (model basis),
    /// Λ^{1/2} T Λ^{−1/2} / √c with T² = −c, restricted to coordinates 0..<δ.
    static func structure(_ model: IrreducibleModel, embedding: RealEmbedding) -> [[Double]] {
        let delta = model.type.dimension
        let lambda = model.squaredNorms.prefix(delta).map { value($0, embedding).value.squareRoot() }
        var result: [[Double]] = [(0..<(delta * delta)).map { $0 % (delta + 1) == 0 ? 1 : 0 }]
        for t in model.structure {
            var m = [Double](repeating: 0, count: delta * delta)
            for a in 0..<delta {
                for b in 0..<delta { m[a * delta + b] = lambda[a] * value(t[a][b], embedding).value / lambda[b] }
            }
            // normalise to an orthogonal matrix: its columns have the common length √c
            let c = (0..<delta).reduce(0.0) { $0 + m[$1 * delta] * m[$1 * delta] }.squareRoot()
            result.append(m.map { $0 / c })
        }
        return result
    }
}
