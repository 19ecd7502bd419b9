import Foundation

/// A NumPy `.npz` archive: a ZIP file of `.npy` members, stored uncompressed (what `numpy.savez`
/// writes), readable by `numpy.load`.
public struct NumPyArchive: Sendable {
    public var arrays: [(name: String, array: NumPyArray)] = []

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

    /// Adds an int64 scalar (a 0-d array).
    public mutating func addScalar(_ name: String, _ value: Int) {
        add(name, NumPyArray(int64: [Int64(value)], shape: []))
    }

    /// Adds an int32 vector.
    public mutating func addVector(_ name: String, _ values: [Int]) {
        add(name, NumPyArray(int32: values.map { Int32(truncatingIfNeeded: $0) }, shape: [values.count]))
    }

    public mutating func add(_ name: String, _ array: NumPyArray) { arrays.append((name, array)) }

    /// The archive's bytes.
    /// - Throws: `NumericError.tooLarge` past the 4 GiB limit of ZIP without ZIP64.
    public func zipBytes() throws -> [UInt8] {
        var out: [UInt8] = []
        var central: [UInt8] = []
        func u16(_ v: Int, _ into: inout [UInt8]) { into += [UInt8(v & 0xff), UInt8((v >> 8) & 0xff)] }
        func u32(_ v: Int, _ into: inout [UInt8]) {
            for s in stride(from: 0, to: 32, by: 8) { into.append(UInt8((v >> s) & 0xff)) }
        }
        for (name, array) in arrays {
            let data = array.npy
            let file = Array((name + ".npy").utf8)
            let crc = Int(Zlib.crc32(data))
            guard data.count < Int(UInt32.max), out.count < Int(UInt32.max) else {
                throw NumericError.tooLarge("an .npz member over 4 GiB is not supported")
            }
            let offset = out.count
            u32(0x0403_4b50, &out)
            u16(20, &out)
            u16(0, &out)
            u16(0, &out)
            u16(0, &out)
            u16(0x21, &out)
            u32(crc, &out)
            u32(data.count, &out)
            u32(data.count, &out)
            u16(file.count, &out)
            u16(0, &out)
            out += file
            out += data
            u32(0x0201_4b50, &central)
            u16(20, &central)
            u16(20, &central)
            u16(0, &central)
            u16(0, &central)
            u16(0, &central)
            u16(0x21, &central)
            u32(crc, &central)
            u32(data.count, &central)
            u32(data.count, &central)
            u16(file.count, &central)
            u16(0, &central)
            u16(0, &central)
            u16(0, &central)
            u16(0, &central)
            u32(0, &central)
            u32(offset, &central)
            central += file
        }
        let centralOffset = out.count
        out += central
        u32(0x0605_4b50, &out)
        u16(0, &out)
        u16(0, &out)
        u16(arrays.count, &out)
        u16(arrays.count, &out)
        u32(central.count, &out)
        u32(centralOffset, &out)
        u16(0, &out)
        return out
    }

    /// Writes the archive (atomically, see `OutputFile`).
    public func write(to path: String) throws { try OutputFile.write(try zipBytes(), to: path) }
}
