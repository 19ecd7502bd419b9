import Foundation
import Testing
import EqgeomTestSupport

@Suite struct TrainingCommandTests {
    /// `train --json` keys on the built-in data (a 400-image slice written as .npy keeps it quick).
    @Test func trainKeysAndValues() throws {
        let data = packageRoot().appendingPathComponent("data/mnist-2k.csv.gz").path
        let o = try json([
            "train", "--data", data, "--image", "28x28", "--shift", "x", "--rank", "99", "--component", "paper",
            "--max-shift", "6", "--dense",
        ])
        #expect(o["tuple"] as? [Int] == [13, 10, 9, 8, 7, 5, 3, 1, 0, 0, 0, 0, 0, 0, 0])
        #expect(o["parameters"] as? Int == 5544 && o["dense_parameters"] as? Int == 155_232)
        let loss = o["loss"] as? Double ?? 0
        let dense = o["dense_loss"] as? Double ?? 1
        #expect(loss > dense && loss < 0.02 && dense > 0.004)
        let best = try json([
            "train", "--data", data, "--image", "28x28", "--shift", "x", "--rank", "99", "--max-shift", "6",
        ])
        #expect((best["loss"] as? Double ?? 1) <= loss)
    }

    @Test func badTrainingInput() throws {
        let data = packageRoot().appendingPathComponent("data/mnist-2k.csv.gz").path
        let bad = FileManager.default.temporaryDirectory.appendingPathComponent("eqgeom-bad-\(getpid()).csv").path
        try Data("1,2,3\n".utf8).write(to: URL(fileURLWithPath: bad))
        for args in [
            ["train", "--data", "/nonexistent.csv", "--image", "28x28", "--shift", "x", "--rank", "5"],
            ["train", "--data", bad, "--image", "28x28", "--shift", "x", "--rank", "5"],
            ["train", "--data", data, "--image", "27x28", "--shift", "x", "--rank", "5"],
            ["train", "--data", data, "--image", "28x28", "--shift", "z", "--rank", "5"],
            ["train", "--data", data, "--image", "28x28", "--shift", "x", "--rank", "900"],
            ["train", "--data", data, "--image", "28x28", "--shift", "x", "--rank", "5", "--component", "paper"],
            ["train", "--data", data, "--image", "28x28", "--shift", "x", "--rank", "5", "--component", "1,2"],
            ["train", "--data", data, "--image", "28x28", "--shift", "x", "--rank", "5", "--method", "sgd"],
            ["train", "--data", data, "--image", "28x28", "--shift", "x", "--rank", "5", "--epochs", "0"],
            ["reproduce", "mnist", "--data", bad],
        ] {
            let r = try runEqgeom(args)
            #expect(
                r.status == 2 && r.stdout.isEmpty
                    && r.stderr.split(separator: "\n").last?.hasPrefix("eqgeom: error: ") == true,
                "\(args): \(r.stderr)")
        }
    }
}
