import Foundation
import Testing
import EqgeomTestSupport

/// Expects a clean refusal: one `eqgeom: error:` line containing `message`, nothing on stdout, exit 2.
func expectRefusal(_ args: [String], _ message: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
    let r = try runEqgeom(args)
    let lines = r.stderr.split(separator: "\n")
    #expect(r.status == 2, "\(args): exit \(r.status)", sourceLocation: sourceLocation)
    #expect(r.stdout.isEmpty, "\(args): stdout \(r.stdout)", sourceLocation: sourceLocation)
    #expect(
        lines.count == 1 && lines[0].hasPrefix("eqgeom: error: "), "\(args): \(r.stderr)",
        sourceLocation: sourceLocation)
    #expect(r.stderr.contains(message), "\(args): \(r.stderr)", sourceLocation: sourceLocation)
}

/// A fresh temporary directory.
func temporaryDirectory() throws -> String {
    let dir = NSTemporaryDirectory() + "eqgeom-test-\(UUID().uuidString)"
    try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    return dir
}

/// Every reproducer of the hardening issue, as a regression test (docs/cli.md "Errors").
@Suite struct HardeningTests {
    @Test func contradictoryAndRepeatedOptionsAreRefusedByName() throws {
        try expectRefusal(
            ["components", "count", "--perm", "(1 2)(3 4)", "--perm", "(1 3)(2 4)", "--rank", "2"],
            "--perm is given more than once")
        try expectRefusal(["equivariant", "--perm", "(1 2 3)", "--rotate", "90", "--rank", "1"], "act on --image")
        try expectRefusal(["basis", "--perm", "(1 2 3)", "--shift", "q"], "'q'")
        try expectRefusal(
            ["components", "count", "--cycle-type", "3", "--n", "100", "--rank", "1"], "--n goes with --perm")
        try expectRefusal(["layer", "--n=-5"], "--n must be between 1")
        try expectRefusal(
            ["basis", "--image", "3x3", "--shift", "x", "--shift", "y", "--certify", "--every-cycle"],
            "--every-cycle is for one")
        try expectRefusal(
            ["determinantal", "--rows", "3", "--rows", "4", "--cols", "3", "--rank", "1"], "--rows is given")
        for command in ["basis", "mask", "layer", "invariant"] {
            let help = try runEqgeom([command, "--help"])
            #expect(help.status == 0 && !help.stdout.contains("--cycle-type"), "\(command) --help")
        }
    }

    /// A huge malformed value is named in a bounded line: its start and end around an ellipsis.
    @Test func errorLinesAreBounded() throws {
        let huge = "(1 2" + String(repeating: " 3", count: 20_000)
        let r = try runEqgeom(["equivariant", "--perm", huge, "--rank", "1"])
        #expect(r.status == 2 && r.stdout.isEmpty)
        let lines = r.stderr.split(separator: "\n")
        #expect(lines.count == 1 && lines[0].count <= 700, "\(r.stderr.prefix(200))")
        #expect(r.stderr.hasPrefix("eqgeom: error: The value '(1 2 3") && r.stderr.contains(" … "))
    }

    @Test func formerTrapsAndHangsAreRefusals() throws {
        try expectRefusal(
            ["layer", "--n", "2", "--in-power", "9223372036854775807"], "tensor powers must be between 0 and 16")
        try expectRefusal(
            ["layer", "--n", "1", "--in-power", "9223372036854775807", "--out-power", "0"], "tensor powers")
        try expectRefusal(
            ["equivariant", "--perm", "[2,1]", "--n", "2147483648", "--rank", "1"], "--n must be between")
        try expectRefusal(
            ["train", "--image", "28x28", "--shift", "x", "--rank", "5", "--max-shift", "9223372036854775807"],
            "--max-shift must be between 0 and 27")
    }

    @Test func memoryIsEstimatedInBytesBeforeWork() throws {
        let cases: [[String]] = [
            ["components", "count", "--cycle-type", "1000003", "--rank", "500000"],
            ["components", "show", "--cycle-type", "9998", "--rank", "4998", "--index", "0"],
            ["components", "list", "--cycle-type", "4194304", "--rank", "100", "--limit", "1000"],
            ["mask", "--perm", "()", "--n", "20000", "--rank", "20000", "--tuple", "20000"],
            ["basis", "--image", "16384x16384", "--shift", "x"],
            ["basis", "--perm", "(1 2000000000)"],
        ]
        for args in cases {
            try expectRefusal(args, "more than the memory limit of 4.0 GiB")
            try expectRefusal(args, "; --memory-limit raises the limit")
        }
        try expectRefusal(
            ["invariant", "--n", "2147483646", "--rows", "3", "--rank", "1"], "more than the memory limit")
        try expectRefusal(
            ["train", "--image", "28x28", "--shift", "x", "--rank", "5", "--batch-size", "1000000000"],
            "--batch-size must be between")
        try expectRefusal(
            ["basis", "--image", "30x30", "--shift", "x", "--memory-limit", "1M", "--out", "/tmp/x.npy"],
            "more than the memory limit of 1.0 MiB")
        try expectRefusal(
            ["equivariant", "--image", "3x3", "--shift", "x", "--rank", "1", "--memory-limit", "4Q"],
            "--memory-limit takes a positive size")
        // a budget beyond the machine's memory would trade a clean refusal for the kernel's kill
        try expectRefusal(["basis", "--perm", "(1 2000000000)", "--memory-limit", "1T"], "exceeds this machine's")
        // counting a huge image needs no permutation of its pixels
        let count = try json(["components", "count", "--image", "16384x16384", "--shift", "x", "--rank", "3"])
        #expect(count["components"] as? String != nil)
    }

    @Test func badDataFilesAreRefused() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let pixels = (0..<16).map(String.init).joined(separator: ",")
        for label in ["nan", "inf", "1e19", "-1", "2.5"] {
            let path = dir + "/l.csv"
            try "\(pixels),\(label)\n\(pixels),1\n".write(toFile: path, atomically: true, encoding: .utf8)
            try expectRefusal(trainArgs(path), "label '\(label)' is not a non-negative integer")
        }
        let npy = dir + "/huge.npy"
        try Data(npyBytes("{'descr': '<f8', 'fortran_order': False, 'shape': (4611686018427387904, 4), }", [0]))
            .write(to: URL(fileURLWithPath: npy))
        try expectRefusal(trainArgs(npy), "too many elements")
        let idx = dir + "/huge.idx3-ubyte"
        try Data([0, 0, 8, 3] + [UInt8](repeating: 0xff, count: 12) + [0, 0]).write(to: URL(fileURLWithPath: idx))
        try expectRefusal(trainArgs(idx), "IDX header says")
        let nanPixel = dir + "/nan.csv"
        let nanText = "nan" + String(pixels.dropFirst(1)) + "\n" + pixels + "\n"
        try nanText.write(toFile: nanPixel, atomically: true, encoding: .utf8)
        try expectRefusal(trainArgs(nanPixel), "is not a finite number")
        let huge = dir + "/huge.csv"
        let hugeText = "1e160" + String(pixels.dropFirst(1)) + "\n" + pixels + "\n"
        try hugeText.write(toFile: huge, atomically: true, encoding: .utf8)
        try expectRefusal(trainArgs(huge), "overflows double precision")
        // a gzip bomb stops at the memory limit: 64 MiB of zeros inflated past 64M/9
        let bomb = dir + "/bomb.csv.gz"
        let zeros = [UInt8](repeating: 0x30, count: 64 << 20)
        try Data(gzip(zeros)).write(to: URL(fileURLWithPath: bomb))
        try expectRefusal(trainArgs(bomb) + ["--memory-limit", "64M"], "decoding bomb.csv.gz")
        // the message's need exceeds its limit (it once said "needs about 7.1 MiB, more than the limit of 64 MiB")
        let bombed = try runEqgeom(trainArgs(bomb) + ["--memory-limit", "64M"])
        #expect(bombed.stderr.contains("9 bytes each) needs about 64."), "\(bombed.stderr)")
        try expectRefusal(trainArgs(dir + "/absent.csv"), "no such file")
    }

    @Test func adamDivergenceAndOverlargeRatesAreRefused() throws {
        try expectRefusal(
            [
                "train", "--image", "28x28", "--shift", "x", "--rank", "5", "--method", "adam", "--learning-rate",
                "1e308",
            ],
            "--learning-rate must be positive and at most 10")
    }

    @Test func fortranOrderNpyIsReadAsFortran() throws {
        // the same 3×16 data in C order (CSV) and Fortran order (.npy written without spaces) give the same optimum
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        var rows: [[Double]] = []
        for i in 0..<3 { rows.append((0..<16).map { j -> Double in Double((i * 7 + j * 3) % 11) / 10 }) }
        var fortran: [Double] = []
        for j in 0..<16 { for i in 0..<3 { fortran.append(rows[i][j]) } }
        let npy = dir + "/f.npy"
        try Data(npyBytes("{'descr':'<f8','fortran_order':True,'shape':(3,16)}", fortran)).write(
            to: URL(fileURLWithPath: npy))
        let csv = dir + "/c.csv"
        let lines: [String] = rows.map { row in row.map { String($0 * 255) }.joined(separator: ",") }
        try lines.joined(separator: "\n").write(toFile: csv, atomically: true, encoding: .utf8)
        let a = try json(trainArgs(npy))
        let b = try json(trainArgs(csv))
        let la = a["exact_loss"] as? Double ?? -1
        let lb = b["exact_loss"] as? Double ?? -2
        #expect(abs(la - lb) <= 1e-12 * max(1, abs(la)), "\(la) vs \(lb)")
    }

    @Test func largeOffsetsGiveNonNegativeLossesWithHonestBounds() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        var values: [Double] = []
        for i in 0..<20 { for j in 0..<16 { values.append(1e8 + Double((i * 13 + j * 7) % 17) / 17) } }
        let npy = dir + "/offset.npy"
        try Data(npyBytes("{'descr': '<f8', 'fortran_order': False, 'shape': (20, 16), }", values))
            .write(to: URL(fileURLWithPath: npy))
        let o = try json(trainArgs(npy) + ["--dense"])
        let loss = o["exact_loss"] as? Double ?? -1
        let error = o["exact_loss_error"] as? Double ?? 0
        #expect(loss >= 0 && (o["dense_loss"] as? Double ?? -1) >= 0)
        // the data's offset makes the rounding error larger than the loss: the bound must say so
        #expect(error >= loss, "loss \(loss) with bound \(error)")
        let table = try runEqgeom(trainArgs(npy))
        #expect(table.stdout.contains("not resolved"))
    }

    @Test func failedRunsLeaveNoFilesAndReplacedFilesKeepTheirMode() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let q = dir + "/q.npy"
        let longCycle = "(" + (1...300).map(String.init).joined(separator: " ") + ")"
        try expectRefusal(["basis", "--perm", longCycle, "--certify", "--out", q], "cycles up to length 256")
        #expect(!FileManager.default.fileExists(atPath: q))
        try expectRefusal(
            ["basis", "--image", "3x3", "--shift", "x", "--out", dir + "/q.txt"], "--out must end in .npy or .npz")
        let npz = dir + "/q.npz"
        #expect(try runEqgeom(["basis", "--image", "3x3", "--shift", "x", "--out", npz]).status == 0)
        #expect(try Data(contentsOf: URL(fileURLWithPath: npz)).prefix(2) == Data("PK".utf8))
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: npz)
        let again = try runEqgeom(["basis", "--image", "3x3", "--shift", "y", "--out", npz])
        #expect(again.status == 0 && again.stderr.contains("wrote \(npz)"))
        let mode = try FileManager.default.attributesOfItem(atPath: npz)[.posixPermissions] as? Int
        #expect(mode == 0o600)
        let out = dir + "/run"
        try expectRefusal(
            ["train", "--image", "28x28", "--shift", "x", "--rank", "5", "--component", "paper", "--out", out],
            "paper's tuple")
        #expect(!FileManager.default.fileExists(atPath: out))
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: dir).filter { $0.hasSuffix(".tmp") }
        #expect(leftovers.isEmpty)
    }

    @Test func sigintStopsTrainingCleanly() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let process = Process()
        process.executableURL = eqgeomBinary()
        process.arguments = [
            "train", "--image", "28x28", "--shift", "x", "--rank", "99", "--method", "adam", "--epochs", "10000",
            "--out", dir + "/new/nested/run",
        ]
        let err = Pipe()
        process.standardError = err
        process.standardOutput = Pipe()
        try process.run()
        // wait until Adam reports progress, then interrupt
        var seen = Data()
        while !String(decoding: seen, as: UTF8.self).contains("Adam") {
            let chunk = err.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            seen.append(chunk)
        }
        kill(process.processIdentifier, SIGINT)
        let pid = process.processIdentifier
        DispatchQueue.global().asyncAfter(deadline: .now() + 60) { kill(pid, SIGKILL) }  // never hang the suite
        seen.append(err.fileHandleForReading.readDataToEndOfFile())
        process.waitUntilExit()
        let text = String(decoding: seen, as: UTF8.self)
        #expect(process.terminationStatus == 130, "\(text)")
        #expect(text.contains("eqgeom: error: interrupted"))
        // the directories made for the run (made before the work, so an impossible one is refused first) go too
        #expect(!FileManager.default.fileExists(atPath: dir + "/new"))
    }

    @Test func builtInDataIsFoundAnywhereAndBalanced() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let r = try runEqgeom(["train", "--image", "28x28", "--shift", "x", "--rank", "20", "--json"], in: dir)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("\"samples\" : 2000"))
    }

    /// Results written to a device that refuses them (/dev/full) are an error, not exit 0; an output that would
    /// replace one of the command's inputs (any spelling, a hard link) is refused and the input stays as it was.
    @Test func lostResultsAndOverwrittenInputsAreRefused() throws {
        let shell = Process()
        shell.executableURL = URL(fileURLWithPath: "/bin/sh")
        shell.arguments = ["-c", "'\(eqgeomBinary().path)' layer --group S5 --json > /dev/full"]
        let err = Pipe()
        shell.standardError = err
        try shell.run()
        let message = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        shell.waitUntilExit()
        #expect(shell.terminationStatus == 2 && message.contains("standard output"), "\(message)")
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let generators = "[[2,3,1],[2,1,3]]\n"
        try generators.write(toFile: dir + "/g.json", atomically: true, encoding: .utf8)
        try FileManager.default.linkItem(atPath: dir + "/g.json", toPath: dir + "/link.json")
        try "[[0,1],[1,0]]\n".write(toFile: dir + "/m.json", atomically: true, encoding: .utf8)
        for args in [
            ["basis", "--generators", "g.json", "--out", "g.json"],
            ["basis", "--generators", "link.json", "--out", "./g.json"],
            ["emlp", "--matrix", "m.json", "--out", "m.json"],
        ] {
            let r = try runEqgeom(args, in: dir)
            #expect(r.status == 2 && r.stderr.contains("is an input of this command"), "\(args): \(r.stderr)")
        }
        #expect(try String(contentsOfFile: dir + "/g.json", encoding: .utf8) == generators)
        #expect(try String(contentsOfFile: dir + "/m.json", encoding: .utf8) == "[[0,1],[1,0]]\n")
        // an output into a missing directory is refused before any work
        let missing = try runEqgeom(["layer", "--group", "S4", "--out", "missing/l.npz"], in: dir)
        #expect(missing.status == 2 && missing.stderr.contains("missing does not exist"), "\(missing.stderr)")
        // a command refused after its inputs were read leaves no file (the report is computed before writing)
        let refused = try runEqgeom(
            ["invariant", "--gen", "(1 2)", "--n", "8000", "--rows", "8000", "--rank", "2000", "--out", "inv.npz"],
            in: dir)
        #expect(refused.status == 2 && !refused.stderr.contains("wrote"), "\(refused.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir).sorted() == ["g.json", "link.json", "m.json"])
    }

    /// An `.npz` member is budgeted with the bytes it inflates to beside its array: a 60 MB member (honestly
    /// declared, compressed to almost nothing) is refused under a 100 MiB limit before it is inflated.
    @Test func npzMembersAreBudgetedBeforeInflating() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let (made, output) = try runPythonCode(
            "import numpy as np; np.savez_compressed('\(dir)/w.npz', w=np.zeros((2740, 2740)))")
        try #require(made == 0, "\(output)")
        try expectRefusal(
            ["identify", "--image", "28x28", "--shift", "x", "--weights", "\(dir)/w.npz", "--memory-limit", "100M"],
            "one inflated member")
    }

    /// Data whose products overflow reach no LAPACK routine (whose error handler prints on stdout): a clean
    /// one-line refusal with nothing on stdout.
    @Test func overflowingDataNeverReachesLAPACK() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        var x = (0..<(20 * 16)).map { Double($0 % 7) / 7 }
        x[0] = 1e160
        try ShardedStatisticsTests.writeNPY(x, rows: 20, columns: 16, to: "\(dir)/huge.npy")
        try ShardedStatisticsTests.writeNPY(
            (0..<256).map { $0 % 17 == 0 ? 1 : 0 }, rows: 16, columns: 16, to: "\(dir)/w.npy")
        let shift = ["--image", "4x4", "--shift", "x", "--data", "\(dir)/huge.npy"]
        for args in [["identify", "--weights", "\(dir)/w.npy"] + shift, ["orbit-kernel"] + shift] {
            let r = try runEqgeom(args)
            let last = r.stderr.split(separator: "\n").last ?? ""
            #expect(r.status == 2 && r.stdout.isEmpty, "\(args): \(r.stdout)")
            #expect(last.hasPrefix("eqgeom: error: ") && last.contains("overflow double precision"), "\(r.stderr)")
        }
    }

    /// Temporaries a killed run left behind (SIGKILL cannot be caught) are swept the next time eqgeom writes into
    /// that directory; a live process's temporaries are left alone.
    @Test func killedRunsLitterIsSwept() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let dead = ".l.npz.eqgeom-2000000000-7.tmp"  // no process has this id (above any pid_max)
        let live = ".l.npz.eqgeom-\(ProcessInfo.processInfo.processIdentifier)-8.tmp"
        for name in [dead, live] { try "partial".write(toFile: "\(dir)/\(name)", atomically: false, encoding: .utf8) }
        let r = try runEqgeom(["layer", "--group", "S4", "--out", "l.npz"], in: dir)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir).sorted() == [live, "l.npz"].sorted())
    }

    /// Runs eqgeom in `directory`, sends `signal` after `delay` seconds, and returns its exit status.
    static func signalled(_ arguments: [String], in directory: String, after delay: Double, with signal: Int32)
        throws -> Int32
    {
        let process = Process()
        process.executableURL = eqgeomBinary()
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        process.standardError = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        Thread.sleep(forTimeInterval: delay)
        kill(process.processIdentifier, signal)
        process.waitUntilExit()
        return process.terminationStatus
    }

    /// `train --out NEW` killed (SIGKILL) at moments spread over its run leaves either no NEW or NEW with all of its
    /// files (they are written into a hidden staging directory that one rename makes NEW); the staging directories
    /// of the killed runs are swept by the next write beside them.
    @Test func killedRunsLeaveAWholeDirectoryOrNone() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let expected = ["reconstructions.svg", "weights-qbasis.svg", "weights.npz"]
        for (k, delay) in [0.3, 0.8, 1.3, 1.8, 2.4, 3.0, 4.0].enumerated() {
            let args = ["train", "--image", "28x28", "--shift", "x", "--rank", "20", "--method", "exact"]
            _ = try Self.signalled(args + ["--out", "\(dir)/run\(k)"], in: dir, after: delay, with: SIGKILL)
            let path = "\(dir)/run\(k)"
            if FileManager.default.fileExists(atPath: path) {
                #expect(
                    try FileManager.default.contentsOfDirectory(atPath: path).sorted() == expected, "kill at \(delay) s"
                )
            }
        }
        let r = try runEqgeom(["layer", "--group", "S4", "--out", "l.npz"], in: dir)
        #expect(r.status == 0, "\(r.stderr)")
        let left = try FileManager.default.contentsOfDirectory(atPath: dir)
        #expect(left.allSatisfy { $0 == "l.npz" || $0.hasPrefix("run") }, "\(left)")
    }

    /// SIGINT or SIGTERM to a command that does not poll for interruption (`layer` writing a 25 MB index), at
    /// moments spread over its run: it exits 130 or 143 leaving no file and no temporary, or (a signal after the
    /// commit) 0 with the whole file.
    @Test func signalsRemoveTemporariesOfEveryCommand() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        for (k, delay) in [0.2, 0.7, 1.2, 1.7, 2.2, 2.7, 3.5].enumerated() {
            let signal = k % 2 == 0 ? SIGINT : SIGTERM
            let status = try Self.signalled(
                ["layer", "--group", "S50", "--in-power", "2", "--out-power", "2", "--out", "l.npz"], in: dir,
                after: delay, with: signal)
            let left = try FileManager.default.contentsOfDirectory(atPath: dir)
            if status == 0 {
                #expect(left == ["l.npz"], "signal at \(delay) s: \(left)")
            } else {
                #expect(status == 128 + signal && left.isEmpty, "signal at \(delay) s: status \(status), \(left)")
            }
            try? FileManager.default.removeItem(atPath: dir + "/l.npz")
        }
    }

    /// `lconv` generator files stop at 64×64, and dense non-commuting generators whose Lie closure could take over
    /// 2^34 operations to find (two random 48×48 matrices may generate gl(48), 2304 dimensions) are refused before
    /// any work, with one line (the closure of two random 6×6 matrices took 7 s, of 8×8 ones minutes, before the
    /// closure was spun modulo a prime).
    @Test func lconvGeneratorFilesAreBounded() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        // entries (x >> 16) mod 5 − 2 of the LCG x ← 1103515245x + 12345 mod 2³¹ from x = 1 (NumPy's spinning of
        // the same matrices finds gl(6): 36 dimensions)
        func write(_ d: Int, count: Int, to name: String, entry: ((Int, Int) -> Int)? = nil) throws {
            var x = 1
            let matrices = (0..<count).map { _ in
                "["
                    + (0..<d).map { i in
                        "["
                            + (0..<d).map { j -> String in
                                x = (1_103_515_245 * x + 12345) % (1 << 31)
                                return String(entry?(i, j) ?? (x >> 16) % 5 - 2)
                            }.joined(separator: ",") + "]"
                    }.joined(separator: ",") + "]"
            }
            try ("[" + matrices.joined(separator: ",") + "]").write(
                toFile: dir + "/" + name, atomically: true, encoding: .utf8)
        }
        try write(65, count: 1, to: "big.json") { i, j in j == (i + 1) % 65 ? 1 : 0 }
        try expectRefusal(["lconv", "--generators", dir + "/big.json"], "at most 64×64")
        try write(48, count: 2, to: "dense.json")
        try expectRefusal(["lconv", "--generators", dir + "/dense.json"], "over 2^34")
        try write(6, count: 2, to: "six.json")
        let six = try json(["lconv", "--generators", dir + "/six.json"])
        #expect(six["lie_closure_dimension"] as? Int == 36 && six["killing_form_rank"] as? Int == 35)
    }

    /// A short generator file can name many large permutations: g·n images are budgeted before any is built.
    @Test func generatorFilesAreBudgetedByGeneratorsTimesPoints() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let text = "[ " + (2...20_001).map { "(1,\($0))" }.joined(separator: ", ") + " ]"
        try text.write(toFile: dir + "/many.g", atomically: true, encoding: .utf8)
        try expectRefusal(
            ["layer", "--generators", dir + "/many.g", "--memory-limit", "100M"], "20000 generators on 20001 points")
    }

    /// An option that would be ignored is refused by name (it was silently dropped).
    @Test func optionsThatWouldBeIgnoredAreRefused() throws {
        let shift = ["orbit-kernel", "--image", "28x28", "--shift", "x"]
        try expectRefusal(shift + ["--pair", "0,1", "--seeds", "0,1,2"], "give --pair or --seeds, not both")
        try expectRefusal(shift + ["--labels", "1,2"], "--labels goes with --seeds")
        try expectRefusal(["kernel", "--kind", "cnn", "--depth", "3"], "--depth is for --kind mlp")
    }

    @Test func hugeIntegersPrintReadably() throws {
        let short = try runEqgeom(["components", "count", "--cycle-type", "64^4096", "--rank", "50000"])
        #expect(short.stdout.contains("106 digits: "), "\(short.stdout)")
        let full = try runEqgeom(["components", "count", "--cycle-type", "64^4096", "--rank", "50000", "--full"])
        #expect(!full.stdout.contains("digits:") && full.stdout.count > short.stdout.count)
    }
}

/// `train` on 4×4 images from a file, exact optimum at rank 2.
func trainArgs(_ path: String) -> [String] {
    ["train", "--image", "4x4", "--shift", "x", "--rank", "2", "--data", path]
}

/// A `.npy` file with a literal header and float64 values.
func npyBytes(_ header: String, _ values: [Double]) -> [UInt8] {
    var h = Array(header.utf8)
    while (10 + h.count + 1) % 64 != 0 { h.append(0x20) }
    h.append(0x0a)
    var out: [UInt8] = [0x93] + Array("NUMPY".utf8) + [1, 0, UInt8(h.count & 0xff), UInt8(h.count >> 8)] + h
    for v in values { withUnsafeBytes(of: v.bitPattern.littleEndian) { out.append(contentsOf: $0) } }
    return out
}

/// gzip through the system's `gzip` (test fixture only).
func gzip(_ bytes: [UInt8]) throws -> [UInt8] {
    let p = Process()
    p.executableURL = URL(fileURLWithPath: "/bin/gzip")
    p.arguments = ["-c", "-9"]
    let input = Pipe()
    let output = Pipe()
    p.standardInput = input
    p.standardOutput = output
    try p.run()
    let writer = Thread {
        try? input.fileHandleForWriting.write(contentsOf: bytes)
        try? input.fileHandleForWriting.close()
    }
    writer.start()
    let data = output.fileHandleForReading.readDataToEndOfFile()
    p.waitUntilExit()
    return [UInt8](data)
}
