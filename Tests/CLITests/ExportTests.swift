import Foundation
import Testing
import EqgeomTestSupport

/// Runs python3 on a script in python/ (or a path from the package root) with arguments; returns (status, output).
func runPython(_ script: String, _ args: [String]) throws -> (Int32, String) {
    let path = script.contains("/") ? script : "python/\(script)"
    return try runPython(arguments: [packageRoot().appendingPathComponent(path).path] + args)
}

/// Runs `python3 -c code` in the package root (so `python/src` is a relative path): (exit status, output).
func runPythonCode(_ code: String) throws -> (Int32, String) {
    try runPython(arguments: ["-c", code])
}

/// Runs `python3` with `arguments` in the package root: (exit status, stdout and stderr together).
private func runPython(arguments: [String]) throws -> (Int32, String) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["python3"] + arguments
    process.currentDirectoryURL = packageRoot()
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardError = pipe
    try process.run()
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, String(decoding: data, as: UTF8.self))
}

@Suite struct ExportTests {
    /// The plain Python + NumPy reader rebuilds Q_σ, a random member of the component commutes with
    /// P_σ and has its rank, and a random layer θ[index] is equivariant.
    @Test func pythonReaderRoundTrips() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("eqgeom-export-\(getpid())")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let cases: [([String], [String])] = [
            (
                ["--image", "28x28", "--shift", "x", "--rank", "99", "--tuple", "13,10,9,8,7,5,3,1,0,0,0,0,0,0,0"],
                [
                    "--gen", "(" + (1...2).map(String.init).joined(separator: " ") + ")", "--gen", "(1 2 3 4 5 6 7 8)",
                    "--in-power", "2", "--out-power", "2",
                ]
            ),
            (
                ["--image", "3x3", "--rotate", "90", "--rank", "3", "--tuple", "1/1=1,4/3=1"],
                ["--image", "3x3", "--rotate", "90", "--in-power", "1", "--out-power", "1"]
            ),
            (
                ["--perm", "(1 2 3 4 5 6)(7 8 9 10)(11)", "--rank", "6", "--tuple", "2,1,0,1,0"],
                ["--gen", "(1 2 3)", "--n", "4", "--in-power", "2", "--out-power", "1"]
            ),
        ]
        for (k, (maskArgs, layerArgs)) in cases.enumerated() {
            let arch = dir.appendingPathComponent("arch\(k).npz").path
            let layer = dir.appendingPathComponent("layer\(k).npz").path
            let m = try runEqgeom(["mask"] + maskArgs + ["--out", arch])
            #expect(m.status == 0, "\(m.stderr)")
            let l = try runEqgeom(["layer"] + layerArgs + ["--out", layer])
            #expect(l.status == 0, "\(l.stderr)")
            let (status, output) = try runPython("check_export.py", [arch, layer])
            #expect(status == 0, "\(maskArgs): \(output)")
        }
    }

    /// The invariant autoencoder's masks, read back by NumPy: columns agree on orbits, rank min(r, k).
    /// eqgeom reads what it writes: a layer's `.npz` and `.safetensors` as `--generators` (0-based images) give
    /// the same layer; a W written by the `safetensors` package (or eqgeom.io's fallback) is identified as the
    /// same W in `.npy`.
    @Test func eqgeomReadsWhatItWrites() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let d4 = ["--image", "5x5", "--rotate", "90", "--reflect", "horizontal"]
        let direct = try json(["layer"] + d4 + ["--in-power", "2", "--out-power", "1"])
        for ext in ["npz", "safetensors"] {
            #expect(try runEqgeom(["layer"] + d4 + ["--out", "\(dir)/d4.\(ext)"]).status == 0)
            let again = try json([
                "layer", "--generators", "\(dir)/d4.\(ext)", "--in-power", "2", "--out-power", "1",
            ])
            #expect(again["parameters"] as? Int == direct["parameters"] as? Int && again["n"] as? Int == 25, "\(ext)")
        }
        let (written, output) = try runPythonCode(
            "import numpy as np, sys; sys.path.insert(0, 'python/src'); from eqgeom import io; "
                + "w = np.random.default_rng(4).standard_normal((25, 25)); np.save('\(dir)/w.npy', w); "
                + "io.write_safetensors('\(dir)/w.safetensors', {'W': w}, {'n': 25})")
        try #require(written == 0, "\(output)")
        let fromNpy = try json(["identify"] + d4 + ["--weights", "\(dir)/w.npy"])
        let fromSafetensors = try json(["identify"] + d4 + ["--weights", "\(dir)/w.safetensors"])
        #expect(fromNpy["equivariant_distance"] as? Double == fromSafetensors["equivariant_distance"] as? Double)
        #expect(fromNpy["tuple"] as? [Int] == fromSafetensors["tuple"] as? [Int])
        for bad in ["\u{10}\0\0\0\0\0\0\0{\"W\": 1}", "short"] {
            try bad.write(toFile: "\(dir)/bad.safetensors", atomically: true, encoding: .utf8)
            let r = try runEqgeom(["identify"] + d4 + ["--weights", "\(dir)/bad.safetensors"])
            #expect(r.status == 2 && r.stderr.contains("not a safetensors file"), "\(r.stderr)")
        }
    }

    @Test func invariantMasksRoundTrip() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("eqgeom-inv-\(getpid()).npz").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        for args in [
            ["--gen", "(1 3 4)(2 5)", "--rows", "2", "--rank", "1"],
            ["--image", "4x4", "--rotate", "90", "--rows", "5", "--rank", "3"],
            [
                "--gen", "(" + (1...2).map(String.init).joined(separator: " ") + ")", "--n", "6", "--rows", "3",
                "--rank", "3",
            ],
        ] {
            let r = try runEqgeom(["invariant"] + args + ["--out", path])
            #expect(r.status == 0, "\(r.stderr)")
            let (status, output) = try runPython("check_invariant.py", [path])
            #expect(status == 0, "\(args): \(output)")
        }
    }

    @Test func basisMaskLayerKeys() throws {
        let b = try json(["basis", "--image", "28x28", "--shift", "x", "--exact", "--certify"])
        #expect(b["n"] as? Int == 784 && b["certified"] as? Bool == true)
        #expect((b["orthogonality_error"] as? Double ?? 1) < 1e-13 && (b["block_error"] as? Double ?? 1) < 1e-13)
        // 160 cycles of length 160: one exact 160×160 block per cycle length, no dense n×n product
        let big = try json(["basis", "--image", "160x160", "--shift", "x"])
        #expect((big["orthogonality_error"] as? Double ?? 1) < 1e-12 && big["certified"] is NSNull)
        let m = try json([
            "mask", "--image", "28x28", "--shift", "x", "--rank", "99", "--tuple", "13,10,9,8,7,5,3,1,0,0,0,0,0,0,0",
        ])
        #expect(
            m["parameters"] as? Int == 5544 && m["encoder_shape"] as? [Int] == [99, 784]
                && m["decoder_shape"] as? [Int] == [784, 99])
        let l = try json([
            "layer", "--gen", "(" + (1...2).map(String.init).joined(separator: " ") + ")", "--gen", "(1 2 3 4 5 6 7 8)",
            "--in-power", "2", "--out-power", "2",
        ])
        #expect(l["parameters"] as? Int == 15 && l["shape"] as? [Int] == [64, 64])
        // (1 2) on 100 points: (100^5 + 98^5)/2 orbits on 5-tuples by Burnside, more than can be listed
        let counted = try json(["layer", "--gen", "(1 2)", "--n", "100", "--in-power", "3", "--out-power", "2"])
        #expect(counted["parameters"] as? Int == 9_519_603_984 && counted["method"] as? String == "burnside")
        // S_1000 on 6-tuples: Bell(6) = 203 equality patterns, never listed
        let partitioned = try json(["layer", "--group", "S1000", "--in-power", "3", "--out-power", "3"])
        #expect(partitioned["parameters"] as? Int == 203 && partitioned["method"] as? String == "set-partitions")
        // the trivial named groups keep their points: A2 and S1 act on 2 and 1 points (all 4 and 1 entries free)
        let trivial = try json(["layer", "--group", "A2", "--in-power", "1", "--out-power", "1"])
        #expect(trivial["parameters"] as? Int == 4 && trivial["shape"] as? [Int] == [2, 2])
        let one = try json(["layer", "--group", "S1", "--in-power", "1", "--out-power", "1"])
        #expect(one["parameters"] as? Int == 1 && one["shape"] as? [Int] == [1, 1])
        let inv = try json(["layer", "--gen", "(1 2 3 4)", "--in-power", "1", "--out-power", "0"])
        #expect(inv["parameters"] as? Int == 1 && inv["shape"] as? [Int] == [1, 4])
        for bad in [
            ["basis", "--cycle-type", "28^28"], ["basis", "--image", "160x160", "--shift", "x", "--out", "/tmp/q.npy"],
            [
                "basis", "--perm",
                "(" + (1...257).map(String.init).joined(separator: " ") + ")",
                "--certify",
            ],
            ["mask", "--image", "3x3", "--rotate", "90", "--rank", "3", "--tuple", "1,1,0", "--out", "/tmp/x.txt"],
            ["mask", "--image", "3x3", "--rotate", "90", "--rank", "3", "--tuple", "1,0,0"],
            [
                "layer", "--gen", "(" + (1...2).map(String.init).joined(separator: " ") + ")", "--n", "100",
                "--in-power", "3", "--out-power", "2", "--out", "/tmp/eqgeom-burnside-layer.npz",
            ],
            ["layer", "--group", "E5"], ["layer", "--group", "D2"],
            ["layer", "--gen", "(" + (1...2).map(String.init).joined(separator: " ") + ")", "--in-power", "-1"],
        ] {
            let r = try runEqgeom(bad)
            #expect(
                r.status == 2 && r.stdout.isEmpty && r.stderr.split(separator: "\n").count == 1, "\(bad): \(r.stderr)")
        }
    }
}
