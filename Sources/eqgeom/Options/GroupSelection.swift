import CommandLineSupport
import Algebra
import ArgumentParser
import Geometry

extension PermutationOptions {
    /// The group named by several image moves and/or `--gen`/`--generators`, or nil when exactly one
    /// permutation is named (the cyclic code keeps the paper's block order and labels).
    func group(with generatorOptions: GeneratorOptions) throws -> PermutationGroup? {
        guard generatorOptions.given || moveCount >= 2 else { return nil }
        var generators = try generatorOptions.permutations(degree: points)
        generators += try self.generators()
        let degree = max(points ?? 0, generators.map(\.degree).max() ?? 0)
        guard degree >= 1, !generators.isEmpty else { throw ValidationError("the group needs at least one generator") }
        return try PermutationGroup(generators: generators.map { try $0.extended(to: degree) }, degree: degree)
    }
}
