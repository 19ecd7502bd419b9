import CommandLineSupport
import ArgumentParser
import Algebra
import Geometry
import NumericBridge

/// `eqgeom critical-points`: the critical points of the squared loss, pure or spurious, on one component or on the
/// whole variety E_r (MATH.md §12): exact counts and Morse-index distributions for generic data; with data, the
/// lowest critical values and their points.
struct CriticalPoints: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Critical points of the autoencoder loss, pure or spurious: counts, Morse indices, lowest values.")

    @OptionGroup var action: ActionOptions
    @Option(help: "Rank bound r, 0 ≤ r ≤ n.") var rank: Int
    @Option(
        help: "One component: 13,10,9,… in canonical block order, or keyed 1/1=13,28/27=10 (missing blocks 0).",
        transform: Parse.tuple)
    var tuple: TupleNotation?
    @Flag(help: "The whole variety E_r: every component at once.") var allComponents = false
    @Option(
        help: ArgumentHelp(
            "Data: MNIST IDX, CSV[.gz] or .npy, one sample per row (default for 28x28 images: the built-in MNIST "
                + "subset; otherwise counts only).", valueName: "file"))
    var data: String?
    @Option(help: "How many of the lowest critical values to report, 0…\(Self.largestRequest) (needs data).")
    var lowest: Int = 10
    @Flag(help: "List every critical point (up to --limit) instead of the lowest.") var list = false
    @Option(help: "The most points --list prints, 1…\(Self.largestRequest).") var limit: Int = 1000
    @Option(help: ArgumentHelp("Write the critical values against Morse index as FILE.svg.", valueName: "file"))
    var figure: String?
    @OptionGroup var output: OutputOptions

    static let largestRequest = 1_000_000

    func validate() throws {
        guard (tuple == nil) == allComponents else {
            throw ValidationError("give one component with --tuple T, or --all-components for the whole variety")
        }
        guard action.cycleType == nil || (data == nil && !list && figure == nil) else {
            throw ValidationError("--cycle-type names no permutation to transform data by; give --perm or --image")
        }
        guard (0...Self.largestRequest).contains(lowest), (1...Self.largestRequest).contains(limit) else {
            throw ValidationError("--lowest takes 0…\(Self.largestRequest) and --limit 1…\(Self.largestRequest)")
        }
        if let figure { try requireOutputFile(figure, ["svg"], flag: "--figure") }
    }

    func run() throws {
        let variety = try action.variety(rank: rank)
        let t = try tuple.map { try $0.resolve(labels: variety.labels) }
        let withData = action.cycleType == nil && (data != nil || variety.degree == 784)
        guard withData || !(list || figure != nil) else {
            throw ValidationError("--list and --figure need data: give --data FILE")
        }
        let survey = try CriticalPointSurvey(
            variety: variety, tuple: t, spectra: withData ? { try action.spectra(data: data) } : nil, lowest: lowest,
            listLimit: list ? limit : nil,
            counting: { progress("exact counts and Morse indices over \(variety.labels.count) blocks at rank \(rank)") }
        ) { try progressBar("K-best over the blocks", $0, $1, unit: "blocks") }
        var files = OutputFiles()
        if let path = figure, let landscape = survey.landscape {
            try files.add(landscape.figure(survey.points).bytes, to: path)
        }
        wrote(try files.commit())
        try emit(CriticalPointsReport(survey, variety: variety, tuple: t), output)
    }
}
