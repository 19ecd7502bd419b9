import Foundation
import Testing
import EqgeomTestSupport

/// `eqgeom architecture` (docs/cli.md): keys and values computed by hand, training, refusals.
@Suite struct ArchitectureCommandTests {
    @Test func givenNetwork() throws {
        let o = try json([
            "architecture", "--image", "3x3", "--rotate", "90", "--reflect", "horizontal", "--hidden",
            "R1.1=2,R2.1=1,R1.3=1",
            "--hidden", "channels:1",
        ])
        #expect(o["bottleneck"] as? [Int] == [2, 0, 1, 1] && o["rank"] as? Int == 5 && o["parameters"] as? Int == 33)
        #expect(o["widths"] as? [Int] == [9, 5, 9, 9] && o["vanishing_layers_critical"] as? Bool == true)
        // V_t: dimension Σ δ t(2μ − t) = 2·4 + 0 + 1·1 + 1·3 = 12, ED degree C(3,2)·C(1,0)·C(1,1)·C(2,1) = 6
        #expect(o["dimension"] as? Int == 12 && o["ed_degree"] as? String == "6" && o["pure"] as? String == "6")
    }

    @Test func designAndTraining() throws {
        let o = try json([
            "architecture", "--perm", "(1 2 3 4 5 6)(7 8 9 10)", "--tuple", "1/1=2,6/5=1", "--depth", "3",
        ])
        let design = o["design"] as? [String: Any] ?? [:]
        // order 12: block 1/1 needs 2 cycles, 6/5 one cycle of length divisible by 6: a 6-cycle and a 1-cycle
        #expect(design["cycles"] as? [Int] == [6, 1] && design["module_width"] as? Int == 4)
        let dir = try temporaryDirectory()
        let path = dir + "/x.csv"
        var rng = SeededGenerator(seed: 9)
        let rows = (0..<40).map { _ in (0..<10).map { _ in String(Double.random(in: 0...255, using: &rng)) } }
        try rows.map { $0.joined(separator: ",") }.joined(separator: "\n").write(
            toFile: path, atomically: true, encoding: .utf8)
        let t = try json([
            "architecture", "--perm", "(1 2 3 4 5 6)(7 8 9 10)", "--rank", "4", "--depth", "3", "--data", path,
            "--train",
            "--steps", "8000",
        ])
        let training = t["training"] as? [String: Any] ?? [:]
        #expect(abs(training["relative_gap"] as? Double ?? 1) <= 1e-6, "\(training)")
    }

    @Test func refusals() throws {
        try expectRefusal(["architecture", "--perm", "(1 2 3)"], "--hidden")
        try expectRefusal(["architecture", "--perm", "(1 2 3)", "--hidden", "cycles:5"], "divide")
        try expectRefusal(
            ["architecture", "--image", "2x2", "--shift", "x", "--shift", "y", "--hidden", "cycles:2"], "⟨σ⟩")
        try expectRefusal(["architecture", "--perm", "(1 2 3)", "--tuple", "1,0", "--depth", "17"], "--depth")
        try expectRefusal(["architecture", "--perm", "(1 2 3)", "--rank", "1", "--train"], "built-in data")
    }
}
