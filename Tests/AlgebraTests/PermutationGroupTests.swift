import Foundation
import Testing
import Algebra
import EqgeomTestSupport

struct GroupOracle: Decodable {
    let n: Int
    let generators: [String]
    let order: String
    let orbits: [[Int]]
}

@Suite struct PermutationGroupTests {
    func group(_ gens: [String], _ n: Int) throws -> PermutationGroup {
        try PermutationGroup(generators: gens.map { try Permutation(cycles: $0, degree: n) }, degree: n)
    }

    @Test func symmetricAlternatingDihedral() throws {
        for n in 2...9 {
            let cycle = "(" + (1...n).map(String.init).joined(separator: " ") + ")"
            #expect(try group(["(1 2)", cycle], n).order == BigInteger.factorial(UInt(n)))
            if n >= 3 {
                // A_n = ⟨(1 2 3), (1 2 … n) or (2 3 … n)⟩ depending on parity
                let other = n % 2 == 1 ? cycle : "(" + (2...n).map(String.init).joined(separator: " ") + ")"
                let a = try group(["(1 2 3)", other], n)
                #expect(a.order == BigInteger.factorial(UInt(n)) / 2)
                #expect(!a.contains(try Permutation(cycles: "(1 2)", degree: n)))
                if n > 3 { #expect(a.contains(try Permutation(cycles: "(1 2)(3 4)", degree: n))) }
                // dihedral group of the n-gon: rotation and reflection i ↦ n+1−i... order 2n
                let reflection = try Permutation(images: (1...n).map { $0 == n ? n : n - $0 })
                #expect(
                    try PermutationGroup(generators: [Permutation(cycles: cycle), reflection]).order
                        == BigInteger(2 * n))
            }
        }
        #expect(try PermutationGroup(generators: [], degree: 4).order == 1)
    }

    /// A named group's generators generate a group of its stated order (sifted through a stabiliser chain, not
    /// told the order), move every point, and keep A_n even; names parse in either case and bad names are refused.
    @Test func namedGroupsHaveTheirOrders() throws {
        for n in 1...9 {
            for family in NamedGroup.Family.allCases where family != .dihedral || n >= 3 {
                let named = try NamedGroup(family, degree: n)
                let generated = try PermutationGroup(generators: try named.generators, degree: n)
                #expect(generated.order == named.order, "\(named.name)")
                // the trivial ones (S1, A1, A2, C1) too: generators on n points, so n is never lost
                #expect(
                    try !named.generators.isEmpty && named.generators.allSatisfy { $0.degree == n }, "\(named.name)")
                #expect(try named.group().order == named.order)
                #expect(try NamedGroup(parsing: named.name.lowercased()) == named)
                if family == .alternating {
                    // even: an even number of even-length cycles
                    let evenCycles = try named.generators.map { $0.cycles().filter { $0.count % 2 == 0 }.count }
                    #expect(evenCycles.allSatisfy { $0 % 2 == 0 })
                }
            }
        }
        #expect(try NamedGroup(.dihedral, degree: 5).group(degree: 7).degree == 7)
        for bad in ["", "S", "X5", "S-1", "S+3", "S0", "D2", "S 5 5", "S99999999999"] {
            #expect(throws: PermutationError.self, "\(bad)") { try NamedGroup(parsing: bad) }
        }
    }

    /// GAP's own `PrintTo` output, with the line breaks GAP puts anywhere between points (and before a closing
    /// parenthesis), reads back as the group GAP describes: its order and its number of orbitals
    /// (Oracles/printto.g → printto-*.g and printto.json).
    @Test func gapPrintToFilesReadBack() throws {
        struct Oracle: Decodable {
            let name: String
            let n: Int
            let order: String
            let orbitals: Int
        }
        let oracles = try JSONDecoder().decode([Oracle].self, from: oracleData("printto.json"))
        #expect(oracles.map(\.name) == ["s30", "m24", "prim100"])
        for o in oracles {
            let text = String(decoding: try oracleData("printto-\(o.name).g"), as: UTF8.self)
            #expect(text.contains("\n"), "\(o.name): GAP wrapped no line")
            let g = try PermutationGroup(generators: try Permutation.list(parsing: text, degree: o.n), degree: o.n)
            #expect(g.order.description == o.order, "\(o.name)")
            #expect(try g.orbitsOnTuples(length: 2).count == o.orbitals, "\(o.name)")
        }
        // an error inside a wrapped file names it on one line
        do {
            _ = try Permutation.list(parsing: "[ (1,2,\n  x3) ]")
            Issue.record("a bad point was accepted")
        } catch {
            #expect(!"\(error)".contains("\n") && "\(error)".contains("x3"), "\(error)")
        }
        do {
            _ = try Permutation.list(parsing: "[ (1,2\n  (3,4) ]")
            Issue.record("unbalanced parentheses were accepted")
        } catch {
            #expect(!"\(error)".contains("\n") && "\(error)".contains("↵"), "\(error)")
        }
    }

    /// Orders and orbits of the Rubik's cube group and 66 random groups, computed by GAP
    /// (Oracles/groups.g → groups.json).
    @Test func ordersAndOrbitsMatchGAP() throws {
        let oracles = try JSONDecoder().decode([GroupOracle].self, from: oracleData("groups.json"))
        #expect(oracles.count == 67)
        #expect(oracles[0].order == "43252003274489856000")
        var rng = SeededGenerator(seed: 10)
        for o in oracles {
            let g = try group(o.generators, o.n)
            #expect(g.order.description == o.order, "generators \(o.generators)")
            #expect(g.orbits == o.orbits)
            // random words in the generators are members; their orbits respect G's orbits
            var w = Permutation(identityOn: o.n)
            for _ in 0..<8 { w = w * g.generators.randomElement(using: &rng)! }
            #expect(g.contains(w))
        }
    }

    @Test func orbitCycleHasTheOrbitPartition() throws {
        let g = try group(["(1 3 4)(2 5)"], 5)
        #expect(g.orbits == [[1, 3, 4], [2, 5]])
        #expect(g.orbitCycle.cyclePartition == [[1, 3, 4], [2, 5]])
        #expect(g.containsOrbitCycle)
        let klein = try group(["(1 2)(3 4)", "(1 3)(2 4)"], 4)
        #expect(klein.orbits == [[1, 2, 3, 4]] && !klein.containsOrbitCycle)
        #expect(throws: PermutationError.self) {
            try PermutationGroup(generators: [Permutation(cycles: "(1 2 3 4 5)")], degree: 3)
        }
    }

    /// The elements through the stabiliser chain against a breadth-first closure: the same set, |G| of them, no
    /// repeats, the identity first; nil past the limit.
    @Test func elementsThroughTheChainAreTheGroup() throws {
        let cases: [[String]] = [
            ["(1 2 3 4)", "(1 3)"], ["(1 2 3)", "(1 2)(3 4)"], ["(1 2 3 4 5)", "(1 2)"], ["(1 2)(3 4)", "(5 6 7)"],
            ["()"],
        ]
        for gens in cases {
            let group = try PermutationGroup(generators: gens.map { try Permutation(cycles: $0, degree: 7) })
            let listed = try #require(group.elements(limit: 10_000))
            let identity = Permutation(identityOn: 7)
            var closure: Set<Permutation> = [identity]
            var frontier = [identity]
            while let g = frontier.popLast() {
                for s in group.generators where closure.insert(g * s).inserted { frontier.append(g * s) }
            }
            #expect(listed.first == identity, "\(gens)")
            #expect(Set(listed) == closure && listed.count == closure.count, "\(gens)")
            #expect(BigInteger(listed.count) == group.order, "\(gens)")
        }
        let s5 = try PermutationGroup(generators: [
            Permutation(cycles: "(1 2 3 4 5)"), Permutation(cycles: "(1 2)", degree: 5),
        ])
        #expect(s5.elements(limit: 119) == nil && s5.elements(limit: 120)?.count == 120)
    }
}
