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
            "A group generator as a matrix [[0,-1],[1,0]] (or a .json/.npy file); repeat.", valueName: "M"),
        transform: Parse.matrix)
    var matrices: [MatrixArgument] = []
    @Option(
        name: .customLong("lie-matrix"),
        help: ArgumentHelp("A Lie algebra generator as a matrix (or a .json/.npy file); repeat.", valueName: "A"),
        transform: Parse.matrix)
    var lieMatrices: [MatrixArgument] = []

    var given: Bool { action.given || generators.given || !matrices.isEmpty || !lieMatrices.isEmpty }

    func validate() throws {
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
        let group = try matrices.map { try $0.rational() }
        let lie = try lieMatrices.map { try $0.rational() }
        guard let first = group.first ?? lie.first else {
            throw ValidationError("name the representation: --perm, --image, --gen, or --matrix/--lie-matrix")
        }
        return try MatrixRepresentation(dimension: first.rows, groupGenerators: group, lieGenerators: lie)
    }

    /// The matrices over the number field k (entries such as `-a/2`).
    func numberFieldRepresentation(over k: NumberField) throws -> NumberFieldRepresentation {
        guard !action.given, !generators.given else {
            throw ValidationError("--field goes with --matrix/--lie-matrix (permutations are rational)")
        }
        func parse(_ m: MatrixArgument) throws -> NumberFieldRepresentation.Matrix {
            try m.entryTexts().map { try $0.map { try NumberFieldElement(parsing: $0, in: k) } }
        }
        let group = try matrices.map(parse)
        let lie = try lieMatrices.map(parse)
        guard let d = (group.first ?? lie.first)?.count else {
            throw ValidationError("--field needs --matrix or --lie-matrix")
        }
        return try NumberFieldRepresentation(field: k, dimension: d, groupGenerators: group, lieGenerators: lie)
    }

    /// The bytes of a regular file of at most 64 MB.
    /// - Throws: `ValidationError` for a missing, special or larger file.
    static func readFile(_ path: String) throws -> [UInt8] {
        let attributes = try? FileManager.default.attributesOfItem(atPath: path)
        let size = attributes?[.size] as? Int ?? 0
        guard attributes?[.type] as? FileAttributeType == .typeRegular, size <= 1 << 26,
            let data = FileManager.default.contents(atPath: path)
        else {
            throw ValidationError("cannot read \(path) (missing, not a file, or larger than 64 MB)")
        }
        InputFile.register(path)
        return [UInt8](data)
    }
}
