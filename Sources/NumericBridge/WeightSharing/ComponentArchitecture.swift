import Foundation
import Algebra
import Geometry

/// The weight-sharing autoencoder of a component V_t (MATH.md §4.4, §8.8), written once for every symmetry
/// through its isotypic frame: per block ρ an encoder E_ρ ∈ D^{t×μ} and a decoder D_ρ ∈ D^{μ×t} over
/// D = ℝ, ℂ or ℍ, each D-entry x realified as Σ_e x_e L_e on one D-slot and repeated on the block's c slots.
///
/// Latent rows run over blocks in canonical order, (copy i < t, slot j < c, D-slot α < δ) within a block; the
/// patterns' columns (encoder) and rows (decoder) are the frame's Q columns. θ is ordered block by block,
/// E_ρ's entries (i, k, e) and then D_ρ's (k, i, e) (`DeepAdamModel.layers`). For one permutation every L_e is
/// a signed permutation matrix and the pattern is the ±1 mask of MATH.md §4.4 (`sharing`); for a group,
/// `onPoints` composes it with Q's orbit blocks.
public struct ComponentArchitecture: Sendable {
    /// One sparse pattern: `matrix[row][column] = Σ coefficient·θ[parameter]` over its entries.
    public struct Pattern: Sendable {
        /// The pattern's rows.
        public let rows: Int
        /// The pattern's columns.
        public let columns: Int
        /// Each entry's row.
        public internal(set) var row: [Int32] = []
        /// Each entry's column.
        public internal(set) var column: [Int32] = []
        /// Each entry's parameter index into θ.
        public internal(set) var parameter: [Int32] = []
        /// Each entry's coefficient: L_e[α, β] in the frame, times Q[p, column] on the points.
        public internal(set) var coefficient: [Double] = []
        /// The column of Q each entry comes from.
        public internal(set) var basisColumn: [Int32] = []

        init(rows: Int, columns: Int) {
            self.rows = rows
            self.columns = columns
        }

        mutating func append(_ r: Int, _ c: Int, _ p: Int, _ value: Double, _ q: Int) {
            row.append(Int32(r))
            column.append(Int32(c))
            parameter.append(Int32(p))
            coefficient.append(value)
            basisColumn.append(Int32(q))
        }

        /// The dense matrix for parameters θ, row-major (small cases and tests).
        public func matrix(_ theta: [Double]) -> [Double] {
            var m = [Double](repeating: 0, count: rows * columns)
            for i in row.indices {
                m[Int(row[i]) * columns + Int(column[i])] += coefficient[i] * theta[Int(parameter[i])]
            }
            return m
        }
    }

    /// The frame the patterns are written in.
    public let frame: IsotypicFrame
    /// t, the component.
    public let tuple: [Int]
    /// Σ w·t, the latent size.
    public let rank: Int
    /// The first parameter of each block in θ (E_ρ's t·μ·δ, then D_ρ's as many), and θ's size last.
    public let blockParameterOffsets: [Int]
    /// E (rank × n) in the frame's Q coordinates.
    public let encoder: Pattern
    /// D (n × rank) in the frame's Q coordinates.
    public let decoder: Pattern

    /// Real parameters, Σ 2·δ·μ·t.
    public var parameterCount: Int { blockParameterOffsets.last ?? 0 }

    /// The patterns of component t in `frame`.
    /// - Throws: `NumericError.invalidInput` for a tuple of the wrong length or t_ρ > μ_ρ;
    ///   `MemoryLimitError` when the patterns (about 24 bytes per entry) exceed the memory budget.
    public init(frame: IsotypicFrame, tuple: [Int]) throws {
        let blocks = frame.blocks
        guard tuple.count == blocks.count, zip(blocks, tuple).allSatisfy({ 0 <= $0.1 && $0.1 <= $0.0.multiplicity })
        else {
            throw NumericError.invalidInput(
                "the tuple \(tuple.map(String.init).joined(separator: ",")) is not a component of the "
                    + "\(blocks.count) blocks (each entry between 0 and the block's multiplicity)")
        }
        let n = frame.degree
        let r = zip(blocks, tuple).reduce(0) { $0 + $1.0.weight * $1.1 }
        let entries = zip(blocks, tuple).reduce(0) {
            ByteCount.sum($0, ByteCount.product(2, $1.1, $1.0.weight, $1.0.multiplicity, $1.0.type.dimension))
        }
        // the entries (24 bytes each) and the dense r×n index and sign maps a mask file holds (10 bytes per entry)
        try MemoryBudget.require(
            ByteCount.sum(ByteCount.product(entries, 24), ByteCount.product(r, n, 10)),
            for: "the weight-sharing patterns of this component (\(r)×\(n) encoder)",
            advice: "use a smaller rank or a smaller image")
        var encoder = Pattern(rows: r, columns: n)
        var decoder = Pattern(rows: n, columns: r)
        var offsets = [0]
        var latent = 0
        for (b, t) in zip(blocks, tuple) {
            let (mu, delta, c) = (b.multiplicity, b.type.dimension, b.slots)
            let start = offsets.last ?? 0
            let half = t * mu * delta
            for i in 0..<t {
                for j in 0..<c {
                    for alpha in 0..<delta {
                        let row = latent + (i * c + j) * delta + alpha
                        for k in 0..<mu {
                            for (e, l) in b.structure.enumerated() {
                                for beta in 0..<delta {
                                    let column = b.columns[j * delta * mu + k * delta + beta]
                                    // encoder: latent(i,j,α) += E^e_ik · L_e[α,β] · y(k,j,β)
                                    let forward = l[alpha * delta + beta]
                                    if forward != 0 {
                                        encoder.append(row, column, start + (i * mu + k) * delta + e, forward, column)
                                    }
                                    // decoder: y(k,j,β) += D^e_ki · L_e[β,α] · latent(i,j,α)
                                    let backward = l[beta * delta + alpha]
                                    if backward != 0 {
                                        decoder.append(
                                            column, row, start + half + (k * t + i) * delta + e, backward, column)
                                    }
                                }
                            }
                        }
                    }
                }
            }
            latent += b.weight * t
            offsets.append(start + 2 * half)
        }
        self.frame = frame
        self.tuple = tuple
        rank = r
        blockParameterOffsets = offsets
        self.encoder = encoder
        self.decoder = decoder
    }
}

extension ComponentArchitecture {
    /// The weight sharing in the symmetry's own coordinates, computed once for a report and its files: one
    /// permutation's ±1 masks in the Q_σ basis (`masks()`), a group's weighted entries on the points (`onPoints`).
    public enum Patterns: Sendable {
        case masks(encoder: WeightSharingPattern, decoder: WeightSharingPattern)
        case points(encoder: Pattern, decoder: Pattern)
    }

    /// The patterns of the frame's symmetry.
    /// - Throws: as `masks()` or `onPoints`.
    public func patterns() throws -> Patterns {
        switch frame.source {
        case .permutation:
            let m = try masks()
            return .masks(encoder: m.encoder, decoder: m.decoder)
        case .group(let basis):
            let p = try onPoints(basis)
            return .points(encoder: p.encoder, decoder: p.decoder)
        }
    }

    /// The patterns on the points: Q's columns replaced by their orbit blocks, E·Qᵀ and Q·D, with each entry's
    /// coefficient L_e[α, β]·Q[p, column] (a group's frame, MATH.md §8.8).
    /// - Throws: `NumericError.tooLarge` past `maximumPointEntries` entries (estimated first).
    public func onPoints(_ basis: GroupNumericBasis) throws -> (encoder: Pattern, decoder: Pattern) {
        var location = [(orbit: Int, local: Int)](repeating: (0, 0), count: basis.degree)
        for (o, orbit) in basis.orbits.enumerated() {
            for (j, c) in orbit.columns.enumerated() { location[c] = (o, j) }
        }
        let estimate = (encoder.basisColumn + decoder.basisColumn).reduce(0) {
            ByteCount.sum($0, basis.orbits[location[Int($1)].orbit].points.count)
        }
        guard estimate <= Self.maximumPointEntries else {
            throw NumericError.tooLarge(
                "the weight-sharing pattern on the points would have about \(estimate) entries; "
                    + "use a smaller rank or image")
        }
        func expand(_ p: Pattern, pointAxisIsColumn: Bool) -> Pattern {
            var out = Pattern(rows: p.rows, columns: p.columns)
            for e in p.row.indices {
                let q = Int(p.basisColumn[e])
                let (o, local) = location[q]
                let orbit = basis.orbits[o]
                let size = orbit.columns.count
                for (s, point) in orbit.points.enumerated() {
                    let value = orbit.values[s * size + local]
                    guard value != 0 else { continue }
                    let (r, c) = pointAxisIsColumn ? (Int(p.row[e]), point) : (point, Int(p.column[e]))
                    out.append(r, c, Int(p.parameter[e]), p.coefficient[e] * value, q)
                }
            }
            return out
        }
        return (expand(encoder, pointAxisIsColumn: true), expand(decoder, pointAxisIsColumn: false))
    }

    /// Largest number of pattern entries on the points (about 1.2 GB).
    public static let maximumPointEntries = 50_000_000

    /// The encoder and decoder as ±1 weight-sharing masks with their own parameter vectors θ_E and θ_D (each
    /// in block order): what one permutation's files and mini-batch Adam use (MATH.md §4.4).
    /// - Throws: `NumericError.invalidInput` when a coefficient is not ±1 or an entry holds two parameters
    ///   (a frame whose D-structure is not a signed permutation).
    public func masks() throws -> (encoder: WeightSharingPattern, decoder: WeightSharingPattern) {
        var local = [Int](repeating: 0, count: parameterCount)
        var (encoderCount, decoderCount) = (0, 0)
        for b in 0..<(blockParameterOffsets.count - 1) {
            let start = blockParameterOffsets[b]
            let half = (blockParameterOffsets[b + 1] - start) / 2
            for u in 0..<half {
                local[start + u] = encoderCount + u
                local[start + half + u] = decoderCount + u
            }
            encoderCount += half
            decoderCount += half
        }
        func mask(_ p: Pattern, count: Int) throws -> WeightSharingPattern {
            typealias O = WeightSharingPattern.Occurrence
            var occurrences = [[O]](repeating: [], count: count)
            var filled = Set<Int>()
            for e in p.row.indices {
                let (r, c, value) = (Int(p.row[e]), Int(p.column[e]), p.coefficient[e])
                guard value == 1 || value == -1, filled.insert(r * p.columns + c).inserted else {
                    throw NumericError.invalidInput("this frame's weight sharing is not a ±1 mask")
                }
                occurrences[local[Int(p.parameter[e])]].append(O(row: r, column: c, sign: Int(value)))
            }
            let sorted = occurrences.map { $0.sorted { ($0.row, $0.column) < ($1.row, $1.column) } }
            return WeightSharingPattern(rows: p.rows, columns: p.columns, parameters: sorted)
        }
        return (try mask(encoder, count: encoderCount), try mask(decoder, count: decoderCount))
    }

    /// θ split into the encoder's θ_E and the decoder's θ_D (the order of `masks`).
    public func split(_ theta: [Double]) -> (encoder: [Double], decoder: [Double]) {
        var (e, d) = ([Double](), [Double]())
        for b in 0..<(blockParameterOffsets.count - 1) {
            let start = blockParameterOffsets[b]
            let half = (blockParameterOffsets[b + 1] - start) / 2
            e += theta[start..<(start + half)]
            d += theta[(start + half)..<(start + 2 * half)]
        }
        return (e, d)
    }
}
