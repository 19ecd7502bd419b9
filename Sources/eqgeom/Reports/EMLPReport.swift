import CommandLineSupport
import ArgumentParser
import Foundation
import Algebra
import Geometry
import NumericBridge

struct EMLPReport: Report {
    let inDim: Int
    let outDim: Int
    let unknowns: Int
    let constraintRows: Int
    let constraintRank: Int
    let dimension: Int
    let field: String
    let method: String
    let orbitals: Int?
    let basis: [[[String]]]?
    var singularValueGap: Double? = nil
    var threshold: Double? = nil

    /// The shape of the problem and its solution; `basis` as text, d_out×d_in per map.
    init(
        inDim: Int, outDim: Int, generators: Int, dimension: Int, method: String, field: String = "Q",
        basis: [[[String]]]? = nil
    ) {
        self.inDim = inDim
        self.outDim = outDim
        unknowns = inDim * outDim
        constraintRows = max(generators, 1) * unknowns
        constraintRank = unknowns - dimension
        self.dimension = dimension
        self.method = method
        self.field = field
        orbitals = method == EquivariantMapSpace.Method.orbitals.rawValue ? dimension : nil
        self.basis = basis
    }

    /// The exact solution over ℚ.
    init(_ c: EquivarianceConstraint, _ s: EquivariantMapSpace, basis maps: [RationalMatrix]?) {
        self.init(
            inDim: c.input.dimension, outDim: c.output.dimension, generators: Self.generatorCount(c),
            dimension: s.dimension, method: s.method.rawValue,
            basis: maps.map { $0.map { m in m.entries.map { $0.map(\.description) } } })
    }

    /// A solution over a number field (`--field`).
    init(
        field: String, inDim: Int, outDim: Int, generators: Int, maps: [NumberFieldRepresentation.Matrix],
        basis withBasis: Bool
    ) {
        self.init(
            inDim: inDim, outDim: outDim, generators: generators, dimension: maps.count, method: "exact-rref",
            field: field, basis: withBasis ? maps.map { $0.map { $0.map(\.description) } } : nil)
    }

    /// The float64 solution (`--numeric`): the basis entries printed with 17 significant digits.
    init(_ c: EquivarianceConstraint, numeric s: NumericEquivariantMaps, basis withBasis: Bool) {
        let (rows, columns) = (c.output.dimension, c.input.dimension)
        self.init(
            inDim: columns, outDim: rows, generators: Self.generatorCount(c), dimension: s.dimension,
            method: "numeric-svd", field: "float64",
            basis: withBasis
                ? s.basis.map { v in
                    (0..<rows).map { i in (0..<columns).map { String(format: "%.17g", v[i * columns + $0]) } }
                } : nil)
        singularValueGap = s.gap
        threshold = s.threshold
    }

    static func generatorCount(_ c: EquivarianceConstraint) -> Int {
        c.input.groupGeneratorCount + c.input.lieGenerators.count
    }

    enum CodingKeys: String, CodingKey {
        case unknowns, dimension, field, method, orbitals, basis, threshold
        case singularValueGap = "singular_value_gap"
        case inDim = "in_dim"
        case outDim = "out_dim"
        case constraintRows = "constraint_rows"
        case constraintRank = "constraint_rank"
    }

    var table: String {
        var rows: [(String, String)] = [
            ("maps", "ℚ^\(inDim) → ℚ^\(outDim): \(unknowns) unknowns, \(constraintRows) constraint rows"),
            ("dimension", "\(dimension) (constraint rank \(constraintRank))"),
            (
                "method",
                method
                    + (method == "orbitals" ? " (orbits of the group on pairs)" : " over \(field == "Q" ? "ℚ" : field)")
            ),
        ]
        if let gap = singularValueGap, let threshold {
            rows.append(("cut", String(format: "singular values ≤ %.2e dropped; gap at the cut %.2e", threshold, gap)))
        }
        if let maps = basis {
            rows += maps.enumerated().map { k, m in
                ("basis \(k + 1)", "[" + m.map { "[" + $0.joined(separator: ",") + "]" }.joined(separator: ",") + "]")
            }
        }
        return keyValueTable(rows)
    }
}
