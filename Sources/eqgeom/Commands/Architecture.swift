import CommandLineSupport
import ArgumentParser
import Algebra
import Geometry
import NumericBridge

/// `eqgeom architecture`: deep equivariant linear networks (MATH.md §13). With `--hidden` (one per hidden layer):
/// the function space its bottleneck fixes, its parameters and critical points; without: the cheapest hidden
/// layers realising a component (`--tuple`, or the best one for the data at `--rank`). `--train` runs Adam on the
/// L-layer factorisation against the exact optimum.
struct Architecture: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Deep equivariant networks: the function space of given hidden layers, or the cheapest hidden layers."
    )

    @OptionGroup var action: ActionOptions
    @Option(
        parsing: .singleValue,
        help: ArgumentHelp(
            "A hidden layer: block multiplicities (R1.1=2,R2.1=1), channels:C (copies of the input), or cycles:4,4,2 "
                + "(a ⟨σ⟩-set, one permutation); repeat, one per hidden layer.", valueName: "layer"),
        transform: Parse.hiddenLayer)
    var hidden: [HiddenLayerArgument] = []
    @Option(help: "Layers L, 2…16, of the designed network (without --hidden; default 2).") var depth: Int?
    @Option(
        help: "Design for this component (without --hidden): a tuple as in components show.", transform: Parse.tuple)
    var tuple: TupleNotation?
    @Option(help: "Design for the best component of the data at this rank (without --hidden).") var rank: Int?
    @Option(
        help: ArgumentHelp(
            "Data: MNIST IDX, CSV[.gz] or .npy (default for 28x28 images: the built-in MNIST subset).",
            valueName: "file"))
    var data: String?
    @Flag(help: "Train the network with Adam (full batch on the data's block moments) against the exact optimum.")
    var train = false
    @Option(help: "Adam steps, 1…1000000.") var steps: Int = 3000
    @Option(help: "Adam learning rate, in (0, 10] (cosine schedule to 0).") var learningRate: Double = 0.01
    @OptionGroup var seedOption: SeedOption
    @OptionGroup var output: OutputOptions

    func validate() throws {
        if hidden.isEmpty {
            guard (tuple == nil) != (rank == nil) else {
                throw ValidationError("give --hidden layers, or design for --tuple T or --rank R (with data)")
            }
            if let depth, !(2...16).contains(depth) { throw ValidationError("--depth takes 2…16, got \(depth)") }
        } else if tuple != nil || rank != nil || depth != nil {
            throw ValidationError(
                "--tuple, --rank and --depth design hidden layers; with --hidden the network is given")
        }
        guard (1...1_000_000).contains(steps), learningRate > 0, learningRate <= 10 else {
            throw ValidationError("--steps takes 1…1000000 and --learning-rate (0, 10]")
        }
    }

    func run() throws {
        let needsData = train || rank != nil
        if needsData { try action.requireBuiltInDataFits(data) }
        let decomposition = try action.symmetry()
        let blocks = decomposition.blocks.map(\.isotypic)
        let spectra = needsData ? try action.spectra(data: data) : nil
        var design: NetworkDesign? = nil
        let network: DeepEquivariantNetwork
        if hidden.isEmpty {
            let t: [Int]
            if let r = rank, let spectra {
                try BlockShapes.validateRank(r, degree: decomposition.degree)
                t = ComponentSelection.best(spectra, rank: r)
            } else {
                t = try tuple?.resolve(labels: decomposition.labels) ?? []
            }
            let chosen = try NetworkDesign(decomposition, tuple: t, depth: depth ?? 2)
            design = chosen
            network = chosen.module
        } else {
            network = try DeepEquivariantNetwork(
                blocks: blocks, hidden: try hidden.map { try $0.multiplicities(decomposition) })
        }
        var training: DeepAdamModel? = nil
        if train, let spectra {
            Interruption.install()
            training = try DeepAdamModel(
                network, spectra: spectra, steps: steps, learningRate: learningRate, seed: seedOption.seed
            ) {
                try progressBar("Adam, \(network.depth) layers", $0, $1, loss: $2, unit: "full-batch steps")
            }
        }
        try emit(
            try ArchitectureReport(network, labels: decomposition.labels, design: design, training: training), output)
    }
}
