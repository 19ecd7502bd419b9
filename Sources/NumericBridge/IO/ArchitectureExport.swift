import Foundation
import Algebra
import Geometry

/// Files that describe a weight-sharing architecture for tools without eqgeom (docs/formats.md).
/// Indices in exported files are 0-based (NumPy's convention); permutations are arrays of images.
public enum ArchitectureExport {
    /// Format tag of the JSON mask document.
    public static let maskFormat = "eqgeom.mask/1"

    /// The `.npz` of a component's architecture: the description of Q_σ (cycles and columns, from which
    /// `python/eqgeom_io.py` rebuilds it) and Q_σ itself when n ≤ `largestDenseExport`, the encoder/decoder
    /// index and sign maps, the tuple and the blocks.
    public static func maskArchive(_ arch: ComponentArchitecture, layout: BasisLayout) throws -> NumPyArchive {
        var z = basisArchive(layout)
        if layout.degree <= largestDenseExport {
            let q = try NumericBasis(layout)
            z.add("Q", NumPyArray(float64: q.matrix, shape: [layout.degree, layout.degree]))
        }
        for (name, p) in [("encoder", arch.encoder), ("decoder", arch.decoder)] {
            let (index, sign) = p.denseIndexAndSign
            z.add("\(name)_index", NumPyArray(int32: index, shape: p.shape))
            z.add("\(name)_sign", NumPyArray(int8: sign, shape: p.shape))
        }
        let blocks = layout.structure.blocks
        z.addScalar("rank", arch.component.rank)
        z.addVector("tuple", arch.component.tuple)
        z.add("block_l", NumPyArray(int32: blocks.map { Int32($0.l) }, shape: [blocks.count]))
        z.add("block_m", NumPyArray(int32: blocks.map { Int32($0.m) }, shape: [blocks.count]))
        z.add("block_multiplicity", NumPyArray(int32: blocks.map { Int32($0.multiplicity) }, shape: [blocks.count]))
        z.add("block_weight", NumPyArray(int32: blocks.map { Int32($0.weight) }, shape: [blocks.count]))
        return z
    }

    /// Largest n for which architecture files carry the dense Q_σ (128 MiB); larger files carry only its
    /// description.
    public static let largestDenseExport = 4096

    /// σ and the column description of Q_σ: `permutation` (0-based images), `cycles` + `cycle_offsets`,
    /// `column_kind` (0 constant, 1 cosine, 2 sine, 3 alternating), `column_cycle`, `column_frequency`.
    public static func basisArchive(_ layout: BasisLayout) -> NumPyArchive {
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
        return z
    }

    /// The JSON mask document (schema in docs/formats.md).
    public struct MaskDocument: Encodable {
        /// `eqgeom.mask/1`.
        public let format = ArchitectureExport.maskFormat
        /// n, the number of points.
        public let n: Int
        /// r, the rank.
        public let rank: Int
        /// σ's images, 0-based.
        public let permutation: [Int]
        /// σ's blocks in canonical order.
        public let blocks: [SpectralBlock]
        /// t, the component.
        public let tuple: [Int]
        /// σ's cycles (0-based points), the columns' supports.
        public let cycles: [[Int]]
        /// Q_σ's columns: kind, cycle, frequency and block.
        public let columns: [BasisColumn]
        /// E in the Q_σ basis.
        public let encoder: WeightSharingPattern
        /// D in the Q_σ basis.
        public let decoder: WeightSharingPattern

        /// The document of a component's architecture.
        public init(_ arch: ComponentArchitecture, layout: BasisLayout) {
            n = layout.degree
            rank = arch.component.rank
            permutation = layout.permutation.zeroBasedImages.map(Int.init)
            blocks = layout.structure.blocks
            tuple = arch.component.tuple
            cycles = layout.cycles
            columns = layout.columns
            encoder = arch.encoder
            decoder = arch.decoder
        }
    }

    /// The `.npz` of an invariant autoencoder (MATH.md §3): `orbit` (int32 [n], orbit of each point),
    /// `encoder_index`/`encoder_sign` (rank×n, one parameter per (row, orbit)), `decoder_index`/`decoder_sign`
    /// (rows×rank, dense). The network is x ↦ D·E·x in the pixel basis.
    public static func invariantArchive(_ v: InvariantVariety) throws -> NumPyArchive {
        var z = NumPyArchive.described(n: v.columns)
        z.addScalar("rows", v.rows)
        z.addScalar("rank", v.rank)
        var orbit = [Int32](repeating: 0, count: v.columns)
        for (a, o) in v.orbits.enumerated() { for p in o { orbit[p - 1] = Int32(a) } }
        z.add("orbit", NumPyArray(int32: orbit, shape: [v.columns]))
        let (enc, dec) = try v.architecture()
        for (name, p) in [("encoder", enc), ("decoder", dec)] {
            let (index, sign) = p.denseIndexAndSign
            z.add("\(name)_index", NumPyArray(int32: index, shape: p.shape))
            z.add("\(name)_sign", NumPyArray(int8: sign, shape: p.shape))
        }
        return z
    }

    /// The JSON document of an invariant autoencoder: `format` ("eqgeom.invariant/1"), `n`, `rows`,
    /// `rank`, `orbits` (0-based points), `encoder`, `decoder` (patterns as in the mask document).
    public struct InvariantDocument: Encodable {
        /// `eqgeom.invariant/1`.
        public let format = "eqgeom.invariant/1"
        /// n points, m rows of the weight matrix, rank r.
        public let n: Int, rows: Int, rank: Int
        /// G's orbits (0-based points).
        public let orbits: [[Int]]
        /// E_P, the weight-sharing encoder.
        public let encoder: WeightSharingPattern
        /// The decoder.
        public let decoder: WeightSharingPattern
        /// The document of an invariant autoencoder.
        /// - Throws: `MemoryLimitError` past the memory budget.
        public init(_ v: InvariantVariety) throws {
            n = v.columns
            rows = v.rows
            rank = v.rank
            orbits = v.orbits.map { $0.map { $0 - 1 } }
            (encoder, decoder) = try v.architecture()
        }
    }

    /// Largest index tensor written beside a layer's set partitions (64 M entries; the partitions apply at any n).
    public static let largestPartitionIndexExport = 1 << 26

    /// The `.npz` of an equivariant layer: `in_power`, `out_power`, `parameter_count`, `generators` (int32 [g, n],
    /// 0-based images); `index` (int32 [n^q, n^p], orbit numbers) and `bias_index` (int32 [n^q], the orbit of each
    /// output tuple: an equivariant bias is b = β[bias_index]) when they can be listed; for a group with S_n's
    /// orbits also `partitions` (int32 [count, q + p], the restricted growth string of each orbit's equality
    /// pattern, output places first) and `bias_partitions` ([count, q]), which describe the layer at any n.
    /// - Throws: `GeometryError.tooLarge` when the orbits could only be counted.
    public static func layerArchive(_ layer: EquivariantLayer) throws -> NumPyArchive {
        var z = NumPyArchive.described(n: layer.group.degree)
        z.addScalar("in_power", layer.inputPower)
        z.addScalar("out_power", layer.outputPower)
        z.addScalar("parameter_count", layer.parameterCount)
        // the invariant vectors of the output power are the maps from R^{n^0} = R: orbits of output tuples
        let bias = try EquivariantLayer(group: layer.group, inputPower: 0, outputPower: layer.outputPower)
        if case .setPartitions(let partitions) = layer.orbits, case .setPartitions(let biasPartitions) = bias.orbits {
            let k = layer.inputPower + layer.outputPower
            z.add(
                "partitions",
                NumPyArray(int32: partitions.flatMap { $0.map(Int32.init) }, shape: [partitions.count, k]))
            z.add(
                "bias_partitions",
                NumPyArray(
                    int32: biasPartitions.flatMap { $0.map(Int32.init) },
                    shape: [biasPartitions.count, layer.outputPower]))
        }
        var partitioned = false
        if case .setPartitions = layer.orbits { partitioned = true }
        let limit = partitioned ? largestPartitionIndexExport : PermutationGroup.maximumTuples
        if let index = layer.index(limit: limit), let biasIndex = bias.index(limit: limit) {
            z.add("index", NumPyArray(int32: index, shape: layer.shape))
            z.add("bias_index", NumPyArray(int32: biasIndex, shape: [bias.shape[0]]))
        } else if !partitioned {
            throw GeometryError.tooLarge(
                "the layer has \(layer.parameterCount) parameters (counted by Burnside's lemma), but its index tensor "
                    + "of \(layer.group.degree)^\(layer.inputPower + layer.outputPower) entries is too large to write")
        }
        let gens = layer.group.generators
        z.add(
            "generators",
            NumPyArray(
                int32: gens.flatMap(\.zeroBasedImages), shape: [gens.count, layer.group.degree]))
        return z
    }
}
