import Foundation
import Testing
import EqgeomTestSupport

/// `eqgeom emlp` and `eqgeom identifiability`: keys, values known by hand or from `layer`, and refusals.
@Suite struct RepresentationCommandTests {
    static let so3 = [
        "--lie-matrix", "[[0,0,0],[0,0,-1],[0,1,0]]", "--lie-matrix", "[[0,0,1],[0,0,0],[-1,0,0]]",
        "--lie-matrix", "[[0,-1,0],[1,0,0],[0,0,0]]",
    ]

    @Test func emlpKeysAndValues() throws {
        let s8 = try json(
            ["emlp", "--gen", "(1 2 3 4 5 6 7 8)", "--gen", "(1 2)", "--in-power", "2", "--out-power", "2"])
        #expect(s8["dimension"] as? Int == 15 && s8["orbitals"] as? Int == 15 && s8["method"] as? String == "orbitals")
        #expect(
            s8["unknowns"] as? Int == 4096 && s8["constraint_rank"] as? Int == 4081 && s8["field"] as? String == "Q")
        let layer = try json([
            "layer", "--gen", "(1 2 3 4 5 6 7 8)", "--gen", "(1 2)", "--in-power", "2", "--out-power", "2",
        ])
        #expect(layer["parameters"] as? Int == 15)
        // SO(3): T1 → T2 is spanned by the Levi-Civita symbol; O(3) (adding −I) has none
        let eps = try json(["emlp"] + Self.so3 + ["--out-power", "2", "--basis"])
        #expect(eps["dimension"] as? Int == 1 && eps["method"] as? String == "exact-rref")
        let basis = eps["basis"] as? [[[String]]] ?? []
        #expect(basis.first?.count == 9 && basis.first?[1] == ["0", "0", "1"])
        let o3 = try json(["emlp"] + Self.so3 + ["--matrix", "[[-1,0,0],[0,-1,0],[0,0,-1]]", "--out-power", "2"])
        #expect(o3["dimension"] as? Int == 0)
        // a generic generator commutes with d maps, a generic pair with 1 (MATH.md §9.2)
        #expect(try json(["emlp", "--random-generators", "1", "--dim", "5"])["dimension"] as? Int == 5)
        #expect(try json(["emlp", "--random-generators", "2", "--dim", "5"])["dimension"] as? Int == 1)
        // the float64 path finds the same dimension with a wide gap at the cut
        let numeric = try json(["emlp"] + Self.so3 + ["--in-power", "2", "--out-power", "2", "--numeric"])
        #expect(numeric["dimension"] as? Int == 3 && numeric["method"] as? String == "numeric-svd")
        #expect((numeric["singular_value_gap"] as? Double ?? 0) > 1e8 && numeric["field"] as? String == "float64")
        try expectRefusal(["emlp", "--perm", "(1 2)", "--tolerance", "0.1"], "--tolerance goes with --numeric")
        // rotation by 60° over ℚ(√3): T2 → T2 has 1 + 1 + 2² = 6 maps (eigenvalues ζ^±2, 1, 1)
        let sixty = ["emlp", "--field", "x^2-3", "--matrix", "[[1/2,-a/2],[a/2,1/2]]"]
        let rotation60 = try json(sixty + ["--in-power", "2", "--out-power", "2"])
        #expect(rotation60["dimension"] as? Int == 6 && rotation60["field"] as? String == "Q[a]/(x^2 - 3)")
        #expect((try json(sixty + ["--basis"])["basis"] as? [[[String]]])?.last == [["0", "1"], ["-1", "0"]])
        try expectRefusal(sixty.dropLast(2) + ["--matrix", "[[1,b]]"], "'b' is not a term")
        try expectRefusal(["emlp", "--field", "x^2-4", "--matrix", "[[1]]"], "irreducible")
        try expectRefusal(["emlp", "--field", "x^2-3", "--matrix", "[[0,0],[0,0]]"], "singular")
        // a permutation matrix is a permutation: orbitals at 4^8 unknowns (the dense path reached 18.5 GB), and the
        // exact elimination of a signed permutation at that size is refused before FLINT allocates anything
        let cyclic = try json([
            "emlp", "--matrix", "[[0,1,0,0],[0,0,1,0],[0,0,0,1],[1,0,0,0]]", "--in-power", "4",
            "--out-power", "4",
        ])
        #expect(cyclic["dimension"] as? Int == 16384 && cyclic["method"] as? String == "orbitals")
        let signed = try runEqgeom([
            "emlp", "--matrix", "[[0,-1,0,0],[0,0,1,0],[0,0,0,1],[1,0,0,0]]", "--in-power",
            "4", "--out-power", "4",
        ])
        #expect(
            signed.status == 2 && signed.stderr.contains("exact elimination over 65536 unknowns"), "\(signed.stderr)")
        // --field belongs to emlp: the commands that cannot use it do not offer it (it was accepted and ignored)
        for command in [["identifiability"], ["invariants", "--degree", "2"]] {
            try expectRefusal(command + ["--matrix", "[[0,-1],[1,0]]", "--field", "x^2-3"], "Unknown option '--field'")
        }
        // the rotation by 90° of R² and its dual: maps V* → V
        let rotation = try json(["emlp", "--matrix", "[[0,-1],[1,0]]", "--in-dual"])
        #expect(rotation["dimension"] as? Int == 2)
    }

    @Test func emlpWritesTheBasis() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        #expect(try runEqgeom(["emlp", "--perm", "(1 2 3)", "--out", "\(dir)/b.json"]).status == 0)
        let exact = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: "\(dir)/b.json")))
        #expect((exact as? [[[String]]])?.count == 3)
        #expect(try runEqgeom(["emlp", "--perm", "(1 2 3)", "--out", "\(dir)/b.npz"]).status == 0)
        #expect(FileManager.default.fileExists(atPath: "\(dir)/b.npz"))
    }

    @Test func identifiabilityKeysAndValues() throws {
        let a4 = try json(["identifiability", "--gen", "(1 2 3)", "--gen", "(1 2)(3 4)", "--n", "4"])
        #expect(a4["group_order"] as? String == "12" && a4["closure_order"] as? String == "24")
        #expect(a4["identifiable"] as? Bool == false && a4["k"] as? Int == 2)
        #expect(a4["commutant_dimension"] as? Int == 2 && a4["double_commutant_holds"] as? Bool == true)
        let powers = a4["layer_parameters_by_power"] as? [[String: Int]] ?? []
        #expect(powers.last == ["power": 3, "group": 6, "closure": 5])
        let a4k3 = try json(["identifiability", "--gen", "(1 2 3)", "--gen", "(1 2)(3 4)", "--n", "4", "--k", "3"])
        #expect(a4k3["closure_order"] as? String == "12" && a4k3["identifiable"] as? Bool == true)
        let upper = try json(["identifiability", "--matrix", "[[1,1],[0,1]]", "--matrix", "[[1,0],[0,2]]"])
        #expect(upper["bicommutant_dimension"] as? Int == 4 && upper["generated_algebra_dimension"] as? Int == 3)
        #expect(upper["double_commutant_holds"] as? Bool == false && upper["closure_order"] == nil)
    }

    @Test func invariantsKeysAndValues() throws {
        let c4 = try json(["invariants", "--matrix", "[[0,-1],[1,0]]", "--degree", "4"])
        #expect(c4["dimension"] as? Int == 3 && c4["monomials"] as? Int == 5 && c4["variables"] as? Int == 2)
        #expect((c4["basis"] as? [String])?.first == "x1^4 + x2^4")
        let so3 = try json(["invariants"] + Self.so3 + ["--degree", "2"])
        #expect(so3["basis"] as? [String] == ["x1^2 + x2^2 + x3^2"])
        // S3 on 3 points, degree 3: the partitions of 3 into at most 3 parts
        #expect(
            try json(["invariants", "--gen", "(1 2 3)", "--gen", "(1 2)", "--degree", "3"])["dimension"] as? Int == 3)
        try expectRefusal(["invariants", "--perm", "(1 2)", "--degree", "-1"], "--degree")
        try expectRefusal(["invariants", "--n", "40", "--perm", "(1 2)", "--degree", "9"], "monomials")
    }

    @Test func covarianceSymmetries() throws {
        let exact = try json(["covariance-symmetries", "--cov", "[[2,1,0],[1,2,0],[0,0,3]]"])
        #expect(exact["method"] as? String == "exact" && exact["d"] as? Int == 3 && exact["rank"] as? Int == 3)
        // eigenvalues 1, 3, 3: one rotation preserves H; the Cor. 1 algebra is d(d−1)/2 for any full-rank H
        #expect(exact["orthogonal_dimension"] as? Int == 1 && exact["cor1_dimension"] as? Int == 3)
        // generators: the rotation of the 3-eigenspace (u vᵀ − v uᵀ, u = (1,1,0), v = e₃) commutes with H; E₁₂ − E₂₁
        // gives [H, L] = diag(−2, 2, 0): squared 8, relative 8/(19·2) = 4/19 (by hand)
        let defects = try json([
            "covariance-symmetries", "--cov", "[[2,1,0],[1,2,0],[0,0,3]]", "--generator", "[[0,0,1],[0,0,1],[-1,-1,0]]",
            "--generator", "[[0,1,0],[-1,0,0],[0,0,0]]",
        ])
        let entries = try #require(defects["generators"] as? [[String: Any]])
        #expect(entries.count == 2 && entries[0]["commutes"] as? Bool == true && entries[0]["relative"] as? Double == 0)
        #expect(entries[1]["commutes"] as? Bool == false && entries[1]["relative_squared"] as? String == "4/19")
        #expect(abs((entries[1]["relative"] as? Double ?? 0) - (4.0 / 19).squareRoot()) < 1e-15)
        try expectRefusal(["covariance-symmetries", "--cov", "[[1,0],[0,1]]", "--generator", "[[1]]"], "generator")
        // past d = 48 the exact solve (d⁶ work) is refused before it starts
        let identity =
            "["
            + (0..<49).map { i in "[" + (0..<49).map { $0 == i ? "1" : "0" }.joined(separator: ",") + "]" }
            .joined(separator: ",") + "]"
        try expectRefusal(["covariance-symmetries", "--cov", identity], "exact solves stop at 48")
        let singular = try json(["covariance-symmetries", "--cov", "[[1,1,0,0],[1,1,0,0],[0,0,1,1],[0,0,1,1]]"])
        #expect(singular["rank"] as? Int == 2 && singular["cor1_dimension"] as? Int == 9)
        let regression = try json([
            "covariance-symmetries", "--x", "[[1,0,0,2],[0,1,0,1],[0,0,1,0]]", "--y", "[[1,0,0,2]]",
        ])
        #expect((regression["regression"] as? [String: Int])?["invariant_outputs_dimension"] == 1)
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        // a point and its rotations by 90°: H = λI, which so(2) preserves
        try ShardedStatisticsTests.writeNPY([1, 2, -2, 1, -1, -2, 2, -1], rows: 4, columns: 2, to: "\(dir)/x.npy")
        let numeric = try json(["covariance-symmetries", "--data", "\(dir)/x.npy"])
        #expect(numeric["method"] as? String == "numeric" && numeric["orthogonal_dimension"] as? Int == 1)
        #expect(numeric["samples"] as? Int == 4 && numeric["tolerance"] as? Double == 1e-9)
        // floating point: H = diag(1, 1, 2) and L = E₁₃ − E₃₁ give √(1/6) within the stated bound
        try ShardedStatisticsTests.writeNPY([1, 0, 0, 0, 1, 0, 0, 0, 2], rows: 3, columns: 3, to: "\(dir)/h.npy")
        let float = try json([
            "covariance-symmetries", "--cov", "\(dir)/h.npy", "--generator", "[[0,0,1],[0,0,0],[-1,0,0]]",
        ])
        let defect = try #require((float["generators"] as? [[String: Any]])?.first)
        let bound = try #require(defect["error_bound"] as? Double)
        #expect(
            bound > 0 && bound < 1e-12 && abs((defect["relative"] as? Double ?? 1) - (1.0 / 6).squareRoot()) <= bound)
        try expectRefusal(["covariance-symmetries", "--cov", "[[1,2],[3,4]]"], "symmetric")
        try expectRefusal(["covariance-symmetries"], "give one of")
        try expectRefusal(["covariance-symmetries", "--x", "[[1,0],[0,1]]"], "--x and --y")
        try expectRefusal(["covariance-symmetries", "--cov", "[[1]]", "--tolerance", "2"], "--tolerance")
        try expectRefusal(["covariance-symmetries", "--x", "[[1,1],[1,1]]", "--y", "[[1,2]]"], "singular")
    }

    @Test func lconvKeysAndChecks() throws {
        let raster = ["lconv", "--preset", "raster", "--image", "3x3", "--offsets", "0,1,3,4"]
        let vertical = try json(raster + ["--check-shift", "y"])
        #expect((vertical["equivariant_under"] as? [String: Any])?["equivariant"] as? Bool == true)
        let horizontal = try json(raster + ["--check-shift", "x"])
        #expect((horizontal["equivariant_under"] as? [String: Any])?["equivariant"] as? Bool == false)
        let shift = try json(["lconv", "--preset", "shift", "--d", "8", "--kernel", "3", "--channels", "1,16"])
        #expect(shift["parameters"] as? Int == 48 && shift["centralizer_dimension"] as? Int == 8)
        #expect(shift["abelian"] as? Bool == true && shift["lie_closure_dimension"] as? Int == 2)
        let gl = try json(["lconv", "--preset", "gl", "--d", "3"])
        #expect(gl["lie_closure_dimension"] as? Int == 9 && gl["killing_form_rank"] as? Int == 8)
        #expect(gl["centralizer_dimension"] as? Int == 1)
        let torus = try json(["lconv", "--preset", "torus", "--image", "4x4", "--kernel", "2", "--check-shift", "x"])
        #expect((torus["equivariant_under"] as? [String: Any])?["equivariant"] as? Bool == true)
        try expectRefusal(["lconv"], "give one of --preset and --generators")
        try expectRefusal(["lconv", "--preset", "shift", "--d", "8"], "--kernel")
        try expectRefusal(["lconv", "--preset", "shift", "--d", "1", "--kernel", "4"], "--kernel 2…d")  // fuzz 2029
        try expectRefusal(["lconv", "--preset", "raster", "--image", "3x3", "--offsets", "0,x"], "--offsets")
        try expectRefusal(["lconv", "--preset", "gl", "--d", "3", "--channels", "0,2"], "--channels")
        try expectRefusal(["lconv", "--preset", "gl", "--d", "3", "--check-shift", "x"], "--check-shift needs --image")
        try expectRefusal(["lconv", "--generators", "missing.json"], "cannot read")
    }

    /// Learning a generator with W: every learned A lies in ℝ[C_5] (the circulants), not on the group.
    @Test func barriersReproduction() throws {
        let o = try json(["reproduce", "barriers", "--runs", "3", "--steps", "6000"])
        let runs = o["runs"] as? [[String: Any]] ?? []
        #expect(runs.count == 3 && o["group_algebra_dimension"] as? Int == 5 && o["activation"] as? String == "linear")
        #expect(runs.allSatisfy { ($0["distance_to_group_algebra"] as? Double ?? 1) < 1e-6 })
        #expect((o["group_elements_recovered"] as? Int ?? 3) < 3)
        #expect(o["converged_runs"] as? Int == 3 && runs.allSatisfy { $0["converged"] as? Bool == true })
        // C_8 in 300 steps is far from a critical point: no run may be called "in R[G]"
        let early = try runEqgeom(["reproduce", "barriers", "--n", "8", "--runs", "2", "--steps", "300"])
        #expect(early.status == 0 && early.stdout.contains("no run converged") && !early.stdout.contains("in each"))
        try expectRefusal(["reproduce", "barriers", "--n", "1"], "--n takes 2…32")
        try expectRefusal(["reproduce", "barriers", "--activation", "relu"], "--activation")
        let signal = try json(["reproduce", "gradient-signal", "--n", "4", "--directions", "3"])
        let rows = signal["rows"] as? [[String: Any]] ?? []
        #expect(rows.compactMap { $0["exact_commutant_dimension"] as? Int } == [4, 1, 1])
        #expect(rows.dropFirst().allSatisfy { ($0["largest_directional_derivative"] as? Double ?? 1) < 1e-9 })
        try expectRefusal(["reproduce", "gradient-signal", "--n", "9"], "--n takes 2…8")
    }

    /// `semigroup` on ℤ₄ (worked in SemigroupConvolutionTests: convolutions 1, T-equivariant maps 2) from a table
    /// file and from the preset; a non-associative table, a non-ideal and a non-integer entry are refused.
    @Test func semigroupConvolutions() throws {
        let directory = try temporaryDirectory()
        let path = directory + "/z4.json"
        try Data("[[0,0,0,0],[0,1,2,3],[0,2,0,2],[0,3,2,1]]".utf8).write(to: URL(fileURLWithPath: path))
        for source in [["--table", path], ["--multiplicative", "4"]] {
            let o = try json(["semigroup"] + source + ["--ideal", "0,2"])
            #expect(o["order_t"] as? Int == 4 && o["order_s"] as? Int == 2 && o["commutes"] as? Bool == true)
            #expect(o["convolution_dimension"] as? Int == 1 && o["commutant_dimension"] as? Int == 2)
            #expect(o["convolutions_are_the_commutant"] as? Bool == false && o["ideal"] as? [Int] == [0, 2])
        }
        try expectRefusal(["semigroup", "--table", "[[1,1],[0,0]]"], "not associative")
        try expectRefusal(["semigroup", "--multiplicative", "6", "--ideal", "1"], "not a right ideal")
        try expectRefusal(["semigroup", "--table", "[[1/2]]"], "not an element")
        try expectRefusal(["semigroup"], "give one of --table and --multiplicative")
        try expectRefusal(["semigroup", "--multiplicative", "65"], "1…64")
    }

    /// The L-conv comparison's shape on one short epoch (the full run is `eqgeom reproduce lconv`).
    /// The generators written with `--generators-out` are the scored ones: reread by NumPy, the first learned one's
    /// distance to the commutant of the hidden quarter turn is recomputed directly (the average of its four
    /// conjugates, independent of the Q basis the command uses).
    @Test func lconvComparisonRuns() throws {
        let directory = try temporaryDirectory()
        let path = directory + "/g.npz"
        let o = try json([
            "reproduce", "lconv", "--epochs", "1", "--filters", "2", "--generators", "2", "--generators-out", path,
        ])
        let rows = o["rows"] as? [[String: Any]] ?? []
        #expect(rows.count == 8 && o["samples"] as? Int == 2000)
        #expect(Set(rows.compactMap { $0["model"] as? String }) == ["cnn", "lconv", "random", "fc"])
        #expect(rows.allSatisfy { (($0["test_accuracy"] as? Double) ?? -1) > 0.15 })
        #expect(rows.allSatisfy { (($0["test_accuracy_error"] as? Double) ?? 1) < 0.03 })
        #expect(o["commutant_dimension"] as? Int == 784 * 784 / 4)
        let lconv = rows.first { $0["model"] as? String == "lconv" && $0["data"] as? String == "rotated" }
        let reported = (lconv?["rotation_distances"] as? [Double]) ?? []
        #expect(reported.count == 2 && rows.filter { $0["rotation_distances"] != nil }.count == 4)
        let (status, printed) = try runPythonCode(
            """
            import numpy as np
            z = np.load('\(path)')
            assert int(z['kind']) == 10 and z['lconv_rotated'].shape == (2, 784, 784), z['lconv_rotated'].shape
            L, q = z['lconv_rotated'][0], z['quarter_turn']
            P = np.zeros((784, 784)); P[q, np.arange(784)] = 1
            avg = sum(np.linalg.matrix_power(P, k) @ L @ np.linalg.matrix_power(P, k).T for k in range(4)) / 4
            print(np.linalg.norm(L - avg) / np.linalg.norm(L))
            """)
        #expect(status == 0, "\(printed)")
        let recomputed = Double(printed.trimmingCharacters(in: .whitespacesAndNewlines)) ?? -1
        #expect(abs(recomputed - (reported.first ?? -2)) < 1e-9, "\(printed) vs \(reported)")
        try expectRefusal(["reproduce", "lconv", "--epochs", "0"], "--epochs takes 1…200")
        try expectRefusal(["reproduce", "lconv", "--generators-out", "g.npy"], "--generators-out")
    }

    /// One hidden ReLU layer, σ_w = 1, σ_b = 0: K(x, x) = E[relu(u)²] = ‖x‖²/(2d), so the NNGP's trace is
    /// Σ‖x_i‖²/(2d); the NTK adds Θ⁰·T′ = ‖x‖²/d · 1/2 on the diagonal.
    @Test func kernelTraces() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let x: [Double] = [1, 2, 0, -1, 3, 1, 2, 2, -2, 0, 1, 4]
        try ShardedStatisticsTests.writeNPY(x, rows: 3, columns: 4, to: "\(dir)/x.npy")
        let o = try json([
            "kernel", "--kind", "mlp", "--data", "\(dir)/x.npy", "--image", "2x2", "--bias-std", "0", "--out",
            "\(dir)/k.npz",
        ])
        let matrices = o["matrices"] as? [[String: Any]] ?? []
        let expected = x.reduce(0) { $0 + $1 * $1 } / 8
        #expect(abs((matrices.first?["trace"] as? Double ?? 0) - expected) < 1e-12)
        // the default σ_b = 1 (as orbit-kernel): K⁰ = ‖x‖²/d + 1, K¹ = K⁰/2 + 1 on the diagonal, 3 samples
        let biased = try json(["kernel", "--kind", "mlp", "--data", "\(dir)/x.npy", "--image", "2x2"])
        let biasedTrace = (biased["matrices"] as? [[String: Any]])?.first?["trace"] as? Double ?? 0
        #expect(abs(biasedTrace - (expected + 3 * 1.5)) < 1e-12)
        try expectRefusal(["kernel", "--kind", "mlp", "--length-scale", "2"], "--length-scale is for --kind rbf")
        try expectRefusal(["kernel", "--kind", "rbf", "--depth", "2"], "--depth is for --kind mlp")
        #expect(abs((matrices.last?["trace"] as? Double ?? 0) - 2 * expected) < 1e-12)
        #expect(FileManager.default.fileExists(atPath: "\(dir)/k.npz") && o["samples"] as? Int == 3)
        let rbf = try json(["kernel", "--kind", "rbf", "--data", "\(dir)/x.npy", "--image", "1x4"])
        #expect((rbf["matrices"] as? [[String: Any]])?.first?["trace"] as? Double == 3)
        try expectRefusal(["kernel", "--kind", "cnn", "--data", "\(dir)/x.npy"], "values per sample")
        try expectRefusal(["kernel", "--kind", "rbf", "--window", "0x3"], "--window")
        try expectRefusal(["kernel", "--kind", "mlp", "--samples", "0"], "--samples")
        // --normalize sphere: unit-norm rows, so the one-layer NNGP's diagonal is 1/(2d) = 1/8 for every sample
        let unit = try json([
            "kernel", "--kind", "mlp", "--data", "\(dir)/x.npy", "--image", "2x2", "--normalize", "sphere",
            "--bias-std", "0",
        ])
        let diagonal = (unit["matrices"] as? [[String: Any]])?.first?["diag_mean"] as? Double ?? 0
        #expect(abs(diagonal - 0.125) < 1e-15)
        // the CNN propositions: average pooling is constant on translation orbits (rank 2, no LOO without a ridge)
        let gap = try json(
            ["orbit-kernel", "--data", "\(dir)/x.npy", "--image", "2x2", "--shift", "x", "--kernel", "cnn-gap"])
        #expect((gap["constant_defect"] as? Double ?? 1) < 1e-14 && gap["rank"] as? Int == 2)
        // ... and its circularised spectrum vanishes off λ_0 and λ_N: ε = 0, the paper's perfect generalisation
        #expect(gap["exact_residuals"] == nil && gap["spectral_error"] as? Double == 0)
        try ShardedStatisticsTests.writeNPY([1e160, 1, 2, 3], rows: 1, columns: 4, to: "\(dir)/big.npy")
        // values whose squares overflow: refused after the progress line, before any file is written
        for (args, file) in [
            (
                ["kernel", "--kind", "mlp", "--data", "\(dir)/big.npy", "--image", "2x2", "--out", "\(dir)/big.npz"],
                "big.npz"
            ),
            (
                ["spectra", "--image", "2x2", "--shift", "x", "--data", "\(dir)/big.npy", "--out", "\(dir)/s.npz"],
                "s.npz"
            ),
        ] {
            let r = try runEqgeom(args)
            #expect(r.status == 2 && r.stdout.isEmpty && r.stderr.contains("overflow"), "\(args): \(r.stderr)")
            #expect(!FileManager.default.fileExists(atPath: "\(dir)/\(file)"))
        }
        try expectRefusal(["kernel", "--kind", "cnn", "--readout", "max"], "--readout")
    }

    /// Orbits under a matrix and orbits given point by point (seed 003) against the permutation-group path on the same
    /// points: the counterclockwise rotation of 2×2 images as a 4×4 permutation matrix, and the orbits it makes written
    /// by the test itself; a perturbed point is reported as a broken invariance, not hidden.
    @Test func orbitKernelOnMatrixActionsAndGivenPoints() throws {
        let dir = try temporaryDirectory()
        var rng = SeededGenerator(seed: 303)
        let samples = (0..<12).map { _ in Double(rng.next(in: 0...1000)) / 1000 }
        try ShardedStatisticsTests.writeNPY(samples, rows: 3, columns: 4, to: "\(dir)/x.npy")
        let common = ["--data", "\(dir)/x.npy", "--pair", "0,2", "--ridge", "0.05", "--kernel", "mlp:2"]
        let group = try json(["orbit-kernel", "--image", "2x2", "--rotate", "90"] + common)
        // pixel (r, c) ↦ (1 − c, r): P[g(i)][i] = 1
        let image = { (i: Int) in (1 - i % 2) * 2 + i / 2 }
        let rows = (0..<4).map { r in "[" + (0..<4).map { image($0) == r ? "1" : "0" }.joined(separator: ",") + "]" }
        let matrix = try json(["orbit-kernel", "--matrix", "[" + rows.joined(separator: ",") + "]"] + common)
        let action = matrix["matrix_action"] as? [String: Any] ?? [:]
        #expect(action["order"] as? Int == 4 && action["power_defect"] as? Double == 0)
        #expect(matrix["orbit_source"] as? String == "matrix" && group["orbit_source"] as? String == "group")
        // the orbits x, gx, g²x, g³x of samples 0 and 2, by the test
        var points: [Double] = []
        for a in [0, 2] {
            var x = Array(samples[(a * 4)..<(a * 4 + 4)])
            for _ in 0..<4 {
                points += x
                var next = [Double](repeating: 0, count: 4)
                for i in 0..<4 { next[image(i)] = x[i] }
                x = next
            }
        }
        try ShardedStatisticsTests.writeNPY(points, shape: [2, 4, 4], to: "\(dir)/orbits.npy")
        try ShardedStatisticsTests.writeNPY(points, rows: 8, columns: 4, to: "\(dir)/rows.npy")
        let options = ["--ridge", "0.05", "--kernel", "mlp:2"]
        let file = try json(["orbit-kernel", "--orbits", "\(dir)/orbits.npy"] + options)
        let byRows = try json(["orbit-kernel", "--orbits", "\(dir)/rows.npy", "--orbit-length", "4"] + options)
        let reference = group["exact_residuals"] as? [Double] ?? []
        #expect(reference.count == 2)
        for other in [matrix, file, byRows] {
            for key in ["exact_residuals", "block_residuals", "circularized_spectrum"] {
                let (a, b) = (group[key] as? [Double] ?? [], other[key] as? [Double] ?? [])
                #expect(
                    a.count == b.count && zip(a, b).allSatisfy { abs($0 - $1) <= 1e-12 * max(1, abs($0)) }, "\(key)")
            }
            #expect(abs((group["spectral_error"] as? Double ?? 0) - (other["spectral_error"] as? Double ?? 1)) < 1e-12)
        }
        // one point moved: no longer an orbit; the invariance defect says so and the block formula departs
        points[5] += 0.25
        try ShardedStatisticsTests.writeNPY(points, shape: [2, 4, 4], to: "\(dir)/broken.npy")
        let broken = try json(["orbit-kernel", "--orbits", "\(dir)/broken.npy"] + options)
        #expect((broken["invariance_defect"] as? Double ?? 0) > 1e-3)
        let (e, b) = (broken["exact_residuals"] as? [Double] ?? [], broken["block_residuals"] as? [Double] ?? [])
        #expect(e.count == 2 && zip(e, b).contains { abs($0 - $1) > 1e-6 })
        try expectRefusal(["orbit-kernel", "--orbits", "\(dir)/orbits.npy", "--gen", "(1 2)"], "name the orbits once")
        try expectRefusal(["orbit-kernel", "--orbits", "\(dir)/rows.npy"], "orbit length")
        try expectRefusal(["orbit-kernel", "--orbits", "\(dir)/orbits.npy", "--pair", "0,1"], "--pair")
        try expectRefusal(["orbit-kernel", "--matrix", "[[1,1],[0,1]]", "--data", "\(dir)/x.npy"], "finite order")
        try expectRefusal(
            ["orbit-kernel", "--image", "2x2", "--rotate", "90", "--orbit-length", "4"], "--orbit-length")
    }

    /// Two MNIST orbits under the horizontal shift: an MLP's NTK is invariant, and the exact block formula equals
    /// the direct leave-one-out solve.
    @Test func orbitKernelBlockFormula() throws {
        let o = try json(["orbit-kernel", "--image", "28x28", "--shift", "x", "--pair", "3,7", "--ridge", "0.01"])
        #expect(o["N"] as? Int == 28 && (o["invariance_defect"] as? Double ?? 1) < 1e-14)
        let exact = o["exact_error"] as? [String: Double] ?? [:]
        let block = o["block_formula_error"] as? [String: Double] ?? [:]
        #expect(
            abs((exact["A"] ?? 0) - (block["A"] ?? 1)) < 1e-10 && abs((exact["B"] ?? 0) - (block["B"] ?? 1)) < 1e-10)
        #expect(
            (o["block_spectra"] as? [[String: Any]])?.count == 28
                && (o["circularized_spectrum"] as? [Double])?.count == 56)
        let four = try json(
            ["orbit-kernel", "--image", "28x28", "--rotate", "90", "--seeds", "0,1,2,3", "--labels", "1,-1,1,-1"])
        let (e, b) = (four["exact_residuals"] as? [Double] ?? [], four["block_residuals"] as? [Double] ?? [])
        #expect(e.count == 4 && zip(e, b).allSatisfy { abs($0 - $1) < 1e-10 } && four["spectral_error"] == nil)
        // D4 (two generators): the block formula in the isotypic frame; several points left out together
        let d4 = try json(
            [
                "orbit-kernel", "--image", "28x28", "--rotate", "90", "--reflect", "horizontal", "--leave-out",
                "0:0,0:3,1:5",
            ])
        let (e4, b4) = (d4["exact_residuals"] as? [Double] ?? [], d4["block_residuals"] as? [Double] ?? [1])
        #expect(d4["N"] as? Int == 8 && zip(e4, b4).allSatisfy { abs($0 - $1) < 1e-10 } && e4.count == 2)
        let left = d4["leave_out"] as? [String: Any] ?? [:]
        let (ld, lb) = (left["direct"] as? [Double] ?? [], left["block"] as? [Double] ?? [1])
        #expect(ld.count == 3 && zip(ld, lb).allSatisfy { abs($0 - $1) < 1e-10 })
        try expectRefusal(
            ["orbit-kernel", "--image", "28x28", "--rotate", "90", "--leave-out", "0:4"], "--leave-out")
        try expectRefusal(["orbit-kernel", "--image", "28x28", "--shift", "x", "--kernel", "cnn-gap"], "multiply-adds")
        // no generator: the trivial group, orbits of one point each (plain kernel regression on two points)
        let trivial = try json(["orbit-kernel", "--n", "784"])
        #expect(trivial["N"] as? Int == 1 && (trivial["exact_residuals"] as? [Double])?.count == 2)
        try expectRefusal(["orbit-kernel", "--image", "28x28", "--rotate", "90", "--seeds", "0,1,2"], "--labels")
        try expectRefusal(["orbit-kernel", "--image", "28x28", "--shift", "x", "--pair", "3,3"], "--pair")
        try expectRefusal(["orbit-kernel", "--image", "28x28", "--shift", "x", "--kernel", "svm"], "--kernel")
        try expectRefusal(["orbit-kernel", "--image", "28x28", "--shift", "x", "--ridge", "-1"], "--ridge")
    }

    /// Orbits of 16,016 points (cycles 7, 11, 13, 16): beyond the direct solve, the block formula on the upright
    /// rows alone; the same data at order 60 (cycles 3, 4, 5) goes through both solves, which agree.
    @Test func orbitKernelLongOrbits() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try ShardedStatisticsTests.writeNPY(
            (0..<(3 * 47)).map { sin(12.9898 * Double($0)) * 3 }, rows: 3, columns: 47, to: "\(dir)/x.npy")
        var start = 0
        var cycles = ""
        for c in [7, 11, 13, 16] {
            cycles += "(" + (1...c).map { String(start + $0) }.joined(separator: " ") + ")"
            start += c
        }
        let long = try json(["orbit-kernel", "--perm", cycles, "--data", "\(dir)/x.npy", "--ridge", "0.001"])
        #expect(long["method"] as? String == "blocks" && long["N"] as? Int == 16016 && long["exact_residuals"] == nil)
        #expect(
            (long["block_residuals"] as? [Double])?.count == 2 && (long["invariance_defect"] as? Double ?? 1) < 1e-14)
        let left = try json(
            [
                "orbit-kernel", "--perm", cycles, "--data", "\(dir)/x.npy", "--ridge", "0.001", "--leave-out",
                "0:0,1:8008",
            ])
        let together = (left["leave_out"] as? [String: Any])?["block"] as? [Double] ?? []
        #expect(together.count == 2 && together.allSatisfy(\.isFinite))
        let short = try json([
            "orbit-kernel", "--perm", "(1 2 3)(4 5 6 7)(8 9 10 11 12)", "--n", "47", "--data", "\(dir)/x.npy",
        ])
        let (e, b) = (short["exact_residuals"] as? [Double] ?? [], short["block_residuals"] as? [Double] ?? [1])
        #expect(short["method"] as? String == "direct+blocks" && zip(e, b).allSatisfy { abs($0 - $1) < 1e-10 })
    }

    /// Fig. 3 of the neural-kernel paper: on interleaved circular orbits the spectral error is the exact GP residual
    /// (and the block formula's), and it falls as the orbits move apart.
    @Test func symmetryKernelReproduction() throws {
        let o = try json(["reproduce", "symmetry-kernel"])
        let rows = (o["by_delta"] as? [[String: Any]] ?? []) + (o["by_n"] as? [[String: Any]] ?? [])
        #expect(rows.count == 14)
        for row in rows {
            let (e, gp, block) = (
                row["spectral_error"] as? Double ?? 0, row["gp_residual"] as? Double ?? 1,
                row["block_formula"] as? Double ?? 2
            )
            #expect(abs(e - gp) < 1e-10 * max(1, gp) && abs(block - gp) < 1e-10 * max(1, gp), "\(row)")
        }
        let errors = (o["by_delta"] as? [[String: Any]] ?? []).compactMap { $0["gp_residual"] as? Double }
        #expect(zip(errors, errors.dropFirst()).allSatisfy { $0 >= $1 }, "the error falls as Δ grows: \(errors)")
    }

    /// Partially observed rotations at tiny scale: with one angle the leave-out class is never seen, so its
    /// withheld upright images cannot be classified; accuracies are fractions.
    @Test func rotatedMNISTRuns() throws {
        let o = try json(
            [
                "reproduce", "rotated-mnist", "--angles", "1,4", "--seeds-per-class", "2", "--test-per-class", "1",
                "--leave-out", "3,5",
            ])
        let rows = o["rows"] as? [[String: Any]] ?? []
        // N = 1: the leave-out class is never seen, so no upright image of it can be predicted
        #expect(rows.count == 2 && rows.first?["out_test_acc"] as? Double == 0 && o["samples"] as? Int == 30)
        for row in rows {
            let classes = row["per_leave_out"] as? [[String: Any]] ?? []
            let mean = classes.reduce(0) { $0 + ($1["out_test_acc"] as? Double ?? 9) } / 2
            #expect(classes.map { $0["class"] as? Int } == [3, 5] && mean == row["out_test_acc"] as? Double)
        }
        #expect(
            rows.allSatisfy {
                (0...1).contains($0["in_test_acc"] as? Double ?? -1) && $0["exact_rotations"] as? Bool == true
            })
        try expectRefusal(["reproduce", "rotated-mnist", "--angles", "0"], "--angles")
        try expectRefusal(["reproduce", "rotated-mnist", "--leave-out", "12"], "--leave-out")
        try expectRefusal(["reproduce", "rotated-mnist", "--kernel", "cnn-gap"], "multiply-adds")
    }

    @Test func badRepresentationsAreRefused() throws {
        try expectRefusal(["emlp", "--matrix", "[[1,2],[3]]"], "one length")
        try expectRefusal(["emlp", "--matrix", "[[1,x]]"], "'x' is not a rational number")
        try expectRefusal(["emlp", "--matrix", "[[1,2],[2,4]]"], "singular")
        try expectRefusal(
            ["emlp", "--matrix", "[[1,0],[0,1]]", "--lie-matrix", "[[1,0,0],[0,1,0],[0,0,1]]"], "not 2×2")
        try expectRefusal(["emlp", "--matrix", "[[0,1],[1,0]]", "--perm", "(1 2)"], "not both")
        try expectRefusal(["emlp"], "name the representation")
        try expectRefusal(["emlp", "--perm", "(1 2)", "--in-power", "9"], "--in-power")
        try expectRefusal(["emlp", "--random-generators", "2"], "--dim")
        try expectRefusal(["emlp", "--matrix", "missing.json"], "cannot read")
        try expectRefusal(["emlp", "--perm", "(1 2)", "--out", "b.txt"], "--out must end in")
        try expectRefusal(["identifiability", "--perm", "(1 2)", "--k", "9"], "--k")
        try expectRefusal(["identifiability"], "name the representation")
    }
}
