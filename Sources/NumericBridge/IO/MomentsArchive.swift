import Foundation
import Algebra
import Geometry

/// `.npz` files of block moments (`eqgeom spectra --out stats.npz`, docs/formats.md), the statistics of one data
/// shard that `train --stats` merges. The common members (`format_version`, `index_base`, `n`), `kind`, `samples`
/// (int64), then for one permutation (`kind` 1) `permutation` (int64, 0-based images σ(i)), `blocks` (int64 B×3:
/// l, m, d per block, layout order) and per block b `block_<b>_real` (float64 d×d) and, for complex blocks,
/// `block_<b>_imag`: Re and Im of Σ z zᴴ; for a group (`kind` 2) `generators` (int64 g×n, 0-based images),
/// `blocks` (int64 B×3: weight, multiplicity, δ per block, canonical order) and per block `block_<b>` (float64
/// δμ×δμ: Σ z zᵀ over the block's slots).
public enum MomentsArchive {

    /// The `.npz` of one shard's block moments (docs/formats.md), for `train --stats`.
    /// - Throws: `NumericError.invalidInput` for moments of a kind without a file format.
    public static func archive(_ moments: any ShardMoments) throws -> NumPyArchive {
        switch moments {
        case let m as BlockMoments: return archive(m)
        case let m as GroupBlockMoments: return archive(m)
        default: throw NumericError.invalidInput("these moments have no statistics file format")
        }
    }

    static func archive(_ moments: BlockMoments) -> NumPyArchive {
        let layout = moments.layout
        var z = NumPyArchive.described(n: layout.degree)
        z.setKind(.permutationMoments)
        z.add("permutation", NumPyArray(int64: layout.permutation.images.map { Int64($0 - 1) }, shape: [layout.degree]))
        z.addScalar("samples", moments.sampleCount)
        let blocks = layout.structure.blocks
        z.add(
            "blocks",
            NumPyArray(
                int64: blocks.flatMap { [Int64($0.l), Int64($0.m), Int64($0.multiplicity)] },
                shape: [blocks.count, 3]))
        for (b, block) in blocks.enumerated() {
            let d = block.multiplicity
            z.add("block_\(b)_real", NumPyArray(float64: moments.real[b], shape: [d, d]))
            if block.isComplex { z.add("block_\(b)_imag", NumPyArray(float64: moments.imaginary[b], shape: [d, d])) }
        }
        return z
    }

    static func archive(_ moments: GroupBlockMoments) -> NumPyArchive {
        let basis = moments.basis
        let n = basis.degree
        var z = NumPyArchive.described(n: n)
        z.setKind(.groupMoments)
        z.add(
            "generators",
            NumPyArray(int64: basis.generators.flatMap { $0.map(Int64.init) }, shape: [basis.generators.count, n]))
        z.addScalar("samples", moments.sampleCount)
        z.add(
            "blocks", NumPyArray(int64: shapes(basis).flatMap { $0.map(Int64.init) }, shape: [basis.blocks.count, 3]))
        for (b, m) in moments.moments.enumerated() {
            let d = Int(Double(m.count).squareRoot())
            z.add("block_\(b)", NumPyArray(float64: m, shape: [d, d]))
        }
        return z
    }

    /// (weight, multiplicity, δ) of each block of a group's basis.
    static func shapes(_ basis: GroupNumericBasis) -> [[Int]] {
        basis.blocks.map { [$0.block.weight, $0.block.multiplicity, $0.block.type.dimension] }
    }

    /// Reads one moments archive, checking every member against the symmetry it names.
    /// - Throws: `NumericError.invalidInput` naming the file and the member that is missing or malformed.
    public static func read(path: String) throws -> any ShardMoments {
        let file = try File(path: path)
        let (permutation, group) = (NumPyArchive.Kind.permutationMoments, NumPyArchive.Kind.groupMoments)
        let k = try file.integers("kind")
        if k == [group.rawValue] { return try file.groupMoments() }
        guard k == [permutation.rawValue] else {
            throw NumericError.invalidInput(
                "\(path) is not a block-moments file (kind must be \(permutation.rawValue) or \(group.rawValue))")
        }
        return try file.permutationMoments()
    }

    /// Reads and adds the moments of several shards.
    /// - Throws: when a file cannot be read or the shards were taken for different symmetries.
    public static func merged(paths: [String]) throws -> any ShardMoments {
        guard let first = paths.first else { throw NumericError.invalidInput("no statistics files given") }
        var total = try read(path: first)
        for path in paths.dropFirst() { try total.add(any: try read(path: path)) }
        return total
    }

    /// One archive's members, read with checks that name the file.
    struct File {
        let path: String
        let members: [String: NumPyArray]
        let n: Int

        init(path: String) throws {
            self.path = path
            members = try NumPyArchive.read(path: path)
            n = try NumPyArchive.describedDegree(members, path: path)
        }

        /// N, the rows the moments were taken of.
        func samples() throws -> Int {
            guard let count = try integers("samples").first, count >= 0 else {
                throw NumericError.invalidInput("\(path): member 'samples' must be a non-negative integer")
            }
            return count
        }

        func member(_ name: String) throws -> NumPyArray {
            guard let a = members[name] else {
                throw NumericError.invalidInput("\(path) has no member '\(name)' (not an eqgeom statistics file?)")
            }
            return a
        }

        func integers(_ name: String) throws -> [Int] {
            let a = try member(name)
            guard a.dtype == .int64 || a.dtype == .int32 else {
                throw NumericError.invalidInput("\(path): member '\(name)' must hold integers, not \(a.dtype.rawValue)")
            }
            return a.doubles.map { Int($0) }
        }

        /// A finite float64 d×d member.
        func matrix(_ name: String, _ d: Int) throws -> [Double] {
            let a = try member(name)
            guard a.shape == [d, d], a.dtype == .float64 else {
                throw NumericError.invalidInput(
                    "\(path): member '\(name)' must be float64 of shape [\(d), \(d)], got "
                        + "\(a.dtype.rawValue) \(a.shape)")
            }
            let values = a.doubles
            guard values.allSatisfy(\.isFinite) else {
                throw NumericError.invalidInput("\(path): member '\(name)' holds NaN or infinite values")
            }
            return values
        }

        func permutationMoments() throws -> BlockMoments {
            let images = try integers("permutation")
            let sigma: Permutation
            do {
                sigma = try Permutation(zeroBasedImages: images)
            } catch {
                throw NumericError.invalidInput(
                    "\(path): member 'permutation' is not a permutation of 0…\(images.count - 1)")
            }
            guard n == images.count else {
                throw NumericError.invalidInput("\(path): n = \(n) but the permutation acts on \(images.count) points")
            }
            let layout = try BasisLayout(sigma)
            var real: [[Double]] = []
            var imaginary: [[Double]] = []
            for (b, block) in layout.structure.blocks.enumerated() {
                let d = block.multiplicity
                real.append(try matrix("block_\(b)_real", d))
                imaginary.append(block.isComplex ? try matrix("block_\(b)_imag", d) : [])
            }
            return BlockMoments(layout: layout, sampleCount: try samples(), real: real, imaginary: imaginary)
        }

        func groupMoments() throws -> GroupBlockMoments {
            let images = try member("generators")
            guard images.shape.count == 2, images.shape[1] == n, images.shape[0] >= 1 else {
                throw NumericError.invalidInput("\(path): member 'generators' must have shape [g, \(n)], g ≥ 1")
            }
            let flat = try integers("generators")
            var generators: [Permutation] = []
            for g in 0..<images.shape[0] {
                do {
                    generators.append(try Permutation(zeroBasedImages: Array(flat[(g * n)..<((g + 1) * n)])))
                } catch {
                    throw NumericError.invalidInput("\(path): generator \(g) is not a permutation of 0…\(n - 1)")
                }
            }
            let basis = try GroupNumericBasis.build(try PermutationGroup(generators: generators, degree: n))
            let expected = MomentsArchive.shapes(basis)
            let blocks = try integers("blocks")
            guard blocks == expected.flatMap({ $0 }) else {
                throw NumericError.invalidInput(
                    "\(path): member 'blocks' does not match the blocks of the group its generators generate")
            }
            let moments = try expected.indices.map { b in
                try matrix("block_\(b)", expected[b][1] * expected[b][2])
            }
            return try GroupBlockMoments(basis: basis, sampleCount: try samples(), moments: moments)
        }
    }
}
