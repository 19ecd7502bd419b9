import Foundation

/// A kernel by name, for the orbit analyses (SEEDS.md §3): the NNGP or NTK of a ReLU MLP or of a one-hidden-layer
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
