import CommandLineSupport
import ArgumentParser
import Foundation
import Algebra
import NumericBridge

/// `eqgeom orbit-kernel`: kernel regression on the orbits of seeds under a permutation group (Perin & Deny;
/// MATH.md §11.1): invariance, circulant and constant defects, rank, block spectra, the paper's spectral error and
/// the exact leave-one-out residuals by a direct solve and by the exact block formula.
struct OrbitKernel: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Kernel regression on orbits of a group: spectral error, exact LOO residuals, block spectra.")

    @OptionGroup var group: GroupOptions
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

    func validate() throws {
        guard ridge.isFinite, ridge >= 0 else { throw ValidationError("--ridge must be a finite number ≥ 0") }
        if seeds != nil && pair != nil { throw ValidationError("give --pair or --seeds, not both") }
        if labels != nil && seeds == nil { throw ValidationError("--labels goes with --seeds (--pair is labelled ±1)") }
    }

    func run() throws {
        let g = try group.group()
        let n = g.degree
        // no generator (only --n): the trivial group, one point per orbit
        let generators = g.generators.isEmpty ? [Permutation(identityOn: n)] : g.generators
        let cyclic = generators.count == 1
        let limit = cyclic ? Self.largestCyclicOrder : Self.largestGroup
        guard g.order <= BigInteger(limit) else {
            throw ValidationError("G has order \(g.order): orbits longer than \(limit) points are refused")
        }
        let length = Int(g.order.description) ?? 1
        let size = group.permutationOptions.image
        let choice = kernel.choice(height: size?.height ?? 1, width: size?.width ?? n)
        let flag = seeds == nil ? "--pair" : "--seeds"
        let chosen = seeds ?? pair ?? ListArgument<Int>([0, 1])
        let indices = chosen.values
        let set = try TrainingOptions.dataset(path: data, features: n)
        guard indices.count >= 2,
            seeds != nil || indices.count == 2, indices.allSatisfy({ (0..<set.count).contains($0) }),
            Set(indices).count == indices.count
        else {
            throw ValidationError("\(flag) takes different sample indices below \(set.count), got '\(chosen)'")
        }
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
        let values = labels?.values ?? (indices.count == 2 ? [1, -1] : [])
        guard values.count == indices.count, values.allSatisfy(\.isFinite) else {
            throw ValidationError("--labels takes one finite number per seed (\(indices.count) seeds)")
        }
        let points = try leaveOut.map { try Self.leftOut($0.values, seeds: indices.count, length: length) }
        let seedValues = indices.map { normalize.apply(Array(set.values[($0 * n)..<(($0 + 1) * n)]), features: n) }
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
        progress("\(indices.count) orbits of \(length) points (\(n) values each): \(kernel) kernel")
        let a = try OrbitKernelAnalysis(dataset, kernel: choice, ridge: ridge, progress: { progress($0) })
        let pieces = try points.map { p in
            let r = try a.residuals(leavingOut: p)
            return OrbitKernelReport.LeaveOut(
                points: p.map { [$0.orbit, $0.position] }, direct: r.direct, block: r.block)
        }
        try emit(
            OrbitKernelReport(a, kernel: kernel.description, ridge: ridge, normalize: normalize, leaveOut: pieces),
            output)
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
