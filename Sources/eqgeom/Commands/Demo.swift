import CommandLineSupport
import ArgumentParser
import Algebra
import Geometry

/// `eqgeom demo`: a short tour on built-in examples (the README's main job until training lands).
struct Demo: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "A short tour of eqgeom on the paper's examples.")

    func run() throws {
        print("eqgeom \(EqgeomCommand.configuration.version) — FLINT \(AlgebraBackend.flintVersion)\n")
        let s = try Permutation(cycles: "(1 3 4)(2 5)")
        print("σ = \(s): order \(s.order), cycle type \(s.cycleType)")
        let g = try PermutationGroup(generators: [s])
        print(try InvariantReport(try InvariantVariety(group: g, rows: 2, rank: 1)).table, "\n")
        print(try EquivariantReport(try EquivariantVariety(permutation: s, rank: 4)).table, "\n")
        let rot = try Permutation.rotation(size: 3, degrees: 90)
        let v = try EquivariantVariety(permutation: rot, rank: 3)
        print("3×3 image, 90° rotation, component (1,1,0) at r = 3:")
        print(
            try ShowReport(try v.component([1, 1, 0]), index: try ComponentIndex(v).index(of: [1, 1, 0])).table, "\n")
        let mnist = try EquivariantVariety(permutation: Permutation.shift(height: 28, width: 28, along: .x), rank: 99)
        print("MNIST, horizontal shift, r = 99:")
        print(CountReport(try mnist.componentCount).table)
        let paper = try mnist.component([13, 10, 9, 8, 7, 5, 3, 1, 0, 0, 0, 0, 0, 0, 0])
        print(
            "paper's component (13,10,9,8,7,5,3,1,0,…): dimension \(paper.dimension), "
                + "\(paper.parameterCount) parameters vs \(paper.denseParameterCount) dense"
        )
        let big = try EquivariantVariety(
            structure: BlockStructure(cycleType: CycleType(parsing: "64^4096")), rank: 50_000)
        let c = try big.componentCount
        print("\n4096 cycles of length 64, r = 50000: \(c.all.decimalDigitCount)-digit component count \(c.all)")
    }
}
