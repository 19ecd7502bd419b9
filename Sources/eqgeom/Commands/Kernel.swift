import CommandLineSupport
import ArgumentParser
import Foundation
import Algebra
import NumericBridge

/// `eqgeom kernel`: the NNGP/NTK of a ReLU MLP or a one-hidden-layer circular CNN (neural-tangents'
/// conventions), or an RBF kernel, between the samples of a data file (MATH.md §11.1).
struct Kernel: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "NNGP/NTK of ReLU MLPs and circular CNNs (neural-tangents' conventions) or RBF, on data.")

    enum Kind: String, ExpressibleByArgument, CaseIterable {
        case mlp, cnn, rbf
    }

    @Option(help: "mlp, cnn (one hidden layer, circular) or rbf.") var kind: Kind
    @Option(
        help: ArgumentHelp("Samples, one per row: .npy, MNIST IDX or CSV (default: built-in MNIST).", valueName: "file")
    )
    var data: String?
    @Option(help: "Use the first N samples, 1…4096.") var samples = 200
    @Option(help: "Hidden layers of the MLP, 1…20 (default 1; mlp only).") var depth: Int?
    @Option(help: "σ_w (W_std; default 1; mlp and cnn).") var weightStd: Double?
    @Option(help: "σ_b (b_std; default 1, as orbit-kernel; mlp and cnn).") var biasStd: Double?
    @Option(
        help: ArgumentHelp(
            "The samples' size HxW (default 28x28; a CSV's label column follows the H·W values).", valueName: "HxW"))
    var image = ImageSize(height: 28, width: 28)
    @Option(help: ArgumentHelp("Convolution window KHxKW for cnn (default 3x3).", valueName: "KHxKW"))
    var window: ImageSize?
    @Option(help: "cnn readout: flatten (default) or gap.") var readout: ConvolutionalKernel.Readout?
    @Option(help: "Length scale ℓ of rbf (default 1).") var lengthScale: Double?
    @Option(help: "Per-sample normalisation first: none, sphere (x/‖x‖) or centered-sphere (mean removed, then /‖·‖).")
    var normalize = SampleNormalization.none
    @Option(help: ArgumentHelp("Write the N×N matrices (.npz: nngp, ntk; rbf: kernel).", valueName: "file"))
    var out: String?
    @OptionGroup var output: OutputOptions

    func validate() throws {
        guard (1...4096).contains(samples), (1...20).contains(depth ?? 1) else {
            throw ValidationError("--samples takes 1…4096 and --depth 1…20")
        }
        let (w, b, l) = (weightStd ?? 1, biasStd ?? 1, lengthScale ?? 1)
        guard w.isFinite, b.isFinite, w >= 0, b >= 0, l.isFinite, l > 0 else {
            throw ValidationError("--weight-std and --bias-std must be ≥ 0, --length-scale > 0 (finite)")
        }
        // an option of another kind would be ignored silently
        let given: [(String, Bool, [Kind])] = [
            ("--depth", depth != nil, [.mlp]), ("--weight-std", weightStd != nil, [.mlp, .cnn]),
            ("--bias-std", biasStd != nil, [.mlp, .cnn]), ("--window", window != nil, [.cnn]),
            ("--readout", readout != nil, [.cnn]), ("--length-scale", lengthScale != nil, [.rbf]),
        ]
        for (flag, present, kinds) in given where present && !kinds.contains(kind) {
            throw ValidationError("\(flag) is for --kind \(kinds.map(\.rawValue).joined(separator: " or "))")
        }
        if let path = out { try requireOutputFile(path, ["npz"]) }
    }

    func run() throws {
        let set = try TrainingOptions.dataset(path: data, features: image.points)
        let n = min(samples, set.count)
        let d = set.features
        let x = normalize.apply(Array(set.values[0..<(n * d)]), features: d)
        progress("\(n) samples of \(d) values: \(kind.rawValue) kernel")
        let chosen: KernelMatrices.Kind
        switch kind {
        case .mlp: chosen = .mlp(depth: depth ?? 1, weightStd: weightStd ?? 1, biasStd: biasStd ?? 1)
        case .cnn:
            let w = window ?? ImageSize(height: 3, width: 3)
            chosen = .cnn(
                height: image.height, width: image.width, windowHeight: w.height, windowWidth: w.width,
                readout: readout ?? .flatten, weightStd: weightStd ?? 1, biasStd: biasStd ?? 1)
        case .rbf: chosen = .rbf(lengthScale: lengthScale ?? 1)
        }
        let kernels: KernelMatrices
        do {
            kernels = try KernelMatrices(x, count: n, features: d, kind: chosen)
        } catch NumericError.tooLarge(let reason) {
            throw ValidationError(reason + ": use fewer --samples, smaller images or the flatten readout")
        }
        if let path = out {
            try kernels.archive.write(toFile: path)
            wrote([path])
        }
        try emit(KernelReport(kernels, kind: kind.rawValue, normalize: normalize.rawValue), output)
    }
}
