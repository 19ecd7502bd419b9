import Testing
import Algebra
@testable import Geometry
import EqgeomTestSupport

/// The exponent-histogram certificate (MATH.md §5) against field arithmetic, and its power to fail.
@Suite struct MonomialBlockCheckTests {
    static func columns(_ c: Int) throws -> [BasisColumn] {
        let layout = try BasisLayout(try Permutation(images: (1...c).map { $0 % c + 1 }))
        return layout.columns
    }

    /// Every cycle length up to 48 and lengths whose Φ_N has many terms (N = 420); with
    /// EQGEOM_TEST_MULTIPLIER > 1 also 210 (N = 420) and 256 (N = 1024, the longest accepted).
    @Test func holdsForManyCycleLengths() throws {
        for c in Array(1...48) + [90, 105] + (testIterations(1) > 1 ? [210, 256] : []) {
            let check = MonomialBlockCheck(columns: try Self.columns(c), length: c)
            #expect(check.failures().isEmpty, "c = \(c)")
        }
    }

    /// Second method: each entry's monomial pair equals 2·B[i_s, j] computed in ℚ(ζ_N) by ExactBasis.
    @Test func monomialsAreTheBasisEntries() throws {
        for c in [1, 2, 5, 12, 15, 28, 30] {
            let basis = try ExactBasis(try Permutation(images: (1...c).map { $0 % c + 1 }))
            let check = MonomialBlockCheck(columns: basis.layout.columns, length: c)
            let field = CyclotomicField(check.n)
            for (j, col) in basis.layout.columns.enumerated() {
                for s in 0..<c {
                    let pair = field.zeta(check.first[j * c + s]) + field.zeta(check.second[j * c + s])
                    #expect(pair == Rational(2) * basis.value(col, at: s), "c = \(c), column \(j), position \(s)")
                }
            }
        }
    }

    /// Moving one exponent of one entry breaks the identities of that column (and only those rows/columns).
    @Test func corruptedEntriesFail() throws {
        var state: UInt64 = 5
        func next() -> UInt64 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return state >> 33
        }
        for c in [3, 8, 12, 28, 45] {
            for _ in 0..<6 {
                var check = MonomialBlockCheck(columns: try Self.columns(c), length: c)
                let j = Int(next() % UInt64(c))
                let s = Int(next() % UInt64(c))
                let shift = 1 + Int(next() % UInt64(check.n - 1))
                check.first[j * c + s] = (check.first[j * c + s] + shift) % check.n
                let failures = check.failures()
                #expect(!failures.isEmpty, "c = \(c): corrupting column \(j) at \(s) went unnoticed")
                #expect(failures.allSatisfy { $0.0 == j || $0.1 == j })
            }
        }
    }
}
