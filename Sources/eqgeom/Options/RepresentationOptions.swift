import CommandLineSupport
import Algebra
import ArgumentParser
import Foundation
import Geometry
import NumericBridge

/// How the user names a representation: a permutation action (`--perm`, `--image …`, `--gen`, `--generators`),
/// or matrices: repeated `--matrix M` (group generators) and `--lie-matrix A` (Lie algebra generators), each
/// `[[0,-1],[1,0]]` with integer, `p/q` or decimal entries, or a `.json` file with that text, or a `.npy` file
/// (floats at their exact binary values).
struct RepresentationOptions: ParsableArguments {
    @OptionGroup var action: PermutationOptions
    @OptionGroup var generators: GeneratorOptions
    @Option(
        name: .customLong("matrix"),
        help: ArgumentHelp(
            "A group generator as a matrix [[0,-1],[1,0]] (or a .json/.npy file); repeat.", valueName: "M"))
    var matrices: [String] = []
    @Option(
        name: .customLong("lie-matrix"),
        help: ArgumentHelp("A Lie algebra generator as a matrix (or a .json/.npy file); repeat.", valueName: "A"))
    var lieMatrices: [String] = []

    @Option(
        help: ArgumentHelp(
            "Matrix entries in the number field Q[a]/(f), f in x: x^2-3 (a = √3) with [[1/2,-a/2],[a/2,1/2]].",
            valueName: "f"))
    var field: String?

    var given: Bool { action.given || generators.given || !matrices.isEmpty || !lieMatrices.isEmpty }

    func validate() throws {
        if field != nil && (action.given || generators.given) {
            throw ValidationError("--field goes with --matrix/--lie-matrix (permutations are rational)")
        }
        if action.given || generators.given {
            guard matrices.isEmpty, lieMatrices.isEmpty else {
                throw ValidationError("give a permutation action or matrices (--matrix, --lie-matrix), not both")
            }
        }
    }

    /// The permutation group, for permutation input.
    func permutationGroup() throws -> PermutationGroup? {
        guard action.given || generators.given else { return nil }
        if let group = try action.group(with: generators) { return group }
        return try PermutationGroup(generators: [try action.requiredPermutation()])
    }

    /// The representation named by the options.
    func representation() throws -> MatrixRepresentation {
        if let group = try permutationGroup() {
            return try MatrixRepresentation(permutations: group.generators, degree: group.degree)
        }
        let group = try matrices.map(Self.matrix)
        let lie = try lieMatrices.map(Self.matrix)
        guard let first = group.first ?? lie.first else {
            throw ValidationError("name the representation: --perm, --image, --gen, or --matrix/--lie-matrix")
        }
        return try MatrixRepresentation(dimension: first.rows, groupGenerators: group, lieGenerators: lie)
    }

    /// The representation over the number field of `--field`, or nil without it.
    func numberFieldRepresentation() throws -> NumberFieldRepresentation? {
        guard let text = field else { return nil }
        let f = try RationalPolynomial(parsing: text, variable: "x").primitiveIntegerPart
        guard f.degree >= 1, f.irreducibleFactors.count == 1, f.irreducibleFactors.first?.multiplicity == 1 else {
            throw ValidationError("--field needs an irreducible polynomial in x of degree ≥ 1, got '\(text)'")
        }
        let k = NumberField(f)
        func parse(_ t: String) throws -> NumberFieldRepresentation.Matrix {
            let source = t.hasSuffix(".json") ? String(decoding: try Self.readFile(t), as: UTF8.self) : t
            return try RationalMatrix.entryTexts(parsing: source).map {
                try $0.map { try NumberFieldElement(parsing: $0, in: k) }
            }
        }
        let group = try matrices.map(parse)
        let lie = try lieMatrices.map(parse)
        guard let d = (group.first ?? lie.first)?.count else {
            throw ValidationError("--field needs --matrix or --lie-matrix")
        }
        return try NumberFieldRepresentation(field: k, dimension: d, groupGenerators: group, lieGenerators: lie)
    }

    /// A matrix from text, a `.json` file holding that text, or a `.npy` file (floats taken exactly).
    static func matrix(_ text: String) throws -> RationalMatrix {
        if text.hasSuffix(".npy") {
            let array = try NumPyArray(npy: try readFile(text), name: text)
            guard array.shape.count == 2 else {
                throw ValidationError("\(text) holds shape \(array.shape); a matrix has two axes")
            }
            let values = array.doubles
            guard values.allSatisfy(\.isFinite) else { throw ValidationError("\(text) holds a non-finite entry") }
            // floats are taken at their exact binary values (0.1 is 3602879701896397/2^55)
            let rows = (0..<array.shape[0]).map { i in
                (0..<array.shape[1]).map { Rational(exactly: values[i * array.shape[1] + $0]) ?? Rational(0) }
            }
            guard let m = RationalMatrix(rows) else { throw ValidationError("\(text) holds an empty matrix") }
            return m
        }
        let source = text.hasSuffix(".json") ? String(decoding: try readFile(text), as: UTF8.self) : text
        guard source.utf8.count <= 1 << 24 else { throw ValidationError("\(text) is too large for a matrix") }
        return try RationalMatrix(parsing: source)
    }

    static func readFile(_ path: String) throws -> [UInt8] {
        let attributes = try? FileManager.default.attributesOfItem(atPath: path)
        let size = attributes?[.size] as? Int ?? 0
        guard attributes?[.type] as? FileAttributeType == .typeRegular, size <= 1 << 26,
            let data = FileManager.default.contents(atPath: path)
        else {
            throw ValidationError("cannot read \(path) (missing, not a file, or larger than 64 MB)")
        }
        return [UInt8](data)
    }
}
