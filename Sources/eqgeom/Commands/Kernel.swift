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
    @Option(help: "Hidden layers of the MLP, 1…20.") var depth = 1
    @Option(help: "σ_w (W_std).") var weightStd = 1.0
    @Option(help: "σ_b (b_std).") var biasStd = 0.0
    @Option(help: "The samples' size HxW (default 28x28; a CSV's label column follows the H·W values).")
    var image = "28x28"
    @Option(help: "Convolution window KHxKW for cnn.") var window = "3x3"
    @Option(help: "cnn readout: flatten or gap.") var readout = "flatten"
    @Option(help: "Length scale ℓ of rbf.") var lengthScale = 1.0
    @Option(help: "Per-sample normalisation first: none, sphere (x/‖x‖) or centered-sphere (mean removed, then /‖·‖).")
    var normalize = SampleNormalization.none
    @Option(help: ArgumentHelp("Write the N×N matrices (.npz: nngp, ntk; rbf: kernel).", valueName: "file"))
    var out: String?
    @OptionGroup var output: OutputOptions

    func validate() throws {
        guard (1...4096).contains(samples), (1...20).contains(depth) else {
            throw ValidationError("--samples takes 1…4096 and --depth 1…20")
        }
        guard weightStd.isFinite, biasStd.isFinite, weightStd >= 0, biasStd >= 0, lengthScale.isFinite,
            lengthScale > 0
        else { throw ValidationError("--weight-std and --bias-std must be ≥ 0, --length-scale > 0 (finite)") }
        guard ConvolutionalKernel.Readout(rawValue: readout) != nil else {
            throw ValidationError("--readout takes flatten or gap, got '\(readout)'")
        }
        if let path = out { try requireExtension(path, ["npz"]) }
        _ = try parseSize(image, count: 2, flag: "--image")
        _ = try parseSize(window, count: 2, flag: "--window")
    }

    func run() throws {
        let size = try parseSize(image, count: 2, flag: "--image")
        let set = try TrainingOptions.dataset(path: data, features: size[0] * size[1])
        let n = min(samples, set.count)
        let d = set.features
        let x = normalize.apply(Array(set.values[0..<(n * d)]), features: d)
        progress("\(n) samples of \(d) values: \(kind.rawValue) kernel")
        var archive = NumPyArchive()
        var matrices: [(String, [Double])] = []
        switch kind {
        case .mlp:
            let k = FullyConnectedKernel(depth: depth, weightStd: weightStd, biasStd: biasStd).kernels(
                x, x, features: d)
            matrices = [("nngp", k.nngp), ("ntk", k.ntk)]
        case .cnn:
            let w = try parseSize(window, count: 2, flag: "--window")
            let pairs = Double(n * n) * Double(d) * (readout == "gap" ? Double(d) : 1) * Double(w[0] * w[1])
            guard pairs <= KernelChoice.largestWork else {
                throw ValidationError(
                    "about \(Int(pairs)) multiply-adds: use fewer --samples, smaller images or the flatten readout")
            }
            let k = ConvolutionalKernel(
                height: size[0], width: size[1], kernelHeight: w[0], kernelWidth: w[1],
                readout: ConvolutionalKernel.Readout(rawValue: readout) ?? .flatten, weightStd: weightStd,
                biasStd: biasStd
            ).kernels(x, x)
            matrices = [("nngp", k.nngp), ("ntk", k.ntk)]
        case .rbf:
            matrices = [("kernel", RBFKernel(lengthScale: lengthScale).kernel(x, x, features: d))]
        }
        guard matrices.allSatisfy({ $0.1.allSatisfy(\.isFinite) }) else {
            throw ValidationError("the kernel overflows double precision on these values; rescale the data")
        }
        var entries: [KernelReport.Entry] = []
        for (name, m) in matrices {
            let eigenvalues = try symmetricEigenvalues(m, n)
            let trace = (0..<n).reduce(0) { $0 + m[$1 * n + $1] }
            entries.append(
                KernelReport.Entry(
                    name: name, trace: trace, diagonalMean: trace / Double(n),
                    largestEigenvalue: eigenvalues.first ?? 0, smallestEigenvalue: eigenvalues.last ?? 0))
            archive.add(name, NumPyArray(float64: m, shape: [n, n]))
        }
        if let path = out {
            try archive.write(toFile: path)
            wrote([path])
        }
        try emit(
            KernelReport(
                kind: kind.rawValue, samples: n, features: d, normalize: normalize.rawValue, matrices: entries),
            output)
    }
}

struct KernelReport: Report {
    struct Entry: Encodable {
        let name: String
        let trace: Double
        let diagonalMean: Double
        let largestEigenvalue: Double
        let smallestEigenvalue: Double
        enum CodingKeys: String, CodingKey {
            case name, trace
            case diagonalMean = "diag_mean"
            case largestEigenvalue = "largest_eigenvalue"
            case smallestEigenvalue = "smallest_eigenvalue"
        }
    }
    let kind: String
    let samples: Int
    let features: Int
    let normalize: String
    let matrices: [Entry]

    var table: String {
        keyValueTable(
            [("kernel", "\(kind) on \(samples) samples of \(features) values (normalize: \(normalize))")]
                + matrices.map {
                    (
                        $0.name,
                        String(
                            format: "trace %.6g, eigenvalues in [%.3e, %.6g]", $0.trace, $0.smallestEigenvalue,
                            $0.largestEigenvalue)
                    )
                })
    }
}
