import Foundation
import Testing
import EqgeomTestSupport

/// `basis`, `mask` and `train` for groups (MATH.md §8.7.5): certificates, files other tools check
/// without eqgeom (python/eqgeom_certify.py, python/check_group_mask.py), and the D4 MNIST optimum against
/// an independent NumPy computation from D4's character table (scripts/check_d4_optimum.py).
@Suite struct GroupBasisCommandTests {
    static let d4 = ["--image", "28x28", "--rotate", "90", "--reflect", "horizontal"]

    @Test func d4BasisIsCertifiedInSeconds() throws {
        let o = try json(["basis"] + Self.d4 + ["--certify"])
        #expect(o["certified"] as? Bool == true && o["orbitals"] as? Int == 77028)
        #expect(
            (o["orthogonality_error_max"] as? Double ?? 1) < 1e-14 && (o["block_error_max"] as? Double ?? 1) < 1e-14)
        #expect((o["blocks"] as? [[String: Any]])?.count == 5)
    }

    /// The exact basis as JSON re-certified by plain Python on Dic3 (auxiliary G-set, R, C, H) and A5 on 12
    /// points (ℚ(√5)); a corrupted entry makes the Python certificate fail.
    @Test func exactBasisFilesAreCertifiedWithoutEqgeom() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let groups = [
            "dic3": "[[2,4,12,6,7,1,10,9,3,11,5,8],[3,5,7,8,9,10,4,11,6,12,1,2],[4,6,8,1,10,2,11,3,12,5,7,9]]",
            "a5": "[[1,7,9,10,2,11,3,4,5,6,8,12],[2,3,1,7,9,8,10,12,11,4,5,6]]",
        ]
        var repeatedClassChecked = false
        for (name, generators) in groups {
            try generators.write(toFile: "\(dir)/\(name).json", atomically: true, encoding: .utf8)
            let path = "\(dir)/\(name)-basis.json"
            let result = try runEqgeom(["basis", "--generators", "\(dir)/\(name).json", "--certify", "--out", path])
            #expect(result.status == 0, "\(result.stderr)")
            let (status, output) = try runPython("eqgeom_certify.py", [path])
            #expect(status == 0 && output.contains("certificate holds"), "\(name): \(output)")
            repeatedClassChecked = try expectRepeatedClassFails(path, name) || repeatedClassChecked
            // corrupt the first value of the last class's first copy
            var text = try String(contentsOfFile: path, encoding: .utf8)
            if let range = text.range(of: "\"values\":[[[\"", options: .backwards) {
                text.replaceSubrange(range, with: "\"values\":[[[\"7/3\",\"")
            }
            try text.write(toFile: path, atomically: true, encoding: .utf8)
            let (bad, _) = try runPython("eqgeom_certify.py", [path])
            #expect(bad != 0, "\(name): a corrupted basis passed")
        }
        #expect(repeatedClassChecked, "no group had two classes of one shape to repeat")
    }

    /// A class repeated in place of another of the same shape keeps every count (Σ wμ = n, Σ δμ² = orbitals) and
    /// every per-class check true; the checker must still refuse it (one isotypic component listed twice).
    /// Returns whether the file had two classes of one shape to try it on.
    func expectRepeatedClassFails(_ path: String, _ name: String) throws -> Bool {
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        guard var doc = try JSONSerialization.jsonObject(with: data) as? [String: Any],
            var classes = doc["classes"] as? [[String: Any]]
        else { throw CocoaError(.fileReadCorruptFile) }
        func shape(_ c: [String: Any]) -> [Int] {
            [
                (c["squared_norms"] as? [Any])?.count ?? -1, (c["copies"] as? [Any])?.count ?? -1,
                (c["embeddings"] as? [Any])?.count ?? -1, (c["type"] as? String)?.hashValue ?? 0,
            ]
        }
        let pairs = classes.indices.flatMap { a in classes.indices.filter { $0 > a }.map { (a, $0) } }
        guard let (a, b) = pairs.first(where: { shape(classes[$0.0]) == shape(classes[$0.1]) }) else { return false }
        classes[b] = classes[a]
        doc["classes"] = classes
        let doctored = path + ".repeated.json"
        try JSONSerialization.data(withJSONObject: doc).write(to: URL(fileURLWithPath: doctored))
        let (status, output) = try runPython("eqgeom_certify.py", [doctored])
        #expect(status != 0 && output.contains("equal characters"), "\(name): class \(a) repeated as \(b): \(output)")
        return true
    }

    @Test func groupMaskFilesAreEquivariantInNumPy() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let cases: [[String]] = [
            [
                "--image", "8x8", "--rotate", "90", "--reflect", "horizontal", "--rank", "12", "--tuple",
                "R2.1=4,R1.1=4",
            ],
            [
                "--gen", "(1 2 4 6)(3 5 7 8)", "--gen", "(1 3 4 7)(2 8 6 5)", "--rank", "6", "--tuple",
                "H4.1=1,R1.1=1,R1.2=1",
            ],
        ]
        for (i, args) in cases.enumerated() {
            let path = "\(dir)/mask\(i).npz"
            let result = try runEqgeom(["mask"] + args + ["--out", path])
            #expect(result.status == 0, "\(result.stderr)")
            let (status, output) = try runPython("check_group_mask.py", [path])
            #expect(status == 0 && output.contains("ok"), "\(args): \(output)")
        }
        let doc = try runEqgeom(["mask"] + cases[0] + ["--out", "\(dir)/mask.json"])
        #expect(doc.status == 0)
        let text = try String(contentsOfFile: "\(dir)/mask.json", encoding: .utf8)
        #expect(
            text.contains("\"format\":\"eqgeom.group-mask\\/1\"") || text.contains("\"format\":\"eqgeom.group-mask/1\"")
        )
    }

    @Test func d4OptimumOnMNISTAgreesWithNumPy() throws {
        let data = packageRoot().appendingPathComponent("data/mnist-2k.csv.gz").path
        let (status, output) = try runPython("scripts/check_d4_optimum.py", [data, "10", "40", "99"])
        #expect(status == 0, "\(output)")
        let numpy = try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: Any]
        let best = numpy?["best"] as? [String: Double] ?? [:]
        for r in ["10", "40", "99"] {
            let o = try json(["train"] + Self.d4 + ["--rank", r, "--data", data, "--dense"])
            let loss = o["exact_loss"] as? Double ?? 0
            let expected = best[r] ?? -1
            #expect(abs(loss - expected) <= 1e-9 * expected, "r = \(r): eqgeom \(loss), NumPy \(expected)")
            #expect(loss >= (o["dense_loss"] as? Double ?? 1))
        }
        // the best component is never worse than the named variants
        let best40 = try json(["train"] + Self.d4 + ["--rank", "40", "--data", data])["exact_loss"] as? Double ?? 1
        for variant in ["equal-rank", "high-pass"] {
            let o = try json(["train"] + Self.d4 + ["--rank", "40", "--data", data, "--component", variant])
            #expect(best40 <= (o["exact_loss"] as? Double ?? 0) + 1e-15, "\(variant)")
        }
    }

    /// The torus (character basis, 2-D real DFT) against NumPy's fft2 power spectrum.
    @Test func torusOptimumAgreesWithNumPyFFT() throws {
        let data = packageRoot().appendingPathComponent("data/mnist-2k.csv.gz").path
        let (status, output) = try runPython("scripts/check_torus_optimum.py", [data, "28", "28", "10", "99"])
        #expect(status == 0, "\(output)")
        let numpy = try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: Double] ?? [:]
        for r in ["10", "99"] {
            let o = try json(["train", "--image", "28x28", "--shift", "x", "--shift", "y", "--rank", r, "--data", data])
            let loss = o["exact_loss"] as? Double ?? 0
            #expect(abs(loss - (numpy[r] ?? -1)) <= 1e-9 * loss, "r = \(r): eqgeom \(loss), NumPy \(numpy[r] ?? -1)")
        }
        let basis = try json(["basis", "--image", "28x28", "--shift", "x", "--shift", "y"])
        #expect((basis["orthogonality_error_max"] as? Double ?? 1) < 1e-13 && (basis["blocks"] as? [Any])?.count == 394)
    }

    @Test func groupTrainingRefusesWhatDoesNotApply() throws {
        let cases: [([String], String)] = [
            (["train"] + Self.d4 + ["--rank", "10", "--component", "paper"], "paper's tuple"),
            (["train"] + Self.d4 + ["--rank", "10", "--max-shift", "3"], "--augment"),
            (["train", "--image", "28x28", "--shift", "x", "--rank", "10", "--augment"], "--augment is for a group"),
            (["train"] + Self.d4 + ["--rank", "10", "--component", "R9.1=1"], "R9.1"),
            (["train"] + Self.d4 + ["--rank", "785"], "rank"),
            (["basis", "--image", "4x4", "--shift", "x", "--out", "/tmp/x.json"], "exact basis of a group"),
            (["basis", "--image", "28x28", "--shift", "x", "--shift", "y", "--certify"], "orbits up to 64 points"),
        ]
        for (args, message) in cases {
            let r = try runEqgeom(args)
            #expect(r.status != 0 && r.stderr.contains(message), "\(args): \(r.stderr)")
            #expect(
                r.stderr.split(separator: "\n").filter { $0.hasPrefix("Error") || $0.hasPrefix("eqgeom: error") }.count
                    <= 1)
        }
    }
}
