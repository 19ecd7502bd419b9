import Foundation

/// A NumPy `.npz` archive: a ZIP file of `.npy` members, stored uncompressed (what `numpy.savez`
/// writes), readable by `numpy.load`.
public struct NumPyArchive: Sendable {
    public var arrays: [(name: String, array: NumPyArray)] = []

    public init() {}

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
            let crc = Int(crc32(data))
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

    public func write(to path: String) throws {
        guard FileManager.default.createFile(atPath: path, contents: Data(try zipBytes())) else {
            throw NumericError.io("cannot write \(path)")
        }
    }
}

/// CRC-32 (IEEE 802.3, reflected, polynomial 0xEDB88320), as ZIP requires.
func crc32(_ data: [UInt8]) -> UInt32 {
    var table = [UInt32](repeating: 0, count: 256)
    for i in 0..<256 {
        var c = UInt32(i)
        for _ in 0..<8 { c = (c & 1) != 0 ? 0xEDB8_8320 ^ (c >> 1) : c >> 1 }
        table[i] = c
    }
    var crc: UInt32 = 0xFFFF_FFFF
    for b in data { crc = table[Int((crc ^ UInt32(b)) & 0xff)] ^ (crc >> 8) }
    return crc ^ 0xFFFF_FFFF
}
