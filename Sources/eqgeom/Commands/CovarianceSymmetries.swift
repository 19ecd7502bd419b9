import CommandLineSupport
import ArgumentParser
import Foundation
import Algebra
import Geometry
import NumericBridge

/// `eqgeom covariance-symmetries`: the orthogonal symmetries a data covariance or a fitted regression has
/// (MATH.md §10.1, Thm 1 and Cor. 1 of the L-conv paper): exact for rational input, clustered eigenvalues
/// with a stated tolerance for floating-point data.
struct CovarianceSymmetries: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Symmetries of a covariance H (Cor. 1: O(d)-like, so(d) ∩ comm(H)) and of a regression Y ≈ AX.")

    @Option(
        help: ArgumentHelp(
            "A covariance: [[2,1],[1,2]] or a .json file (exact), or a float .npy (numeric).", valueName: "H"),
        transform: Parse.matrix)
    var cov: MatrixArgument?
    @Option(help: ArgumentHelp("Data, one sample per row: .npy, MNIST IDX or CSV (numeric).", valueName: "file"))
    var data: String?
    @Option(
        help: ArgumentHelp("Regression inputs X, d×N, one sample per column (exact, as --cov).", valueName: "X"),
        transform: Parse.matrix)
    var x: MatrixArgument?
    @Option(help: ArgumentHelp("Regression targets Y, c×N (with --x).", valueName: "Y"), transform: Parse.matrix)
    var y: MatrixArgument?
    @Option(
        help: ArgumentHelp(
            "A candidate generator L (d×d, as --cov): how far H is from commuting with it; repeatable.",
            valueName: "L"),
        transform: Parse.matrix)
    var generator: [MatrixArgument] = []
    @Option(help: "Relative tolerance for clustering eigenvalues (numeric input), in (0, 1).")
    var tolerance = 1e-9
    @OptionGroup var output: OutputOptions

    func validate() throws {
        let sources = [cov != nil, data != nil, x != nil].filter { $0 }.count
        guard sources == 1 else { throw ValidationError("give one of --cov, --data, or --x with --y") }
        guard (x == nil) == (y == nil) else { throw ValidationError("--x and --y go together") }
        guard tolerance > 0, tolerance < 1 else {
            throw ValidationError("--tolerance must be a number in (0, 1), got \(tolerance)")
        }
    }

    func run() throws {
        if let path = data {
            let set = try ImageDataset.load(path: path, features: nil)
            progress("\(set.count) samples of \(set.features) values: H = XᵀX/N and its eigenvalues")
            return try emit(numeric(try NumericCovarianceSymmetry(set, tolerance: tolerance)), output)
        }
        if case .npy(let text) = cov {
            let array = try NumPyArray(npy: try RepresentationOptions.readFile(text), name: text)
            guard array.shape.count == 2, array.shape[0] == array.shape[1], array.shape[0] > 0 else {
                throw ValidationError("\(text) holds shape \(array.shape); a covariance is square")
            }
            let values = array.doubles
            guard values.allSatisfy(\.isFinite) else { throw ValidationError("\(text) holds a non-finite entry") }
            let symmetry = try NumericCovarianceSymmetry(
                covariance: values, dimension: array.shape[0], tolerance: tolerance)
            return try emit(numeric(symmetry), output)
        }
        if let x, let y {
            let (xm, ym) = (try x.rational(), try y.rational())
            let regression = try RegressionSymmetry(x: xm, y: ym)
            var report = try exact(xm * xm.transposed)
            report.regression = RegressionEntry(regression)
            return try emit(report, output)
        }
        guard let cov else { throw ValidationError("give one of --cov, --data, or --x with --y") }
        let h = try cov.rational()
        guard h.rows <= CovarianceSymmetry.maximumDimension else {
            throw ValidationError(
                "--cov is \(h.rows)×\(h.rows): exact solves stop at \(CovarianceSymmetry.maximumDimension); "
                    + "give the samples with --data for the floating-point analysis")
        }
        try emit(try exact(h), output)
    }

    /// The exact report of H with the generators' defects.
    func exact(_ h: RationalMatrix) throws -> CovarianceReport {
        var report = CovarianceReport(try CovarianceSymmetry(covariance: h))
        report.generators = try generator.map {
            GeneratorDefect(try CommutatorDefect(covariance: h, generator: try $0.rational()))
        }
        return report
    }

    /// The floating-point report with the generators' defects (entries as binary64).
    func numeric(_ s: NumericCovarianceSymmetry) throws -> CovarianceReport {
        var report = CovarianceReport(s)
        report.generators = try generator.map { argument in
            let l = try argument.rational()
            guard l.rows == s.dimension, l.columns == s.dimension else {
                throw ValidationError(
                    "--generator is \(l.rows)×\(l.columns); the covariance is \(s.dimension)×\(s.dimension)")
            }
            // the defect is scale-free in L: divide by the largest entry first (exact), so every entry fits binary64
            let entries = (0..<(l.rows * l.columns)).map { l[$0 / l.columns, $0 % l.columns] }
            let largest = entries.map(\.magnitude).max() ?? Rational(0)
            let values = entries.map { largest.isZero ? 0 : ($0 / largest).approximation.value }
            return GeneratorDefect(s.commutatorDefect(values))
        }
        return report
    }
}
