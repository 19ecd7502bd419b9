import Foundation

/// A NumPy `.npz` archive: a ZIP file of `.npy` members, stored uncompressed (what `numpy.savez`
/// writes), readable by `numpy.load`. Members are streamed from their arrays' memory when written.
public struct NumPyArchive: Sendable {
    /// The members in the order they are written.
    public var arrays: [(name: String, array: NumPyArray)] = []

    /// An empty archive.
    public init() {}

    /// Version of eqgeom's `.npz` layouts (docs/formats.md); 2 since indices are 0-based with −1 for
    /// structural zeros.
    public static let formatVersion = 2

    /// An archive that starts with the members every eqgeom `.npz` carries: `format_version`,
    /// `index_base` (0: every index array is 0-based) and `n` (points acted on), all int64 scalars.
    public static func described(n: Int) -> NumPyArchive {
        var z = NumPyArchive()
        z.addScalar("format_version", formatVersion)
        z.addScalar("index_base", 0)
        z.addScalar("n", n)
        return z
    }

    /// What a file holds, its int64 member `kind` (docs/formats.md), so that readers refuse the wrong file.
    public enum Kind: Int, Sendable {
        /// One permutation's block moments (`spectra`).
        case permutationMoments = 1
        /// A group's block moments (`spectra`).
        case groupMoments = 2
        /// An equivariant layer (`layer`).
        case layer = 3
        /// A component's weight-sharing autoencoder (`mask`).
        case architecture = 4
        /// An invariant autoencoder (`invariant`).
        case invariantAutoencoder = 5
        /// A training run's weights (`train --out`, `reproduce`).
        case weights = 6
        /// An adapted basis Q (`basis --out`).
        case basis = 7
        /// Kernel matrices of data (`kernel --out`).
        case kernel = 8
        /// A basis of equivariant maps between representations (`emlp --out`).
        case equivariantMaps = 9
        /// L-conv generators, learned and random (`reproduce lconv --generators-out`).
        case generators = 10
    }

    /// Sets the member `kind`.
    public mutating func setKind(_ kind: Kind) {
        arrays.removeAll { $0.name == "kind" }
        addScalar("kind", kind.rawValue)
    }

    /// Adds a member `name.npy`.
    public mutating func add(_ name: String, _ array: NumPyArray) { arrays.append((name, array)) }

    /// Adds an int64 scalar (a 0-d array).
    public mutating func addScalar(_ name: String, _ value: Int) {
        add(name, NumPyArray(int64: [Int64(value)], shape: []))
    }

    /// Adds an int32 vector.
    public mutating func addVector(_ name: String, _ values: [Int]) {
        add(name, NumPyArray(int32: values.map { Int32(truncatingIfNeeded: $0) }, shape: [values.count]))
    }

    /// The archive's bytes (for small archives staged in memory).
    /// - Throws: `NumericError.tooLarge` past the 4 GiB limit of ZIP without ZIP64.
    public func zipBytes() throws -> [UInt8] {
        var out: [UInt8] = []
        try stream { out.append(contentsOf: $0) }
        return out
    }

    /// Writes the archive (atomically, see `OutputFile`), streaming each member from its array.
    public func write(to path: String) throws {
        try OutputFile.write(to: path) { handle in try stream { try handle.write(contentsOf: $0) } }
    }

    /// Emits the ZIP file in pieces: per member a local header, the `.npy` header and the raw data; then
    /// the central directory.
    func stream(_ emit: (UnsafeRawBufferPointer) throws -> Void) throws {
        var central: [UInt8] = []
        var offset = 0
        func u16(_ v: Int, _ into: inout [UInt8]) { into += [UInt8(v & 0xff), UInt8((v >> 8) & 0xff)] }
        func u32(_ v: Int, _ into: inout [UInt8]) {
            for s in stride(from: 0, to: 32, by: 8) { into.append(UInt8((v >> s) & 0xff)) }
        }
        func emitBytes(_ bytes: [UInt8]) throws { try bytes.withUnsafeBytes { try emit($0) } }
        for (name, array) in arrays {
            let header = array.npyHeader
            let size = header.count + array.byteCount
            let file = Array((name + ".npy").utf8)
            guard size < Int(UInt32.max), offset < Int(UInt32.max) else {
                throw NumericError.tooLarge("an .npz member over 4 GiB is not supported; write .npy instead")
            }
            let crc = array.withRawBytes { Int(Zlib.crc32($0, continuing: Zlib.crc32(header))) }
            var local: [UInt8] = []
            u32(0x0403_4b50, &local)
            for v in [20, 0, 0, 0, 0x21] { u16(v, &local) }
            u32(crc, &local)
            u32(size, &local)
            u32(size, &local)
            u16(file.count, &local)
            u16(0, &local)
            try emitBytes(local + file + header)
            try array.withRawBytes { try emit($0) }
            u32(0x0201_4b50, &central)
            for v in [20, 20, 0, 0, 0, 0x21] { u16(v, &central) }
            u32(crc, &central)
            u32(size, &central)
            u32(size, &central)
            for v in [file.count, 0, 0, 0, 0] { u16(v, &central) }
            u32(0, &central)
            u32(offset, &central)
            central += file
            offset += local.count + file.count + size
        }
        var end: [UInt8] = []
        u32(0x0605_4b50, &end)
        for v in [0, 0, arrays.count, arrays.count] { u16(v, &end) }
        u32(central.count, &end)
        u32(offset, &end)
        u16(0, &end)
        try emitBytes(central + end)
    }
}
