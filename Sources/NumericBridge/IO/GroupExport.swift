import Foundation
import Algebra
import Geometry

/// Files describing a group's adapted basis and component architectures (docs/formats.md, "Groups").
/// Indices are 0-based; exact numbers are written as coefficient lists of their representative polynomial
/// in the field's generator a (["1/2", "3"] is 1/2 + 3a; rationals have one coefficient).
public enum GroupExport {
    /// The dense Q (n×n float64) from the orbit blocks (only where n² doubles fit the budget).
    public static func denseQ(_ basis: GroupNumericBasis) throws -> [Double] {
        let n = basis.degree
        try MemoryBudget.require(
            ByteCount.product(n, n, 8), for: "a dense Q for n = \(n)",
            advice: "the orbit blocks of Q need only Σ|O|² entries; write those instead")
        var q = [Double](repeating: 0, count: n * n)
        for orbit in basis.orbits {
            let size = orbit.columns.count
            for (i, p) in orbit.points.enumerated() {
                for (j, c) in orbit.columns.enumerated() { q[p * n + c] = orbit.values[i * size + j] }
            }
        }
        return q
    }

    /// Common arrays: `generators` (int32 [g, n]) and per block `block_weight`, `block_multiplicity`,
    /// `block_type_dimension` (δ = 1, 2, 4), `block_offset` (first column of Q).
    static func groupArchive(_ basis: GroupNumericBasis) -> NumPyArchive {
        let n = basis.degree
        var z = NumPyArchive.described(n: n)
        z.add("generators", NumPyArray(int32: basis.generators.flatMap { $0 }, shape: [basis.generators.count, n]))
        let blocks = basis.blocks
        z.add("block_weight", NumPyArray(int32: blocks.map { Int32($0.block.weight) }, shape: [blocks.count]))
        z.add(
            "block_multiplicity", NumPyArray(int32: blocks.map { Int32($0.block.multiplicity) }, shape: [blocks.count]))
        z.add(
            "block_type_dimension",
            NumPyArray(int32: blocks.map { Int32($0.block.type.dimension) }, shape: [blocks.count]))
        z.add("block_offset", NumPyArray(int32: blocks.map { Int32($0.offset) }, shape: [blocks.count]))
        return z
    }

    /// The basis `.npz`: the common arrays and `Q` (n×n float64).
    public static func basisArchive(_ basis: GroupNumericBasis) throws -> NumPyArchive {
        var z = groupArchive(basis)
        z.add("Q", NumPyArray(float64: try denseQ(basis), shape: [basis.degree, basis.degree]))
        return z
    }

    /// The component `.npz`: common arrays, `rank`, `tuple`, `parameter_count`, and for the encoder (rank×n)
    /// and decoder (n×rank) the coordinate lists `*_row`, `*_col`, `*_param` (int32), `*_coef` (float64),
    /// `*_basis_column` (int32): matrix[row, col] += coef·θ[param]; Q's orbit blocks as `q_row`, `q_col`,
    /// `q_value`; plus the dense `Q` when n ≤ 4096.
    public static func maskArchive(_ arch: GroupComponentArchitecture, basis: GroupNumericBasis) throws -> NumPyArchive
    {
        var z = groupArchive(basis)
        z.addScalar("rank", arch.rank)
        z.addVector("tuple", arch.tuple)
        z.addScalar("parameter_count", arch.parameterCount)
        for (name, p) in [("encoder", arch.encoder), ("decoder", arch.decoder)] {
            let count = p.row.count
            z.add("\(name)_row", NumPyArray(int32: p.row, shape: [count]))
            z.add("\(name)_col", NumPyArray(int32: p.column, shape: [count]))
            z.add("\(name)_param", NumPyArray(int32: p.parameter, shape: [count]))
            z.add("\(name)_coef", NumPyArray(float64: p.coefficient, shape: [count]))
            z.add("\(name)_basis_column", NumPyArray(int32: p.basisColumn, shape: [count]))
            z.add("\(name)_shape", NumPyArray(int32: [Int32(p.rows), Int32(p.columns)], shape: [2]))
        }
        if basis.degree <= ArchitectureExport.largestDenseExport {
            z.add("Q", NumPyArray(float64: try denseQ(basis), shape: [basis.degree, basis.degree]))
        }
        addSparseQ(&z, basis)
        return z
    }

    /// Q as coordinate lists of its orbit blocks (Σ|O|² entries, any n): `q_row` (point), `q_col` (column),
    /// `q_value` (float64): Q[q_row, q_col] = q_value, every other entry 0.
    static func addSparseQ(_ z: inout NumPyArchive, _ basis: GroupNumericBasis) {
        var (rows, columns, values) = ([Int32](), [Int32](), [Double]())
        for orbit in basis.orbits {
            let size = orbit.columns.count
            for (i, p) in orbit.points.enumerated() {
                for (j, c) in orbit.columns.enumerated() {
                    rows.append(Int32(p))
                    columns.append(Int32(c))
                    values.append(orbit.values[i * size + j])
                }
            }
        }
        z.add("q_row", NumPyArray(int32: rows, shape: [rows.count]))
        z.add("q_col", NumPyArray(int32: columns, shape: [columns.count]))
        z.add("q_value", NumPyArray(float64: values, shape: [values.count]))
    }

    /// A group component's architecture as JSON (`format` "eqgeom.group-mask/1"): `n`, `rank`, `tuple`,
    /// `blocks`, `parameter_count`, `generators`, and `encoder`/`decoder` with `shape` and `entries`
    /// [row, col, param, coef, basis_column].
    public struct MaskDocument: Encodable {
        /// `eqgeom.group-mask/1`.
        public let format = "eqgeom.group-mask/1"
        /// n, the number of points.
        public let n: Int
        /// r, the rank.
        public let rank: Int
        /// t, the component.
        public let tuple: [Int]
        /// The block labels, canonical order.
        public let blocks: [String]
        /// Real parameters.
        public let parameterCount: Int
        /// The generators (0-based images).
        public let generators: [[Int32]]
        /// E as a coordinate list.
        public let encoder: PatternEntry
        /// D as a coordinate list.
        public let decoder: PatternEntry

        /// A pattern's shape and entries [row, col, param, coef, basis_column].
        public struct PatternEntry: Encodable {
            let shape: [Int]
            let entries: [[Double]]
        }

        enum CodingKeys: String, CodingKey {
            case format, n, rank, tuple, blocks, generators, encoder, decoder
            case parameterCount = "parameter_count"
        }

        /// The document of a group component's architecture.
        public init(_ arch: GroupComponentArchitecture, basis: GroupNumericBasis) {
            func entry(_ p: GroupComponentArchitecture.Pattern) -> PatternEntry {
                PatternEntry(
                    shape: [p.rows, p.columns],
                    entries: p.row.indices.map {
                        [
                            Double(p.row[$0]), Double(p.column[$0]), Double(p.parameter[$0]), p.coefficient[$0],
                            Double(p.basisColumn[$0]),
                        ]
                    })
            }
            n = basis.degree
            rank = arch.rank
            tuple = arch.tuple
            blocks = basis.blocks.map(\.block.label)
            parameterCount = arch.parameterCount
            generators = basis.generators
            encoder = entry(arch.encoder)
            decoder = entry(arch.decoder)
        }
    }

    /// The exact basis as JSON (`format` "eqgeom.exact-basis/1"): everything the certificate needs, so that it
    /// can be re-run without eqgeom (`python/eqgeom_certify.py`).
    public struct ExactBasisDocument: Encodable {
        /// `eqgeom.exact-basis/1`.
        public let format = "eqgeom.exact-basis/1"
        /// n, the number of points.
        public let n: Int
        /// The generators (0-based images).
        public let generators: [[Int32]]
        /// The orbits (0-based points, Schreier order).
        public let orbits: [[Int]]
        /// The number of orbitals on [n]².
        public let orbitals: Int
        /// The blocks with their class and embedding.
        public let blocks: [BlockEntry]
        /// The Galois classes: field, embeddings, model and copies.
        public let classes: [ClassEntry]

        /// One block: label, type, weight, multiplicity, class and embedding.
        public struct BlockEntry: Encodable {
            let label: String, type: String, weight: Int, multiplicity: Int, `class`: Int, embedding: Int
        }

        /// One Galois class with its model and copies, exactly (number-field elements as coefficient lists).
        public struct ClassEntry: Encodable {
            /// The defining polynomial's integer coefficients, constant term first.
            let field: [String]
            /// Rational enclosures [lower, upper] of the generator a under each embedding (block order).
            let embeddings: [[String]]
            let type: String
            let modelSource: String
            let generators: [[[[String]]]]
            let squaredNorms: [[String]]
            let structure: [[[[String]]]]
            let copies: [CopyEntry]
            enum CodingKeys: String, CodingKey {
                case field, embeddings, type, generators, structure, copies
                case modelSource = "model_source"
                case squaredNorms = "squared_norms"
            }
        }

        /// One copy of a class's model on one orbit.
        public struct CopyEntry: Encodable {
            let orbit: Int
            /// values[q][a] at orbits[orbit][q].
            let values: [[[String]]]
        }

        /// The document of an exact adapted basis.
        public init(_ basis: AdaptedBasis) {
            func text(_ x: NumberFieldElement) -> [String] {
                let c = x.polynomial.coefficients.map(\.description)
                return c.isEmpty ? ["0"] : c
            }
            n = basis.degree
            generators = basis.generators
            orbits = basis.orbits.map(\.points)
            orbitals = basis.orbitalCount
            blocks = basis.blocks.indices.map { b in
                let block = basis.blocks[b]
                return BlockEntry(
                    label: block.label, type: block.type.rawValue, weight: block.weight,
                    multiplicity: block.multiplicity, class: basis.blockClass[b], embedding: basis.blockEmbedding[b])
            }
            classes = basis.classes.map { c in
                let k = c.model.field
                let theta = k.generator
                return ClassEntry(
                    field: (0...k.polynomial.degree).map { k.polynomial.coefficient($0).description },
                    embeddings: c.embeddings.map { e in
                        let (lo, hi) = e.enclosure(of: theta)
                        return [lo.description, hi.description]
                    },
                    type: c.model.type.rawValue, modelSource: c.modelSource,
                    generators: c.model.generators.map { $0.map { $0.map(text) } },
                    squaredNorms: c.model.squaredNorms.map(text),
                    structure: c.model.structure.map { $0.map { $0.map(text) } },
                    copies: c.copies.map { CopyEntry(orbit: $0.orbit, values: $0.values.map { $0.map(text) }) })
            }
        }
    }
}
