import Algebra
import Foundation

/// The safetensors format (Hugging Face; read by `safetensors`, PyTorch and JAX loaders and by
/// `eqgeom.io` in Python): an 8-byte little-endian header length N, N bytes of JSON
/// `{"name": {"dtype", "shape", "data_offsets": [begin, end]}, …, "__metadata__": {string: string}}`, then
/// the tensors' little-endian bytes back to back. eqgeom writes the same arrays as the `.npz` of an
/// export, and in `__metadata__` the archive's small descriptive members (docs/formats.md).
public enum SafeTensors {
    /// Members copied into `__metadata__` (as JSON text) when the archive has them.
    static let metadataMembers = [
        "format_version", "index_base", "n", "kind", "rank", "tuple", "in_power", "out_power", "generators",
        "permutation",
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

extension SafeTensors {
    /// Reads a `.safetensors` file's tensors (F64, F32, I64, I32, I8, U8) by name; `__metadata__` is skipped.
    /// - Throws: `NumericError.invalidInput` naming the file and what is malformed (header length, JSON, a dtype,
    ///   offsets outside the data or not matching the shape); `MemoryLimitError` before reading a file too large.
    public static func read(path: String) throws -> [String: NumPyArray] {
        let data = try InputFile.bytes(path, expansion: 2, advice: "use a smaller file")
        let name = (path as NSString).lastPathComponent
        func malformed(_ what: String) -> NumericError {
            NumericError.invalidInput("\(name) is not a safetensors file: \(what)")
        }
        guard data.count >= 8 else { throw malformed("shorter than its 8-byte header length") }
        let length = (0..<8).reduce(UInt64(0)) { $0 | UInt64(data[$1]) << (8 * UInt64($1)) }
        guard length <= UInt64(data.count - 8) else { throw malformed("header length \(length) exceeds the file") }
        let body = 8 + Int(length)
        let header = try? JSONSerialization.jsonObject(with: Data(data[8..<body]), options: [.fragmentsAllowed])
        guard let entries = header as? [String: Any] else { throw malformed("the header is not a JSON object") }
        let types = Dictionary(uniqueKeysWithValues: NumPyArray.DType.allCases.map { (dtypeName($0), $0) })
        var arrays: [String: NumPyArray] = [:]
        for (key, value) in entries where key != "__metadata__" {
            guard let entry = value as? [String: Any], let typeName = entry["dtype"] as? String,
                let shape = entry["shape"] as? [Int], let offsets = entry["data_offsets"] as? [Int], offsets.count == 2
            else { throw malformed("tensor '\(key.prefix(60))' lacks dtype, shape or data_offsets") }
            guard let type = types[typeName] else {
                throw malformed("tensor '\(key.prefix(60))' has dtype \(typeName)")
            }
            let (begin, end) = (offsets[0], offsets[1])
            // saturating: a hostile shape can neither wrap around nor trap
            let bytes = ByteCount.product(shape + [type.size])
            guard shape.allSatisfy({ $0 >= 0 }), begin >= 0, begin <= end, end <= data.count - body,
                end - begin == bytes
            else { throw malformed("tensor '\(key.prefix(60))' has offsets that do not fit its shape and the data") }
            arrays[key] = NumPyArray(raw: Array(data[(body + begin)..<(body + end)]), dtype: type, shape: shape)
        }
        return arrays
    }
}

extension NumPyArchive {
    /// The arrays of an `.npz` or a `.safetensors` file (by its extension), the files eqgeom writes.
    /// - Throws: as `NumPyArchive.read(path:)` or `SafeTensors.read(path:)`.
    public static func arrays(path: String) throws -> [String: NumPyArray] {
        path.hasSuffix(".safetensors") ? try SafeTensors.read(path: path) : try read(path: path)
    }

    /// The generators an eqgeom file carries (`generators`, int [g, n], 0-based images), as permutations.
    /// - Throws: `NumericError.invalidInput` when the file has none or they are not permutations.
    public static func generators(path: String) throws -> [Permutation] {
        let members = try arrays(path: path)
        guard let g = members["generators"], g.shape.count == 2, g.dtype == .int32 || g.dtype == .int64 else {
            throw NumericError.invalidInput("\(path) has no integer member 'generators' [g, n] (0-based images)")
        }
        let (count, n) = (g.shape[0], g.shape[1])
        let images = g.doubles.map { $0 >= 0 && $0 < Double(Int32.max) ? Int32($0) : -1 }
        do {
            return try (0..<count).map { try Permutation(zeroBasedImages: Array(images[($0 * n)..<(($0 + 1) * n)])) }
        } catch {
            throw NumericError.invalidInput("\(path): a row of 'generators' is not a permutation of 0…\(n - 1)")
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
