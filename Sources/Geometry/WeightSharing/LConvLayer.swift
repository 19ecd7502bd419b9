import Algebra

/// An L-conv layer (Dehmamy et al., *Lie algebra convolutional networks*; MATH.md §10.2): F(h) = Σ_{i=0}^{n} L_i h W^i
/// on h ∈ ℝ^{d×m_in} (rows: the spatial factor, columns: channels), L_0 = I, W^i ∈ ℝ^{m_in×m_out}; row-major
/// vec(F(h)) = (Σ_i L_i ⊗ (W^i)ᵀ) vec(h). The layer commutes with v acting on the spatial factor, for every
/// choice of W, exactly when v commutes with every L_i: its true symmetry is the centraliser of {L_i} (an
/// associative algebra; for non-abelian G, using G's own generators as L_i does not give G-equivariance).
public struct LConvLayer: Sendable {
    /// L_1 … L_n (d×d); L_0 = I is implicit.
    public let generators: [RationalMatrix]
    /// d, the number of points the generators act on.
    public let dimension: Int
    /// Input channels.
    public let inChannels: Int
    /// Output channels.
    public let outChannels: Int

    /// (n + 1)·m_in·m_out weights.
    public var parameterCount: Int { (generators.count + 1) * inChannels * outChannels }

    /// - Throws: `GeometryError.invalidShape` when a generator is not d×d or a channel count is below 1.
    public init(generators: [RationalMatrix], inChannels: Int = 1, outChannels: Int = 1) throws {
        guard let d = generators.first?.rows, d >= 1 else {
            throw GeometryError.invalidShape("an L-conv layer needs at least one generator")
        }
        for (k, g) in generators.enumerated() where g.rows != d || g.columns != d {
            throw GeometryError.invalidShape("generator \(k + 1) is \(g.rows)×\(g.columns), not \(d)×\(d)")
        }
        guard inChannels >= 1, outChannels >= 1 else {
            throw GeometryError.invalidShape("channel counts must be at least 1")
        }
        self.generators = generators
        dimension = d
        self.inChannels = inChannels
        self.outChannels = outChannels
    }

    /// Σ_i L_i ⊗ (W^i)ᵀ for W^0 … W^n (m_in×m_out each): the layer's matrix on row-major vec(h).
    public func linearMap(weights: [RationalMatrix]) -> RationalMatrix {
        precondition(weights.count == generators.count + 1, "one weight matrix per generator and for L_0 = I")
        let all = [RationalMatrix.identity(dimension)] + generators
        return zip(all, weights).map { $0.kronecker($1.transposed) }.reduce(
            RationalMatrix(rows: dimension * outChannels, columns: dimension * inChannels), +)
    }

    /// The centraliser {v : vL_i = L_iv for all i}: the maps of the spatial factor the layer commutes with.
    public func centralizer() throws -> EquivariantMapSpace {
        let rho = try MatrixRepresentation(dimension: dimension, groupGenerators: [], lieGenerators: generators)
        return try EquivarianceConstraint(input: rho, output: rho).solve()
    }

    /// max_i ‖L_i P − P L_i‖²_F over the permutation matrices P of `permutations` (0 iff the layer commutes with
    /// the action), exact.
    public func commutatorDefect(_ permutations: [Permutation]) throws -> Rational {
        let rho = try MatrixRepresentation(permutations: permutations, degree: dimension)
        var worst = Rational(0)
        for p in (0..<permutations.count).map(rho.groupGenerator) {
            for l in generators {
                let c = l * p - p * l
                var sum = Rational(0)
                for i in 0..<dimension { for j in 0..<dimension where !c.isZero(i, j) { sum += c[i, j] * c[i, j] } }
                if worst < sum { worst = sum }
            }
        }
        return worst
    }
}

extension LConvLayer {
    /// The cyclic shift S of ℤ_d, S e_j = e_{j+1 mod d}: (S^i h)_μ = h_{μ−i}.
    public static func shift(_ d: Int, by i: Int) -> RationalMatrix {
        var s = RationalMatrix(rows: d, columns: d)
        for j in 0..<d { s[((j + i) % d + d) % d, j] = Rational(1) }
        return s
    }

    /// CNN as L-conv (Prop. 4): L_i = S^i for i = 1 … k−1 on ℤ_d, so F = Σ_{i<k} S^i h W^i is a cyclic
    /// convolution with a kernel of size k.
    public static func shifts(d: Int, kernel k: Int) -> [RationalMatrix] {
        (1..<max(k, 1)).map { shift(d, by: $0) }
    }

    /// 2-D torus shifts T_x^a T_y^b for 0 ≤ a, b < k, (a, b) ≠ (0, 0), on an h×w image (row-major pixels).
    public static func torusShifts(height h: Int, width w: Int, kernel k: Int) -> [RationalMatrix] {
        var result: [RationalMatrix] = []
        for a in 0..<k {
            for b in 0..<k where a != 0 || b != 0 {
                var m = RationalMatrix(rows: h * w, columns: h * w)
                for y in 0..<h { for x in 0..<w { m[((y + b) % h) * w + (x + a) % w, y * w + x] = Rational(1) } }
                result.append(m)
            }
        }
        return result
    }

    /// Eq. (11) as printed: flattened shifts S^s of ℤ_{hw} for the nonzero offsets s (raster order, wrapping
    /// from one row into the next): they commute with the vertical torus shift (S^w) but not the horizontal one.
    public static func rasterShifts(height h: Int, width w: Int, offsets: [Int]) -> [RationalMatrix] {
        offsets.filter { $0 % (h * w) != 0 }.map { shift(h * w, by: $0) }
    }

    /// GCN as L-conv (Prop. 5): the one generator λ(A − I) for a graph's adjacency matrix A (the GCN's
    /// propagation is the layer with W⁰ = W¹).
    public static func gcn(adjacency a: RationalMatrix, lambda: Rational) -> [RationalMatrix] {
        [lambda * (a - RationalMatrix.identity(a.rows))]
    }

    /// FC as L-conv (Prop. 3): all d² matrix units E_αβ.
    public static func glBasis(_ d: Int) -> [RationalMatrix] {
        var result: [RationalMatrix] = []
        for a in 0..<d {
            for b in 0..<d {
                var e = RationalMatrix(rows: d, columns: d)
                e[a, b] = Rational(1)
                result.append(e)
            }
        }
        return result
    }
}
