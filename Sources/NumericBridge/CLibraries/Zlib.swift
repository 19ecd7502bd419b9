import Algebra
import Foundation
internal import CDeflate

/// gzip/zlib decompression and zlib compression (for .gz inputs and PNG output).
enum Zlib {
    /// Inflates gzip- or zlib-wrapped data (concatenated gzip members included).
    /// - Throws: `MemoryLimitError` as soon as the output passes the budget divided by `expansion` (the bytes of
    ///   memory each inflated byte will need once decoded), so a gzip bomb stops there.
    static func decompress(_ input: [UInt8], name: String, expansion: Int) throws -> [UInt8] {
        let limit = MemoryBudget.limit / max(expansion, 1)
        var out = [UInt8]()
        var offset = 0
        while offset < input.count {
            var stream = z_stream()
            guard eq_inflate_init_auto(&stream) == Z_OK else { throw NumericError.io("\(name): zlib could not start") }
            defer { inflateEnd(&stream) }
            var chunk = [UInt8](repeating: 0, count: 1 << 16)
            var status: Int32 = Z_OK
            try input.withUnsafeBufferPointer { inp in
                guard let base = inp.baseAddress else { return }
                stream.next_in = UnsafeMutablePointer(mutating: base + offset)
                stream.avail_in = uInt(input.count - offset)
                repeat {
                    status = chunk.withUnsafeMutableBufferPointer { buf in
                        stream.next_out = buf.baseAddress
                        stream.avail_out = uInt(buf.count)
                        return inflate(&stream, Z_NO_FLUSH)
                    }
                    guard status == Z_OK || status == Z_STREAM_END else {
                        throw NumericError.invalidInput("\(name): corrupt compressed data (zlib status \(status))")
                    }
                    out.append(contentsOf: chunk[0..<(chunk.count - Int(stream.avail_out))])
                    if out.count > limit {
                        throw MemoryLimitError(
                            what: "decoding \(name) (it inflates past \(ByteCount.format(limit)), "
                                + "\(expansion) bytes each)",
                            bytes: ByteCount.product(out.count, expansion), limit: MemoryBudget.limit,
                            advice: "use a smaller file")
                    }
                    if status == Z_OK && stream.avail_in == 0 {
                        throw NumericError.invalidInput("\(name): compressed data ends early")
                    }
                } while status != Z_STREAM_END
            }
            offset = input.count - Int(stream.avail_in)
            while offset < input.count && input[offset] == 0 { offset += 1 }  // padding after the last member
        }
        return out
    }

    /// Deflates with a zlib header (as PNG's IDAT requires).
    static func compress(_ input: [UInt8], level: Int32 = 6) -> [UInt8] {
        var stream = z_stream()
        _ = eq_deflate_init(&stream, level)
        defer { deflateEnd(&stream) }
        var out = [UInt8](repeating: 0, count: Int(deflateBound(&stream, uLong(input.count))) + 16)
        var input = input
        let produced = input.withUnsafeMutableBufferPointer { inp in
            out.withUnsafeMutableBufferPointer { buf -> Int in
                stream.next_in = inp.baseAddress
                stream.avail_in = uInt(inp.count)
                stream.next_out = buf.baseAddress
                stream.avail_out = uInt(buf.count)
                _ = deflate(&stream, Z_FINISH)
                return buf.count - Int(stream.avail_out)
            }
        }
        return Array(out[0..<produced])
    }

    /// CRC-32 (IEEE 802.3), as ZIP and PNG require: zlib's implementation.
    static func crc32(_ bytes: [UInt8]) -> UInt32 { bytes.withUnsafeBytes { crc32($0) } }

    /// CRC-32 of raw bytes, continuing a previous checksum (zlib's running form).
    static func crc32(_ raw: UnsafeRawBufferPointer, continuing crc: UInt32 = 0) -> UInt32 {
        UInt32(CDeflate.crc32(uLong(crc), raw.bindMemory(to: Bytef.self).baseAddress, uInt(raw.count)))
    }

    /// Whether bytes start with the gzip magic number.
    static func isGzip(_ bytes: [UInt8]) -> Bool { bytes.count >= 2 && bytes[0] == 0x1f && bytes[1] == 0x8b }
}
