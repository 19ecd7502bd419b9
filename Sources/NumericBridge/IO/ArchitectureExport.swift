import Foundation
import Algebra
import Geometry

/// Files that describe a weight-sharing architecture for tools without eqgeom (docs/formats.md).
/// Indices in exported files are 0-based (NumPy's convention); permutations are arrays of images.
public enum ArchitectureExport {
    /// The `.npz` of a component's architecture (docs/formats.md): the description of Q (`BasisExport`) and Q itself
    /// when n ≤ `largestDenseExport`, `rank` (the latent size Σ w·t), `tuple`, `parameter_count` and the patterns.
    /// One permutation's patterns are ±1 masks in the Q_σ basis (`encoder_index`/`encoder_sign` [rank, n] on θ_E,
    /// `decoder_*` [n, rank] on θ_D); a group's are coordinate lists on the points (`encoder_row`, `_col`, `_param`,
    /// `_coef`, `_basis_column`, `_shape`: matrix[row, col] += coef·θ[param]) with Q's orbit blocks (`q_row`,
    /// `q_col`, `q_value`).
    /// - Throws: `MemoryLimitError`/`NumericError.tooLarge` for patterns or a dense Q past the budget.
    public static func maskArchive(_ arch: ComponentArchitecture, patterns: ComponentArchitecture.Patterns) throws
        -> NumPyArchive
    {
        var z = BasisExport.description(arch.frame.source)
        z.setKind(.architecture)
        z.addScalar("rank", arch.rank)
        z.addVector("tuple", arch.tuple)
        try addArchitecture(arch, patterns: patterns, to: &z)
        return z
    }

    /// The architecture's members without `rank` and `tuple` (a training run's `weights.npz` records its own):
    /// `Q` (n ≤ `largestDenseExport`), `parameter_count` and the patterns (`maskArchive`).
    static func addArchitecture(
        _ arch: ComponentArchitecture, patterns: ComponentArchitecture.Patterns, to z: inout NumPyArchive
    ) throws {
        let source = arch.frame.source
        let n = arch.frame.degree
        if n <= largestDenseExport { z.add("Q", NumPyArray(float64: try BasisExport.denseQ(source), shape: [n, n])) }
        z.addScalar("parameter_count", arch.parameterCount)
        switch patterns {
        case .masks(let encoder, let decoder):
            for (name, p) in [("encoder", encoder), ("decoder", decoder)] {
                let (index, sign) = p.denseIndexAndSign
                z.add("\(name)_index", NumPyArray(int32: index, shape: p.shape))
                z.add("\(name)_sign", NumPyArray(int8: sign, shape: p.shape))
            }
        case .points(let encoder, let decoder):
            for (name, p) in [("encoder", encoder), ("decoder", decoder)] {
                let count = p.row.count
                z.add("\(name)_row", NumPyArray(int32: p.row, shape: [count]))
                z.add("\(name)_col", NumPyArray(int32: p.column, shape: [count]))
                z.add("\(name)_param", NumPyArray(int32: p.parameter, shape: [count]))
                z.add("\(name)_coef", NumPyArray(float64: p.coefficient, shape: [count]))
                z.add("\(name)_basis_column", NumPyArray(int32: p.basisColumn, shape: [count]))
                z.add("\(name)_shape", NumPyArray(int32: [Int32(p.rows), Int32(p.columns)], shape: [2]))
            }
            if case .group(let basis) = source { BasisExport.addSparseQ(&z, basis) }
        }
    }

    /// Largest n for which architecture files carry the dense Q (128 MiB); larger files carry only its description.
    public static let largestDenseExport = 4096

    /// A component's architecture as one JSON object (docs/formats.md): `format`, `n`, `rank`, `tuple`, `blocks`,
    /// `parameter_count`, `generators` (0-based images); for one permutation (`eqgeom.mask/1`) `blocks` with l and
    /// m, `permutation`, `cycles`, `columns` and the ±1 masks `encoder`/`decoder` in the Q_σ basis; for a group
    /// (`eqgeom.group-mask/1`) block labels and `encoder`/`decoder` with `shape` and `entries`
    /// [row, col, param, coef, basis_column] on the points.
    public struct MaskDocument: Encodable {
        let format: String
        let n: Int
        let rank: Int
        let tuple: [Int]
        let blocks: [String]
        let spectralBlocks: [SpectralBlock]?
        let parameterCount: Int
        let generators: [[Int32]]
        let permutation: [Int]?
        let cycles: [[Int]]?
        let columns: [BasisColumn]?
        let masks: (encoder: WeightSharingPattern, decoder: WeightSharingPattern)?
        let entries: (encoder: PatternEntry, decoder: PatternEntry)?

        /// A pattern's shape and entries [row, col, param, coef, basis_column].
        struct PatternEntry: Encodable {
            let shape: [Int]
            let entries: [[Double]]

            init(_ p: ComponentArchitecture.Pattern) {
                shape = [p.rows, p.columns]
                entries = p.row.indices.map {
                    [
                        Double(p.row[$0]), Double(p.column[$0]), Double(p.parameter[$0]), p.coefficient[$0],
                        Double(p.basisColumn[$0]),
                    ]
                }
            }
        }

        enum CodingKeys: String, CodingKey {
            case format, n, rank, tuple, blocks, generators, permutation, cycles, columns, encoder, decoder
            case parameterCount = "parameter_count"
        }

        /// The document of a component's architecture with its patterns (`ComponentArchitecture.patterns()`).
        public init(_ arch: ComponentArchitecture, patterns: ComponentArchitecture.Patterns) {
            n = arch.frame.degree
            rank = arch.rank
            tuple = arch.tuple
            blocks = arch.frame.blocks.map(\.label)
            parameterCount = arch.parameterCount
            generators = arch.frame.generators
            switch arch.frame.source {
            case .permutation(let layout):
                format = "eqgeom.mask/1"
                spectralBlocks = layout.structure.blocks
                permutation = layout.permutation.zeroBasedImages.map(Int.init)
                cycles = layout.cycles
                columns = layout.columns
                if case .masks(let encoder, let decoder) = patterns { masks = (encoder, decoder) } else { masks = nil }
                entries = nil
            case .group:
                format = "eqgeom.group-mask/1"
                (spectralBlocks, permutation, cycles, columns, masks) = (nil, nil, nil, nil, nil)
                if case .points(let encoder, let decoder) = patterns {
                    entries = (PatternEntry(encoder), PatternEntry(decoder))
                } else {
                    entries = nil
                }
            }
        }

        /// The common keys, then the permutation's or the group's.
        public func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(format, forKey: .format)
            try c.encode(n, forKey: .n)
            try c.encode(rank, forKey: .rank)
            try c.encode(tuple, forKey: .tuple)
            if let spectralBlocks {
                try c.encode(spectralBlocks, forKey: .blocks)
            } else {
                try c.encode(blocks, forKey: .blocks)
            }
            try c.encode(parameterCount, forKey: .parameterCount)
            try c.encode(generators, forKey: .generators)
            try c.encodeIfPresent(permutation, forKey: .permutation)
            try c.encodeIfPresent(cycles, forKey: .cycles)
            try c.encodeIfPresent(columns, forKey: .columns)
            if let masks {
                try c.encode(masks.encoder, forKey: .encoder)
                try c.encode(masks.decoder, forKey: .decoder)
            }
            if let entries {
                try c.encode(entries.encoder, forKey: .encoder)
                try c.encode(entries.decoder, forKey: .decoder)
            }
        }
    }

    /// The `.npz` of an invariant autoencoder (MATH.md §3): `orbit` (int32 [n], orbit of each point),
    /// `encoder_index`/`encoder_sign` (rank×n, one parameter per (row, orbit)), `decoder_index`/`decoder_sign`
    /// (rows×rank, dense). The network is x ↦ D·E·x in the pixel basis.
    public static func invariantArchive(_ v: InvariantVariety) throws -> NumPyArchive {
        var z = NumPyArchive.described(n: v.columns)
        z.setKind(.invariantAutoencoder)
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
        z.setKind(.layer)
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
