import CommandLineSupport
import Algebra
import ArgumentParser
import Foundation
import NumericBridge

/// Generators of a group G: repeated `--gen` and/or a file of generators (`--generators FILE`: GAP's
/// list syntax `[ (1,2,3), (1,2) ]` or JSON `[[2,3,1], [2,1,3]]`) and/or a named group (`--group S5`).
struct GeneratorOptions: ParsableArguments {
    @Option(
        name: .long, help: "A generator of G (cycle or one-line notation); repeat for more.",
        transform: Parse.permutation)
    var gen: [PermutationNotation] = []

    @Option(
        name: .customLong("generators"),
        help: ArgumentHelp(
            "A file of generators: GAP's [ (1,2,3), (1,2) ], JSON [[2,3,1],[2,1,3]], or an eqgeom .npz/.safetensors.",
            valueName: "file"))
    var file: String?

    @Option(
        name: .customLong("group"),
        help: ArgumentHelp(
            "A named group: S<n>, A<n>, C<n> or D<n> (the n-gon), by its standard generators.", valueName: "name"),
        transform: Parse.namedGroup)
    var named: NamedGroup?

    /// Whether any generator was given.
    var given: Bool { !gen.isEmpty || file != nil || named != nil }

    /// The generators, each on `degree` points when given (points not moved are fixed).
    func permutations(degree: Int?) throws -> [Permutation] {
        var result = try gen.map { try $0.permutation(degree: degree) }
        if let named {
            result += try named.generators.map { try $0.extended(to: max(degree ?? 0, named.degree)) }
        }
        if let path = file, path.hasSuffix(".npz") || path.hasSuffix(".safetensors") {
            // eqgeom's own files: `generators` as 0-based images
            result += try NumPyArchive.generators(path: path).map { try $0.extended(to: max(degree ?? 0, $0.degree)) }
        } else if let path = file {
            let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
            try MemoryBudget.require(
                ByteCount.product(size, 64), for: "reading generators from \(path)", advice: "use a smaller file")
            guard let data = FileManager.default.contents(atPath: path) else {
                throw ValidationError("cannot read --generators \(path)")
            }
            InputFile.register(path)
            result += try Permutation.list(parsing: String(decoding: data, as: UTF8.self), degree: degree)
        }
        return result
    }
}
