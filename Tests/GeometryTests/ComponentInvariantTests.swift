import Testing
import Algebra
@testable import Geometry
import EqgeomTestSupport

/// The realification R(Z) of a complex d×t matrix given by real and imaginary parts.
func realify(_ re: RationalMatrix, _ im: RationalMatrix) -> RationalMatrix {
    var r = RationalMatrix(rows: 2 * re.rows, columns: 2 * re.columns)
    for i in 0..<re.rows {
        for j in 0..<re.columns {
            r[2 * i, 2 * j] = re[i, j]
            r[2 * i, 2 * j + 1] = -im[i, j]
            r[2 * i + 1, 2 * j] = im[i, j]
            r[2 * i + 1, 2 * j + 1] = re[i, j]
        }
    }
    return r
}

/// Block-diagonal matrix of a component's blocks built from parameters: real blocks d×t (or t×d),
/// complex blocks realified. `rowsFirst` builds decoders (d×t), otherwise encoders (t×d).
func blockDiagonal(_ blocks: [SpectralBlock], _ tuple: [Int], _ p: [Rational], decoder: Bool) -> RationalMatrix {
    let rows =
        blocks.reduce(0) { $0 + $1.weight * (decoder ? $1.multiplicity : 0) }
        + zip(blocks, tuple).reduce(0) { $0 + (decoder ? 0 : $1.0.weight * $1.1) }
    let cols =
        zip(blocks, tuple).reduce(0) { $0 + (decoder ? $1.0.weight * $1.1 : 0) }
        + blocks.reduce(0) { $0 + (decoder ? 0 : $1.weight * $1.multiplicity) }
    var out = RationalMatrix(rows: rows, columns: cols)
    var (r0, c0, k) = (0, 0, 0)
    for (b, t) in zip(blocks, tuple) {
        let (h, w) = decoder ? (b.multiplicity, t) : (t, b.multiplicity)
        var re = RationalMatrix(rows: h, columns: w)
        var im = RationalMatrix(rows: h, columns: w)
        for i in 0..<h {
            for j in 0..<w {
                re[i, j] = p[k]
                k += 1
            }
        }
        if b.isComplex {
            for i in 0..<h {
                for j in 0..<w {
                    im[i, j] = p[k]
                    k += 1
                }
            }
        }
        let m = b.isComplex ? realify(re, im) : re
        for i in 0..<m.rows { for j in 0..<m.columns where !m.isZero(i, j) { out[r0 + i, c0 + j] = m[i, j] } }
        r0 += m.rows
        c0 += m.columns
    }
    return out
}

@Suite struct ComponentInvariantTests {
    /// MATH.md §4.4: the paper's MNIST tuple.
    @Test func mnistPaperTuple() throws {
        let v = try EquivariantVariety(structure: mnist, rank: 99)
        let c = try v.component([13, 10, 9, 8, 7, 5, 3, 1, 0, 0, 0, 0, 0, 0, 0])
        #expect(c.dimension == 4_717)
        #expect(c.parameterCount == 5_544)
        #expect(c.denseParameterCount == 155_232)
        #expect(c.maximalRank == 99 && c.containsRankR)
        #expect(
            try c.edDegree == BigInteger.binomial(28, 13) * BigInteger.binomial(28, 10) * BigInteger.binomial(28, 9)
                * BigInteger.binomial(28, 8)
                * BigInteger.binomial(28, 7) * BigInteger.binomial(28, 5) * BigInteger.binomial(28, 3)
                * BigInteger.binomial(28, 1))
        #expect(c.singularLocus.count == 8)
    }

    /// MATH.md §4.4: 3×3 image, 90° rotation, tuple (1,1,0): weight 3, dim 11, degree 24, ED degree 6.
    @Test func rotationExample() throws {
        let s = BlockStructure(try Permutation.rotation(size: 3, degrees: 90))
        #expect(s.blocks.map(\.label) == ["1/1", "4/3", "2/1"])
        #expect(s.blocks.map(\.multiplicity) == [3, 2, 2])
        let v = try EquivariantVariety(structure: s, rank: 3)
        let c = try v.component([1, 1, 0])
        #expect(try c.maximalRank == 3 && c.dimension == 11 && c.degree == 24 && c.edDegree == 6)
        #expect(c.parameterCount / 2 == 7)  // encoder 3×9 with 7 free real parameters
        // the slides' order ((1,1),(2,1),(4,3)) written keyed
        #expect(try s.parseTuple("1/1=1,2/1=0,4/3=1") == [1, 1, 0])
    }

    @Test func nonComponentsAreRejected() throws {
        let v = try EquivariantVariety(permutation: Permutation(cycles: "(1 3 4)(2 5)"), rank: 4)
        #expect(throws: GeometryError.tupleNotMaximal(block: "1/1", rank: 4)) { try v.component([1, 1, 0]) }
        #expect(throws: GeometryError.tupleWeightExceedsRank(weight: 5, rank: 4)) { try v.component([2, 1, 1]) }
        #expect(throws: GeometryError.tupleEntryOutOfRange(block: "3/2", value: 2, multiplicity: 1)) {
            try v.component([0, 2, 0])
        }
        #expect(throws: GeometryError.tupleLength(given: 2, blocks: 3)) { try v.component([1, 1]) }
        #expect(try v.component([2, 0, 1]).containsRankR == false)
    }

    /// Block degrees against Macaulay2 (real M_{t,d×d} and complexified R(M_t(ℂ)) for d ≤ 3), and the
    /// dimension against the Jacobian rank of the weight-sharing parameterization (decoder·encoder),
    /// for every component of small cases.
    @Test func invariantsMatchMacaulay2AndJacobianRank() throws {
        let oracles = try determinantalOracles()
        func m2(_ kind: String, _ d: Int, _ t: Int) -> BigInteger? {
            oracles.first { $0.kind == kind && $0.m == d && $0.n == d && $0.r == t }.flatMap { BigInteger($0.degree) }
        }
        #expect(m2("complex", 2, 1) == 4)
        var rng = SeededGenerator(seed: 35)
        for text in [
            "(1 3 4)(2 5)", "(1 2 3)", "(1 2 3 4)(5 6 7 8)", "(1 2 3 4 5 6)", "(1 2 3)(4 5 6)(7 8 9)",
            "(1 2 3 4)(5 6)(7)",
        ] {
            let s = BlockStructure(try Permutation(cycles: text))
            for r in 0...s.degree {
                let v = try EquivariantVariety(structure: s, rank: r)
                for t in v.components {
                    let c = try v.component(t)
                    var expectedDegree = BigInteger(1)
                    for (b, tb) in zip(s.blocks, t) {
                        expectedDegree *= m2(b.isComplex ? "complex" : "real", b.multiplicity, tb)!
                    }
                    #expect(try c.degree == expectedDegree, "\(text) r=\(r) t=\(t)")
                    let half = c.parameterCount / 2
                    let dim =
                        c.maximalRank == 0
                        ? 0
                        : bilinearJacobianRank(
                            xParameters: half, yParameters: half,
                            x: { blockDiagonal(s.blocks, t, $0, decoder: true) },
                            y: { blockDiagonal(s.blocks, t, $0, decoder: false) },
                            using: &rng)
                    #expect(c.dimension == dim, "\(text) r=\(r) t=\(t)")
                    // Sing: lowering any block strictly inside (0, d) gives a tuple of smaller dimension
                    for low in c.singularLocus {
                        #expect(
                            EquivariantComponent(blocks: s.blocks.map(\.isotypic), tuple: low, rank: r).dimension
                                < c.dimension)
                    }
                }
            }
        }
    }
}

/// The README's "As a Swift library" snippet, so that it stays true.
@Suite struct ReadmeExampleTests {
    @Test func libraryExampleRuns() throws {
        let sigma = try Permutation.shift(height: 28, width: 28, along: .x)
        let variety = try EquivariantVariety(permutation: sigma, rank: 99)
        #expect(try variety.componentCount.all == 72_426_340_906_146)
        let c = try variety.component([13, 10, 9, 8, 7, 5, 3, 1, 0, 0, 0, 0, 0, 0, 0])
        #expect(c.dimension == 4717 && c.parameterCount == 5544)
        #expect(Array(variety.components.prefix(3)).count == 3)
    }
}
