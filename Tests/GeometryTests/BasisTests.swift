import Testing
import Algebra
import Geometry
import EqgeomTestSupport

@Suite struct BasisTests {
    static let cases = [
        "(1 3 4)(2 5)", "(1 2 3 4 5 6 7)", "(1 2 3 4 5 6 7 8)(9 10 11)(12 13)", "(1 2 3 4 5 6)(7 8 9 10)",
        "(1 2)(3 4 5 6 7 8 9 10 11 12 13 14)",
    ]

    /// The certificate holds for odd and even cycles, fixed points and the paper's 9-pixel rotation.
    @Test func certificateHolds() throws {
        for sigma in try Self.cases.map({ try Permutation(cycles: $0, degree: 16) }) + [
            try Permutation.rotation(size: 3, degrees: 90)
        ] {
            let basis = try ExactBasis(sigma)
            let cert = try basis.certify()
            #expect(cert.holds, "\(sigma): \(cert.failures)")
            #expect(try basis.certify(everyOrbit: true).holds)
            #expect(basis.layout.columns.count == sigma.degree)
        }
        let mnist = try ExactBasis(Permutation.shift(height: 28, width: 28, along: .x)).certify()
        #expect(mnist.holds && mnist.checkedEntries == 2 * 28 * 28)
    }

    /// Second method: the full products BᵀB and BᵀP_σB over all n² entries, dense.
    @Test func denseProductsAgree() throws {
        for text in Self.cases {
            let sigma = try Permutation(cycles: text)
            let basis = try ExactBasis(sigma)
            let b = basis.denseMatrix()
            let n = sigma.degree
            let field = CyclotomicField(basis.layout.cycles.map(\.count).reduce(4) { lcmInt($0, $1) })
            let norms = basis.squaredNorms
            for a in 0..<n {
                for c in 0..<n {
                    let colA = (0..<n).map { b[$0][a] }
                    let colC = (0..<n).map { b[$0][c] }
                    // (P x)[σ(i)] = x[i]
                    var pc = colC
                    for i in 0..<n { pc[sigma.image(of: i + 1) - 1] = colC[i] }
                    #expect(
                        field.dot(colA, colC) == CyclotomicNumber(a == c ? norms[a] : Rational(0)), "\(text) \(a),\(c)")
                    #expect(field.dot(colA, pc) == norms[a] * basis.blockFormEntry(a, c), "\(text) \(a),\(c)")
                }
            }
        }
    }

    @Test func layoutFollowsCanonicalBlocks() throws {
        let layout = try BasisLayout(try Permutation.shift(height: 28, width: 28, along: .x))
        #expect(layout.blockOffsets == [0, 28, 84, 140, 196, 252, 308, 364, 420, 476, 532, 588, 644, 700, 756, 784])
        #expect(
            layout.columns[28].kind == .cosine && layout.columns[28].frequency == 1 && layout.columns[29].kind == .sine)
        #expect(layout.columns[783].kind == .alternating)
        #expect(throws: GeometryError.self) {
            try ExactBasis(Permutation(images: (1...300).map { $0 % 300 + 1 })).certify()
        }
    }
}

func lcmInt(_ a: Int, _ b: Int) -> Int {
    var (x, y) = (a, b)
    while y != 0 { (x, y) = (y, x % y) }
    return a / x * b
}
