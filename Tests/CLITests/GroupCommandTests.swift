import Foundation
import Testing
import EqgeomTestSupport

/// Groups on the command line: the JSON contract and MATH.md §8's worked numbers.
@Suite struct GroupCommandTests {
    @Test func d4OnMNISTImages() throws {
        let o = try json([
            "equivariant", "--image", "28x28", "--rotate", "90", "--reflect", "horizontal", "--rank", "99",
        ])
        #expect(o["components"] as? String == "2253800" && o["components_with_rank_r"] as? String == "2253800")
        #expect(o["commutant_dimension"] as? Int == 77028 && o["orbits"] as? Int == 105)
        let blocks = o["blocks"] as? [[String: Any]] ?? []
        let summary = blocks.map {
            "\($0["label"] ?? "") \($0["type"] ?? "") \($0["weight"] ?? "") \($0["multiplicity"] ?? "")"
        }
        #expect(summary == ["R1.1 R 1 105", "R1.2 R 1 105", "R1.3 R 1 91", "R1.4 R 1 91", "R2.1 R 2 196"])
    }

    @Test func torusAndGeneratorsAndCyclicBlocksCarryTypeAndLabel() throws {
        let torus = try json([
            "components", "count", "--image", "28x28", "--shift", "x", "--shift", "y", "--rank", "99",
        ])
        #expect((torus["components"] as? String)?.count == 64)
        let q8 = try json(["equivariant", "--gen", "(1 2 4 6)(3 5 7 8)", "--gen", "(1 3 4 7)(2 8 6 5)", "--rank", "4"])
        let types = (q8["blocks"] as? [[String: Any]] ?? []).map { $0["type"] as? String ?? "" }
        #expect(types == ["R", "R", "R", "R", "H"])
        let cyclic = try json(["equivariant", "--perm", "(1 2 3)", "--rank", "1"])
        let first = (cyclic["blocks"] as? [[String: Any]])?.first
        #expect(first?["type"] as? String == "R" && first?["label"] as? String == "1/1")
    }

    @Test func generatorFilesInGAPAndJSONSyntax() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try "[ (1,2,3,4,5,6,7,8), (1,2) ]\n".write(toFile: dir + "/s8.g", atomically: true, encoding: .utf8)
        try "[[2,3,4,5,6,7,8,1],[2,1,3,4,5,6,7,8]]".write(toFile: dir + "/s8.json", atomically: true, encoding: .utf8)
        for file in ["s8.g", "s8.json"] {
            // S8 on T2 → T2: 15 orbitals of pairs of pairs (the README's example)
            let layer = try json(["layer", "--generators", dir + "/" + file, "--in-power", "2", "--out-power", "2"])
            #expect(layer["parameters"] as? Int == 15, "\(file)")
            let e = try json(["equivariant", "--generators", dir + "/" + file, "--rank", "2"])
            #expect(e["commutant_dimension"] as? Int == 2, "\(file)")
        }
        try "[ (1,2, ]".write(toFile: dir + "/bad.g", atomically: true, encoding: .utf8)
        try expectRefusal(["equivariant", "--generators", dir + "/bad.g", "--rank", "1"], "unbalanced parentheses")
        try expectRefusal(["equivariant", "--generators", dir + "/missing.g", "--rank", "1"], "cannot read")
    }

    @Test func componentCommandsTakeGroupsAndTuplesAreCheckedAgainstTheirBlocks() throws {
        // list, show and random work for groups as for one permutation (labels key the tuples)
        let list = try json(["components", "list", "--image", "4x4", "--shift", "x", "--shift", "y", "--rank", "2"])
        // the torus on 4×4 at r = 2: two of the four real characters (6) or one of the six complex pairs (6)
        #expect((list["components"] as? [Any])?.count == 12 && (list["blocks"] as? [String])?.first == "R1.1")
        let q8 = ["--gen", "(1 2 4 6)(3 5 7 8)", "--gen", "(1 3 4 7)(2 8 6 5)"]
        let show = try json(["components", "show"] + q8 + ["--rank", "4", "--tuple", "H4.1=1"])
        #expect(show["dimension"] as? Int == 4 && show["max_rank"] as? Int == 4 && show["index"] as? String == "0")
        let random = try json(["components", "random"] + q8 + ["--rank", "4", "--count", "3"])
        #expect((random["components"] as? [Any])?.count == 3)
        try expectRefusal(
            ["mask", "--image", "4x4", "--shift", "x", "--shift", "y", "--rank", "2", "--tuple", "1"],
            "tuple has 1 entries but there are 10 blocks")
        try expectRefusal(["equivariant", "--gen", "(1 2)", "--gen", "(1 2 3)", "--rank", "9"], "out of range")
    }
}
