import CommandLineSupport
import ArgumentParser
import Algebra
import Geometry
import NumericBridge

/// `eqgeom lcn`: one-dimensional linear convolutional networks (MATH.md §14): the end-to-end filter and its
/// function space (`show`), and gradient descent from many seeds with every limit classified (`train`).
struct LCN: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lcn", abstract: "Linear convolutional networks: function space, membership, training limits.",
        subcommands: [Show.self, Train.self])

    /// `--filters k_1,…,k_L --strides s_1,…,s_L`.
    struct Architecture: ParsableArguments {
        @Option(help: "Filter sizes k_1,…,k_L, each ≥ 1.") var filters: ListArgument<Int>
        @Option(help: "Strides s_1,…,s_L, each ≥ 1 (default: all 1).") var strides: ListArgument<Int>?

        func network() throws -> LinearConvolutionalNetwork {
            let k = filters.values
            return try LinearConvolutionalNetwork(
                filterSizes: k, strides: strides?.values ?? Array(repeating: 1, count: k.count))
        }
    }

    /// How many gradient-descent runs, how long, on how much synthetic data (`lcn train`, `reproduce lcn`).
    struct Runs: ParsableArguments {
        @Option(help: "Seeds (runs), 1…10000.") var seeds: Int = 200
        @Option(help: "Gradient steps per run at most, 1…1000000.") var steps: Int = 5000
        @Option(help: "Random signals of the synthetic data, 1…100000.") var samples: Int = 50
        @OptionGroup var seedOption: SeedOption

        func validate() throws {
            guard (1...10_000).contains(seeds), (1...1_000_000).contains(steps), (1...100_000).contains(samples) else {
                throw ValidationError("--seeds takes 1…10000, --steps 1…1000000, --samples 1…100000")
            }
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "End-to-end filter size and stride, dimension, filling; membership of a filter; a point's rank.")
        @OptionGroup var architecture: Architecture
        @Option(help: "An end-to-end filter u_0,u_1,… (rationals): is it in the function space?")
        var filter: ListArgument<Rational>?
        @Option(
            help: ArgumentHelp(
                "Filters of a parameter point, w_1;w_2;… each u_0,u_1,… (rationals).", valueName: "point"),
            transform: Parse.filters)
        var point: [[Rational]]?
        @OptionGroup var output: OutputOptions

        func run() throws {
            let net = try architecture.network()
            try emit(try LCNShowReport(net, filter: filter?.values, point: point), output)
        }
    }

    struct Train: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Gradient descent from many seeds on synthetic data; each limit zero, pure or spurious.")
        @OptionGroup var architecture: Architecture
        @OptionGroup var runs: Runs
        @Option(
            help: ArgumentHelp(
                "Signals, one per row: 'builtin' (the MNIST subset, each image a signal of 784 pixels) or a file "
                    + "(IDX, CSV, .npy). Default: synthetic signals and a random teacher filter.",
                valueName: "file"))
        var data: String?
        @Option(
            help: ArgumentHelp(
                "Targets, one row per signal and one value per window (default: predict each window's next value).",
                valueName: "file"))
        var targets: String?
        @OptionGroup var output: OutputOptions

        func validate() throws {
            if targets != nil && data == nil { throw ValidationError("--targets goes with --data") }
        }

        func run() throws {
            let net = try architecture.network()
            let moments: LCNTraining.Moments
            if let data {
                let signals =
                    data == "builtin"
                    ? try ImageDataset.builtinMNIST() : try ImageDataset.load(path: data, features: nil)
                let y = try targets.map { try ImageDataset.load(path: $0, features: nil) }
                moments = try LCNTraining.moments(net, signals: signals, targets: y)
            } else {
                moments = LCNTraining.syntheticMoments(net, samples: runs.samples, seed: runs.seedOption.seed)
            }
            Interruption.install()
            let training = try LCNTraining(net, moments: moments, seeds: runs.seeds, steps: runs.steps) {
                try progressBar("gradient descent", $0, $1, unit: "seeds")
            }
            try emit(LCNTrainReport(training), output)
        }
    }
}

extension Parse {
    /// Filters `w_1;w_2;…`, each a comma-separated list of rationals.
    static func filters(_ text: String) throws -> [[Rational]] {
        try text.split(separator: ";", omittingEmptySubsequences: false).map { part in
            try part.split(separator: ",", omittingEmptySubsequences: false).map {
                guard let r = Rational($0.trimmingCharacters(in: .whitespaces)) else {
                    throw ValidationError("'\($0)' is not a rational number")
                }
                return r
            }
        }
    }
}
