import Foundation
import Testing
import EqgeomTestSupport

/// `eqgeom identify` on matrices whose component is known: `train`'s exact optimum (built through the dense
/// Q_σ and the weight-sharing θ, or a group's block maps) and its Adam model, float32 copies, and the
/// refusals of malformed weights.
@Suite struct IdentifyCommandTests {
    /// Random images, n = h·w, as a float64 `.npy`.
    static func writeImages(count: Int, n: Int, seed: UInt64, to path: String) throws {
        var rng = SeededGenerator(seed: seed)
        let values = (0..<(count * n)).map { k in Double.random(in: 0...1, using: &rng) + Double(k % n) / Double(n) }
        try ShardedStatisticsTests.writeNPY(values, rows: count, columns: n, to: path)
    }

    /// The paper's MNIST component: identify recovers the tuple train used, at distance 0 from the optimum,
    /// whose loss is train's exact loss.
    @Test func paperComponentIsRecovered() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let action = ["--image", "28x28", "--shift", "x"]
        let trained = try json(["train"] + action + ["--rank", "99", "--component", "paper", "--out", dir])
        let o = try json(["identify"] + action + ["--weights", "\(dir)/weights.npz", "--optimum"])
        #expect(o["tuple"] as? [Int] == [13, 10, 9, 8, 7, 5, 3, 1, 0, 0, 0, 0, 0, 0, 0])
        #expect(o["tuple"] as? [Int] == trained["tuple"] as? [Int] && o["rank"] as? Int == 99)
        #expect(o["equivariant"] as? Bool == true && (o["equivariant_distance"] as? Double ?? 1) < 1e-13)
        let optimum = o["optimum"] as? [String: Any] ?? [:]
        let exact = trained["exact_loss"] as? Double ?? -1
        #expect((optimum["distance"] as? Double ?? 1) < 1e-12)
        #expect(abs((optimum["optimum_loss"] as? Double ?? 0) - exact) < 1e-12 * exact)
        #expect(abs((optimum["loss"] as? Double ?? 0) - exact) < 1e-12 * exact)
        let blocks = o["blocks"] as? [[String: Any]] ?? []
        #expect(blocks.count == 15 && blocks.allSatisfy { ($0["singular_values"] as? [Double])?.count == 28 })
        #expect(blocks.first?["field"] as? String == "R" && blocks[1]["field"] as? String == "C")
    }

    /// D4 on 6×6 images and one shift on 6×7: exact and Adam models of train are found in train's component;
    /// Adam's loss is at least the optimum's.
    @Test func trainedModelsAreInTheirComponents() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        for (action, n, method) in [
            (["--image", "6x6", "--rotate", "90", "--reflect", "horizontal"], 36, "exact"),
            (["--image", "6x7", "--shift", "x"], 42, "adam"),
        ] {
            let data = "\(dir)/data\(n).npy"
            try Self.writeImages(count: 120, n: n, seed: UInt64(n), to: data)
            let out = "\(dir)/\(n)"
            let trained = try json(
                ["train"] + action + [
                    "--data", data, "--rank", "8", "--method", method, "--epochs", "40", "--out", out,
                ])
            let o = try json(["identify"] + action + ["--weights", "\(out)/weights.npz", "--data", data])
            #expect(o["tuple"] as? [Int] == trained["tuple"] as? [Int], "\(action) \(method)")
            #expect(o["equivariant"] as? Bool == true, "\(action) \(method)")
            let optimum = o["optimum"] as? [String: Any] ?? [:]
            let excess = optimum["excess"] as? Double ?? -1
            #expect(excess >= -(optimum["optimum_loss_error"] as? Double ?? 0), "\(action) \(method)")
            if method == "exact" { #expect((optimum["distance"] as? Double ?? 1) < 1e-12) }
        }
    }

    /// A float32 copy is judged at float32's rounding: τ = n·2^−23.
    @Test func float32WeightsUseTheirEpsilon() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let n = 6
        var bytes = NPYTestFile.header(descr: "<f4", shape: [n, n])
        for i in 0..<(n * n) {
            let circulant: Float = [3, 1, 0, 0, 0, 1][(i % n - i / n + n) % n]
            withUnsafeBytes(of: circulant.bitPattern.littleEndian) { bytes += $0 }
        }
        try Data(bytes).write(to: URL(fileURLWithPath: "\(dir)/w.npy"))
        let o = try json(["identify", "--perm", "(1 2 3 4 5 6)", "--weights", "\(dir)/w.npy"])
        #expect(abs((o["tolerance"] as? Double ?? 0) - 6 * Double(Float.ulpOfOne)) < 1e-20)
        // 3 + ζ + ζ⁻¹ ≠ 0 at every sixth root of unity: every block has full rank
        #expect(o["tuple"] as? [Int] == [1, 1, 1, 1] && o["rank"] as? Int == 6 && o["dtype"] as? String == "<f4")
    }

    @Test func malformedWeightsAreRefused() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let perm = ["identify", "--perm", "(1 2 3)"]
        try ShardedStatisticsTests.writeNPY([1, 2, 3, 4, 5, 6], rows: 2, columns: 3, to: "\(dir)/wide.npy")
        try ShardedStatisticsTests.writeNPY([1, 0, 0, 1], rows: 2, columns: 2, to: "\(dir)/small.npy")
        try ShardedStatisticsTests.writeNPY([1, 0, 0, 0, .nan, 0, 0, 0, 1], rows: 3, columns: 3, to: "\(dir)/nan.npy")
        try Data("not numpy".utf8).write(to: URL(fileURLWithPath: "\(dir)/text.npy"))
        try expectRefusal(perm + ["--weights", "\(dir)/wide.npy"], "square n×n")
        try expectRefusal(perm + ["--weights", "\(dir)/small.npy"], "acts on 3 points")
        try expectRefusal(perm + ["--weights", "\(dir)/nan.npy"], "entry (1, 1) is not a finite number")
        try expectRefusal(perm + ["--weights", "\(dir)/text.npy"], "not a NumPy .npy file")
        try expectRefusal(perm + ["--weights", "\(dir)/absent.npy"], "no such file")
        try expectRefusal(perm + ["--weights", "\(dir)/w.csv"], "--weights must end in .npy or .npz")
        try expectRefusal(perm + ["--weights", "\(dir)/small.npy", "--tolerance", "nan"], "--tolerance")
        try expectRefusal(perm + ["--weights", "\(dir)/small.npy", "--tolerance", "1"], "--tolerance")
        try expectRefusal(["identify", "--weights", "\(dir)/small.npy"], "name the symmetry")
        try expectRefusal(
            perm + ["--weights", "\(dir)/small.npy", "--n", "2"], "n = 2 is smaller than the largest point 3 (--n)")
        let zip = "\(dir)/spectra.npz"
        try ShardedStatisticsTests.writeNPY([Double](repeating: 0.5, count: 6), rows: 2, columns: 3, to: "\(dir)/d.npy")
        #expect(try runEqgeom(["spectra", "--perm", "(1 2 3)", "--data", "\(dir)/d.npy", "--out", zip]).status == 0)
        try expectRefusal(perm + ["--weights", zip], "has no member W")
        let square = "\(dir)/square.npy"
        try ShardedStatisticsTests.writeNPY([1, 0, 0, 0, 1, 0, 0, 0, 1], rows: 3, columns: 3, to: square)
        try expectRefusal(perm + ["--weights", square, "--data", "\(dir)/small.npy"], "values per sample")
    }
}

/// `.npy` bytes for tests that need a dtype other than float64.
enum NPYTestFile {
    static func header(descr: String, shape: [Int]) -> [UInt8] {
        var header =
            "{'descr': '\(descr)', 'fortran_order': False, 'shape': ("
            + shape.map(String.init).joined(separator: ", ") + "), }"
        while (10 + header.utf8.count + 1) % 64 != 0 { header += " " }
        header += "\n"
        return [0x93] + Array("NUMPY".utf8) + [1, 0, UInt8(header.utf8.count & 0xff), UInt8(header.utf8.count >> 8)]
            + Array(header.utf8)
    }
}
