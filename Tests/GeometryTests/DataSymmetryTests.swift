import EqgeomTestSupport
import Foundation
import Testing

@testable import Algebra
@testable import Geometry

/// Covariance and regression symmetries against sympy (Oracles/make_data_symmetry_oracles.py: explicitly
/// vectorised systems, factor_list of the characteristic polynomial) and against the closed forms.
@Suite struct DataSymmetryTests {
    struct Covariance: Decodable {
        let h: [[String]]
        let cor1Dimension: Int
        let orthogonalDimension: Int
        let multiplicities: [[Int]]
        enum CodingKeys: String, CodingKey {
            case h, multiplicities
            case cor1Dimension = "cor1_dimension"
            case orthogonalDimension = "orthogonal_dimension"
        }
    }
    struct Regression: Decodable {
        let x: [[String]]
        let y: [[String]]
        let invariantOutputs: Int
        let equivariantOutputs: Int
        let fittedMap: Int
        enum CodingKeys: String, CodingKey {
            case x, y
            case invariantOutputs = "invariant_outputs"
            case equivariantOutputs = "equivariant_outputs"
            case fittedMap = "fitted_map"
        }
    }
    struct Oracles: Decodable {
        let covariances: [Covariance]
        let regressions: [Regression]
    }

    static func oracles() throws -> Oracles {
        let url = packageRoot().appendingPathComponent("Tests/GeometryTests/Oracles/data_symmetries.json")
        return try JSONDecoder().decode(Oracles.self, from: Data(contentsOf: url))
    }

    @Test func covariancesMatchSympy() throws {
        let cases = try Self.oracles().covariances
        #expect(cases.count == 8)
        for c in cases {
            let h = rationalMatrix(c.h)
            let s = try CovarianceSymmetry(covariance: h)
            #expect(s.cor1Dimension == c.cor1Dimension && s.cor1Dimension == s.cor1Formula, "\(c.h)")
            #expect(s.orthogonalDimension == c.orthogonalDimension && s.orthogonalFormula == c.orthogonalDimension)
            #expect(s.eigenvalueMultiplicities.map { [$0.degree, $0.multiplicity] } == c.multiplicities)
            // every basis element generates maps preserving H: LH + HLᵀ = 0
            #expect(s.cor1Basis.count == s.cor1Dimension)
            #expect(s.cor1Basis.allSatisfy { l in (l * h + h * l.transposed).isZeroMatrix })
        }
    }

    @Test func regressionsMatchSympy() throws {
        for c in try Self.oracles().regressions {
            let r = try RegressionSymmetry(
                x: rationalMatrix(c.x), y: rationalMatrix(c.y))
            #expect(r.invariantOutputsDimension == c.invariantOutputs, "\(c.x)")
            #expect(r.equivariantOutputsDimension == c.equivariantOutputs, "\(c.x)")
            #expect(r.fittedMapDimension == c.fittedMap, "\(c.x)")
        }
        // H = I and A = [I_2 0]: so(2) ⊕ so(3) for the fitted map, so(ker A) = so(3) for invariant outputs
        let x = RationalMatrix.identity(5)
        var y = RationalMatrix(rows: 2, columns: 5)
        y[0, 0] = Rational(1)
        y[1, 1] = Rational(1)
        let r = try RegressionSymmetry(x: x, y: y)
        #expect(r.fittedMapDimension == 4 && r.invariantOutputsDimension == 3 && r.equivariantOutputsDimension == 4)
    }

    @Test func badCovariancesAreRefused() throws {
        #expect(throws: GeometryError.self) {
            try CovarianceSymmetry(covariance: try RationalMatrix(parsing: "[[1,2],[3,4]]"))
        }
        #expect(throws: GeometryError.self) {
            try RegressionSymmetry(x: RationalMatrix(rows: 2, columns: 3), y: RationalMatrix(rows: 1, columns: 3))
        }
    }
}
