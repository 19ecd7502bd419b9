import CommandLineSupport
import ArgumentParser
import Foundation
import Algebra
import Geometry

/// `eqgeom lconv`: an L-conv layer from generator presets or files, with its exact symmetry (the centraliser
/// of its generators) and the Lie algebra they generate (MATH.md §10.2).
struct LConv: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lconv",
        abstract: "L-conv layer from generators: parameters, exact symmetry (centraliser), Lie closure, checks.")

    enum Preset: String, ExpressibleByArgument, CaseIterable {
        case shift, torus, raster, gl, gcn
    }

    @Option(
        help: "shift (S^1…S^{k−1} on Z_d), torus (2-D image shifts), raster (eq. 11), gl (all E_ab), gcn (λ(A − I)).")
    var preset: Preset?
    @Option(
        help: ArgumentHelp("Generators L_1…L_n as a .json list of matrices [[[0,1],[1,0]], …].", valueName: "file"))
    var generators: String?
    @Option(help: "Points d (shift, gl).") var d: Int?
    @Option(help: "Kernel size k (shift: offsets 0…k−1; torus: k×k offsets).") var kernel: Int?
    @Option(help: ArgumentHelp("Image size HxW (torus, raster).", valueName: "HxW")) var image: ImageSize?
    @Option(help: "Raster offsets s, e.g. 0,1,3,4 (eq. 11 of the L-conv paper for a 3×3 image).")
    var offsets: ListArgument<Int>?
    @Option(
        help: ArgumentHelp("Adjacency matrix of a graph (gcn): [[0,1],[1,0]] or a .json file.", valueName: "A"),
        transform: Parse.matrix)
    var adjacency: MatrixArgument?
    @Option(help: "λ of the GCN generator λ(A − I) (gcn), e.g. 1/2.", transform: Parse.rational)
    var lambda = Rational(1)
    @Option(help: "Input and output channels, e.g. 1,16.") var channels = ListArgument<Int>([1, 1])
    @Option(help: "Check equivariance under the image shift x or y (with --image).") var checkShift:
        [ShiftAxisArgument] = []
    @Option(
        help: "Check equivariance under a permutation of the d points (cycle or one-line notation).",
        transform: Parse.permutation)
    var checkPerm: [PermutationNotation] = []
    @OptionGroup var output: OutputOptions

    /// Presets and files stop at 64×64; dense non-commuting generators are refused by the Lie closure's work
    /// bound past about 40×40 (MATH.md §10.2).
    static let largestDimension = 64

    func validate() throws {
        guard (preset == nil) != (generators == nil) else {
            throw ValidationError("give one of --preset and --generators")
        }
        if !checkShift.isEmpty && image == nil { throw ValidationError("--check-shift needs --image") }
        let parts = channels.values
        guard parts.count == 2, parts.allSatisfy({ (1...4096).contains($0) }) else {
            throw ValidationError("--channels takes IN,OUT with 1…4096 each")
        }
    }

    func generatorMatrices() throws -> [RationalMatrix] {
        if let path = generators {
            let text = String(decoding: try RepresentationOptions.readFile(path), as: UTF8.self)
            let inner = text.filter { !$0.isWhitespace }
            guard inner.hasPrefix("[[["), inner.hasSuffix("]]]") else {
                throw ValidationError("\(path) must hold a list of matrices, [[[0,1],[1,0]], …]")
            }
            return try inner.dropFirst().dropLast().components(separatedBy: "]],[[").enumerated().map { k, part in
                let body = part.hasPrefix("[[") ? part : "[[" + part
                return try RationalMatrix(parsing: body.hasSuffix("]]") ? body : body + "]]")
            }
        }
        let size = image?.dimensions
        switch preset {
        case .shift:
            guard let d, (1...Self.largestDimension).contains(d), let k = kernel, k >= 2, k <= d else {
                throw ValidationError("--preset shift takes --d 1…\(Self.largestDimension) and --kernel 2…d")
            }
            return LConvLayer.shifts(d: d, kernel: k)
        case .torus:
            guard let s = size, s[0] * s[1] <= Self.largestDimension, let k = kernel, k >= 1, k <= min(s[0], s[1]),
                k > 1 || s[0] * s[1] > 1
            else {
                throw ValidationError("--preset torus takes --image HxW (at most 64 pixels) and --kernel 2…min(H,W)")
            }
            return LConvLayer.torusShifts(height: s[0], width: s[1], kernel: k)
        case .raster:
            guard let s = size, s[0] * s[1] <= Self.largestDimension, let values = offsets?.values else {
                throw ValidationError("--preset raster takes --image HxW (at most 64 pixels) and --offsets 0,1,3,4")
            }
            guard values.allSatisfy({ abs($0) < s[0] * s[1] }),
                values.contains(where: { $0 != 0 })
            else { throw ValidationError("--offsets takes integers below H·W in magnitude, one nonzero at least") }
            return LConvLayer.rasterShifts(height: s[0], width: s[1], offsets: values)
        case .gl:
            guard let d, (1...8).contains(d) else { throw ValidationError("--preset gl takes --d 1…8") }
            return LConvLayer.glBasis(d)
        case .gcn:
            guard let adjacency else {
                throw ValidationError("--preset gcn takes --adjacency A and --lambda p/q")
            }
            let a = try adjacency.rational()
            guard a.rows == a.columns, a.rows <= Self.largestDimension else {
                throw ValidationError(
                    "--adjacency must be square, at most \(Self.largestDimension)×\(Self.largestDimension)")
            }
            return LConvLayer.gcn(adjacency: a, lambda: lambda)
        case nil:
            throw ValidationError("give one of --preset and --generators")
        }
    }

    func run() throws {
        let parts = channels.values
        let matrices = try generatorMatrices()
        guard let dim = matrices.first?.rows, dim <= Self.largestDimension else {
            throw ValidationError("the generators must be at most \(Self.largestDimension)×\(Self.largestDimension)")
        }
        let layer = try LConvLayer(generators: matrices, inChannels: parts[0], outChannels: parts[1])
        let closure = try LieClosure(matrices) { progress($0) }
        progress("the centraliser of \(matrices.count) generators on \(dim) points")
        var checks: [Permutation] = try checkPerm.map { try $0.permutation(degree: dim) }
        if let s = image {
            checks += try checkShift.map { try Permutation.shift(height: s.height, width: s.width, along: $0.axis) }
        }
        var report = LConvReport(
            generators: matrices.count, dimension: dim, parameters: layer.parameterCount,
            centralizerDimension: try layer.centralizer().dimension, lieClosureDimension: closure.dimension,
            abelian: closure.isAbelian, killingFormRank: closure.killingFormRank,
            structureConstants: closure.structureConstants?.prefix(LConvReport.listedConstants).map {
                [String($0.i), String($0.j), String($0.k), $0.value.description]
            }, structureConstantCount: closure.structureConstants?.count)
        if !checks.isEmpty {
            let defect = try layer.commutatorDefect(checks)
            report.equivariantUnder = .init(equivariant: defect.isZero, commutatorDefect: defect.description)
        }
        try emit(report, output)
    }
}
