import Foundation
import Algebra
import Geometry

/// Sufficient statistics of a data shard for every component's optimum (MATH.md §4.5, §8.7): per block the
/// second moment of the block's coordinates, and the number of rows. Moments of disjoint shards add, so shards
/// merged give the optimum and best component of the whole data set (to rounding). One permutation's moments
/// (`BlockMoments`, Hermitian d×d blocks from the FFT) and a group's (`GroupBlockMoments`, real δμ×δμ blocks
/// from the orbit transform) conform.
public protocol ShardMoments: Sendable {
    /// The spectra the moments determine.
    associatedtype Spectra: BlockSpectra
    /// N, the rows the moments were taken of.
    var sampleCount: Int { get }
    /// Whether every entry is finite (squares of values near 1e154 overflow double precision).
    var isFinite: Bool { get }
    /// ‖X‖²_F: the sum of the moments' traces.
    var totalEnergy: Double { get }
    /// The blocks' labels in canonical order (what keyed tuples name).
    var blockLabels: [String] { get }
    /// Adds another shard's moments, taken for the same symmetry.
    /// - Throws: `NumericError.invalidInput` when the shards were taken for different symmetries.
    mutating func add(_ other: Self) throws
    /// The block spectra (energies and directions per block) of the moments.
    func spectra() throws -> Spectra
}

extension ShardMoments {
    /// Adds `other`, which must be moments of the same kind and symmetry.
    /// - Throws: `NumericError.invalidInput` for moments of another kind or symmetry.
    public mutating func add(any other: any ShardMoments) throws {
        guard let same = other as? Self else {
            throw NumericError.invalidInput("statistics of one permutation and of a group cannot be merged")
        }
        try add(same)
    }
}

extension BlockMoments: ShardMoments {
    /// σ's block labels, l/m.
    public var blockLabels: [String] { layout.structure.blocks.map(\.label) }

    /// The spectra of σ's blocks.
    public func spectra() throws -> CyclicBlockSpectra { try CyclicBlockSpectra(moments: self) }
}

/// A group's block moments M_b = Σ z zᵀ (δμ×δμ, summed over the block's slots; MATH.md §8.7) in the frame of its
/// numeric basis, with the number of rows.
public struct GroupBlockMoments: ShardMoments {
    /// The numeric adapted basis the moments are taken in.
    public let basis: GroupNumericBasis
    /// N, the rows.
    public private(set) var sampleCount: Int
    /// Per block, M_b (row-major δμ×δμ, symmetric).
    public private(set) var moments: [[Double]]

    /// - Throws: `NumericError.invalidInput` unless there is one δμ×δμ moment per block of `basis`.
    public init(basis: GroupNumericBasis, sampleCount: Int, moments: [[Double]]) throws {
        let sizes = basis.blocks.map { ($0.block.type.dimension * $0.block.multiplicity) }
        guard moments.count == sizes.count, zip(moments, sizes).allSatisfy({ $0.count == $1 * $1 }) else {
            throw NumericError.invalidInput(
                "the moments do not have one δμ×δμ matrix per block (sizes "
                    + "\(sizes.map(String.init).joined(separator: ",")))")
        }
        self.basis = basis
        self.sampleCount = sampleCount
        self.moments = moments
    }

    /// Moments known to have one δμ×δμ matrix per block (the fused transform's).
    init(unchecked basis: GroupNumericBasis, sampleCount: Int, moments: [[Double]]) {
        self.basis = basis
        self.sampleCount = sampleCount
        self.moments = moments
    }

    /// The group's block labels (R2.1, …).
    public var blockLabels: [String] { basis.blocks.map(\.block.label) }

    /// Whether every entry is finite.
    public var isFinite: Bool { moments.allSatisfy { $0.allSatisfy(\.isFinite) } }

    /// The sum of the moments' traces.
    public var totalEnergy: Double {
        moments.reduce(0) { sum, m in
            let d = Int(Double(m.count).squareRoot())
            return sum + (0..<d).reduce(0) { $0 + m[$1 * d + $1] }
        }
    }

    /// Adds another shard's moments (same generators).
    /// - Throws: `NumericError.invalidInput` when the shards were taken for different groups.
    public mutating func add(_ other: GroupBlockMoments) throws {
        guard other.basis.generators == basis.generators else {
            throw NumericError.invalidInput(
                "statistics for different groups cannot be merged (\(basis.generators.count) generators on "
                    + "\(basis.degree) points and \(other.basis.generators.count) on \(other.basis.degree))")
        }
        sampleCount += other.sampleCount
        for b in moments.indices { for i in moments[b].indices { moments[b][i] += other.moments[b][i] } }
    }

    /// The spectra of the group's blocks.
    public func spectra() throws -> GroupBlockSpectra {
        try GroupBlockSpectra(moments: moments, count: sampleCount, basis: basis)
    }
}
