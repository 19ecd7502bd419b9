import Foundation

/// The kernel matrices of N samples with their summaries (MATH.md §11.1): the NNGP and NTK of a ReLU MLP or a
/// one-hidden-layer circular CNN (neural-tangents' conventions), or one RBF kernel; each with its trace, diagonal
/// mean and extreme eigenvalues (LAPACK, eigenvalues only).
public struct KernelMatrices: Sendable {
    /// Which kernel.
    public enum Kind: Sendable {
        /// A ReLU MLP with `depth` hidden layers.
        case mlp(depth: Int, weightStd: Double, biasStd: Double)
        /// A circular CNN on height×width images with a window and a readout.
        case cnn(
            height: Int, width: Int, windowHeight: Int, windowWidth: Int, readout: ConvolutionalKernel.Readout,
            weightStd: Double, biasStd: Double)
        /// exp(−‖x − x′‖²/2ℓ²).
        case rbf(lengthScale: Double)
    }

    /// One N×N matrix and its summaries.
    public struct Matrix: Sendable {
        /// `nngp`, `ntk` or `kernel`.
        public let name: String
        /// N×N, row-major.
        public let values: [Double]
        /// The trace.
        public let trace: Double
        /// The largest eigenvalue.
        public let largestEigenvalue: Double
        /// The smallest eigenvalue.
        public let smallestEigenvalue: Double
    }

    /// N, the samples.
    public let samples: Int
    /// d, the values per sample.
    public let features: Int
    /// The matrices: NNGP and NTK, or the RBF kernel.
    public let matrices: [Matrix]

    /// The kernels of the rows of `x` (N×d).
    /// - Throws: `NumericError.tooLarge` for a CNN past `KernelChoice.largestWork` multiply-adds (estimated first);
    ///   `NumericError.invalidInput` when a kernel overflows double precision.
    public init(_ x: [Double], count n: Int, features d: Int, kind: Kind) throws {
        let named: [(String, [Double])]
        switch kind {
        case .mlp(let depth, let weightStd, let biasStd):
            let k = FullyConnectedKernel(depth: depth, weightStd: weightStd, biasStd: biasStd).kernels(
                x, x, features: d)
            named = [("nngp", k.nngp), ("ntk", k.ntk)]
        case .cnn(let height, let width, let kh, let kw, let readout, let weightStd, let biasStd):
            let work = Double(n * n) * Double(d) * (readout == .globalAveragePool ? Double(d) : 1) * Double(kh * kw)
            guard work <= KernelChoice.largestWork else {
                throw NumericError.tooLarge(
                    "the CNN kernel needs about \(Int(work)) multiply-adds (limit \(Int(KernelChoice.largestWork)))")
            }
            let k = ConvolutionalKernel(
                height: height, width: width, kernelHeight: kh, kernelWidth: kw, readout: readout,
                weightStd: weightStd, biasStd: biasStd
            ).kernels(x, x)
            named = [("nngp", k.nngp), ("ntk", k.ntk)]
        case .rbf(let lengthScale):
            named = [("kernel", RBFKernel(lengthScale: lengthScale).kernel(x, x, features: d))]
        }
        guard named.allSatisfy({ $0.1.allSatisfy(\.isFinite) }) else {
            throw NumericError.invalidInput("the kernel overflows double precision on these values; rescale the data")
        }
        matrices = try named.map { name, m in
            let eigenvalues = try symmetricEigenvalues(m, n)
            return Matrix(
                name: name, values: m, trace: (0..<n).reduce(0) { $0 + m[$1 * n + $1] },
                largestEigenvalue: eigenvalues.first ?? 0, smallestEigenvalue: eigenvalues.last ?? 0)
        }
        samples = n
        features = d
    }
}
