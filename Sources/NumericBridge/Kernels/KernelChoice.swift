import Foundation

/// A kernel by name, for the orbit analyses (MATH.md §11.1): the NNGP or NTK of a ReLU MLP or of a one-hidden-layer
/// circular CNN (neural-tangents' conventions, σ_w = σ_b = 1 unless given), or the RBF kernel.
public enum KernelChoice: Sendable, Equatable {
    case mlp(depth: Int, ntk: Bool, weightStd: Double, biasStd: Double)
    case cnn(height: Int, width: Int, readout: ConvolutionalKernel.Readout, ntk: Bool)
    case rbf(lengthScale: Double)

    /// `mlp:1`, `mlp:5:nngp`, `cnn-flatten`, `cnn-gap:nngp`, `rbf:2.5` (CNN images h×w, 3×3 windows).
    public init?(parsing text: String, height: Int, width: Int) {
        let parts = text.split(separator: ":").map(String.init)
        let ntk = parts.last != "nngp"
        switch parts.first {
        case "mlp":
            guard parts.count >= 2, let depth = Int(parts[1]), (1...20).contains(depth) else { return nil }
            self = .mlp(depth: depth, ntk: ntk, weightStd: 1, biasStd: 1)
        case "cnn-flatten": self = .cnn(height: height, width: width, readout: .flatten, ntk: ntk)
        case "cnn-gap": self = .cnn(height: height, width: width, readout: .globalAveragePool, ntk: ntk)
        case "rbf":
            guard parts.count == 2, let l = Double(parts[1]), l > 0, l.isFinite else { return nil }
            self = .rbf(lengthScale: l)
        default: return nil
        }
    }

    /// Multiply-adds for an n₁×n₂ kernel matrix on d features (the CNN's 3×3 windows; average pooling pairs every
    /// window with every other), to refuse work that would run for hours.
    public func multiplyAdds(rows n1: Int, columns n2: Int, features d: Int) -> Double {
        let pairs = Double(n1) * Double(n2) * Double(d)
        switch self {
        case .mlp(let depth, _, _, _): return pairs + Double(n1) * Double(n2) * Double(depth)
        case .cnn(_, _, let readout, _): return pairs * 9 * (readout == .globalAveragePool ? Double(d) : 1)
        case .rbf: return pairs
        }
    }

    /// The most multiply-adds the command line accepts for one kernel matrix (tens of seconds).
    public static let largestWork = 1e10

    /// The kernel matrix between the rows of x and y (d values each), row-major.
    public func matrix(_ x: [Double], _ y: [Double], features d: Int) -> [Double] {
        switch self {
        case .mlp(let depth, let ntk, let w, let b):
            let k = FullyConnectedKernel(depth: depth, weightStd: w, biasStd: b).kernels(x, y, features: d)
            return ntk ? k.ntk : k.nngp
        case .cnn(let h, let w, let readout, let ntk):
            let k = ConvolutionalKernel(
                height: h, width: w, kernelHeight: 3, kernelWidth: 3, readout: readout, weightStd: 1, biasStd: 1
            ).kernels(x, y)
            return ntk ? k.ntk : k.nngp
        case .rbf(let l): return RBFKernel(lengthScale: l).kernel(x, y, features: d)
        }
    }
}
