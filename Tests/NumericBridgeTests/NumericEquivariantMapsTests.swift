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
        for c in try EMLPOracle.all() {
            let group = c.group.map(rationalMatrix)
            let lie = c.lie.map(rationalMatrix)
            let rho = try MatrixRepresentation(
                dimension: (group.first ?? lie.first)?.rows ?? 0, groupGenerators: group, lieGenerators: lie)
            let constraint = try EquivarianceConstraint(
                input: try rho.tensorPower(c.inPower), output: try rho.tensorPower(c.outPower))
            let numeric = try NumericEquivariantMaps(constraint)
            #expect(numeric.dimension == c.dimension, "\(c.name)")
            // a clear cut at every step (no gap: nothing dropped, or the dropped values exactly 0)
            #expect(numeric.gap.map { $0 > 1e8 } ?? true, "\(c.name): gap \(numeric.gap ?? 0)")
            let exact = try constraint.solve().basis().map(\.nearestDoubles)
            guard !exact.isEmpty else { continue }
            let stacked = (exact + numeric.basis).flatMap { $0 }
            let s = try singularValues(stacked, rows: 2 * exact.count, columns: numeric.unknowns)
            #expect(s[exact.count - 1] > 1e-6 && (s.count == exact.count || s[exact.count] < 1e-9), "\(c.name)")
        }
    }
}
