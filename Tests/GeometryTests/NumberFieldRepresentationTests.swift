import EqgeomTestSupport
import Foundation
import Testing

@testable import Algebra
@testable import Geometry

/// Equivariant maps over ℚ(√3) (rotations by 60° and 30°) against sympy's exact nullspaces with √3
/// (Oracles/make_emlp_oracles.py, emlp_sqrt3.json: entries p0 + p1·√3 as [p0, p1]).
@Suite struct NumberFieldRepresentationTests {
    struct Case: Decodable {
        let name: String
        let generator: [[[String]]]
        let inPower: Int
        let outPower: Int
        let dimension: Int
        let basis: [[[String]]]
        enum CodingKeys: String, CodingKey {
            case name, generator, dimension, basis
            case inPower = "in_power"
            case outPower = "out_power"
        }
    }

    @Test func sympyOraclesOverQSqrt3() throws {
        let url = packageRoot().appendingPathComponent("Tests/GeometryTests/Oracles/emlp_sqrt3.json")
        let cases = try JSONDecoder().decode([Case].self, from: Data(contentsOf: url))
        let field = NumberField(IntegerPolynomial(coefficients: [-3, 0, 1]))
        func element(_ pair: [String]) -> NumberFieldElement {
            let (p0, p1) = (Rational(pair[0]) ?? Rational(-99), Rational(pair[1]) ?? Rational(-99))
            return NumberFieldElement(p0, in: field) + NumberFieldElement(p1, in: field) * field.generator
        }
        #expect(cases.count == 4)
        for c in cases {
            let rho = try NumberFieldRepresentation(
                field: field, dimension: 2, groupGenerators: [c.generator.map { $0.map(element) }])
            let maps = try rho.tensorPower(c.inPower).equivariantMaps(to: try rho.tensorPower(c.outPower))
            #expect(maps.count == c.dimension, "\(c.name)")
            let flat = maps.map { $0.flatMap { $0 } }
            let expected = c.basis.map { $0.map(element) }
            #expect(flat == expected, "\(c.name)")
        }
    }

    @Test func polynomialParsing() throws {
        let field = NumberField(try RationalPolynomial(parsing: "x^2 - 3", variable: "x").primitiveIntegerPart)
        let half = try NumberFieldElement(parsing: "-a/2 + 1/2", in: field)
        #expect(half * half == (try NumberFieldElement(parsing: "1 - a/2", in: field)))
        #expect(throws: RationalPolynomial.ParseError.self) { try RationalPolynomial(parsing: "2*b", variable: "a") }
        #expect(throws: RationalPolynomial.ParseError.self) { try RationalPolynomial(parsing: "a^", variable: "a") }
    }
}
