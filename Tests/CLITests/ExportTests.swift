import Foundation
import Testing
import EqgeomTestSupport

/// Runs python3 on a script in python/ with arguments; returns (status, output).
func runPython(_ script: String, _ args: [String]) throws -> (Int32, String) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["python3", packageRoot().appendingPathComponent("python/\(script)").path] + args
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
                ["--gen", "(1 2)", "--gen", "(1 2 3 4 5 6 7 8)", "--in-power", "2", "--out-power", "2"]
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
    @Test func invariantMasksRoundTrip() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("eqgeom-inv-\(getpid()).npz").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        for args in [
            ["--gen", "(1 3 4)(2 5)", "--rows", "2", "--rank", "1"],
            ["--image", "4x4", "--rotate", "90", "--rows", "5", "--rank", "3"],
            ["--gen", "(1 2)", "--n", "6", "--rows", "3", "--rank", "3"],
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
        let big = try json(["basis", "--image", "160x160", "--shift", "x"])  // dense would need 5.2 GB: probes the transform
        #expect((big["orthogonality_error"] as? Double ?? 1) < 1e-12 && big["certified"] is NSNull)
        let m = try json([
            "mask", "--image", "28x28", "--shift", "x", "--rank", "99", "--tuple", "13,10,9,8,7,5,3,1,0,0,0,0,0,0,0",
        ])
        #expect(
            m["parameters"] as? Int == 5544 && m["encoder_shape"] as? [Int] == [99, 784]
                && m["decoder_shape"] as? [Int] == [784, 99])
        let l = try json([
            "layer", "--gen", "(1 2)", "--gen", "(1 2 3 4 5 6 7 8)", "--in-power", "2", "--out-power", "2",
        ])
        #expect(l["parameters"] as? Int == 15 && l["shape"] as? [Int] == [64, 64])
        let inv = try json(["layer", "--gen", "(1 2 3 4)", "--in-power", "1", "--out-power", "0"])
        #expect(inv["parameters"] as? Int == 1 && inv["shape"] as? [Int] == [1, 4])
        for bad in [
            ["basis", "--cycle-type", "28^28"], ["basis", "--image", "160x160", "--shift", "x", "--out", "/tmp/q.npy"],
            [
                "basis", "--perm",
                "(1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20 21 22 23 24 25 26 27 28 29 30 31 32 33 34 35 36 37 38 39 40 41 42 43 44 45 46 47 48 49 50 51 52 53 54 55 56 57 58 59 60 61 62 63 64 65 66 67 68 69 70 71 72 73 74 75 76 77 78 79 80 81 82 83 84 85 86 87 88 89 90 91 92 93 94 95 96 97 98 99 100 101 102 103 104 105 106 107 108 109 110 111 112 113 114 115 116 117 118 119 120 121 122 123 124 125 126 127 128 129 130 131 132 133 134 135 136 137 138 139 140 141 142 143 144 145 146 147 148 149 150 151 152 153 154 155 156 157 158 159 160 161 162 163 164 165 166 167 168 169 170 171 172 173 174 175 176 177 178 179 180 181 182 183 184 185 186 187 188 189 190 191 192 193 194 195 196 197 198 199 200 201 202 203 204 205 206 207 208 209 210 211 212 213 214 215 216 217 218 219 220 221 222 223 224 225 226 227 228 229 230 231 232 233 234 235 236 237 238 239 240 241 242 243 244 245 246 247 248 249 250 251 252 253 254 255 256 257)",
                "--certify",
            ],
            ["mask", "--image", "3x3", "--rotate", "90", "--rank", "3", "--tuple", "1,1,0", "--out", "/tmp/x.txt"],
            ["mask", "--image", "3x3", "--rotate", "90", "--rank", "3", "--tuple", "1,0,0"],
            ["layer", "--gen", "(1 2)", "--n", "100", "--in-power", "3", "--out-power", "2"],
            ["layer", "--gen", "(1 2)", "--in-power", "-1"],
        ] {
            let r = try runEqgeom(bad)
            #expect(
                r.status == 2 && r.stdout.isEmpty && r.stderr.split(separator: "\n").count == 1, "\(bad): \(r.stderr)")
        }
    }
}
