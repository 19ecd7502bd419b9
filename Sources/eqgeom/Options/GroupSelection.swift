import CommandLineSupport
import Algebra
import ArgumentParser
import Geometry

extension PermutationOptions {
    /// The group named by several image moves and/or `--gen`/`--generators`, or nil when exactly one
    /// permutation is named (the cyclic code keeps the paper's block order and labels).
    func group(with generatorOptions: GeneratorOptions) throws -> PermutationGroup? {
        guard generatorOptions.given || moveCount >= 2 else { return nil }
        let generators = try allGenerators(with: generatorOptions)
        return try PermutationGroup(generators: generators, degree: generators.first?.degree)
    }

    /// The one permutation named (by --perm, one --gen or one image move), or nil when several generate a
    /// group: one permutation takes the cyclic fast path with its eigenvalue blocks (labels l/m, MATH.md §4.1)
    /// in every command.
    func singlePermutation(with generatorOptions: GeneratorOptions) throws -> Permutation? {
        let named = try allGenerators(with: generatorOptions)
        return named.count == 1 ? named.first : nil
    }

    /// Every permutation named (--gen, --generators, --perm, image moves), on the largest degree among them and
    /// --n.
    func allGenerators(with generatorOptions: GeneratorOptions) throws -> [Permutation] {
        var generators = try generatorOptions.permutations(degree: points)
        generators += try self.generators()
        let degree = max(points ?? 0, generators.map(\.degree).max() ?? 0)
        guard degree >= 1, !generators.isEmpty else { throw ValidationError("the group needs at least one generator") }
        return try generators.map { try $0.extended(to: degree) }
    }
}
