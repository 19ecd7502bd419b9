import Foundation

/// An array in NumPy's `.npy` format (version 1.0): little-endian data, C order.
/// Written by eqgeom for Q_σ, masks and trained weights; read for data (`NumPyArray(npy:)`).
public struct NumPyArray: Sendable, Equatable {
    /// Element types eqgeom reads and writes.
    public enum DType: String, Sendable {
        case float64 = "<f8"
        case float32 = "<f4"
        case int64 = "<i8"
        case int32 = "<i4"
        case int8 = "|i1"
        case uint8 = "|u1"
        var size: Int {
            switch self {
            case .float64, .int64: return 8
            case .float32, .int32: return 4
            case .int8, .uint8: return 1
            }
        }
    }

    public let dtype: DType
    public let shape: [Int]
    /// Raw little-endian bytes, C order.
    public let bytes: [UInt8]

    public init(float64 values: [Double], shape: [Int]) {
        precondition(values.count == shape.reduce(1, *))
        dtype = .float64
        self.shape = shape
        var out = [UInt8]()
        out.reserveCapacity(values.count * 8)
        for v in values { withUnsafeBytes(of: v.bitPattern.littleEndian) { out.append(contentsOf: $0) } }
        bytes = out
    }

    public init(int32 values: [Int32], shape: [Int]) {
        precondition(values.count == shape.reduce(1, *))
        dtype = .int32
        self.shape = shape
        var out = [UInt8]()
        out.reserveCapacity(values.count * 4)
        for v in values { withUnsafeBytes(of: v.littleEndian) { out.append(contentsOf: $0) } }
        bytes = out
    }

    public init(int8 values: [Int8], shape: [Int]) {
        precondition(values.count == shape.reduce(1, *))
        dtype = .int8
        self.shape = shape
        bytes = values.map { UInt8(bitPattern: $0) }
    }

    /// The `.npy` file contents.
    public var npy: [UInt8] {
        let shapeText = shape.count == 1 ? "(\(shape[0]),)" : "(" + shape.map(String.init).joined(separator: ", ") + ")"
        var header = "{'descr': '\(dtype.rawValue)', 'fortran_order': False, 'shape': \(shapeText), }"
        let unpadded = 10 + header.utf8.count + 1
        header += String(repeating: " ", count: (64 - unpadded % 64) % 64) + "\n"
        var out: [UInt8] = [0x93] + Array("NUMPY".utf8) + [1, 0]
        let length = UInt16(header.utf8.count)
        out += [UInt8(length & 0xff), UInt8(length >> 8)]
        out += Array(header.utf8)
        return out + bytes
    }

    /// Writes a `.npy` file.
    public func write(to path: String) throws {
        guard FileManager.default.createFile(atPath: path, contents: Data(npy)) else {
            throw NumericError.io("cannot write \(path)")
        }
    }

    /// Parses `.npy` contents (version 1.x or 2.x, C order, one of `DType`).
    /// - Throws: `NumericError.invalidInput` naming what is wrong.
    public init(npy data: [UInt8], name: String = "array") throws {
        guard data.count >= 10, data[0] == 0x93, Array(data[1..<6]) == Array("NUMPY".utf8) else {
            throw NumericError.invalidInput("\(name) is not a NumPy .npy file (bad magic)")
        }
        let major = data[6]
        let headerLength: Int
        let start: Int
        if major == 1 {
            headerLength = Int(data[8]) | Int(data[9]) << 8
            start = 10
        } else if data.count >= 12 {
            headerLength = Int(data[8]) | Int(data[9]) << 8 | Int(data[10]) << 16 | Int(data[11]) << 24
            start = 12
        } else {
            throw NumericError.invalidInput("\(name): truncated .npy header")
        }
        guard data.count >= start + headerLength else {
            throw NumericError.invalidInput("\(name): truncated .npy header")
        }
        let header = String(decoding: data[start..<(start + headerLength)], as: UTF8.self)
        guard let descr = Self.field("descr", in: header),
            let type = DType(rawValue: descr) ?? (descr == "<u1" ? .uint8 : (descr == "<i1" ? .int8 : nil))
        else {
            throw NumericError.invalidInput(
                "\(name): unsupported dtype in header \(header.trimmingCharacters(in: .whitespacesAndNewlines))")
        }
        guard !header.contains("'fortran_order': True") else {
            throw NumericError.invalidInput("\(name): Fortran-ordered arrays are not supported; save with C order")
        }
        guard let open = header.range(of: "'shape': ("), let close = header[open.upperBound...].firstIndex(of: ")")
        else {
            throw NumericError.invalidInput("\(name): no shape in .npy header")
        }
        let dims = header[open.upperBound..<close].split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }
        let shape = try dims.map { d -> Int in
            guard let v = Int(d), v >= 0 else {
                throw NumericError.invalidInput("\(name): bad dimension '\(d)' in .npy shape")
            }
            return v
        }
        let count = shape.reduce(1, *)
        let body = start + headerLength
        guard data.count - body == count * type.size else {
            throw NumericError.invalidInput(
                "\(name): .npy data has \(data.count - body) bytes, shape \(shape) of \(type.rawValue) needs \(count * type.size)"
            )
        }
        dtype = type
        self.shape = shape
        bytes = Array(data[body...])
    }

    private static func field(_ key: String, in header: String) -> String? {
        guard let r = header.range(of: "'\(key)': '") else { return nil }
        let rest = header[r.upperBound...]
        guard let end = rest.firstIndex(of: "'") else { return nil }
        return String(rest[..<end])
    }

    /// The values as doubles, whatever the stored type.
    public var doubles: [Double] {
        let n = shape.reduce(1, *)
        return bytes.withUnsafeBytes { raw in
            (0..<n).map { i -> Double in
                switch dtype {
                case .float64:
                    return Double(
                        bitPattern: UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: 8 * i, as: UInt64.self)))
                case .float32:
                    return Double(
                        Float(
                            bitPattern: UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: 4 * i, as: UInt32.self)))
                    )
                case .int64:
                    return Double(Int64(littleEndian: raw.loadUnaligned(fromByteOffset: 8 * i, as: Int64.self)))
                case .int32:
                    return Double(Int32(littleEndian: raw.loadUnaligned(fromByteOffset: 4 * i, as: Int32.self)))
                case .int8: return Double(Int8(bitPattern: raw[i]))
                case .uint8: return Double(raw[i])
                }
            }
        }
    }
}
