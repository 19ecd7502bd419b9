import Foundation
import Algebra

/// A trained linear map as a dense n×n matrix W (row-major, x ↦ W x: PyTorch's `weight`, or the product
/// decoder·encoder of an autoencoder), read from `.npy` or from the member `W` of an `.npz` (eqgeom's
/// `weights.npz`, or any archive holding exactly one array).
public struct WeightMatrix: Sendable {
    /// W, n×n, row-major.
    public let values: [Double]
    /// n.
    public let n: Int
    /// The stored element type (`<f8`, `<f4`, …).
    public let dtype: String
    /// The machine epsilon of the stored type (2^−23 for float32, else 2^−52): the scale of its rounding.
    public let epsilon: Double

    /// Reads W from `path` and checks it is a finite square matrix.
    /// - Throws: `NumericError.invalidInput` naming the file and what is wrong (format, shape, NaN);
    ///   `MemoryLimitError` before reading a file that would not fit the memory budget.
    public init(path: String) throws {
        let name = (path as NSString).lastPathComponent
        let array: NumPyArray
        if path.hasSuffix(".npz") || path.hasSuffix(".safetensors") {
            let members = try NumPyArchive.arrays(path: path)
            guard let w = members["W"] ?? (members.count == 1 ? members.values.first : nil) else {
                throw NumericError.invalidInput(
                    "\(name) has no member W (members: \(members.keys.sorted().joined(separator: ", ")))")
            }
            array = w
        } else if path.hasSuffix(".npy") {
            array = try NumPyArray(
                npy: try InputFile.bytes(path, expansion: 9, advice: "check a smaller model"),
                name: name)
        } else {
            throw NumericError.invalidInput(
                "\(name): weights must be a NumPy .npy file, or an .npz or .safetensors with a member W")
        }
        guard array.shape.count == 2, array.shape[0] == array.shape[1], array.shape[0] > 0 else {
            throw NumericError.invalidInput(
                "\(name) holds an array of shape \(array.shape); the weights must be one square n×n matrix")
        }
        let epsilon = array.dtype == .float32 ? Double(Float.ulpOfOne) : Double.ulpOfOne
        try self.init(array.doubles, n: array.shape[0], dtype: array.dtype.rawValue, epsilon: epsilon, name: name)
    }

    /// W from its entries (row-major n×n) and the machine epsilon of the type they were computed in.
    /// - Throws: `NumericError.invalidInput` when the count is not n² or an entry is not finite.
    public init(
        _ values: [Double], n: Int, dtype: String = "<f8", epsilon: Double = .ulpOfOne, name: String = "the weights"
    ) throws {
        guard n > 0, values.count == n * n else {
            throw NumericError.invalidInput("\(name) hold \(values.count) values, not n² for n = \(n)")
        }
        if let bad = values.firstIndex(where: { !$0.isFinite }) {
            throw NumericError.invalidInput("\(name): entry (\(bad / n), \(bad % n)) is not a finite number")
        }
        self.values = values
        self.n = n
        self.dtype = dtype
        self.epsilon = epsilon
    }

    /// - Throws: `NumericError.invalidInput` unless W acts on `degree` points.
    public func requireDegree(_ degree: Int) throws {
        guard n == degree else {
            throw NumericError.invalidInput(
                "the weights are \(n)×\(n), but the action acts on \(degree) points (\(degree)×\(degree))")
        }
    }
}
