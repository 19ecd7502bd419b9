import Foundation
import Algebra
import Geometry

/// `.npz` files of block moments (`eqgeom spectra --out stats.npz`, docs/formats.md): the common members
/// (`format_version`, `index_base`, `n`), `kind` = 1 (block moments), `permutation` (int64, 0-based images
/// σ(i)), `samples` (int64), `blocks` (int64 B×3: l, m, d per block, layout order), and per block b
/// `block_<b>_real` (float64 d×d) and, for complex blocks, `block_<b>_imag`: Re and Im of Σ z zᴴ.
public enum MomentsArchive {
    /// The `kind` member of a moments archive.
    public static let kind = 1

    /// The `.npz` of block moments (docs/formats.md), for `train --stats`.
    public static func archive(_ moments: BlockMoments) -> NumPyArchive {
        let layout = moments.layout
        var z = NumPyArchive.described(n: layout.degree)
        z.addScalar("kind", kind)
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

    /// Reads one moments archive, checking every member against the permutation it names.
    /// - Throws: `NumericError.invalidInput` naming the file and the member that is missing or malformed.
    public static func read(path: String) throws -> BlockMoments {
        let members = try NumPyArchive.read(path: path)
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
        guard try integers("kind") == [kind] else {
            throw NumericError.invalidInput("\(path) is not a block-moments file (kind must be \(kind))")
        }
        let images = try integers("permutation")
        let sigma: Permutation
        do {
            sigma = try Permutation(zeroBasedImages: images)
        } catch {
            throw NumericError.invalidInput(
                "\(path): member 'permutation' is not a permutation of 0…\(images.count - 1)")
        }
        let n = try NumPyArchive.describedDegree(members, path: path)
        guard n == images.count else {
            throw NumericError.invalidInput("\(path): n = \(n) but the permutation acts on \(images.count) points")
        }
        let layout = try BasisLayout(sigma)
        guard let samples = try integers("samples").first, samples >= 0 else {
            throw NumericError.invalidInput("\(path): member 'samples' must be a non-negative integer")
        }
        var real: [[Double]] = []
        var imaginary: [[Double]] = []
        for (b, block) in layout.structure.blocks.enumerated() {
            let d = block.multiplicity
            func matrix(_ name: String) throws -> [Double] {
                let a = try member(name)
                guard a.shape == [d, d], a.dtype == .float64 else {
                    throw NumericError.invalidInput(
                        "\(path): member '\(name)' must be float64 of shape [\(d), \(d)], got \(a.dtype.rawValue) "
                            + "\(a.shape)")
                }
                let values = a.doubles
                guard values.allSatisfy(\.isFinite) else {
                    throw NumericError.invalidInput("\(path): member '\(name)' holds NaN or infinite values")
                }
                return values
            }
            real.append(try matrix("block_\(b)_real"))
            imaginary.append(block.isComplex ? try matrix("block_\(b)_imag") : [])
        }
        return BlockMoments(layout: layout, sampleCount: samples, real: real, imaginary: imaginary)
    }

    /// Reads and adds the moments of several shards.
    /// - Throws: when a file cannot be read or the shards were taken for different permutations.
    public static func merged(paths: [String]) throws -> BlockMoments {
        guard let first = paths.first else { throw NumericError.invalidInput("no statistics files given") }
        var total = try read(path: first)
        for path in paths.dropFirst() { try total.add(try read(path: path)) }
        return total
    }
}
