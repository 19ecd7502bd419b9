import Foundation
import Algebra
import Geometry

/// What `eqgeom basis` computes for one symmetry (MATH.md §5, §8.5–§8.6): the numeric Q with its measured
/// errors, on request the exact basis B (`ExactAdaptedBasis`) and its certificate, and the exports. One
/// permutation takes the closed-form Q_σ and the cyclotomic B (the fast conformer); a group takes the orbit
/// blocks of Q and the number-field B, or, for an abelian group without an exact request, its characters.
public struct BasisAnalysis: Sendable {
    /// What to compute beyond the numeric Q.
    public struct Request: Sendable {
        /// Build the exact basis B.
        public var exact = false
        /// Check B's certificate exactly (implies `exact`).
        public var certify = false
        /// For one permutation: certify every cycle, not one per cycle length.
        public var everyOrbit = false
        /// The exact basis will be exported as JSON (needs B, and every block exact).
        public var exactExport = false

        /// Only the numeric Q.
        public init() {}
    }

    /// One isotypic block of Q, with the field and source of its exact model.
    public struct Block: Sendable, Encodable {
        /// The block's label (`l/m` for one permutation, `R3.1`… for a group).
        public let label: String
        /// R, C or H.
        public let type: String
        /// w, the columns per copy.
        public let weight: Int
        /// μ, the copies.
        public let multiplicity: Int
        /// The defining polynomial of the model's field (x for ℚ); `cyclotomic` for one permutation's closed
        /// form, `characters` for an abelian group's characters, `floating` for a block without exact model.
        public let field: String
        /// Where the model was read.
        public let model: String
    }

    /// n.
    public let degree: Int
    /// The blocks in the basis's column order.
    public let blocks: [Block]
    /// Σ δ·μ² = dim End_G(ℝ^n), the number of orbitals.
    public let orbitals: Int
    /// max |QᵀQ − I| (nil where measured by probes).
    public let orthogonalityErrorMax: Double?
    /// max |Qᵀ P_s Q − M_s| over the generators (nil where measured by probes).
    public let blockErrorMax: Double?
    /// ‖QᵀQ − I‖_F and ‖QᵀP_σQ − J‖_F for one permutation (nil for a group).
    public let frobeniusErrors: (orthogonality: Double, block: Double)?
    /// How the errors were obtained.
    public let errorMethod: String
    /// A bound on every entry's distance from the exact value (a group's certified enclosures; nil for σ,
    /// whose entries are cos/sin of reduced arguments).
    public let entryError: Double?
    /// The multiset of Δ = BᵀB's diagonal, value → columns (one permutation's exact basis).
    public let squaredNorms: [String: Int]?
    /// The exact certificate, when requested.
    public let certificate: BasisCertificate?
    let source: IsotypicFrame.Source
    let exactBasis: AdaptedBasis?

    /// Largest orbit of an abelian group for the exact engine (its orbital algebra is the group algebra of the
    /// orbit: s = |O| orbitals, O(|O|³) rational work).
    public static let largestAbelianOrbit = 64

    /// The analysis of one permutation's Q_σ (MATH.md §5).
    public init(_ sigma: Permutation, _ request: Request, progress: (String) -> Void = { _ in }) throws {
        let layout = try BasisLayout(sigma)
        let quality = BasisQuality(layout)
        degree = layout.degree
        blocks = layout.structure.blocks.map {
            Block(
                label: $0.label, type: $0.type.rawValue, weight: $0.weight, multiplicity: $0.multiplicity,
                field: "cyclotomic", model: "closed form")
        }
        orbitals = layout.structure.commutantDimension
        orthogonalityErrorMax = quality.orthogonalityErrorMax
        blockErrorMax = quality.blockErrorMax
        frobeniusErrors = (quality.orthogonalityError, quality.blockError)
        errorMethod = quality.method
        entryError = nil
        source = .permutation(layout)
        exactBasis = nil
        guard request.exact || request.certify else {
            (squaredNorms, certificate) = (nil, nil)
            return
        }
        let exact = try ExactBasis(sigma)
        squaredNorms = Dictionary(grouping: exact.squaredNorms.map(\.description), by: { $0 }).mapValues(\.count)
        if request.certify && degree > 10_000 { progress("certifying Q_σ exactly for n = \(degree)…") }
        certificate = request.certify ? try exact.certify(everyOrbit: request.everyOrbit) : nil
    }

    /// The analysis of a group's adapted basis (MATH.md §8.5–§8.6).
    public init(_ group: PermutationGroup, _ request: Request, progress: @escaping (String) -> Void = { _ in })
        throws
    {
        let characters = CharacterLayout(group: group)
        let wantsExact = request.exact || request.certify || request.exactExport
        var exact: AdaptedBasis? = nil
        let numeric: GroupNumericBasis
        if let characters, !wantsExact {
            numeric = try GroupNumericBasis(characters: characters)
        } else {
            if characters != nil, let largest = group.orbits.map(\.count).max(), largest > Self.largestAbelianOrbit {
                throw GeometryError.tooLarge(
                    "the exact basis of an abelian group is built for orbits up to \(Self.largestAbelianOrbit) "
                        + "points (this one has \(largest)); its numeric basis uses the characters")
            }
            let basis = try AdaptedBasis(group: group, allowUnmodelled: true, progress: progress)
            if request.exactExport, !basis.unmodelled.isEmpty {
                throw NumericError.invalidInput(
                    "some blocks have no exact model (their basis is floating), so an exact export would be partial")
            }
            numeric = try GroupNumericBasis(basis)
            exact = basis
        }
        let transform = GroupTransform(numeric)
        degree = numeric.degree
        blocks = numeric.blocks.indices.map { b in
            let block = numeric.blocks[b].block
            let modelled = exact.flatMap { $0.blockClass[b] >= 0 ? $0.classes[$0.blockClass[b]] : nil }
            let floating = exact.map { $0.blockClass[b] < 0 } ?? false
            return Block(
                label: block.label, type: block.type.rawValue, weight: block.weight, multiplicity: block.multiplicity,
                field: modelled?.model.field.polynomial.description ?? (floating ? "floating" : "characters"),
                model: modelled?.modelSource ?? (floating ? "none: floating basis" : "characters"))
        }
        orbitals = numeric.blocks.reduce(0) {
            $0 + $1.block.type.dimension * $1.block.multiplicity * $1.block.multiplicity
        }
        orthogonalityErrorMax = transform.orthogonalityError
        blockErrorMax = transform.blockError
        frobeniusErrors = nil
        errorMethod = "exact products of the orbit blocks, every generator"
        entryError = numeric.entryError
        squaredNorms = nil
        source = .group(numeric)
        exactBasis = exact
        if let exact, request.certify {
            progress("certifying B exactly")
            certificate = try exact.certify()
        } else {
            certificate = nil
        }
    }

    /// A group's exact basis as a document (`eqgeom.exact-basis/1`, re-checkable without eqgeom); nil for one
    /// permutation (its B is closed form) or without an exact basis.
    public var exactDocument: BasisExport.ExactBasisDocument? { exactBasis.map(BasisExport.ExactBasisDocument.init) }

    /// Writes the dense Q: FILE.npy (n×n float64) or FILE.npz (Q with the symmetry's layout arrays).
    /// - Throws: `MemoryLimitError` for a dense Q past the budget.
    public func write(to path: String) throws {
        let n = degree
        let q = try BasisExport.denseQ(source)
        var archive = BasisExport.description(source)
        archive.setKind(.basis)
        if path.hasSuffix(".npz") {
            archive.add("Q", NumPyArray(float64: q, shape: [n, n]))
            try archive.write(to: path)
        } else {
            try NumPyArray(float64: q, shape: [n, n]).write(to: path)
        }
    }

    /// Refuses, before any work, a dense export of Q whose n²·8 bytes exceed the memory budget.
    public static func requireDenseQ(degree n: Int) throws {
        try MemoryBudget.require(
            ByteCount.product(n, n, 8), for: "a dense Q for n = \(n)",
            advice: "apply Q by its transform instead of forming it, or write the exact basis (.json) for a group")
    }
}
