import Foundation
import Testing
import Algebra
import Geometry
import EqgeomTestSupport

@testable import NumericBridge

@Suite struct ComponentArchitectureTests {
    /// Rational weights with small numerators and denominators.
    static func randomWeights(_ k: Int, using rng: inout SeededGenerator) -> [Rational] {
        (0..<k).map { _ in
            Rational(
                Int.random(in: 1...50, using: &rng) * (Bool.random(using: &rng) ? 1 : -1),
                Int.random(in: 1...7, using: &rng))
        }
    }

    /// A random matrix of each component, built from one permutation's ±1 masks, commutes with P_σ exactly
    /// (W = B·M·Bᵀ in cyclotomic arithmetic, B the closed-form exact basis) and has the component's maximal rank.
    @Test func permutationMasksAreEquivariantWithTheRightRank() throws {
        var rng = SeededGenerator(seed: 51)
        for text in ["(1 3 4)(2 5)", "(1 2 3 4 5 6)", "(1 2 3 4)(5 6)(7)"] {
            let sigma = try Permutation(cycles: text)
            let basis = try ExactBasis(sigma)
            let b = basis.denseMatrix()
            let n = sigma.degree
            let field = CyclotomicField(basis.layout.cycles.map(\.count).reduce(4) { lcm($0, $1) })
            let frame = IsotypicFrame(try BasisLayout(sigma))
            for r in [n / 2, n - 1] {
                let v = try EquivariantVariety(permutation: sigma, rank: r)
                for t in v.components {
                    let component = try v.component(t)
                    let arch = try ComponentArchitecture(frame: frame, tuple: t)
                    let (encoder, decoder) = try arch.masks()
                    #expect(arch.parameterCount == component.parameterCount)
                    #expect(encoder.parameters.count + decoder.parameters.count == arch.parameterCount)
                    let m =
                        decoder.matrix(Self.randomWeights(decoder.parameters.count, using: &rng))
                        * encoder.matrix(Self.randomWeights(encoder.parameters.count, using: &rng))
                    #expect(m.rank == component.maximalRank, "\(text) t=\(t)")
                    // W = B M Bᵀ, then P W = W P entry by entry: W[σ(i), σ(j)] = W[i, j]
                    let mc = (0..<n).map { i in (0..<n).map { CyclotomicNumber(m[i, $0]) } }
                    let bm = (0..<n).map { i in (0..<n).map { j in field.dot(b[i], (0..<n).map { mc[$0][j] }) } }
                    let w = (0..<n).map { i in (0..<n).map { j in field.dot(bm[i], b[j]) } }
                    var equivariant = true
                    for i in 0..<n {
                        for j in 0..<n where w[sigma.image(of: i + 1) - 1][sigma.image(of: j + 1) - 1] != w[i][j] {
                            equivariant = false
                        }
                    }
                    #expect(equivariant, "\(text) t=\(t)")
                }
            }
        }
    }

    /// Q·D·E·Qᵀ for parameters θ, through the dense Q (row-major n×n).
    static func pixelMatrix(_ arch: ComponentArchitecture, _ theta: [Double]) throws -> [Double] {
        let n = arch.frame.degree
        let q = try BasisExport.denseQ(arch.frame.source)
        let r = arch.rank
        let de = BLAS.multiply(arch.decoder.matrix(theta), arch.encoder.matrix(theta), m: n, n: n, k: r)
        return BLAS.multiply(BLAS.multiply(q, de, m: n, n: n, k: n), q, m: n, n: n, k: n, transposeB: true)
    }

    /// Random permutations (fixed points, many cycle types, one long cycle) through the cyclic fast frame and the
    /// general group frame of ⟨σ⟩: the same blocks (weight, multiplicity, type), the same parameter count for the
    /// same per-block t, and for random θ an equivariant W of rank Σ w·t; the group's pattern on the points equals
    /// Q·(D·E)·Qᵀ formed through the dense Q (a second method).
    @Test func cyclicAndGeneralFramesGiveTheSameArchitecture() throws {
        var rng = SplitMix(77)
        for trial in 0..<12 {
            let n = 3 + Int(rng.next() % 9)
            var images = Array(0..<n)
            for i in stride(from: n - 1, to: 0, by: -1) { images.swapAt(i, Int(rng.next() % UInt64(i + 1))) }
            if trial == 0 { images = Array(1..<n) + [0] }  // one long cycle
            let sigma = try Permutation(images: images.map { $0 + 1 })
            let cyclic = IsotypicFrame(try BasisLayout(sigma))
            let general = IsotypicFrame(
                try GroupNumericBasis(try AdaptedBasis(group: PermutationGroup(generators: [sigma]))))
            func key(_ b: IsotypicFrame.Block) -> [Int] { [b.weight, b.multiplicity, b.type.dimension] }
            #expect(
                cyclic.blocks.map(key).sorted { $0.lexicographicallyPrecedes($1) }
                    == general.blocks.map(key).sorted { $0.lexicographicallyPrecedes($1) }, "\(sigma)")
            // the same t for the same (weight, multiplicity, type) shape: t_b = ⌈μ_b/2⌉
            let tc = cyclic.blocks.map { ($0.multiplicity + 1) / 2 }
            let tg = general.blocks.map { ($0.multiplicity + 1) / 2 }
            var counts: [Int] = []
            for (frame, t) in [(cyclic, tc), (general, tg)] {
                let arch = try ComponentArchitecture(frame: frame, tuple: t)
                counts.append(arch.parameterCount)
                let theta = (0..<arch.parameterCount).map { _ in rng.normal() }
                let w = try Self.pixelMatrix(arch, theta)
                #expect(frame.equivarianceError(w) < 1e-12, "\(sigma)")
                let rank = try singularValues(w, rows: n, columns: n).filter { $0 > 1e-9 }.count
                #expect(rank == arch.rank, "\(sigma) t=\(t)")
                if case .group(let basis) = frame.source {
                    let points = try arch.onPoints(basis)
                    let direct = BLAS.multiply(
                        points.decoder.matrix(theta), points.encoder.matrix(theta), m: n, n: n, k: arch.rank)
                    #expect(zip(direct, w).allSatisfy { abs($0 - $1) < 1e-12 }, "\(sigma)")
                }
            }
            #expect(counts[0] == counts[1], "\(sigma)")
        }
    }

    /// A tuple of the wrong length, or above a block's multiplicity, is refused.
    @Test func tuplesOutOfRangeAreRefused() throws {
        let frame = IsotypicFrame(try BasisLayout(try Permutation(cycles: "(1 2 3)")))
        #expect(throws: NumericError.self) { try ComponentArchitecture(frame: frame, tuple: [1]) }
        #expect(throws: NumericError.self) { try ComponentArchitecture(frame: frame, tuple: [2, 0]) }
    }

    /// The exact optimum's θ (`parameters(projectors:)`: U over ℝ, ℂ or ℍ by Gram–Schmidt over D) reproduces the
    /// optimum's block maps: D·E on the points equals the frame's pixel matrix of the maps (a second method), for
    /// groups with real, complex and quaternionic blocks and for one permutation; a map that is not a projector is
    /// refused.
    @Test func exactOptimumParametersReproduceTheBlockMaps() throws {
        let cases: [[String]] = [
            ["(1 2 4 6)(3 5 7 8)", "(1 3 4 7)(2 8 6 5)"],  // Q8 regular: an ℍ block
            ["(1 2 3 4 5 6 7)", "(8 9 10)"],  // C7 × C3: ℂ blocks
            ["(1 2 3 4 5 6 7)", "(2 3 5)(4 7 6)(8 9 10)"],  // C7:C3 on 10 points: ℂ blocks of weight 6
        ]
        var rng = SplitMix(31)
        for generators in cases {
            let permutations = try generators.map { try Permutation(cycles: $0) }
            let degree = permutations.map(\.degree).max() ?? 1
            let group = try PermutationGroup(generators: try permutations.map { try $0.extended(to: degree) })
            let n = group.degree
            let basis = try GroupNumericBasis(try AdaptedBasis(group: group))
            let frame = IsotypicFrame(basis)
            let x = (0..<(50 * n)).map { _ in rng.normal() }
            let spectra = try GroupTransform(basis).moments(of: x, batch: 50).spectra()
            let t = frame.blocks.map { ($0.multiplicity + 1) / 2 }
            let arch = try ComponentArchitecture(frame: frame, tuple: t)
            let maps = spectra.optimalMaps(t)
            let theta = try arch.parameters(projectors: maps)
            let points = try arch.onPoints(basis)
            let w = BLAS.multiply(points.decoder.matrix(theta), points.encoder.matrix(theta), m: n, n: n, k: arch.rank)
            let expected = try frame.pixelMatrix(maps)
            #expect(zip(w, expected).allSatisfy { abs($0 - $1) < 1e-10 }, "\(generators)")
            var wrong = maps
            if let b = wrong.indices.first(where: { t[$0] > 0 }) { wrong[b] = wrong[b].map { $0 * 0.5 } }
            #expect(throws: NumericError.self) { try arch.parameters(projectors: wrong) }
        }
        let layout = try BasisLayout(try Permutation(cycles: "(1 2 3 4 5 6)(7 8 9)"))
        let x = (0..<(40 * 9)).map { _ in rng.normal() }
        let spectra = try StructuredTransform(layout).moments(of: x, batch: 40).spectra()
        let frame = IsotypicFrame(layout)
        let t = frame.blocks.map { ($0.multiplicity + 1) / 2 }
        let arch = try ComponentArchitecture(frame: frame, tuple: t)
        let theta = try arch.parameters(projectors: spectra.optimalMaps(t))
        let w = try Self.pixelMatrix(arch, theta)
        let expected = try frame.pixelMatrix(spectra.optimalMaps(t))
        #expect(zip(w, expected).allSatisfy { abs($0 - $1) < 1e-10 })
    }
}
