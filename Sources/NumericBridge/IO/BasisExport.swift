import Foundation
import Algebra
import Geometry

/// Files describing an adapted basis Q (docs/formats.md): one permutation's closed-form Q_σ by its cycles and column
/// kinds, a group's Q by its generators, blocks and orbit blocks, and a group's exact basis. Indices are 0-based;
/// exact numbers are written as coefficient lists of their representative polynomial in the field's generator a
/// (["1/2", "3"] is 1/2 + 3a; rationals have one coefficient).
public enum BasisExport {
    /// The arrays that describe a frame's Q: `permutationArchive` for one permutation, `groupArchive` for a group.
    static func description(_ source: IsotypicFrame.Source) -> NumPyArchive {
        switch source {
        case .permutation(let layout): return permutationArchive(layout)
        case .group(let basis): return groupArchive(basis)
        }
    }

    /// A frame's dense Q (n×n float64, row-major).
    /// - Throws: `MemoryLimitError` when n² doubles exceed the memory budget.
    static func denseQ(_ source: IsotypicFrame.Source) throws -> [Double] {
        switch source {
        case .permutation(let layout): return try NumericBasis(layout).matrix
        case .group(let basis): return try denseQ(basis)
        }
    }

    /// σ and the column description of Q_σ: `permutation` (0-based images), `cycles` + `cycle_offsets`,
    /// `column_kind` (0 constant, 1 cosine, 2 sine, 3 alternating), `column_cycle`, `column_frequency`, and per
    /// block `block_l`, `block_m`, `block_multiplicity`, `block_weight`.
    static func permutationArchive(_ layout: BasisLayout) -> NumPyArchive {
        let n = layout.degree
        var z = NumPyArchive.described(n: n)
        z.add("permutation", NumPyArray(int32: layout.permutation.zeroBasedImages, shape: [n]))
        z.add("cycles", NumPyArray(int32: layout.cycles.flatMap { $0.map { Int32($0) } }, shape: [n]))
        var offsets: [Int32] = [0]
        for c in layout.cycles { offsets.append((offsets.last ?? 0) + Int32(c.count)) }
        z.add("cycle_offsets", NumPyArray(int32: offsets, shape: [offsets.count]))
        let kinds: [BasisColumn.Kind: Int8] = [.constant: 0, .cosine: 1, .sine: 2, .alternating: 3]
        z.add("column_kind", NumPyArray(int8: layout.columns.map { kinds[$0.kind] ?? -1 }, shape: [n]))
        z.add("column_cycle", NumPyArray(int32: layout.columns.map { Int32($0.cycle) }, shape: [n]))
        z.add("column_frequency", NumPyArray(int32: layout.columns.map { Int32($0.frequency) }, shape: [n]))
        let blocks = layout.structure.blocks
        z.add("block_l", NumPyArray(int32: blocks.map { Int32($0.l) }, shape: [blocks.count]))
        z.add("block_m", NumPyArray(int32: blocks.map { Int32($0.m) }, shape: [blocks.count]))
        z.add("block_multiplicity", NumPyArray(int32: blocks.map { Int32($0.multiplicity) }, shape: [blocks.count]))
        z.add("block_weight", NumPyArray(int32: blocks.map { Int32($0.weight) }, shape: [blocks.count]))
        return z
    }

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
