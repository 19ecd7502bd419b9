import Algebra
import Foundation

/// An array in NumPy's `.npy` format (version 1.0): little-endian data, C order.
/// Written by eqgeom for Q_σ, masks and trained weights; read for data (`NumPyArray(npy:)`).
public struct NumPyArray: Sendable, Equatable {
    /// Element types eqgeom reads and writes.
    public enum DType: String, Sendable, CaseIterable {
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

    /// The element type.
    public let dtype: DType
    /// The shape (C order).
    public let shape: [Int]
    /// The elements: raw little-endian bytes in C order, or float64 values kept as they are (so that a
    /// large matrix is written to a file without a second copy).
    private let storage: Storage

    private enum Storage: Sendable, Equatable {
        case bytes([UInt8])
        case doubles([Double])
    }

    /// Raw little-endian bytes, C order.
    public var bytes: [UInt8] { withRawBytes { Array($0) } }

    /// Calls `body` with the raw little-endian bytes, without copying float64 values on little-endian
    /// machines.
    public func withRawBytes<R>(_ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
        switch storage {
        case .bytes(let b): return try b.withUnsafeBytes(body)
        case .doubles(let values):
            #if _endian(little)
                return try values.withUnsafeBytes(body)
            #else
                return try values.map { $0.bitPattern.littleEndian }.withUnsafeBytes(body)
            #endif
        }
    }

    /// Arrays are equal when their dtype, shape and bytes are, however they are stored.
    public static func == (a: NumPyArray, b: NumPyArray) -> Bool {
        a.dtype == b.dtype && a.shape == b.shape && a.bytes == b.bytes
    }

    /// The number of data bytes.
    public var byteCount: Int { withRawBytes { $0.count } }

    /// A float64 array.
    /// - Precondition: `values.count` is the product of `shape`.
    public init(float64 values: [Double], shape: [Int]) {
        precondition(values.count == shape.reduce(1, *))
        dtype = .float64
        self.shape = shape
        storage = .doubles(values)
    }

    /// An int32 array.
    public init(int32 values: [Int32], shape: [Int]) { self.init(integers: values, dtype: .int32, shape: shape) }

    /// An int64 array.
    public init(int64 values: [Int64], shape: [Int]) { self.init(integers: values, dtype: .int64, shape: shape) }

    private init<T: FixedWidthInteger>(integers values: [T], dtype: DType, shape: [Int]) {
        precondition(values.count == shape.reduce(1, *))
        self.dtype = dtype
        self.shape = shape
        var out = [UInt8]()
        out.reserveCapacity(values.count * MemoryLayout<T>.size)
        for v in values { withUnsafeBytes(of: v.littleEndian) { out.append(contentsOf: $0) } }
        storage = .bytes(out)
    }

    /// An int8 array.
    public init(int8 values: [Int8], shape: [Int]) {
        precondition(values.count == shape.reduce(1, *))
        dtype = .int8
        self.shape = shape
        storage = .bytes(values.map { UInt8(bitPattern: $0) })
    }

    /// The `.npy` file contents.
    public var npy: [UInt8] { Self.header(descr: dtype.rawValue, shape: shape) + bytes }

    /// The `.npy` header of this array.
    var npyHeader: [UInt8] { Self.header(descr: dtype.rawValue, shape: shape) }

    /// The `.npy` 1.0 header for C-ordered data, padded to a multiple of 64 bytes.
    static func header(descr: String, shape: [Int]) -> [UInt8] {
        let shapeText = shape.count == 1 ? "(\(shape[0]),)" : "(" + shape.map(String.init).joined(separator: ", ") + ")"
        var header = "{'descr': '\(descr)', 'fortran_order': False, 'shape': \(shapeText), }"
        let unpadded = 10 + header.utf8.count + 1
        header += String(repeating: " ", count: (64 - unpadded % 64) % 64) + "\n"
        let length = header.utf8.count
        return [0x93] + Array("NUMPY".utf8) + [1, 0, UInt8(length & 0xff), UInt8(length >> 8)] + Array(header.utf8)
    }

    /// Writes the `.npy` file (atomically, see `OutputFile`) straight from the array's memory: float64
    /// values are not copied, so a dense n×n result needs no second n×n buffer.
    public func write(to path: String) throws {
        try OutputFile.write(to: path) { handle in
            try handle.write(contentsOf: Self.header(descr: dtype.rawValue, shape: shape))
            try withRawBytes { try handle.write(contentsOf: $0) }
        }
    }

    /// An array from its little-endian bytes in C order (`raw.count` = the shape's product × the element size).
    init(raw: [UInt8], dtype: DType, shape: [Int]) {
        precondition(raw.count == shape.reduce(1, *) * dtype.size)
        self.dtype = dtype
        self.shape = shape
        storage = .bytes(raw)
    }

    /// Parses `.npy` contents (version 1.x or 2.x, C order, one of `DType`).
    /// - Throws: `NumericError.invalidInput` naming what is wrong.
    public init(npy data: [UInt8], name: String = "array") throws {
        let preamble = try Self.preamble(data, name: name)
        let type = preamble.dtype
        let count = preamble.count
        let body = preamble.dataOffset
        guard data.count - body == count * type.size else {
            throw NumericError.invalidInput(
                "\(name): .npy data has \(data.count - body) bytes, shape \(preamble.shape) of \(type.rawValue) needs "
                    + "\(count * type.size)")
        }
        dtype = type
        shape = preamble.shape
        let raw = Array(data[body...])
        storage = .bytes(
            preamble.fortranOrder ? Self.cOrder(fortran: raw, shape: preamble.shape, elementSize: type.size) : raw)
    }

    /// What a `.npy` file's first bytes say: element type, shape, order, element count and where the data start.
    struct Preamble {
        let dtype: DType
        let shape: [Int]
        let fortranOrder: Bool
        let count: Int
        let dataOffset: Int
    }

    /// Parses the magic, version and header of `.npy` contents (`data` may be only the file's first bytes).
    /// - Throws: `NumericError.invalidInput` naming what is wrong.
    static func preamble(_ data: [UInt8], name: String) throws -> Preamble {
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
        let header = try NumPyHeader(String(decoding: data[start..<(start + headerLength)], as: UTF8.self), name: name)
        let aliases: [String: DType] = ["<u1": .uint8, "<i1": .int8, "|b1": .uint8]
        guard let type = DType(rawValue: header.descr) ?? aliases[header.descr] else {
            throw NumericError.invalidInput(
                "\(name): unsupported dtype '\(header.descr)' (eqgeom reads <f8, <f4, <i8, <i4, |i1, |u1)")
        }
        return Preamble(
            dtype: type, shape: header.shape, fortranOrder: header.fortranOrder,
            count: try header.elementCount(name: name), dataOffset: start + headerLength)
    }

    /// Reorders column-major (Fortran) element bytes into row-major (C) order.
    static func cOrder(fortran raw: [UInt8], shape: [Int], elementSize size: Int) -> [UInt8] {
        guard shape.count >= 2 else { return raw }
        let count = shape.reduce(1, *)
        var out = [UInt8](repeating: 0, count: raw.count)
        var strides = [Int](repeating: 1, count: shape.count)  // Fortran strides (first axis fastest)
        for k in 1..<shape.count { strides[k] = strides[k - 1] * shape[k - 1] }
        var index = [Int](repeating: 0, count: shape.count)  // C-order multi-index of element c
        for c in 0..<count {
            let f = zip(index, strides).reduce(0) { $0 + $1.0 * $1.1 }
            for b in 0..<size { out[c * size + b] = raw[f * size + b] }
            var axis = shape.count - 1
            while axis >= 0 {
                index[axis] += 1
                if index[axis] < shape[axis] { break }
                index[axis] = 0
                axis -= 1
            }
        }
        return out
    }

    /// The values as doubles, whatever the stored type.
    public var doubles: [Double] {
        let n = shape.reduce(1, *)
        return withRawBytes { raw in (0..<n).map { Self.element(raw, at: $0, dtype) } }
    }

    /// Element i of little-endian raw data of type `dtype`, as a double.
    @inline(__always)
    static func element(_ raw: UnsafeRawBufferPointer, at i: Int, _ dtype: DType) -> Double {
        switch dtype {
        case .float64:
            return Double(bitPattern: UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: 8 * i, as: UInt64.self)))
        case .float32:
            return Double(
                Float(bitPattern: UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: 4 * i, as: UInt32.self))))
        case .int64: return Double(Int64(littleEndian: raw.loadUnaligned(fromByteOffset: 8 * i, as: Int64.self)))
        case .int32: return Double(Int32(littleEndian: raw.loadUnaligned(fromByteOffset: 4 * i, as: Int32.self)))
        case .int8: return Double(Int8(bitPattern: raw[i]))
        case .uint8: return Double(raw[i])
        }
    }
}
