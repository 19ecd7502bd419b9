import Algebra
import ArgumentParser
import Geometry

/// How the user names the permutation σ for counting: a permutation (`PermutationOptions`) or only its
/// cycle type (nothing else is needed to count components, so n may be far beyond memory).
struct ActionOptions: ParsableArguments {
    @OptionGroup var permutationOptions: PermutationOptions

    @Option(name: .long, help: "Cycle type, e.g. 28^28 or 12,8,6,6,5,1 (no permutation is built).")
    var cycleType: [String] = []

    func validate() throws {
        try requireAtMostOnce(cycleType, "--cycle-type", "σ has one cycle type")
        if !cycleType.isEmpty {
            guard !permutationOptions.given else {
                throw ValidationError("give only one of --perm, --cycle-type, --image, --volume")
            }
            guard permutationOptions.points == nil else {
                throw ValidationError("--n goes with --perm; a cycle type already fixes n")
            }
            guard permutationOptions.shift.isEmpty, permutationOptions.rotate.isEmpty,
                permutationOptions.reflect.isEmpty
            else { throw ValidationError("--shift, --rotate and --reflect act on --image or --volume") }
        } else if !permutationOptions.given {
            throw ValidationError("name σ with one of --perm, --cycle-type, --image HxW, --volume DxHxW")
        }
    }

    /// The block structure of σ (from its cycle type only).
    func blockStructure() throws -> BlockStructure {
        if let text = cycleType.first { return try BlockStructure(checking: try CycleType(parsing: text)) }
        return try BlockStructure(checking: try permutationOptions.cycleType())
    }
}
