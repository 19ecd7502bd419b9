import ArgumentParser
import Foundation
import Algebra
import Geometry
import NumericBridge
import CommandLineSupport

/// `eqgeom-bench`: micro-benchmarks of the library (results go to docs/benchmarks.md).
@main
struct Bench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eqgeom-bench",
        abstract: "Time big-integer, power-series, rank, group and counting operations.")

    @Option(help: "Repetitions per benchmark (the median is reported).") var repeats: Int = 5
    @Option(help: "Run only benchmarks whose name contains this text.") var filter: String?
    @OptionGroup var output: OutputOptions

    func run() throws {
        BLASCore.restartWithBetterKernelsIfNeeded()
        guard (1...1000).contains(repeats) else {
            throw ValidationError("--repeats must be between 1 and 1000, got \(repeats)")
        }
        var results: [BenchResult] = []
        for b in benchmarks() where filter.map({ b.name.contains($0) }) ?? true {
            progress("bench \(b.name)")
            results.append(try b.measure(repeats: repeats))
        }
        try emit(BenchReport(blasCore: BLASCore.name, results: results), output)
    }
}

struct Benchmark {
    let name: String
    /// Untimed set-up (inputs shared between benchmarks are built here once).
    var prepare: () -> Void = {}
    /// Runs the work once and returns a short description of its result (printed, so it is not optimised away).
    let body: () throws -> String

    init(name: String, prepare: @escaping () -> Void = {}, body: @escaping () throws -> String) {
        self.name = name
        self.prepare = prepare
        self.body = body
    }

    func measure(repeats: Int) throws -> BenchResult {
        prepare()
        let clock = ContinuousClock()
        var times: [Double] = []
        var result = ""
        for _ in 0..<repeats {
            let d = try clock.measure { result = try body() }
            times.append(Double(d.components.seconds) + Double(d.components.attoseconds) * 1e-18)
        }
        times.sort()
        return BenchResult(
            name: name, medianSeconds: times[times.count / 2], minSeconds: times[0], repeats: repeats, result: result)
    }
}

func benchmarks() -> [Benchmark] {
    [
        Benchmark(name: "bigint.factorial_100000") { "\(BigInteger.factorial(100_000).bitLength) bits" },
        Benchmark(name: "bigint.binomial_product_1000") {
            var p = BigInteger(1)
            for k in 0..<1000 { p *= BigInteger.binomial(UInt(2000 + k), 500) }
            return "\(p.decimalDigitCount) digits"
        },
        Benchmark(name: "poly.pow_trunc_e1000_len20001") {
            let b = IntegerPolynomial.geometric(count: 29, step: 2)
            return "\(b.powerTruncated(1000, length: 20001).coefficient(20000).decimalDigitCount) digits"
        },
        Benchmark(name: "matrix.rank_rational_120x120") {
            var rng = SplitMix(1)
            var m = RationalMatrix(rows: 120, columns: 120)
            for i in 0..<120 {
                for j in 0..<120 { m[i, j] = Rational(Int(rng.next() % 21) - 10, Int(rng.next() % 5) + 1) }
            }
            return "rank \(m.rank)"
        },
        Benchmark(name: "group.order_rubik") {
            let gens = try rubikGenerators.map { try Permutation(cycles: $0, degree: 48) }
            return "order \(try PermutationGroup(generators: gens).order)"
        },
        Benchmark(name: "group.blocks_and_count_d4_28x28_r99") {
            let g = try PermutationGroup(generators: [
                Permutation.rotation(size: 28, degrees: 90), Permutation.reflection(height: 28, width: 28, .horizontal),
            ])
            return "\(try IsotypicDecomposition(group: g).shapes.componentCount(rank: 99).all) components"
        },
        Benchmark(name: "group.blocks_and_count_torus_28x28_r99") {
            let g = try PermutationGroup(generators: [
                Permutation.shift(height: 28, width: 28, along: .x),
                Permutation.shift(height: 28, width: 28, along: .y),
            ])
            return "\(try IsotypicDecomposition(group: g).shapes.componentCount(rank: 99).all.decimalDigitCount) digits"
        },
        Benchmark(name: "group.blocks_and_count_c4_28x28_r99") {
            let g = try PermutationGroup(generators: [Permutation.rotation(size: 28, degrees: 90)])
            return "\(try IsotypicDecomposition(group: g).shapes.componentCount(rank: 99).all) components"
        },
        Benchmark(name: "group.blocks_symmetric_1000") {
            let n = 1000
            let g = try PermutationGroup(generators: [
                Permutation(cycles: "(1 2)", degree: n), Permutation(images: (1...n).map { $0 % n + 1 }),
            ])
            return "\(try IsotypicDecomposition(group: g).blocks.map(\.label).joined(separator: ","))"
        },
        Benchmark(name: "group.blocks_s6_regular") {
            let g = try regularAction([Permutation(cycles: "(1 2)", degree: 6), Permutation(cycles: "(1 2 3 4 5 6)")])
            return "\(try IsotypicDecomposition(group: g).blocks.map(\.label).joined(separator: ","))"
        },
        Benchmark(name: "group.blocks_psl2_7_regular") {
            let g = try regularAction([
                Permutation(cycles: "(1 2 3 4 5 6 7)", degree: 7), Permutation(cycles: "(2 3 5)(4 7 6)", degree: 7),
                Permutation(cycles: "(1 2)(3 6)", degree: 7),
            ])
            return "\(try IsotypicDecomposition(group: g).blocks.map(\.label).joined(separator: ","))"
        },
        Benchmark(name: "count.mnist_r99") {
            let v = try EquivariantVariety(structure: BlockStructure(cycleType: CycleType(parsing: "28^28")), rank: 99)
            return try v.componentCount.all.description
        },
        Benchmark(name: "count.28^784_r5000") {
            let c = try BlockStructure(cycleType: try CycleType(parsing: "28^784")).componentCount(rank: 5000)
            return "\(c.withRankR.decimalDigitCount) digits"
        },
        Benchmark(name: "count.64^4096_r50000") {
            let c = try BlockStructure(cycleType: try CycleType(parsing: "64^4096")).componentCount(rank: 50_000)
            return "\(c.withRankR.decimalDigitCount) digits"
        },
        Benchmark(name: "count.1000^1000_r100000") {
            let c = try BlockStructure(cycleType: try CycleType(parsing: "1000^1000")).componentCount(rank: 100_000)
            return "\(c.withRankR.decimalDigitCount) digits"
        },
        Benchmark(name: "count.all_ranks_28^28") {
            "\(try BlockStructure(cycleType: try CycleType(parsing: "28^28")).componentCountsByRank().count) ranks"
        },
        Benchmark(name: "enumerate.mnist_r99_1e6") {
            let v = try EquivariantVariety(structure: BlockStructure(cycleType: CycleType(parsing: "28^28")), rank: 99)
            var k = 0
            for _ in v.components {
                k += 1
                if k == 1_000_000 { break }
            }
            return "\(k) components"
        },
        Benchmark(name: "basis.certify_exact_784") {
            "holds \(try ExactBasis(Permutation.shift(height: 28, width: 28, along: .x)).certify().holds)"
        },
        Benchmark(name: "basis.certify_exact_cycle256") {
            let sigma = try Permutation(images: (1...256).map { $0 % 256 + 1 })
            return "holds \(try ExactBasis(sigma).certify().holds)"
        },
        Benchmark(name: "basis.dense_784") {
            let q = try NumericBasis(try BasisLayout(Permutation.shift(height: 28, width: 28, along: .x)))
            return "‖QᵀQ−I‖_F \(q.orthogonalityError.frobenius)"
        },
        Benchmark(name: "basis.dense_21952") {
            let q = try NumericBasis(try BasisLayout(Permutation.shift(depth: 28, height: 28, width: 28, along: .x)))
            return "\(q.matrix.count) entries"
        },
        Benchmark(name: "transform.batch_60000x784", prepare: { Synthetic.shared.prepareTransform() }) {
            Synthetic.shared.forwardChecksum(Synthetic.shared.transform)
        },
        Benchmark(name: "group.certify_exact_d4_28x28") {
            let basis = try AdaptedBasis(group: try Synthetic.d4())
            return "holds \(try basis.certify().holds), \(basis.blocks.count) blocks"
        },
        Benchmark(name: "transform.d4_60000x784", prepare: { try? Synthetic.shared.prepareD4() }) {
            Synthetic.shared.forwardChecksum(Synthetic.shared.d4Transform)
        },
        Benchmark(name: "transform.torus_60000x784", prepare: { _ = Synthetic.shared.pixels }) {
            let torus = try PermutationGroup(
                generators: [
                    try Permutation.shift(height: 28, width: 28, along: .x),
                    try Permutation.shift(height: 28, width: 28, along: .y),
                ], degree: 784)
            let t = GroupTransform(try GroupNumericBasis.build(torus))
            return "checksum \(t.forward(Synthetic.shared.pixels, batch: 60_000)[0])"
        },
        Benchmark(name: "train.exact_optimum_d4_60000x784", prepare: { _ = Synthetic.shared.pixels }) {
            let basis = try GroupNumericBasis.build(try Synthetic.d4())
            let spectra = try GroupTransform(basis).moments(of: Synthetic.shared.pixels, batch: 60_000).spectra()
            return "loss \(spectra.loss([16, 12, 9, 12, 25]))"
        },
        Benchmark(name: "transform.n1e6_1000x1000", prepare: { try? Synthetic.shared.prepareMillion() }) {
            let s = Synthetic.shared
            guard let t = s.million else { return "not prepared" }
            t.forward(s.millionInput, batch: 1, into: &s.millionOutput)
            return "checksum \(s.millionOutput[0])"
        },
        Benchmark(name: "closure.two_psl2_13") { "order \(try projectiveLinear(13).closure(k: 2).order)" },
        Benchmark(name: "closure.two_psl2_31") { "order \(try projectiveLinear(31).closure(k: 2).order)" },
        Benchmark(name: "closure.two_psl2_61") { "order \(try projectiveLinear(61).closure(k: 2).order)" },
        Benchmark(name: "closure.two_psl2_13_pairs") { "order \(try projectiveLinearOnPairs(13).closure(k: 2).order)" },
        Benchmark(name: "closure.two_torus_28x28") {
            let torus = try PermutationGroup(
                generators: [
                    try Permutation.shift(height: 28, width: 28, along: .x),
                    try Permutation.shift(height: 28, width: 28, along: .y),
                ], degree: 784)
            return "order \(try torus.closure(k: 2).order)"
        },
        Benchmark(name: "closure.two_d4_28x28") {
            let d4 = try PermutationGroup(
                generators: [
                    try Permutation.rotation(size: 28, degrees: 90),
                    try Permutation.reflection(height: 28, width: 28, .horizontal),
                ], degree: 784)
            return "order \(try d4.closure(k: 2).order)"
        },
        Benchmark(name: "algebra.identifiability_psl2_13") {
            let rho = try MatrixRepresentation(permutations: try projectiveLinear(13).generators, degree: 14)
            return "algebra \(try Identifiability(rho).generatedAlgebraDimension)"
        },
        Benchmark(name: "layer.S8_T2_T2") {
            let g = try PermutationGroup(generators: [
                Permutation(cycles: "(1 2)", degree: 8), Permutation(cycles: "(1 2 3 4 5 6 7 8)"),
            ])
            return "\(try EquivariantLayer(group: g, inputPower: 2, outputPower: 2).parameterCount) orbits"
        },
        Benchmark(name: "kernel.mlp1_1000x784") {
            let x = Array(Synthetic.shared.pixels[0..<(1000 * 784)])
            let k = FullyConnectedKernel(depth: 1, weightStd: 1, biasStd: 1).kernels(x, x, features: 784)
            return "NTK trace \(Synthetic.trace(k.ntk, 1000))"
        },
        Benchmark(name: "kernel.mlp5_1000x784") {
            let x = Array(Synthetic.shared.pixels[0..<(1000 * 784)])
            let k = FullyConnectedKernel(depth: 5, weightStd: 1, biasStd: 1).kernels(x, x, features: 784)
            return "NTK trace \(Synthetic.trace(k.ntk, 1000))"
        },
        Benchmark(name: "kernel.cnn_flatten_100x28x28") {
            let x = Array(Synthetic.shared.pixels[0..<(100 * 784)])
            let k = ConvolutionalKernel(
                height: 28, width: 28, kernelHeight: 3, kernelWidth: 3, readout: .flatten, weightStd: 1, biasStd: 1
            ).kernels(x, x)
            return "NTK trace \(Synthetic.trace(k.ntk, 100))"
        },
        Benchmark(name: "kernel.cnn_gap_20x16x16") {
            let x = Array(Synthetic.shared.pixels[0..<(20 * 256)])
            let k = ConvolutionalKernel(
                height: 16, width: 16, kernelHeight: 3, kernelWidth: 3, readout: .globalAveragePool, weightStd: 1,
                biasStd: 1
            ).kernels(x, x)
            return "NTK trace \(Synthetic.trace(k.ntk, 20))"
        },
        Benchmark(name: "kernel.orbit_shift28_8seeds_mlp1") {
            let shift = (0..<784).map { ($0 / 28) * 28 + ($0 % 28 + 1) % 28 }
            let seeds = (0..<8).map { Array(Synthetic.shared.pixels[($0 * 784)..<(($0 + 1) * 784)]) }
            let data = try OrbitDataset(seeds: seeds, labels: [1, -1, 1, -1, 1, -1, 1, -1], generators: [shift])
            let a = try OrbitKernelAnalysis(data, kernel: .mlp(depth: 1, ntk: true, weightStd: 1, biasStd: 1))
            return "224 points, residual \(a.blockResiduals?.first ?? .nan)"
        },
        Benchmark(name: "kernel.orbit_direct_N2002_s2") {
            let (g, seeds) = Synthetic.orbitCase([2, 7, 11, 13])
            let data = try OrbitDataset(seeds: seeds, labels: [1, -1], generators: [g])
            let a = try OrbitKernelAnalysis(data, kernel: .mlp(depth: 1, ntk: true, weightStd: 1, biasStd: 1))
            return "4,004-point system, residual \(a.exactResiduals?.first ?? .nan)"
        },
        Benchmark(name: "kernel.orbit_blocks_N2002_s2") {
            let (g, seeds) = Synthetic.orbitCase([2, 7, 11, 13])
            let a = try OrbitKernelBlockFormula(
                seeds: seeds, labels: [1, -1], permutation: g, order: 2002,
                kernel: .mlp(depth: 1, ntk: true, weightStd: 1, biasStd: 1))
            return "upright rows only, residual \(a.blockResiduals?.first ?? .nan)"
        },
        Benchmark(name: "kernel.orbit_blocks_N510510_s2") {
            let (g, seeds) = Synthetic.orbitCase([2, 3, 5, 7, 11, 13, 17])
            let a = try OrbitKernelBlockFormula(
                seeds: seeds, labels: [1, -1], permutation: g, order: 510_510,
                kernel: .mlp(depth: 1, ntk: true, weightStd: 1, biasStd: 1), ridge: 1e-6)
            return "1,021,020 points, residual \(a.blockResiduals?.first ?? .nan)"
        },
        Benchmark(name: "emlp.S8_T2_T2") {
            let s8 = try MatrixRepresentation(
                permutations: [Permutation(cycles: "(1 2)", degree: 8), Permutation(cycles: "(1 2 3 4 5 6 7 8)")],
                degree: 8)
            let t2 = try s8.tensorPower(2)
            let space = try EquivarianceConstraint(input: t2, output: t2).solve()
            return "\(space.dimension) basis maps, \(space.basis().count) built"
        },
        Benchmark(name: "emlp.SO3_T3_T3_exact") {
            let so3 = try MatrixRepresentation(
                dimension: 3, groupGenerators: [],
                lieGenerators: [
                    try RationalMatrix(parsing: "[[0,0,0],[0,0,-1],[0,1,0]]"),
                    try RationalMatrix(parsing: "[[0,0,1],[0,0,0],[-1,0,0]]"),
                    try RationalMatrix(parsing: "[[0,-1,0],[1,0,0],[0,0,0]]"),
                ])
            let t3 = try so3.tensorPower(3)
            return "\(try EquivarianceConstraint(input: t3, output: t3).solve().dimension) basis maps (exact)"
        },
        Benchmark(name: "train.exact_optimum_60000x784", prepare: { Synthetic.shared.prepareTransform() }) {
            let s = Synthetic.shared
            let spectra = try CyclicBlockSpectra(moments: s.transform.moments(of: s.pixels, batch: 60_000))
            let arch = try ComponentArchitecture(frame: IsotypicFrame(s.layout), tuple: ComponentSelection.paperTuple)
            let theta = try arch.parameters(projectors: spectra.optimalMaps(ComponentSelection.paperTuple))
            return "loss \(spectra.loss(ComponentSelection.paperTuple)), \(theta.count) parameters"
        },
        Benchmark(name: "train.best_component_60000x784", prepare: { Synthetic.shared.prepareTransform() }) {
            let s = Synthetic.shared
            let spectra = try CyclicBlockSpectra(moments: s.transform.moments(of: s.pixels, batch: 60_000))
            let best = ComponentSelection.best(spectra, rank: 99)
            return "loss \(spectra.loss(best))"
        },
        Benchmark(name: "critical.mnist_r99_counts") {
            let count = try EquivariantVariety(structure: Synthetic.shared.layout.structure, rank: 99).criticalPoints
            return "\(count.all.description.count)-digit count, \(count.pureIndices?.degree ?? -1) top index"
        },
        Benchmark(name: "critical.mnist_r99_lowest1000", prepare: { _ = try? Synthetic.shared.spectra() }) {
            let s = Synthetic.shared
            let variety = try EquivariantVariety(structure: s.layout.structure, rank: 99)
            let points = try CriticalLandscape(try s.spectra(), variety: variety, tuple: nil).lowest(1000)
            return "loss \(points.first?.loss ?? .nan) … \(points.last?.loss ?? .nan)"
        },
        Benchmark(name: "train.adam_epoch_equivariant_60000x784", prepare: { _ = Synthetic.shared.coordinates }) {
            let (layout, x) = (Synthetic.shared.layout, Synthetic.shared.coordinates)
            let arch = try ComponentArchitecture(frame: IsotypicFrame(layout), tuple: ComponentSelection.paperTuple)
            let model = try arch.trainAdam(coordinates: x, count: 60_000, settings: AdamSettings(epochs: 1))
            return "loss \(model.loss)"
        },
        Benchmark(name: "train.adam_epoch_dense_60000x784", prepare: { _ = Synthetic.shared.pixels }) {
            let data = ImageDataset(count: 60_000, features: 784, values: Synthetic.shared.pixels)
            return "loss \(try trainDenseAdam(data, rank: 99, settings: AdamSettings(epochs: 1)).loss)"
        },
        Benchmark(name: "unrank.mnist_r99_1e4") {
            let v = try EquivariantVariety(structure: BlockStructure(cycleType: CycleType(parsing: "28^28")), rank: 99)
            let index = try ComponentIndex(v)
            var rng = SplitMix(2)
            var total = 0
            for _ in 0..<10_000 { total += index.random(using: &rng)[0] }
            return "checksum \(total)"
        },
    ]
}

/// Rubik's cube generators on 48 facets (GAP's "Analyzing Rubik's Cube with GAP").
let rubikGenerators = [
    "(1,3,8,6)(2,5,7,4)(9,33,25,17)(10,34,26,18)(11,35,27,19)",
    "(9,11,16,14)(10,13,15,12)(1,17,41,40)(4,20,44,37)(6,22,46,35)",
    "(17,19,24,22)(18,21,23,20)(6,25,43,16)(7,28,42,13)(8,30,41,11)",
    "(25,27,32,30)(26,29,31,28)(3,38,43,19)(5,36,45,21)(8,33,48,24)",
    "(33,35,40,38)(34,37,39,36)(3,9,46,32)(2,12,47,29)(1,14,48,27)",
    "(41,43,48,46)(42,45,47,44)(14,22,30,38)(15,23,31,39)(16,24,32,40)",
]

struct BenchResult: Encodable {
    let name: String
    let medianSeconds: Double
    let minSeconds: Double
    let repeats: Int
    let result: String
    enum CodingKeys: String, CodingKey {
        case name, repeats, result
        case medianSeconds = "median_seconds"
        case minSeconds = "min_seconds"
    }
}

struct BenchReport: Report {
    /// The OpenBLAS kernels the run used.
    let blasCore: String
    let results: [BenchResult]

    enum CodingKeys: String, CodingKey {
        case results
        case blasCore = "blas_core"
    }

    var table: String {
        "OpenBLAS kernels: \(blasCore)\n"
            + columnTable(
                ["benchmark", "median s", "min s", "result"],
                results.map {
                    [$0.name, formatSeconds($0.medianSeconds), formatSeconds($0.minSeconds), $0.result]
                })
    }
}

func formatSeconds(_ s: Double) -> String {
    let digits = s < 0.001 ? 6 : (s < 1 ? 4 : 2)
    var scale = 1.0
    for _ in 0..<digits { scale *= 10 }
    return "\((s * scale).rounded() / scale)"
}

/// Deterministic synthetic images, 60000×784 in [0, 1): x[i, j] = frac(sin(12.9898·i + 78.233·j)·43758.5453)
/// (the same formula in benchmarks/reference.py), built once, and their Q_σ coordinates for the 28×28 shift.
final class Synthetic: @unchecked Sendable {
    static let shared = Synthetic()
    let layout: BasisLayout = {
        // fixed, valid input: the 28×28 horizontal shift (784 points) always builds
        do {
            return try BasisLayout(try Permutation.shift(height: 28, width: 28, along: .x))
        } catch {
            preconditionFailure("the 28×28 shift must build: \(error)")
        }
    }()
    /// A permutation with cycles of the given lengths (0-based images) and two seeds from the synthetic pixels.
    static func orbitCase(_ lengths: [Int]) -> (images: [Int], seeds: [[Double]]) {
        var images: [Int] = []
        for c in lengths {
            let start = images.count
            images += (0..<c).map { start + ($0 + 1) % c }
        }
        let d = images.count
        return (images, (0..<2).map { a in (0..<d).map { shared.pixels[a * 784 + $0] - 0.5 } })
    }

    static func trace(_ k: [Double], _ n: Int) -> Double { (0..<n).reduce(0) { $0 + k[$1 * n + $1] } }

    lazy var pixels: [Double] = (0..<(60_000 * 784)).map { k in
        let v = sin(12.9898 * Double(k / 784) + 78.233 * Double(k % 784)) * 43758.5453
        return v - v.rounded(.down)
    }
    lazy var coordinates: [Double] = StructuredTransform(layout).forward(pixels, batch: 60_000)
    /// The block spectra of the 60,000 synthetic images under the shift, made once.
    private var cachedSpectra: CyclicBlockSpectra? = nil

    func spectra() throws -> CyclicBlockSpectra {
        if let cachedSpectra { return cachedSpectra }
        let spectra = try CyclicBlockSpectra(moments: transform.moments(of: pixels, batch: 60_000))
        cachedSpectra = spectra
        return spectra
    }

    /// The shift's transform and an output buffer, kept across repeats as a user's loop would keep them.
    lazy var transform = StructuredTransform(layout)
    var output: [Double] = []

    /// The 1000×1000 shift's transform (10^6 points) with its input and output, made once.
    var million: StructuredTransform? = nil
    var millionInput: [Double] = []
    var millionOutput: [Double] = []

    func prepareMillion() throws {
        if million == nil {
            million = StructuredTransform(try BasisLayout(try Permutation.shift(height: 1000, width: 1000, along: .x)))
            millionInput = (0..<1_000_000).map { Double($0 % 7) }
            millionOutput = [Double](repeating: 0, count: 1_000_000)
        }
        million?.forward(millionInput, batch: 1, into: &millionOutput)
    }

    /// Touches the data, the output pages and the transform's plans once, outside the timed region.
    func prepareTransform() {
        if output.count != pixels.count { output = [Double](repeating: 0, count: pixels.count) }
        transform.forward(pixels, batch: 60_000, into: &output)
    }

    /// One timed forward transform of the 60,000 prepared images, reported by the first output value.
    func forwardChecksum<T: IsotypicTransform>(_ t: T?) -> String {
        guard let t else { return "not prepared" }
        t.forward(pixels, batch: 60_000, into: &output)
        return "checksum \(output[0])"
    }

    /// The D4 transform of 28×28 images, made once; touches the data and the output pages once.
    var d4Transform: GroupTransform? = nil

    func prepareD4() throws {
        if d4Transform == nil { d4Transform = GroupTransform(try GroupNumericBasis.build(try Self.d4())) }
        if output.count != pixels.count { output = [Double](repeating: 0, count: pixels.count) }
        d4Transform?.forward(pixels, batch: 60_000, into: &output)
    }

    /// D4 on 28×28 images (rotation by 90° and the left–right mirror).
    static func d4() throws -> PermutationGroup {
        try PermutationGroup(
            generators: [
                try Permutation.rotation(size: 28, degrees: 90),
                try Permutation.reflection(height: 28, width: 28, .horizontal),
            ], degree: 784)
    }
}

/// PSL(2, q) on the projective line (q + 1 points: 1…q are 0…q − 1, q + 1 is ∞), generated by x ↦ x + 1 and
/// x ↦ −1/x (q prime).
func projectiveLinear(_ q: Int) throws -> PermutationGroup {
    func inverse(_ x: Int) -> Int { (1..<q).first { $0 * x % q == 1 } ?? 0 }
    let shift = (0...q).map { $0 == q ? q : ($0 + 1) % q }
    let negatedInverse = (0...q).map { $0 == q ? 0 : ($0 == 0 ? q : (q - inverse($0)) % q) }
    return try PermutationGroup(
        generators: [
            try Permutation(images: shift.map { $0 + 1 }), try Permutation(images: negatedInverse.map { $0 + 1 }),
        ], degree: q + 1)
}

/// PSL(2, q) on the q(q + 1)/2 unordered pairs of projective points (pairs in lexicographic order, as GAP's
/// `Combinations`).
func projectiveLinearOnPairs(_ q: Int) throws -> PermutationGroup {
    let g = try projectiveLinear(q)
    var pairs: [[Int]] = []
    for a in 1...(q + 1) { for b in (a + 1)..<(q + 2) { pairs.append([a, b]) } }
    var index: [[Int]: Int] = [:]
    for (i, p) in pairs.enumerated() { index[p] = i + 1 }
    let generators = try g.generators.map { h in
        try Permutation(
            images: pairs.map { p in index[[h.image(of: p[0]), h.image(of: p[1])].sorted()] ?? 0 })
    }
    return try PermutationGroup(generators: generators, degree: pairs.count)
}

/// The right regular action x ↦ x·g of the group generated by `generators` on its own elements.
func regularAction(_ generators: [Permutation]) throws -> PermutationGroup {
    let group = try PermutationGroup(generators: generators)
    guard let elements = group.elements(limit: 100_000) else { throw PermutationError.tooLarge("regular action") }
    var index: [Permutation: Int] = [:]
    for (i, x) in elements.enumerated() { index[x] = i + 1 }
    let images = try generators.map { g in try Permutation(images: elements.map { index[$0 * g] ?? 0 }) }
    return try PermutationGroup(generators: images, degree: elements.count)
}
