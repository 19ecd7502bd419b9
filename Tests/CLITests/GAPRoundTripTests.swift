import Foundation
import Testing
import EqgeomTestSupport

/// `--gap` prints results as GAP records that GAP reads back, and the blocks eqgeom finds are the ones GAP's
/// character tables give (Oracles/gap-blocks.g → gap-blocks.json: Frobenius–Schur indicators and multiplicities of
/// the permutation character). Where GAP is installed the records are also read by GAP itself.
@Suite struct GAPRoundTripTests {
    /// The GAP executable, if installed.
    static let gap = ["/usr/bin/gap", "/usr/local/bin/gap"].first { FileManager.default.isExecutableFile(atPath: $0) }

    /// Runs a GAP script and returns its standard output with all white space removed.
    static func runGAP(_ script: String) throws -> String {
        let name = "eqgeom-gap-\(UUID().uuidString).g"
        let path = FileManager.default.temporaryDirectory.appendingPathComponent(name).path
        defer { try? FileManager.default.removeItem(atPath: path) }
        try ("SetPrintFormattingStatus(\"*stdout*\", false);\n" + script + "\nQUIT;\n").write(
            toFile: path, atomically: true, encoding: .utf8)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: gap ?? "gap")
        process.arguments = ["-q", path]
        let out = Pipe()
        process.standardOutput = out
        process.standardError = out
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self).filter { !$0.isWhitespace }
    }

    @Test func blocksAgreeWithGAPsCharacterTablesAndReadBack() throws {
        let url = packageRoot().appendingPathComponent("Tests/CLITests/Oracles/gap-blocks.json")
        let cases = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [[String: Any]])
        #expect(cases.count == 8)
        for c in cases {
            let name = c["name"] as? String ?? "?"
            let generators = c["generators"] as? [String] ?? []
            let expected = (c["blocks"] as? [[Any]] ?? []).map { b in
                "[\"\(b[0])\",\(b[1]),\(b[2])]"
            }.sorted()
            let args =
                ["equivariant"] + generators.flatMap { ["--gen", $0] } + ["--n", "\(c["n"] ?? 0)", "--rank", "1"]
            let blocks = (try json(args)["blocks"] as? [[String: Any]] ?? []).map { b in
                "[\"\(b["type"] ?? "")\",\(b["weight"] ?? 0),\(b["multiplicity"] ?? 0)]"
            }.sorted()
            #expect(blocks == expected, "\(name)")
            guard Self.gap != nil else { continue }
            let record = try runEqgeom(args + ["--gap"])
            try #require(record.status == 0, "\(record.stderr)")
            let read = try Self.runGAP(
                "r := " + record.stdout
                    + "Print(SortedList(List(r.blocks, b -> [b.type, b.weight, b.multiplicity])), \"\\n\");")
            #expect(read == "[" + expected.joined(separator: ",") + "]", "\(name): GAP read \(read)")
        }
    }

    /// Big integers, floats (1e-05 needs GAP's decimal point), strings with quotes, nested records and lists.
    @Test func recordsOfEveryKindReadBack() throws {
        let count = try runEqgeom(["components", "count", "--image", "28x28", "--shift", "x", "--rank", "99", "--gap"])
        #expect(count.status == 0 && count.stdout.contains("components := 72426340906146"), "\(count.stdout)")
        let shown = try runEqgeom([
            "components", "show", "--gen", "(1 2 3 4 5 6)", "--rank", "3", "--index", "0", "--gap",
        ])
        #expect(shown.status == 0 && shown.stdout.hasPrefix("rec(") && shown.stdout.hasSuffix(";\n"))
        let both = try runEqgeom(["components", "count", "--perm", "(1 2)", "--rank", "1", "--gap", "--json"])
        #expect(both.status == 2 && both.stderr.contains("--json and --gap"))
        guard Self.gap != nil else { return }
        let read = try Self.runGAP(
            "r := " + count.stdout + "Print(r.components - 72426340906146, \" \", r.rank, \"\\n\");")
        #expect(read == "099", "GAP read \(read)")
        let record = try Self.runGAP("r := " + shown.stdout + "Print(IsRecord(r), \"\\n\");")
        #expect(record == "true", "GAP read \(record)")
        let basis = try runEqgeom(["basis", "--image", "4x4", "--shift", "x", "--gap"])
        let floats = try Self.runGAP(
            "r := " + basis.stdout + "Print(IsFloat(r.block_error_max), r.block_error_max < 1.e-14, \"\\n\");")
        #expect(floats == "truetrue", "GAP read \(floats)")
    }

    /// `basis GROUP --out B.g` writes the exact basis in GAP syntax, and GAP re-checks it in its own arithmetic
    /// (Oracles/check-basis.g: number fields as AlgebraicExtension, P_g B = B M_g and full rank for every copy):
    /// ℚ(√5) for D5, an ℍ block for Q8, ℂ blocks for C7:C3; an edited entry is caught.
    @Test func exactBasesInGAPSyntaxHoldInGAP() throws {
        guard Self.gap != nil else { return }
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let checker = packageRoot().appendingPathComponent("Tests/CLITests/Oracles/check-basis.g").path
        let cases = [
            ("d5", ["(1 2 3 4 5)", "(2 5)(3 4)"], 2), ("q8", ["(1 2 4 6)(3 5 7 8)", "(1 3 4 7)(2 8 6 5)"], 5),
            ("c7c3", ["(1 2 3 4 5 6 7)", "(2 3 5)(4 7 6)"], 2),
        ]
        for (name, generators, classes) in cases {
            let path = "\(dir)/\(name).g"
            let r = try runEqgeom(["basis"] + generators.flatMap { ["--gen", $0] } + ["--out", path])
            try #require(r.status == 0, "\(r.stderr)")
            let verdict = try Self.runGAP("Read(\"\(path)\");\nRead(\"\(checker)\");")
            #expect(verdict.hasPrefix("basisholds:\(classes)classes"), "\(name): \(verdict)")
        }
        var text = try String(contentsOfFile: "\(dir)/d5.g", encoding: .utf8)
        let first = try #require(text.range(of: "\"1/5\""))  // one entry of the trivial copy: no longer constant
        text.replaceSubrange(first, with: "\"1/4\"")
        try text.write(toFile: "\(dir)/bad.g", atomically: true, encoding: .utf8)
        let verdict = try Self.runGAP("Read(\"\(dir)/bad.g\");\nRead(\"\(checker)\");")
        #expect(verdict.hasPrefix("P_gB<>BM_g"), "\(verdict)")
        try expectRefusal(["basis", "--perm", "(1 2 3)", "--out", "\(dir)/p.g"], "exact basis of a group")
    }
}
