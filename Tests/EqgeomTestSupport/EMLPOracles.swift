import Algebra
import Foundation

/// One case of Tests/GeometryTests/Oracles/emlp.json (made by make_emlp_oracles.py with sympy): generators as
/// matrices of rational strings, the tensor powers, the dimension and the RREF basis of the equivariant maps.
public struct EMLPOracle: Decodable, Sendable {
    public let name: String
    public let group: [[[String]]]
    public let lie: [[[String]]]
    public let inPower: Int
    public let outPower: Int
    public let dimension: Int
    public let basis: [[String]]
    enum CodingKeys: String, CodingKey {
        case name, group, lie, dimension, basis
        case inPower = "in_power"
        case outPower = "out_power"
    }

    /// Every case of emlp.json.
    public static func all(testFile: String = #filePath) throws -> [EMLPOracle] {
        let url = packageRoot(testFile: testFile).appendingPathComponent("Tests/GeometryTests/Oracles/emlp.json")
        return try JSONDecoder().decode([EMLPOracle].self, from: Data(contentsOf: url))
    }
}

/// A matrix from rows of rational strings ("3", "-1/2"), as the oracle files store them.
public func rationalMatrix(_ rows: [[String]]) -> RationalMatrix {
    RationalMatrix(rows.map { $0.map { Rational($0) ?? Rational(0) } }) ?? RationalMatrix(rows: 0, columns: 0)
}
