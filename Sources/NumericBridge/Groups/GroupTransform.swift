import Foundation
import Algebra
import Geometry

/// Applies Qᵀ and Q of a permutation group to a batch of vectors orbit by orbit (MATH.md §8.5): rows are
/// cut into tiles that stay in cache; orbits whose |O|×|O| blocks are equal (e.g. all regular orbits) form a
/// class, and on each tile and class, a gather of the class's pixels of every row, one matrix product with
/// the shared block, a scatter into the coordinates. O(N·Σ|O|²) = O(N·nnz(Q)) work, O(Σ|O|²) memory plus
/// one tile; never n×n. The `into:` forms write into the caller's buffer, so
/// repeated calls touch no fresh pages. Batches are row-major `batch × n` arrays, one vector per row.
public struct GroupTransform: Sendable {
    /// The numeric adapted basis the transform applies.
    public let basis: GroupNumericBasis

    /// Orbits with equal blocks, applied by one product per tile.
    let classes: [OrbitClass]

    struct OrbitClass: Sendable {
        let size: Int
        /// The shared |O|×|O| block, row-major.
        let values: [Double]
        /// The class's orbits' points, orbit after orbit, and their columns in the same order.
        let points: [Int]
        let columns: [Int]
        var orbitCount: Int { points.count / size }
    }

    /// The transform of a group's numeric basis (orbit tiles, or a torus's 2-D FFT).
    public init(_ basis: GroupNumericBasis) {
        self.basis = basis
        var index: [[Double]: Int] = [:]
        var classes: [(values: [Double], points: [Int], columns: [Int])] = []
        for orbit in basis.orbits {
            if let k = index[orbit.values] {
                classes[k].points += orbit.points
                classes[k].columns += orbit.columns
            } else {
                index[orbit.values] = classes.count
                classes.append((orbit.values, orbit.points, orbit.columns))
            }
        }
        self.classes = classes.map {
            OrbitClass(
                size: Int(Double($0.values.count).squareRoot()), values: $0.values, points: $0.points,
                columns: $0.columns)
        }
    }

    /// Y = X·Q: the coordinates of each row (a torus through its k-dimensional DFT).
    public func forward(_ x: [Double], batch: Int) -> [Double] {
        if let torus = basis.torus { return torus.forward(x, batch: batch) }
        return applied(x, batch: batch, inverse: false)
    }

    /// X = Y·Qᵀ: back to pixels.
    public func inverse(_ y: [Double], batch: Int) -> [Double] {
        if let torus = basis.torus { return torus.inverse(y, batch: batch) }
        return applied(y, batch: batch, inverse: true)
    }

    /// Y = X·Q into a buffer the caller keeps (every entry is overwritten).
    /// - Precondition: `x.count == batch · n == y.count`.
    public func forward(_ x: [Double], batch: Int, into y: inout [Double]) {
        guard let torus = basis.torus else {
            apply(x, batch: batch, into: &y, inverse: false)
            return
        }
        let n = basis.degree
        precondition(x.count == batch * n && y.count == batch * n, "batch and output must have \(batch)×\(n) values")
        x.withUnsafeBufferPointer { src in
            y.withUnsafeMutableBufferPointer { dst in
                guard let xp = src.baseAddress, let yp = dst.baseAddress else { return }
                torus.forward(xp, rows: batch, into: yp)
            }
        }
    }

    /// The orbit-block path, also for a torus (tests compare the two).
    func denseForward(_ x: [Double], batch: Int) -> [Double] { applied(x, batch: batch, inverse: false) }

    private func applied(_ input: [Double], batch: Int, inverse: Bool) -> [Double] {
        var out = [Double](unsafeUninitializedCapacity: input.count) { _, count in count = input.count }
        apply(input, batch: batch, into: &out, inverse: inverse)
        return out
    }

    /// Gather and product buffers for tiles of at most `rows` rows through the widest orbit.
    struct Workspace {
        var gathered: [Double]
        var product: [Double]
        init(rows: Int, transform: GroupTransform) {
            let widest = transform.classes.map(\.points.count).max() ?? 0
            gathered = [Double](repeating: 0, count: rows * widest)
            product = gathered
        }
    }

    /// Y = X·Q for `rows` rows at x into y (at most the workspace's rows; a torus by its DFT).
    func forward(
        _ x: UnsafePointer<Double>, rows: Int, into y: UnsafeMutablePointer<Double>, workspace: inout Workspace
    ) {
        if let torus = basis.torus {
            torus.forward(x, rows: rows, into: y)
            return
        }
        apply(x, rows: rows, into: y, workspace: &workspace, inverse: false)
    }

    private func apply(_ input: [Double], batch: Int, into output: inout [Double], inverse: Bool) {
        let n = basis.degree
        precondition(input.count == batch * n, "batch has \(input.count) values, expected \(batch)×\(n)")
        precondition(output.count == batch * n, "output has \(output.count) values, expected \(batch)×\(n)")
        let rowsPerTile = StructuredTransform.rowsPerTile(batch: batch, rowLength: n)
        var workspace = Workspace(rows: rowsPerTile, transform: self)
        input.withUnsafeBufferPointer { src in
            output.withUnsafeMutableBufferPointer { dst in
                guard let x = src.baseAddress, let y = dst.baseAddress else { return }
                for start in stride(from: 0, to: batch, by: rowsPerTile) {
                    let rows = min(rowsPerTile, batch - start)
                    apply(x + start * n, rows: rows, into: y + start * n, workspace: &workspace, inverse: inverse)
                }
            }
        }
    }

    /// One tile of rows through every class of orbits: gather, one product with the class's block, scatter.
    private func apply(
        _ x: UnsafePointer<Double>, rows: Int, into y: UnsafeMutablePointer<Double>, workspace: inout Workspace,
        inverse: Bool
    ) {
        let n = basis.degree
        workspace.gathered.withUnsafeMutableBufferPointer { gb in
            workspace.product.withUnsafeMutableBufferPointer { pb in
                guard let gathered = gb.baseAddress, let product = pb.baseAddress else { return }
                for orbitClass in classes {
                    let (size, width) = (orbitClass.size, orbitClass.points.count)
                    let (from, to) =
                        inverse ? (orbitClass.columns, orbitClass.points) : (orbitClass.points, orbitClass.columns)
                    from.withUnsafeBufferPointer { f in
                        for r in 0..<rows {
                            for i in 0..<width { gathered[r * width + i] = x[r * n + f[i]] }
                        }
                    }
                    orbitClass.values.withUnsafeBufferPointer { v in
                        guard let values = v.baseAddress else { return }
                        BLAS.gemm(
                            gathered, values, product, m: rows * orbitClass.orbitCount, n: size, k: size,
                            transposeB: inverse)
                    }
                    to.withUnsafeBufferPointer { t in
                        for r in 0..<rows {
                            for i in 0..<width { y[r * n + t[i]] = product[r * width + i] }
                        }
                    }
                }
            }
        }
    }

    /// max |(QᵀQ − I)_ij| over the orbit blocks (columns of different orbits have disjoint support).
    public var orthogonalityError: Double {
        var worst = 0.0
        for orbit in basis.orbits {
            let size = orbit.points.count
            let g = BLAS.multiply(orbit.values, orbit.values, m: size, n: size, k: size, transposeA: true)
            for i in 0..<size { for j in 0..<size { worst = max(worst, abs(g[i * size + j] - (i == j ? 1 : 0))) } }
        }
        return worst
    }

    /// max |P_s Q − Q·M_s| over generators s and entries, M_s = ⊕ I_μ ⊗ ρ̂(s) (the block form, in doubles).
    public var blockError: Double {
        var blockOf = [Int](repeating: 0, count: basis.degree)
        for (b, block) in basis.blocks.enumerated() {
            let end = block.offset + block.block.weight * block.block.multiplicity
            for j in block.offset..<end { blockOf[j] = b }
        }
        var worst = 0.0
        for orbit in basis.orbits {
            let size = orbit.points.count
            var row = [Int: Int]()
            for (i, p) in orbit.points.enumerated() { row[p] = i }
            var columnIndex = [Int: Int]()
            for (j, c) in orbit.columns.enumerated() { columnIndex[c] = j }
            for (s, g) in basis.generators.enumerated() {
                for (i, p) in orbit.points.enumerated() {
                    let target = row[Int(g[p])] ?? 0
                    for (j, c) in orbit.columns.enumerated() {
                        let block = basis.blocks[blockOf[c]]
                        let w = block.block.weight
                        let local = (c - block.offset) % w
                        let copyStart = c - local
                        var sum = 0.0
                        for b in 0..<w {
                            sum +=
                                orbit.values[target * size + (columnIndex[copyStart + b] ?? 0)]
                                * block.model[s][b * w + local]
                        }
                        worst = max(worst, abs(sum - orbit.values[i * size + j]))
                    }
                }
            }
        }
        return worst
    }
}
