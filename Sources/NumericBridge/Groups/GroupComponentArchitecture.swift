import Foundation
import Algebra
import Geometry

/// The weight-sharing autoencoder of a component V_t of a permutation group, in pixel coordinates
/// (MATH.md §8.8): latent rows (block ρ, latent copy i < t_ρ, slot j < c, D-slot α < δ); parameters
/// E^e_{ik} (encoder) and D^e_{ki} (decoder) per block, in the order of `DeepAdamModel.layers` (E, then D).
/// Each matrix entry is a linear form in the parameters with coefficients L_e[α,β]·Q[p, (k, j, β)]:
/// entries of the exact basis B over √Δ (not only ±1). Stored as coordinate lists (row, column, parameter,
/// coefficient), with the column of Q each coefficient comes from, so the exact value is ±B[p, col]/√Δ[col].
public struct GroupComponentArchitecture: Sendable {
    /// One sparse pattern: `matrix[row][col] = Σ coefficient·θ[parameter]` over its entries.
    public struct Pattern: Sendable {
        /// The pattern's rows.
        public let rows: Int
        /// The pattern's columns.
        public let columns: Int
        /// Each entry's row.
        public var row: [Int32] = []
        /// Each entry's column.
        public var column: [Int32] = []
        /// Each entry's parameter index into θ.
        public var parameter: [Int32] = []
        /// Each entry's coefficient (±B[p, col]/√Δ[col]).
        public var coefficient: [Double] = []
        /// The column of Q the coefficient comes from (its sign is that of L_e[α,β]).
        public var basisColumn: [Int32] = []
    }

    /// t, the component.
    public let tuple: [Int]
    /// Σ w t, the autoencoder's latent size.
    public let rank: Int
    /// Real parameters: Σ 2δμt.
    public let parameterCount: Int
    /// E (rank × n) on the points.
    public let encoder: Pattern
    /// D (n × rank) on the points.
    public let decoder: Pattern

    /// Refused above `maximumEntries` coordinate entries (the estimate comes first).
    public static let maximumEntries = 50_000_000

    /// The patterns of component t in the basis's frame.
    /// - Throws: `NumericError.tooLarge` past `maximumEntries` coordinate entries (estimated first).
    public init(basis: GroupNumericBasis, tuple: [Int]) throws {
        let n = basis.degree
        let r = zip(basis.blocks, tuple).reduce(0) { $0 + $1.0.block.weight * $1.1 }
        var estimate = 0
        for (b, t) in zip(basis.blocks, tuple) where t > 0 {
            let (w, mu) = (b.block.weight, b.block.multiplicity)
            estimate += 2 * t * w * mu * b.block.type.dimension * max(1, n / max(mu, 1))
        }
        guard estimate <= Self.maximumEntries else {
            throw NumericError.tooLarge(
                "the weight-sharing pattern would have about \(estimate) entries; use a smaller rank or image")
        }
        var encoder = Pattern(rows: r, columns: n)
        var decoder = Pattern(rows: n, columns: r)
        // where each Q column lives: orbit block and local column index
        var location = [(orbit: Int, local: Int)](repeating: (0, 0), count: n)
        for (o, orbit) in basis.orbits.enumerated() {
            for (j, c) in orbit.columns.enumerated() { location[c] = (o, j) }
        }
        var latent = 0
        var parameterOffset = 0
        for (b, t) in zip(basis.blocks, tuple) {
            let (w, mu, delta) = (b.block.weight, b.block.multiplicity, b.block.type.dimension)
            let c = w / delta
            let half = t * mu * delta
            for i in 0..<t {
                for j in 0..<c {
                    for alpha in 0..<delta {
                        let row = latent + (i * c + j) * delta + alpha
                        for k in 0..<mu {
                            for (e, l) in b.structure.enumerated() {
                                for beta in 0..<delta where l[alpha * delta + beta] != 0 {
                                    let column = b.offset + k * w + j * delta + beta
                                    let (o, local) = location[column]
                                    let orbit = basis.orbits[o]
                                    let size = orbit.columns.count
                                    for (q, p) in orbit.points.enumerated() {
                                        let value = orbit.values[q * size + local]
                                        guard value != 0 else { continue }
                                        // encoder: latent(i,j,α) += E^e_ik · L_e[α,β] · Q[p,(k,j,β)] · x_p
                                        encoder.append(
                                            row, p, parameterOffset + (i * mu + k) * delta + e,
                                            l[alpha * delta + beta] * value, column)
                                        // decoder: x_p += Q[p,(k,j,β)] · D^e_ki · L_e[β,α] · latent(i,j,α)
                                        let coefficient = l[beta * delta + alpha]
                                        if coefficient != 0 {
                                            decoder.append(
                                                p, row, parameterOffset + half + (k * t + i) * delta + e,
                                                coefficient * value, column)
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
            latent += w * t
            parameterOffset += 2 * half
        }
        self.tuple = tuple
        rank = r
        parameterCount = parameterOffset
        self.encoder = encoder
        self.decoder = decoder
    }
}

extension GroupComponentArchitecture.Pattern {
    init(rows: Int, columns: Int) {
        self.rows = rows
        self.columns = columns
    }

    mutating func append(_ r: Int, _ c: Int, _ p: Int, _ value: Double, _ basisColumn: Int) {
        row.append(Int32(r))
        column.append(Int32(c))
        parameter.append(Int32(p))
        coefficient.append(value)
        self.basisColumn.append(Int32(basisColumn))
    }

    /// The dense matrix for parameters θ (small cases and tests).
    public func matrix(_ theta: [Double]) -> [Double] {
        var m = [Double](repeating: 0, count: rows * columns)
        for i in row.indices { m[Int(row[i]) * columns + Int(column[i])] += coefficient[i] * theta[Int(parameter[i])] }
        return m
    }
}
