import Foundation
import Testing
import EqgeomTestSupport

func json(_ args: [String]) throws -> [String: Any] {
    let r = try runEqgeom(args + ["--json"])
    #expect(r.status == 0, "\(args): \(r.stderr)")
    return try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any] ?? [:]
}

/// The stable JSON keys scripts rely on (docs/cli.md), with values from MATH.md.
@Suite struct CommandContractTests {
    /// The completion scripts docs/cli.md installs exist for bash, zsh and fish and name the commands and options.
    @Test func completionScriptsNameCommandsAndOptions() throws {
        for shell in ["bash", "zsh", "fish"] {
            let r = try runEqgeom(["--generate-completion-script", shell])
            #expect(r.status == 0, "\(shell): \(r.stderr)")
            #expect(r.stdout.contains("critical-points") && r.stdout.contains("memory-limit"), "\(shell)")
        }
    }

    @Test func determinantalKeys() throws {
        let o = try json(["determinantal", "--rows", "3", "--cols", "3", "--rank", "1"])
        #expect(o["dimension"] as? Int == 5 && o["degree"] as? String == "6" && o["ed_degree"] as? String == "3")
    }

    @Test func invariantKeys() throws {
        let o = try json(["invariant", "--gen", "(1 3 4)(2 5)", "--rows", "2", "--rank", "1"])
        #expect(o["orbits"] as? [[Int]] == [[1, 3, 4], [2, 5]])
        #expect(
            o["k"] as? Int == 2 && o["dimension"] as? Int == 3 && o["degree"] as? String == "2"
                && o["ed_degree"] as? String == "2")
        let fixed = try json(["invariant", "--gen", "(1 2)", "--n", "4", "--rows", "2", "--rank", "1"])
        #expect(fixed["orbits"] as? [[Int]] == [[1, 2], [3], [4]])
    }

    @Test func equivariantKeys() throws {
        let o = try json(["equivariant", "--image", "28x28", "--shift", "x", "--rank", "99"])
        #expect(o["n"] as? Int == 784)
        #expect(o["components"] as? String == "72426340906146")
        #expect(o["components_with_rank_r"] as? String == "72425986088826")
        let blocks = o["blocks"] as? [[String: Any]] ?? []
        #expect(blocks.count == 15)
        #expect(
            blocks.first.map {
                $0["l"] as? Int == 1 && $0["m"] as? Int == 1 && $0["weight"] as? Int == 1
                    && $0["multiplicity"] as? Int == 28
            } == true)
        #expect(blocks[1]["l"] as? Int == 28 && blocks[1]["m"] as? Int == 27 && blocks[1]["weight"] as? Int == 2)
    }

    @Test func componentKeys() throws {
        let count = try json(["components", "count", "--cycle-type", "5,5", "--rank", "5"])
        #expect(count["components"] as? String == "5" && count["components_with_rank_r"] as? String == "3")
        let all = try json(["components", "count", "--cycle-type", "8,3", "--all-ranks"])
        let byRank = all["by_rank"] as? [[String: Any]] ?? []
        #expect(byRank.count == 12)
        #expect(byRank[6]["components"] as? String == "20" && byRank[6]["components_with_rank_r"] as? String == "16")
        let list = try json([
            "components", "list", "--perm", "(1 3 4)(2 5)", "--rank", "4", "--offset", "1", "--limit", "5",
        ])
        let items = list["components"] as? [[String: Any]] ?? []
        #expect(items.count == 2)
        #expect(items.first?["index"] as? String == "1" && items.first?["tuple"] as? [Int] == [2, 1, 0])
        let show = try json([
            "components", "show", "--image", "28x28", "--shift", "x", "--rank", "99",
            "--tuple", "1/1=13,28/27=10,14/13=9,28/25=8,7/6=7,28/23=5,14/11=3,4/3=1",
        ])
        #expect(show["tuple"] as? [Int] == [13, 10, 9, 8, 7, 5, 3, 1, 0, 0, 0, 0, 0, 0, 0])
        #expect(
            show["dimension"] as? Int == 4717 && show["parameters"] as? Int == 5544
                && show["dense_parameters"] as? Int == 155_232)
        #expect(show["max_rank"] as? Int == 99 && show["degree"] is String && show["ed_degree"] is String)
        let byIndex = try json([
            "components", "show", "--cycle-type", "28^28", "--rank", "99", "--index", show["index"] as? String ?? "",
        ])
        #expect(byIndex["tuple"] as? [Int] == show["tuple"] as? [Int])
    }

    /// Bad input of any kind: one error line on stderr, exit status 2, nothing on stdout.
    @Test func hugeVolumesAreCountedFromTheirCycleType() throws {
        // 10^9 voxels: 10^6 cycles of length 1000, never built as a permutation
        let o = try json(["equivariant", "--volume", "1000x1000x1000", "--shift", "x", "--rank", "4"])
        #expect(o["n"] as? Int == 1_000_000_000 && o["cycle_type"] as? String == "1000^1000000")
    }

    @Test func badInputFailsCleanly() throws {
        let cases: [[String]] = [
            ["equivariant", "--perm", "(1 2 1)", "--rank", "1"],
            ["equivariant", "--perm", "(1 a)", "--rank", "1"],
            ["equivariant", "--perm", "(1 2", "--rank", "1"],
            ["equivariant", "--perm", "(1 5)", "--n", "3", "--rank", "1"],
            ["equivariant", "--perm", "(1 2)", "--rank", "3"],
            ["equivariant", "--perm", "(1 2)", "--rank", "-1"],
            ["equivariant", "--rank", "1"],
            ["equivariant", "--perm", "(1 2)", "--cycle-type", "2", "--rank", "1"],
            ["equivariant", "--cycle-type", "0^3", "--rank", "1"],
            ["equivariant", "--cycle-type", "100000^100000", "--rank", "1"],
            ["equivariant", "--image", "28x", "--shift", "x", "--rank", "1"],
            ["equivariant", "--image", "28x28", "--shift", "w", "--rank", "1"],
            ["equivariant", "--image", "3x4", "--rotate", "90", "--rank", "1"],
            ["equivariant", "--image", "3x3", "--rotate", "45", "--rank", "1"],
            ["equivariant", "--image", "3x3", "--reflect", "sideways", "--rank", "1"],
            ["equivariant", "--image", "100000x100000", "--shift", "x", "--rank", "1"],
            ["equivariant", "--volume", "2x2", "--shift", "z", "--rank", "1"],
            ["determinantal", "--rows", "0", "--cols", "3", "--rank", "0"],
            ["determinantal", "--rows", "3", "--cols", "3", "--rank", "9"],
            ["determinantal", "--rows", "3", "--cols", "3", "--rank", "x"],
            ["invariant", "--gen", "(1 2)", "--gen", "(1 2 3 4 5)", "--n", "3", "--rows", "2", "--rank", "1"],
            ["invariant", "--rows", "2", "--rank", "1"],
            ["components", "show", "--perm", "(1 3 4)(2 5)", "--rank", "4", "--tuple", "1,1,0"],
            ["components", "show", "--perm", "(1 3 4)(2 5)", "--rank", "4", "--tuple", "1,1"],
            ["components", "show", "--perm", "(1 3 4)(2 5)", "--rank", "4", "--tuple", "9/9=1"],
            ["components", "show", "--perm", "(1 3 4)(2 5)", "--rank", "4", "--index", "3"],
            ["components", "show", "--perm", "(1 3 4)(2 5)", "--rank", "4"],
            ["components", "list", "--perm", "(1 3 4)(2 5)", "--rank", "4", "--offset", "-1"],
            ["components", "list", "--perm", "(1 3 4)(2 5)", "--rank", "4", "--limit", "2000000"],
            ["components", "count", "--perm", "(1 3 4)(2 5)"],
            ["determinantal", "--rows", "2000000000", "--cols", "2000000000", "--rank", "1000000000"],
            // many block shapes: no closed form, and a series of 10⁹ terms
            [
                "components", "count", "--cycle-type",
                (1...50).map { "\(1_000_000 + $0)^30" }.joined(separator: ","), "--rank", "1000000000",
            ],
            ["components", "show", "--cycle-type", "1000000^2", "--rank", "1000000", "--tuple", "1000000,0"],
            ["components", "count", "--cycle-type", "2147483647", "--rank", "5"],
            ["basis", "--image", "1x9000000", "--shift", "x"],
            ["invariant", "--gen", "(1 2)", "--rows", "9223372036854775807", "--rank", "1"],
            ["bogus"],
        ]
        for args in cases {
            let r = try runEqgeom(args + ["--json"])
            #expect(r.status == 2, "\(args)")
            #expect(r.stdout.isEmpty, "\(args): \(r.stdout)")
            let lines = r.stderr.split(separator: "\n")
            #expect(lines.count == 1 && lines[0].hasPrefix("eqgeom: error: "), "\(args): \(r.stderr)")
        }
    }
}
