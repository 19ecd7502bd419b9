import Foundation
import Testing
import EqgeomTestSupport

/// `spectra --out` per shard, then `train --stats` over the shards, against one `train` over all the data
/// (the same best component and loss to rounding), and the refusals of malformed or mismatched files.
@Suite struct ShardedStatisticsTests {
    /// A float64 C-order `.npy` file (format 1.0) of a rows × columns matrix.
    static func writeNPY(_ values: [Double], rows: Int, columns: Int, to path: String) throws {
        try writeNPY(values, shape: [rows, columns], to: path)
    }

    /// A float64 .npy of any shape (C order), written byte by byte (no eqgeom code involved).
    static func writeNPY(_ values: [Double], shape: [Int], to path: String) throws {
        let dims = shape.map(String.init).joined(separator: ", ") + (shape.count == 1 ? "," : "")
        var header = "{'descr': '<f8', 'fortran_order': False, 'shape': (\(dims)), }"
        while (10 + header.utf8.count + 1) % 64 != 0 { header += " " }
        header += "\n"
        var bytes: [UInt8] = [0x93] + Array("NUMPY".utf8) + [1, 0]
        bytes += [UInt8(header.utf8.count & 0xff), UInt8(header.utf8.count >> 8)] + Array(header.utf8)
        for v in values { withUnsafeBytes(of: v.bitPattern.littleEndian) { bytes += $0 } }
        try Data(bytes).write(to: URL(fileURLWithPath: path))
    }

    @Test func shardsGiveTheWholeRunsOptimum() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let (n, counts) = (42, [30, 50, 20])
        var state: UInt64 = 12345
        let values = (0..<(counts.reduce(0, +) * n)).map { k -> Double in
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Double(state >> 11) / Double(1 << 53) + Double(k % n) / Double(n)
        }
        try Self.writeNPY(values, rows: 100, columns: n, to: "\(dir)/all.npy")
        var start = 0
        var files: [String] = []
        for (i, count) in counts.enumerated() {
            let shard = "\(dir)/shard\(i).npy"
            try Self.writeNPY(Array(values[(start * n)..<((start + count) * n)]), rows: count, columns: n, to: shard)
            start += count
            let stats = "\(dir)/stats\(i).npz"
            let r = try runEqgeom(["spectra", "--image", "6x7", "--shift", "x", "--data", shard, "--out", stats])
            #expect(r.status == 0, "\(r.stderr)")
            files.append(stats)
        }
        let whole = try json(["train", "--image", "6x7", "--shift", "x", "--data", "\(dir)/all.npy", "--rank", "8"])
        let merged = try json(["train", "--stats"] + files + ["--rank", "8"])
        #expect(merged["tuple"] as? [Int] == whole["tuple"] as? [Int])
        #expect(merged["samples"] as? Int == 100 && merged["shards"] as? Int == 3)
        let (a, b) = (merged["loss"] as? Double ?? -1, whole["exact_loss"] as? Double ?? 1)
        #expect(abs(a - b) <= 1e-12 * b, "sharded \(a) vs whole \(b)")

        // a statistics file for another σ, a non-archive, a missing file, and options that --stats replaces
        let other = "\(dir)/other.npz"
        #expect(
            try runEqgeom(["spectra", "--image", "7x6", "--shift", "x", "--data", "\(dir)/all.npy", "--out", other])
                .status == 0)
        // the same shard without its common members, or claiming another format: refused (docs/formats.md)
        for (drop, change) in [("format_version", ""), ("n", ""), ("", "format_version")] {
            let (stripped, output) = try runPythonCode(
                "import numpy as np; z = dict(np.load('\(files[0])')); z.pop('\(drop)', None); "
                    + "z.update({'\(change)': np.int64(1)} if '\(change)' else {}); "
                    + "np.savez('\(dir)/stripped.npz', **z)")
            try #require(stripped == 0, "\(output)")
            let r = try runEqgeom(["train", "--stats", "\(dir)/stripped.npz", "--rank", "8"])
            #expect(
                r.status == 2 && (r.stderr.contains("format_version") || r.stderr.contains("member 'n'")), "\(r.stderr)"
            )
        }
        for (args, message) in [
            (["train", "--stats", files[0], other, "--rank", "8"], "different permutations"),
            (["train", "--stats", "\(dir)/all.npy", "--rank", "8"], "not an .npz"),
            (["train", "--stats", "\(dir)/missing.npz", "--rank", "8"], "no such file"),
            (["train", "--stats", dir, "--rank", "8"], "is not a regular file"),
            (["train", "--stats", files[0], "--rank", "8", "--method", "adam"], "--stats"),
            (["train", "--stats", files[0], "--rank", "99"], "rank"),
        ] {
            let r = try runEqgeom(args)
            #expect(r.status != 0 && r.stderr.contains(message), "\(args): \(r.stderr)")
            #expect(r.stderr.split(separator: "\n").count == 1, "\(args): \(r.stderr)")
        }
    }

    /// A group (D4 on 5×5 images): shards give the whole run's optimum and best component; statistics of a group
    /// and of one permutation, of two groups, or with blocks that are not the group's are refused.
    @Test func groupShardsGiveTheWholeRunsOptimum() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let d4 = ["--image", "5x5", "--rotate", "90", "--reflect", "horizontal"]
        var state: UInt64 = 777
        let values = (0..<(90 * 25)).map { k -> Double in
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Double(state >> 11) / Double(1 << 53) + Double(k % 25) / 25
        }
        try Self.writeNPY(values, rows: 90, columns: 25, to: "\(dir)/all.npy")
        var files: [String] = []
        for (i, range) in [0..<40, 40..<90].enumerated() {
            let shard = "\(dir)/shard\(i).npy"
            try Self.writeNPY(
                Array(values[(range.lowerBound * 25)..<(range.upperBound * 25)]), rows: range.count, columns: 25,
                to: shard)
            let r = try runEqgeom(["spectra"] + d4 + ["--data", shard, "--out", "\(dir)/g\(i).npz"])
            #expect(r.status == 0, "\(r.stderr)")
            files.append("\(dir)/g\(i).npz")
        }
        for rank in [3, 6, 11] {
            let whole = try json(
                ["train"] + d4 + ["--data", "\(dir)/all.npy", "--rank", "\(rank)", "--method", "exact"])
            let merged = try json(["train", "--stats"] + files + ["--rank", "\(rank)"])
            #expect(merged["tuple"] as? [Int] == whole["tuple"] as? [Int], "rank \(rank)")
            let (a, b) = (merged["loss"] as? Double ?? -1, whole["exact_loss"] as? Double ?? 1)
            #expect(abs(a - b) <= 1e-12 * b, "rank \(rank): sharded \(a) vs whole \(b)")
        }
        // keyed tuples name the group's blocks
        let keyed = try json(["train", "--stats"] + files + ["--rank", "6", "--component", "R2.1=2,R1.1=2"])
        #expect(keyed["parameters"] as? Int == 48)
        let shift = "\(dir)/shift.npz"
        #expect(
            try runEqgeom(["spectra", "--image", "5x5", "--shift", "x", "--data", "\(dir)/all.npy", "--out", shift])
                .status == 0)
        let c4 = "\(dir)/c4.npz"
        #expect(
            try runEqgeom([
                "spectra", "--image", "5x5", "--rotate", "90", "--shift", "x", "--data", "\(dir)/all.npy", "--out", c4,
            ]).status == 0)
        let (edited, output) = try runPythonCode(
            "import numpy as np; z = dict(np.load('\(files[0])')); b = z['blocks'].copy(); b[0, 1] += 1; "
                + "z['blocks'] = b; np.savez('\(dir)/blocks.npz', **z)")
        try #require(edited == 0, "\(output)")
        for (args, message) in [
            (["train", "--stats", files[0], shift, "--rank", "6"], "cannot be merged"),
            (["train", "--stats", files[0], c4, "--rank", "6"], "different groups"),
            (["train", "--stats", "\(dir)/blocks.npz", "--rank", "6"], "member 'blocks'"),
        ] {
            let r = try runEqgeom(args)
            #expect(r.status == 2 && r.stderr.contains(message), "\(args): \(r.stderr)")
            #expect(r.stderr.split(separator: "\n").count == 1, "\(args): \(r.stderr)")
        }
    }
}
