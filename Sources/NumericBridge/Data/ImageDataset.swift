import Algebra
import Foundation

internal import CBuiltinData

/// A data matrix of N samples with n features (pixels), row-major: `values[i*n + j]`.
/// Pixel files in 0–255 (IDX, CSV, uint8 .npy) are scaled to [0, 1] by /255; float .npy is used as is.
public struct ImageDataset: Sendable {
    /// N, the number of samples.
    public let count: Int
    /// n, the values per sample.
    public let features: Int
    /// The N×n values, row-major.
    public var values: [Double]
    /// One label per sample, when the file had them.
    public let labels: [Int]?

    /// - Precondition: `values.count == count · features`.
    public init(count: Int, features: Int, values: [Double], labels: [Int]? = nil) {
        precondition(values.count == count * features)
        self.count = count
        self.features = features
        self.values = values
        self.labels = labels
    }

    /// The name under which the built-in data is reported.
    public static let builtinName = "built-in MNIST subset (2,000 images, 200 per digit)"

    /// The built-in data, compiled into the binary: 2,000 MNIST images of 28×28 pixels, 200 of each
    /// digit interleaved 0…9 (data/README.md has its source and licence).
    public static func builtinMNIST() throws -> ImageDataset {
        let bytes = [UInt8](UnsafeBufferPointer(start: eq_mnist_2k_gz_pointer(), count: Int(eq_mnist_2k_gz_size)))
        return try decode(bytes, name: "mnist-2k.csv.gz", features: 784)
    }

    /// Loads MNIST IDX (`.idx3-ubyte`, optionally `.gz`), CSV (optionally `.gz`; n pixel columns,
    /// optionally followed by an integer label column) or NumPy `.npy` ([N, n] or [N, H, W]).
    /// - Parameter features: n, the number of pixels the action expects.
    /// - Throws: `NumericError.invalidInput` naming the file and what is wrong (shape, NaN, format);
    ///   `MemoryLimitError` when the file or its decoded values would not fit the memory budget.
    /// - Parameter features: n, the number of pixels the action expects; nil: as the file says (IDX, `.npy`), or
    ///   every column of a CSV.
    public static func load(path: String, features n: Int?) throws -> ImageDataset {
        let name = (path as NSString).lastPathComponent
        if InputFile.isRegularFile(path),
            let (shape, dtype, values) = try NumPyArray.streamedDoubles(path: path, name: name)
        {
            return try validated(npy: shape, dtype: dtype, values: values, name: name, features: n)
        }
        let bytes = try InputFile.bytes(path, expansion: 9, advice: "use a smaller file")
        return try decode(bytes, name: name, features: n)
    }

    /// Decodes file contents (gzip-wrapped or not) by their format.
    static func decode(_ raw: [UInt8], name: String, features expected: Int?) throws -> ImageDataset {
        var bytes = raw
        if Zlib.isGzip(bytes) { bytes = try Zlib.decompress(bytes, name: name, expansion: 9) }
        let base = name.hasSuffix(".gz") ? String(name.dropLast(3)) : name
        let set: ImageDataset
        if bytes.count >= 4 && bytes[0] == 0 && bytes[1] == 0 && bytes[2] == 0x08 {
            set = try loadIDX(bytes, name: name)
        } else if bytes.first == 0x93 {
            set = try loadNPY(bytes, name: name)
        } else if base.hasSuffix(".csv") || base.hasSuffix(".txt") {
            let columns = bytes.prefix { $0 != 0x0A }.filter { $0 == 0x2C }.count + 1
            set = try loadCSV(bytes, name: name, features: expected ?? columns)
        } else {
            throw NumericError.invalidInput(
                "\(name): unknown format; use MNIST IDX (.idx3-ubyte[.gz]), CSV (.csv[.gz]) or NumPy .npy")
        }
        return try validated(set, name: name, features: expected)
    }

    /// Checks a decoded set: the expected number of features, at least one sample, finite values.
    static func validated(_ set: ImageDataset, name: String, features expected: Int?) throws -> ImageDataset {
        let n = set.features
        if let expected, expected != n {
            throw NumericError.invalidInput(
                "\(name) has \(n) values per sample, the action acts on \(expected) pixels")
        }
        guard set.count > 0 else { throw NumericError.invalidInput("\(name) has no samples") }
        if let bad = set.values.firstIndex(where: { !$0.isFinite }) {
            throw NumericError.invalidInput("\(name): sample \(bad / n), pixel \(bad % n) is not a finite number")
        }
        return set
    }

    /// Refuses decoded data whose doubles would not fit the memory budget.
    static func requireValues(_ count: Int, name: String) throws {
        try MemoryBudget.require(
            ByteCount.product(count, 8), for: "the \(count) values of \(name)", advice: "use a smaller file")
    }

    /// IDX: magic 0x0000 08 (unsigned byte) then the number of dimensions, big-endian sizes, data.
    static func loadIDX(_ b: [UInt8], name: String) throws -> ImageDataset {
        let dims = Int(b[3])
        guard dims >= 1, b.count >= 4 + 4 * dims else {
            throw NumericError.invalidInput("\(name): truncated IDX header")
        }
        let sizes = (0..<dims).map { d in (0..<4).reduce(0) { $0 << 8 | Int(b[4 + 4 * d + $1]) } }
        let count = sizes[0]
        let features = ByteCount.product(Array(sizes.dropFirst()))
        let start = 4 + 4 * dims
        guard ByteCount.product(count, features) == b.count - start else {
            throw NumericError.invalidInput(
                "\(name): IDX header says \(sizes.map(String.init).joined(separator: "×")) bytes, "
                    + "the file has \(b.count - start)")
        }
        try requireValues(b.count - start, name: name)
        return ImageDataset(count: count, features: features, values: b[start...].map { Double($0) / 255 })
    }

    static func loadNPY(_ b: [UInt8], name: String) throws -> ImageDataset {
        let a = try NumPyArray(npy: b, name: name)
        try requireValues(a.shape.reduce(1, *), name: name)
        return try samples(npy: a.shape, dtype: a.dtype, values: a.doubles, name: name)
    }

    /// An [N, n] or [N, H, W] array's rows as samples (unsigned bytes scaled to [0, 1]).
    static func samples(npy shape: [Int], dtype: NumPyArray.DType, values: consuming [Double], name: String) throws
        -> ImageDataset
    {
        guard shape.count == 2 || shape.count == 3 else {
            throw NumericError.invalidInput("\(name): expected an [N, n] or [N, H, W] array, got shape \(shape)")
        }
        if dtype == .uint8 {
            for i in values.indices { values[i] /= 255 }
        }
        return ImageDataset(count: shape[0], features: shape.dropFirst().reduce(1, *), values: values)
    }

    /// A streamed `.npy`'s samples, checked.
    static func validated(
        npy shape: [Int], dtype: NumPyArray.DType, values: consuming [Double], name: String, features n: Int?
    ) throws -> ImageDataset {
        try validated(try samples(npy: shape, dtype: dtype, values: values, name: name), name: name, features: n)
    }
}
