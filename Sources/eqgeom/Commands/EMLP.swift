import CommandLineSupport
import ArgumentParser
import Foundation
import Algebra
import Geometry
import NumericBridge

/// `eqgeom emlp`: the space of equivariant linear maps between tensor powers of a representation, exactly
/// (EMLP's constraint C_{h,A} vec(W) = 0 over ℚ; MATH.md §9.1).
struct EMLP: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Exact basis of the equivariant maps between tensor powers (EMLP's constraint, solved over Q).")

    @OptionGroup var representation: RepresentationOptions
    @Option(
        help: ArgumentHelp(
            "Matrix entries in the number field Q[a]/(f), f in x: x^2-3 (a = √3) with [[1/2,-a/2],[a/2,1/2]].",
            valueName: "f"),
        transform: Parse.numberField)
    var field: NumberField?
    @Option(help: "Tensor power P of the input, 0…8.") var inPower = 1
    @Option(help: "Tensor power Q of the output, 0…8.") var outPower = 1
    @Flag(help: "Use the dual representation on the input (h ↦ h^{−T}, A ↦ −Aᵀ).") var inDual = false
    @Option(help: "Draw this many random integer generators instead (with --dim): the generic case.")
    var randomGenerators: Int?
    @Option(help: "Dimension d of the random generators, 1…12.") var dim: Int?
    @OptionGroup var seedOption: SeedOption
    @Flag(help: "Print the basis (exact rationals as strings) in the JSON output.") var basis = false
    @Flag(help: "Solve in float64 by SVD of the stacked constraint, as EMLP does (the gap at the cut reported).")
    var numeric = false
    @Option(help: "Relative singular-value cut for --numeric, in (0, 1) (default max(rows, unknowns)·ε).")
    var tolerance: Double?
    @Option(help: ArgumentHelp("Write the basis: .json (exact) or .npz (float64 [k, d_out, d_in]).", valueName: "file"))
    var out: String?
    @OptionGroup var output: OutputOptions

    func validate() throws {
        guard (0...8).contains(inPower), (0...8).contains(outPower) else {
            throw ValidationError("--in-power and --out-power must be between 0 and 8")
        }
        if let m = randomGenerators {
            guard !representation.given else { throw ValidationError("--random-generators replaces the action") }
            guard (1...8).contains(m), let d = dim, (1...12).contains(d) else {
                throw ValidationError("--random-generators takes 1…8 and --dim 1…12")
            }
        } else if dim != nil {
            throw ValidationError("--dim goes with --random-generators")
        } else if !representation.given {
            throw ValidationError("name the representation: --perm, --image, --gen, or --matrix/--lie-matrix")
        }
        if let path = out { try requireOutputFile(path, ["json", "npz"]) }
        if let tau = tolerance {
            guard numeric else { throw ValidationError("--tolerance goes with --numeric") }
            guard tau > 0, tau < 1 else { throw ValidationError("--tolerance must be in (0, 1), got \(tau)") }
        }
        if numeric && out != nil { throw ValidationError("--out writes the exact basis; drop --numeric") }
    }

    func run() throws {
        if let field {
            guard !inDual, !numeric, out == nil, randomGenerators == nil else {
                throw ValidationError("--field takes no --in-dual, --numeric, --out or --random-generators (yet)")
            }
            let k = try representation.numberFieldRepresentation(over: field)
            let (source, target) = (try k.tensorPower(inPower), try k.tensorPower(outPower))
            let maps = try source.equivariantMaps(to: target)
            let (inDim, outDim) = (source.dimension, target.dimension)
            return try emit(
                EMLPReport(
                    field: "Q[a]/(\(k.field.polynomial.rational.description(variable: "x")))", inDim: inDim,
                    outDim: outDim,
                    generators: k.groupGenerators.count + k.lieGenerators.count, maps: maps, basis: basis), output)
        }
        let rho =
            try randomGenerators.map { m in
                try MatrixRepresentation.generic(generators: m, dimension: dim ?? 1, seed: seedOption.seed)
            } ?? representation.representation()
        let input = try rho.tensorPower(inPower)
        let space = try EquivarianceConstraint(
            input: inDual ? try input.dual() : input, output: try rho.tensorPower(outPower))
        progress("\(space.unknowns) unknowns, \(space.constraintRows) constraint rows")
        if numeric {
            let solved = try NumericEquivariantMaps(space, tolerance: tolerance)
            return try emit(EMLPReport(space, numeric: solved, basis: basis), output)
        }
        let solved = try space.solve(progress: progress)
        let maps = basis || out != nil ? solved.basis() : []
        if let path = out {
            try Self.write(maps, solved, to: path)
            wrote([path])
        }
        try emit(EMLPReport(space, solved, basis: basis ? maps : nil), output)
    }

    static func write(_ maps: [RationalMatrix], _ space: EquivariantMapSpace, to path: String) throws {
        if path.hasSuffix(".json") {
            let text = maps.map { m in m.entries.map { $0.map(\.description) } }
            let bytes = try jsonBytes(text, pretty: false)
            try OutputFile.write(to: path) { try $0.write(contentsOf: bytes) }
            return
        }
        let values = maps.flatMap(\.nearestDoubles)
        var archive = NumPyArchive.described(n: space.columns)
        archive.setKind(.equivariantMaps)
        archive.add("basis", NumPyArray(float64: values, shape: [maps.count, space.rows, space.columns]))
        try archive.write(toFile: path)
    }
}
