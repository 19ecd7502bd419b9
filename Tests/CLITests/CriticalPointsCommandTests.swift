import Foundation
import Testing
import EqgeomTestSupport

/// `eqgeom critical-points` (docs/cli.md): its keys, values known independently, and its refusals.
@Suite struct CriticalPointsCommandTests {
    /// Dense n = 4, r = 2 (Baldi–Hornik): C(4,2) = 6 pure with indices 0,1,2,2,3,4; ∅ and 4 lines spurious.
    @Test func denseCountsAndIndices() throws {
        let o = try json(["critical-points", "--gen", "()", "--n", "4", "--rank", "2", "--tuple", "2"])
        #expect(o["pure"] as? String == "6" && o["spurious"] as? String == "5" && o["all"] as? String == "11")
        let h = (o["pure_index_histogram"] as? [[String: Any]] ?? []).map {
            ($0["index"] as? Int, $0["count"] as? String)
        }
        #expect(h.map(\.0) == [0, 1, 2, 3, 4] && h.map(\.1) == ["1", "1", "2", "1", "1"])
        #expect(o["component"] as? [Int] == [2] && o["points"] as? [Any] != nil)
    }

    /// MNIST's shift at r = 99: the pure points of index 0 are the components' minima, one per component — the
    /// paper's count of all components, 72,426,340,906,146.
    @Test func mnistMinimaAreTheComponents() throws {
        let o = try json([
            "critical-points", "--image", "28x28", "--shift", "x", "--rank", "99", "--all-components", "--lowest", "3",
        ])
        let h = o["pure_index_histogram"] as? [[String: Any]] ?? []
        #expect(h.first?["index"] as? Int == 0 && h.first?["count"] as? String == "72426340906146")
        let points = o["points"] as? [[String: Any]] ?? []
        #expect(points.count == 3 && points.first?["local_minimum"] as? Bool == true)
        let losses = points.compactMap { $0["loss"] as? Double }
        #expect(losses == losses.sorted())
        #expect((o["degenerate_blocks"] as? [String])?.isEmpty == false)  // MNIST's blank borders
    }

    /// Every critical point of D4 on 3×3 at r = 3, listed, with a figure.
    @Test func listAndFigure() throws {
        let dir = try temporaryDirectory()
        let csv = dir + "/x.csv"
        var rng = SeededGenerator(seed: 4)
        let rows = (0..<30).map { _ in (0..<9).map { _ in String(Double.random(in: -1...1, using: &rng)) } }
        try rows.map { $0.joined(separator: ",") }.joined(separator: "\n").write(
            toFile: csv, atomically: true, encoding: .utf8)
        let figure = dir + "/critical.svg"
        let o = try json([
            "critical-points", "--image", "3x3", "--rotate", "90", "--reflect", "horizontal", "--rank", "3",
            "--all-components", "--data", csv, "--list", "--figure", figure,
        ])
        let points = o["points"] as? [[String: Any]] ?? []
        #expect(o["complete"] as? Bool == true && "\(points.count)" == o["all"] as? String)
        #expect(points.filter { $0["pure"] as? Bool == true }.count.description == o["pure"] as? String)
        let svg = try String(contentsOfFile: figure, encoding: .utf8)
        #expect(svg.hasPrefix("<svg") || svg.hasPrefix("<?xml"))
    }

    @Test func refusals() throws {
        try expectRefusal(["critical-points", "--perm", "(1,2,3)", "--rank", "1"], "--all-components")
        try expectRefusal(["critical-points", "--perm", "(1,2,3)", "--rank", "5", "--all-components"], "out of range")
        try expectRefusal(
            ["critical-points", "--perm", "(1,2,3)", "--rank", "2", "--tuple", "0,0"], "not an irreducible component")
        try expectRefusal(
            ["critical-points", "--image", "28x28", "--shift", "x", "--rank", "99", "--all-components", "--list"],
            "raise --limit")
        try expectRefusal(
            ["critical-points", "--cycle-type", "3,3", "--rank", "2", "--all-components", "--data", "x.csv"],
            "--cycle-type")
        try expectRefusal(
            ["critical-points", "--perm", "(1,2,3)", "--rank", "1", "--all-components", "--figure", "f.png"], ".svg")
        try expectRefusal(
            ["critical-points", "--perm", "(1,2,3)", "--rank", "1", "--all-components", "--list"], "need data")
    }
}
