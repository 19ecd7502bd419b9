import Foundation

/// The safetensors format (Hugging Face; read by `safetensors`, PyTorch and JAX loaders and by
/// `eqgeom.io` in Python): an 8-byte little-endian header length N, N bytes of JSON
/// `{"name": {"dtype", "shape", "data_offsets": [begin, end]}, …, "__metadata__": {string: string}}`, then
/// the tensors' little-endian bytes back to back. eqgeom writes the same arrays as the `.npz` of an
/// export, and in `__metadata__` the archive's small descriptive members (docs/formats.md).
public enum SafeTensors {
    /// Members copied into `__metadata__` (as JSON text) when the archive has them.
    static let metadataMembers = [
        "format_version", "index_base", "n", "rank", "tuple", "in_power", "out_power", "generators", "permutation",
    ]

    static func dtypeName(_ d: NumPyArray.DType) -> String {
        switch d {
        case .float64: return "F64"
        case .float32: return "F32"
        case .int64: return "I64"
        case .int32: return "I32"
        case .int8: return "I8"
        case .uint8: return "U8"
        }
    }

    /// The header's JSON bytes, padded with spaces to a multiple of 8 (so the data stays aligned).
    static func header(_ archive: NumPyArchive) -> [UInt8] {
        var entries: [String] = []
        var offset = 0
        for (name, array) in archive.arrays {
            let end = offset + array.byteCount
            let shape = array.shape.map(String.init).joined(separator: ",")
            entries.append(
                "\(quoted(name)):{\"dtype\":\"\(dtypeName(array.dtype))\",\"shape\":[\(shape)],"
                    + "\"data_offsets\":[\(offset),\(end)]}")
            offset = end
        }
        let metadata = archive.arrays.filter { metadataMembers.contains($0.name) }.map { name, array in
            "\(quoted(name)):\(quoted(jsonText(array)))"
        }
        entries.append("\"__metadata__\":{\(metadata.joined(separator: ","))}")
        var bytes = Array("{\(entries.joined(separator: ","))}".utf8)
        while bytes.count % 8 != 0 { bytes.append(0x20) }
        return bytes
    }

    /// An integer array as JSON: a number for a scalar, nested lists otherwise.
    static func jsonText(_ array: NumPyArray) -> String {
        let values = array.doubles.map { String(Int($0)) }
        guard let last = array.shape.last else { return values.first ?? "0" }
        let rows = stride(from: 0, to: values.count, by: max(last, 1)).map {
            "[" + values[$0..<min($0 + last, values.count)].joined(separator: ",") + "]"
        }
        return array.shape.count == 1 ? (rows.first ?? "[]") : "[" + rows.joined(separator: ",") + "]"
    }

    static func quoted(_ s: String) -> String {
        var out = "\""
        for ch in s.unicodeScalars {
            switch ch {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            default: out.unicodeScalars.append(ch)
            }
        }
        return out + "\""
    }

    /// Writes the archive's arrays as one `.safetensors` file (atomically, see `OutputFile`).
    public static func write(_ archive: NumPyArchive, to path: String) throws {
        let header = header(archive)
        var length: [UInt8] = []
        for s in stride(from: 0, to: 64, by: 8) { length.append(UInt8((header.count >> s) & 0xff)) }
        try OutputFile.write(to: path) { handle in
            try handle.write(contentsOf: length + header)
            for (_, array) in archive.arrays { try array.withRawBytes { try handle.write(contentsOf: Data($0)) } }
        }
    }
}

extension NumPyArchive {
    /// Writes `.npz`, or `.safetensors` when the path ends so (the same arrays either way).
    public func write(toFile path: String) throws {
        if path.hasSuffix(".safetensors") {
            try SafeTensors.write(self, to: path)
        } else {
            try write(to: path)
        }
    }
}
