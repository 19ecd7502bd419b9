import Foundation

/// A data matrix of N samples with n features (pixels), row-major: `values[i*n + j]`.
/// Pixel files in 0–255 (IDX, CSV, uint8 .npy) are scaled to [0, 1] by /255; float .npy is used as is.
public struct ImageDataset: Sendable {
    public let count: Int
    public let features: Int
    public var values: [Double]
    public let labels: [Int]?

    public init(count: Int, features: Int, values: [Double], labels: [Int]? = nil) {
        precondition(values.count == count * features)
        self.count = count
        self.features = features
        self.values = values
        self.labels = labels
    }

    /// Loads MNIST IDX (`.idx3-ubyte`, optionally `.gz`), CSV (optionally `.gz`; n pixel columns,
    /// optionally followed by a label column) or NumPy `.npy` ([N, n] or [N, H, W]).
    /// - Parameter features: n, the number of pixels the action expects.
    /// - Throws: `NumericError.invalidInput` naming the file and what is wrong (shape, NaN, format).
    public static func load(path: String, features n: Int) throws -> ImageDataset {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw NumericError.io("cannot read \(path)")
        }
        var bytes = [UInt8](data)
        let name = (path as NSString).lastPathComponent
        if Zlib.isGzip(bytes) { bytes = try Zlib.decompress(bytes, name: name) }
        let base = name.hasSuffix(".gz") ? String(name.dropLast(3)) : name
        let set: ImageDataset
        if bytes.count >= 4 && bytes[0] == 0 && bytes[1] == 0 && bytes[2] == 0x08 {
            set = try loadIDX(bytes, name: name)
        } else if bytes.first == 0x93 {
            set = try loadNPY(bytes, name: name)
        } else if base.hasSuffix(".csv") || base.hasSuffix(".txt") {
            set = try loadCSV(bytes, name: name, features: n)
        } else {
            throw NumericError.invalidInput(
                "\(name): unknown format; use MNIST IDX (.idx3-ubyte[.gz]), CSV (.csv[.gz]) or NumPy .npy")
        }
        guard set.features == n else {
            throw NumericError.invalidInput(
                "\(name) has \(set.features) values per sample, the action acts on \(n) pixels")
        }
        guard set.count > 0 else { throw NumericError.invalidInput("\(name) has no samples") }
        if let bad = set.values.firstIndex(where: { !$0.isFinite }) {
            throw NumericError.invalidInput("\(name): sample \(bad / n), pixel \(bad % n) is not a finite number")
        }
        return set
    }

    /// IDX: magic 0x0000 08 (unsigned byte) then the number of dimensions, big-endian sizes, data.
    static func loadIDX(_ b: [UInt8], name: String) throws -> ImageDataset {
        let dims = Int(b[3])
        guard dims >= 1, b.count >= 4 + 4 * dims else {
            throw NumericError.invalidInput("\(name): truncated IDX header")
        }
        let sizes = (0..<dims).map { d in (0..<4).reduce(0) { $0 << 8 | Int(b[4 + 4 * d + $1]) } }
        let count = sizes[0]
        let features = sizes.dropFirst().reduce(1, *)
        let start = 4 + 4 * dims
        guard b.count - start == count * features else {
            throw NumericError.invalidInput(
                "\(name): IDX header says \(sizes.map(String.init).joined(separator: "×")) bytes, file has \(b.count - start)"
            )
        }
        return ImageDataset(count: count, features: features, values: b[start...].map { Double($0) / 255 })
    }

    static func loadNPY(_ b: [UInt8], name: String) throws -> ImageDataset {
        let a = try NumPyArray(npy: b, name: name)
        guard a.shape.count == 2 || a.shape.count == 3 else {
            throw NumericError.invalidInput("\(name): expected an [N, n] or [N, H, W] array, got shape \(a.shape)")
        }
        let scale = a.dtype == .uint8 ? 1.0 / 255 : 1.0
        return ImageDataset(
            count: a.shape[0], features: a.shape.dropFirst().reduce(1, *), values: a.doubles.map { $0 * scale })
    }

    /// CSV: one sample per line, comma-separated; n pixel values (0–255), optionally a final label.
    static func loadCSV(_ b: [UInt8], name: String, features n: Int) throws -> ImageDataset {
        var values: [Double] = []
        var labels: [Int] = []
        var line = 0
        var hasLabels: Bool? = nil
        var fields: [Double] = []
        var field = [UInt8]()
        func endField() throws {
            guard let s = String(bytes: field, encoding: .ascii), let v = Double(s.trimmingCharacters(in: .whitespaces))
            else {
                throw NumericError.invalidInput(
                    "\(name), line \(line + 1): '\(String(decoding: field, as: UTF8.self))' is not a number")
            }
            fields.append(v)
            field.removeAll(keepingCapacity: true)
        }
        func endLine() throws {
            if fields.isEmpty && field.isEmpty { return }
            try endField()
            if hasLabels == nil {
                guard fields.count == n || fields.count == n + 1 else {
                    throw NumericError.invalidInput(
                        "\(name), line 1 has \(fields.count) columns, expected \(n) pixels (or \(n) and a label)")
                }
                hasLabels = fields.count == n + 1
            }
            guard fields.count == n + (hasLabels == true ? 1 : 0) else {
                throw NumericError.invalidInput(
                    "\(name), line \(line + 1) has \(fields.count) columns, the first line has \(n + (hasLabels == true ? 1 : 0))"
                )
            }
            if hasLabels == true {
                labels.append(Int(fields[n]))
                fields.removeLast()
            }
            values.append(contentsOf: fields.map { $0 / 255 })
            fields.removeAll(keepingCapacity: true)
            line += 1
        }
        for c in b {
            switch c {
            case UInt8(ascii: ","): try endField()
            case UInt8(ascii: "\n"): try endLine()
            case UInt8(ascii: "\r"): continue
            default: field.append(c)
            }
        }
        try endLine()
        return ImageDataset(count: line, features: n, values: values, labels: hasLabels == true ? labels : nil)
    }
}
