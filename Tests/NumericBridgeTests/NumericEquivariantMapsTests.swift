import EqgeomTestSupport
import Foundation
import Testing

@testable import Algebra
@testable import Geometry
@testable import NumericBridge

/// The float64 SVD path against the exact path on the sympy oracle cases: the same dimension, a wide gap at the
/// cut, and the same space (the exact and numeric bases stacked have rank = dimension).
@Suite struct NumericEquivariantMapsTests {
    @Test func numericSpacesAreTheExactSpaces() throws {
        let url = packageRoot().appendingPathComponent("Tests/GeometryTests/Oracles/emlp.json")
        struct Case: Decodable {
            let name: String
            let group: [[[String]]]
            let lie: [[[String]]]
            let inPower: Int
            let outPower: Int
            let dimension: Int
            enum CodingKeys: String, CodingKey {
                case name, group, lie, dimension
                case inPower = "in_power"
                case outPower = "out_power"
            }
        }
        for c in try JSONDecoder().decode([Case].self, from: Data(contentsOf: url)) {
            let matrix = { (rows: [[String]]) in
                RationalMatrix(rows.map { $0.map { Rational($0) ?? Rational(0) } })
                    ?? RationalMatrix(rows: 0, columns: 0)
            }
            let group = c.group.map(matrix)
            let lie = c.lie.map(matrix)
            let rho = try MatrixRepresentation(
                dimension: (group.first ?? lie.first)?.rows ?? 0, groupGenerators: group, lieGenerators: lie)
            let constraint = try EquivarianceConstraint(
                input: try rho.tensorPower(c.inPower), output: try rho.tensorPower(c.outPower))
            let numeric = try NumericEquivariantMaps(constraint)
            #expect(numeric.dimension == c.dimension, "\(c.name)")
            if numeric.dimension > 0 && numeric.dimension < numeric.unknowns {
                // no gap: the dropped singular values are exactly 0
                let dropped = numeric.singularValues[numeric.unknowns - numeric.dimension]
                #expect(numeric.gap.map { $0 > 1e8 } ?? (dropped == 0), "\(c.name): gap \(numeric.gap ?? 0)")
            }
            let exact = try constraint.solve().basis().map(NumericEquivariantMaps.doubles)
            guard !exact.isEmpty else { continue }
            let stacked = (exact + numeric.basis).flatMap { $0 }
            let s = try singularValues(stacked, rows: 2 * exact.count, columns: numeric.unknowns)
            #expect(s[exact.count - 1] > 1e-6 && (s.count == exact.count || s[exact.count] < 1e-9), "\(c.name)")
        }
    }
}
