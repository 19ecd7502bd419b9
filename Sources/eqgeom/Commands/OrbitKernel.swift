import CommandLineSupport
import ArgumentParser
import Foundation
import Algebra
import NumericBridge

/// `eqgeom orbit-kernel`: kernel regression on the orbits of seeds under a permutation group, under one matrix of
/// finite order, or on orbits given point by point (Perin & Deny; MATH.md §11.1): invariance, circulant and
/// constant defects, rank, block spectra, the paper's spectral error and the exact leave-one-out residuals by a
/// direct solve and by the exact block formula.
struct OrbitKernel: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Kernel regression on orbits of a group: spectral error, exact LOO residuals, block spectra.")

    @OptionGroup var generatorOptions: GeneratorOptions
    @OptionGroup var permutationOptions: PermutationOptions
    @Option(
        help: ArgumentHelp(
            "Instead of a permutation group: a d×d matrix R of finite order acting on the seeds, [[0,-1],[1,0]] or a "
                + ".json/.npy file; the orbits are R^t x.", valueName: "M"),
        transform: Parse.matrix)
    var matrix: MatrixArgument?
    @Option(
        help: ArgumentHelp(
            "Instead of a group and seeds: orbits point by point, a 3-D .npy (orbits, N, d) or a data file of "
                + "orbits × N rows (with --orbit-length; read as --data is), each orbit in the order x, gx, g²x, …",
            valueName: "file"))
    var orbits: String?
    @Option(help: "The points per orbit N of an --orbits file given by rows.") var orbitLength: Int?
    @Option(help: ArgumentHelp("Data to pick seeds from (default: the built-in MNIST subset).", valueName: "file"))
    var data: String?
    @Option(help: "Two sample indices (0-based) as the seeds of the two orbits, labelled +1 and −1 (default 0,1).")
    var pair: ListArgument<Int>?
    @Option(help: "Instead of --pair: two or more sample indices as seeds, e.g. 0,1,2 (with --labels).")
    var seeds: ListArgument<Int>?
    @Option(help: "Labels of the --seeds orbits, e.g. 1,-1,0.5 (default +1, −1 for two seeds).")
    var labels: ListArgument<Double>?
    @Option(help: "mlp:DEPTH, cnn-flatten, cnn-gap (3×3 windows; image actions), rbf:ℓ; append :nngp for the NNGP.")
    var kernel = KernelArgument.mlp1
    @Option(help: "Ridge ρ ≥ 0 added to the kernel's diagonal.") var ridge = 0.0
    @Option(help: "Per-seed normalisation first: none, sphere or centered-sphere.")
    var normalize = SampleNormalization.none
    @Option(help: "Leave several points out together: ORBIT:POSITION pairs (0-based), e.g. 0:0,0:2,1:0.")
    var leaveOut: ListArgument<OrbitPosition>?
    @OptionGroup var output: OutputOptions

    /// The kernel matrix has sN rows, N = |G|; one permutation of larger order runs the block formula alone.
    static let largestGroup = 2048
    static let largestSystem = 4096
    static let largestCyclicOrder = 1 << 20

    /// The largest matrix order searched for (R^N = I).
    static let largestMatrixOrder = 4096

    func validate() throws {
        guard ridge.isFinite, ridge >= 0 else { throw ValidationError("--ridge must be a finite number ≥ 0") }
        if seeds != nil && pair != nil { throw ValidationError("give --pair or --seeds, not both") }
        let groupGiven = generatorOptions.given || permutationOptions.given || permutationOptions.points != nil
        let sources = [groupGiven, matrix != nil, orbits != nil].filter { $0 }.count
        guard sources == 1 else {
            throw ValidationError(
                "name the orbits once: a permutation group (--gen, --image …), --matrix FILE, or --orbits FILE")
        }
        if orbits != nil {
            guard data == nil, pair == nil, seeds == nil, normalize == .none else {
                throw ValidationError("--orbits gives the points: --data, --pair, --seeds and --normalize do not apply")
            }
        } else {
            if orbitLength != nil { throw ValidationError("--orbit-length goes with --orbits FILE") }
            if labels != nil && seeds == nil {
                throw ValidationError("--labels goes with --seeds (--pair is labelled ±1)")
            }
        }
        if let n = orbitLength, n < 1 { throw ValidationError("--orbit-length must be at least 1") }
    }

    func run() throws {
        if let path = orbits {
            let dataset = try OrbitDataset.load(path: path, orbitLength: orbitLength, labels: labels?.values)
            return try analyse(dataset, features: dataset.orbits.first?.first?.count ?? 0, source: "file")
        }
        if let argument = matrix { return try runMatrix(argument) }
        let g = try GroupOptions.group(generatorOptions, permutationOptions)
        let n = g.degree
        // no generator (only --n): the trivial group, one point per orbit
        let generators = g.generators.isEmpty ? [Permutation(identityOn: n)] : g.generators
        let cyclic = generators.count == 1
        let limit = cyclic ? Self.largestCyclicOrder : Self.largestGroup
        guard g.order <= BigInteger(limit) else {
            throw ValidationError("G has order \(g.order): orbits longer than \(limit) points are refused")
        }
        let length = Int(g.order.description) ?? 1
        let size = permutationOptions.image
        let choice = kernel.choice(height: size?.height ?? 1, width: size?.width ?? n)
        let (indices, values) = try seedChoice()
        // beyond the largest direct system, one permutation runs the block formula on the upright rows alone
        let blocksOnly = indices.count * length > Self.largestSystem
        guard !blocksOnly || cyclic else {
            throw ValidationError(
                "\(indices.count) orbits of \(length) points exceed \(Self.largestSystem) points; use fewer seeds")
        }
        let work = choice.multiplyAdds(
            rows: blocksOnly ? indices.count * 4 : indices.count * length, columns: indices.count * length, features: n)
        guard work <= KernelChoice.largestWork else {
            throw ValidationError(
                "the kernel needs about \(Int(work)) multiply-adds: use fewer seeds, a smaller image or cnn-flatten")
        }
        let points = try leaveOut.map { try Self.leftOut($0.values, seeds: indices.count, length: length) }
        let seedValues = try self.seedValues(indices, features: n)
        if blocksOnly {
            progress("\(indices.count) orbits of \(length) points: the block formula on the upright rows alone")
            let a = try OrbitKernelBlockFormula(
                seeds: seedValues, labels: values, permutation: generators[0].zeroBasedImages.map(Int.init),
                order: length,
                kernel: choice, ridge: ridge)
            let piece = try points.map { p in
                OrbitKernelReport.LeaveOut(
                    points: p.map { [$0.orbit, $0.position] }, direct: nil, block: try a.residuals(leavingOut: p))
            }
            return try emit(
                OrbitKernelReport(a, kernel: kernel.description, ridge: ridge, normalize: normalize, leaveOut: piece),
                output)
        }
        let dataset = try OrbitDataset(
            seeds: seedValues, labels: values, generators: generators.map { $0.zeroBasedImages.map(Int.init) })
        try analyse(dataset, features: n, source: "group", choice: choice)
    }

    /// Orbits R^t x of data seeds under one matrix of finite order (its exact entries rounded once to doubles).
    func runMatrix(_ argument: MatrixArgument) throws {
        let exact = try argument.rational()
        let d = exact.rows
        guard exact.columns == d else {
            throw ValidationError("--matrix needs a square matrix, got \(exact.rows)×\(exact.columns)")
        }
        let r = exact.nearestDoubles
        guard r.allSatisfy(\.isFinite) else { throw ValidationError("--matrix has an entry beyond the double range") }
        guard let found = OrbitDataset.matrixOrder(r, dimension: d, limit: Self.largestMatrixOrder, tolerance: 1e-9)
        else {
            throw ValidationError(
                "--matrix: no power R^N with N ≤ \(Self.largestMatrixOrder) equals I within 1e-9 "
                    + "(R must have finite order)")
        }
        let (indices, values) = try seedChoice()
        let seedValues = try self.seedValues(indices, features: d)
        let dataset = try OrbitDataset(seeds: seedValues, labels: values, matrix: r, order: found.order)
        let action = OrbitKernelReport.MatrixAction(
            order: found.order, powerDefect: found.powerDefect, orthogonalityDefect: found.orthogonalityDefect)
        try analyse(dataset, features: d, source: "matrix", matrixAction: action)
    }

    /// The sample indices and labels of --pair or --seeds/--labels, checked (different indices, one label each).
    func seedChoice() throws -> (indices: [Int], labels: [Double]) {
        let flag = seeds == nil ? "--pair" : "--seeds"
        let chosen = seeds ?? pair ?? ListArgument<Int>([0, 1])
        let indices = chosen.values
        guard indices.count >= 2, seeds != nil || indices.count == 2, Set(indices).count == indices.count,
            indices.allSatisfy({ $0 >= 0 })
        else { throw ValidationError("\(flag) takes different sample indices, got '\(chosen)'") }
        let values = labels?.values ?? (indices.count == 2 ? [1, -1] : [])
        guard values.count == indices.count, values.allSatisfy(\.isFinite) else {
            throw ValidationError("--labels takes one finite number per seed (\(indices.count) seeds)")
        }
        return (indices, values)
    }

    /// The chosen samples of --data (or the built-in images), normalised.
    func seedValues(_ indices: [Int], features n: Int) throws -> [[Double]] {
        let set = try TrainingOptions.dataset(path: data, features: n)
        guard indices.allSatisfy({ (0..<set.count).contains($0) }) else {
            let flag = seeds == nil ? "--pair" : "--seeds"
            throw ValidationError("\(flag) takes different sample indices below \(set.count), got '\(indices)'")
        }
        return indices.map { normalize.apply(Array(set.values[($0 * n)..<(($0 + 1) * n)]), features: n) }
    }

    /// The direct analysis of a dataset of at most `largestSystem` points, with its report.
    func analyse(
        _ dataset: OrbitDataset, features d: Int, source: String, choice: KernelChoice? = nil,
        matrixAction: OrbitKernelReport.MatrixAction? = nil
    ) throws {
        let (s, length) = (dataset.orbits.count, dataset.orbitLength)
        guard s * length <= Self.largestSystem else {
            throw ValidationError("\(s) orbits of \(length) points exceed \(Self.largestSystem) points; use fewer")
        }
        let choice = choice ?? kernel.choice(height: 1, width: d)
        let work = choice.multiplyAdds(rows: s * length, columns: s * length, features: d)
        guard work <= KernelChoice.largestWork else {
            throw ValidationError("the kernel needs about \(Int(work)) multiply-adds: use fewer or shorter orbits")
        }
        let points = try leaveOut.map { try Self.leftOut($0.values, seeds: s, length: length) }
        progress("\(s) orbits of \(length) points (\(d) values each): \(kernel) kernel")
        let a = try OrbitKernelAnalysis(dataset, kernel: choice, ridge: ridge, progress: { progress($0) })
        let pieces = try points.map { p in
            let r = try a.residuals(leavingOut: p)
            return OrbitKernelReport.LeaveOut(
                points: p.map { [$0.orbit, $0.position] }, direct: r.direct, block: r.block)
        }
        var report = OrbitKernelReport(
            a, kernel: kernel.description, ridge: ridge, normalize: normalize, leaveOut: pieces)
        report.orbitSource = source
        report.matrixAction = matrixAction
        try emit(report, output)
    }

    /// The (orbit, position) pairs, checked within s orbits of N points.
    static func leftOut(_ pairs: [OrbitPosition], seeds s: Int, length n: Int) throws -> [(orbit: Int, position: Int)] {
        guard pairs.allSatisfy({ (0..<s).contains($0.orbit) && (0..<n).contains($0.position) }),
            Set(pairs.map(\.description)).count == pairs.count
        else {
            throw ValidationError(
                "--leave-out takes distinct ORBIT:POSITION pairs with ORBIT < \(s) and POSITION < \(n)")
        }
        return pairs.map { ($0.orbit, $0.position) }
    }
}

/// `ORBIT:POSITION`, a point of an orbit dataset (0-based), as written in `--leave-out`.
struct OrbitPosition: LosslessStringConvertible, Sendable {
    let orbit: Int
    let position: Int

    init?(_ text: String) {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false).compactMap { Int($0) }
        guard parts.count == 2 else { return nil }
        (orbit, position) = (parts[0], parts[1])
    }

    var description: String { "\(orbit):\(position)" }
}
