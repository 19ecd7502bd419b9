import Testing
import Algebra
import EqgeomTestSupport

@Suite struct PermutationTests {
    @Test func cycleNotationFollowsGAP() throws {
        let s = try Permutation(cycles: "(1 3 4)(2 5)")
        #expect(s.images == [3, 5, 4, 1, 2])
        #expect(s == (try Permutation(oneLine: "[3,5,4,1,2]")))
        #expect(s == (try Permutation(cycles: "(1,3,4)(2,5)")))
        #expect(s.description == "(1,3,4)(2,5)")
        #expect(s.order == 6)
        #expect(s.cycleType.description == "3,2")
        #expect(s.cyclePartition == [[1, 3, 4], [2, 5]])
        #expect(try Permutation(cycles: "(1 2)", degree: 4).cycles(includingFixedPoints: true) == [[1, 2], [3], [4]])
        #expect(try Permutation(cycles: "()", degree: 3).isIdentity)
        // GAP: (1,2)*(2,3) = (1,3,2): apply (1 2) first.
        #expect(
            try Permutation(cycles: "(1 2)", degree: 3) * Permutation(cycles: "(2 3)") == Permutation(cycles: "(1 3 2)")
        )
    }

    @Test func malformedInputGivesSpecificErrors() {
        func error(_ text: String, _ n: Int? = nil) -> PermutationError? {
            do {
                _ = try Permutation(parsing: text, degree: n)
                return nil
            } catch let e as PermutationError { return e } catch { return nil }
        }
        #expect(error("(1 2 1)") == .repeatedPoint(1))
        #expect(error("(1 2)(2 3)") == .repeatedPoint(2))
        #expect(error("(1 5)", 3) == .degreeTooSmall(given: 3, needed: 5))
        #expect(error("(1 a)") == .notANumber("a"))
        #expect(error("(0 1)") == .nonPositivePoint(0))
        #expect(error("(-2 1)") == .nonPositivePoint(-2))
        #expect(error("(1 2") == .unbalancedParentheses("(1 2"))
        #expect(error("1 2)") != nil)
        #expect(error("((1 2))") == .unbalancedParentheses("((1 2))"))
        #expect(error("") == .empty)
        #expect(error("[1,1,2]") == .repeatedPoint(1))
        #expect(error("[1,4,2]") == .pointOutOfRange(point: 4, degree: 3))
        #expect(error("[1,x]") == .notANumber("x"))
        #expect(error("[1,2") != nil)
        #expect(error("(99999999999999999999999 1)") == .notANumber("99999999999999999999999"))
        for text in ["(1 2 1)", "(1 a)", "(1 2", ""] { #expect(!(error(text)?.description.isEmpty ?? true)) }
    }

    @Test func groupOperationsAgreeWithDefinitions() throws {
        var rng = SeededGenerator(seed: 9)
        for _ in 0..<testIterations(50) {
            let n = Int.random(in: 1...12, using: &rng)
            let a = try Permutation(images: Array(1...n).shuffled(using: &rng))
            let b = try Permutation(images: Array(1...n).shuffled(using: &rng))
            for i in 1...n { #expect((a * b).image(of: i) == b.image(of: a.image(of: i))) }
            #expect((a * a.inverse).isIdentity)
            // order by brute force: smallest k ≥ 1 with a^k = id
            var k = 1
            var p = a
            while !p.isIdentity {
                p = p * a
                k += 1
            }
            #expect(a.order == BigInteger(k))
            #expect(a.power(k).isIdentity && a.power(-1) == a.inverse && a.power(3) == a * a * a)
            // P_{στ} = P_τ P_σ, since P e_j = e_σ(j)
            #expect((a * b).matrix == b.matrix * a.matrix)
            #expect(a.matrix[a.image(of: 1) - 1, 0] == 1)
            #expect(a.cycleType.degree == n)
            #expect(try Permutation(cycles: a.description, degree: n) == a)
        }
    }

    /// Orbit counts of image actions, counted by hand.
    @Test func imageActions() throws {
        let h = try Permutation.shift(height: 28, width: 28, along: .x)
        #expect(h.cycleType.description == "28^28")
        #expect(h.image(of: 1) == 2 && h.image(of: 28) == 1 && h.image(of: 29) == 30)
        #expect(try Permutation.shift(height: 3, width: 5, along: .y).cycleType.description == "3^5")
        #expect(try Permutation.shift(height: 3, width: 5, along: .x).cycleType.description == "5^3")
        let r = try Permutation.rotation(size: 3, degrees: 90)
        #expect(r.cycleType.description == "4^2,1")
        #expect(r.image(of: 3) == 1)  // top-right corner goes to top-left (counterclockwise)
        #expect(r.image(of: 5) == 5)
        #expect(try Permutation.rotation(size: 4, degrees: 90).cycleType.description == "4^4")
        #expect(try Permutation.rotation(size: 5, degrees: 180).cycleType.description == "2^12,1")
        #expect(try Permutation.rotation(size: 4, degrees: 180) == Permutation.rotation(size: 4, degrees: 90).power(2))
        #expect(try Permutation.reflection(height: 4, width: 4, .horizontal).cycleType.description == "2^8")
        #expect(try Permutation.reflection(height: 3, width: 3, .horizontal).cycleType.description == "2^3,1^3")
        #expect(try Permutation.reflection(height: 3, width: 3, .diagonal).cycleType.description == "2^3,1^3")
        #expect(try Permutation.reflection(height: 3, width: 3, .vertical).image(of: 1) == 7)
        #expect(try Permutation.shift(depth: 2, height: 3, width: 4, along: .z).cycleType.description == "2^12")
        #expect(try Permutation.shift(depth: 2, height: 3, width: 4, along: .y).cycleType.description == "3^8")
        #expect(try Permutation.shift(depth: 2, height: 3, width: 4, along: .x).cycleType.description == "4^6")
        #expect(throws: PermutationError.self) { try Permutation.rotation(size: 0, degrees: 90) }
        #expect(throws: PermutationError.self) { try Permutation.rotation(size: 3, degrees: 45) }
        #expect(throws: PermutationError.self) { try Permutation.reflection(height: 2, width: 3, .diagonal) }
        #expect(throws: PermutationError.self) { try Permutation.shift(height: 100000, width: 100000, along: .x) }
    }

    @Test func cycleTypes() throws {
        #expect(try CycleType(parsing: "28^28").degree == 784)
        #expect(try CycleType(parsing: "12,8,6,6,5,1").description == "12,8,6^2,5,1")
        #expect(try CycleType(parsing: "28^27,1").degree == 757)
        #expect(try CycleType(parsing: "5,5").representative().cycleType == CycleType(lengths: [5, 5]))
        for bad in ["", "0", "3^0", "a", "3^", "^3", "3,,4", "2^-1", "1000000^100000"] {
            #expect(throws: PermutationError.self, "\(bad)") { try CycleType(parsing: bad) }
        }
    }

    @Test func generatorListsInGAPAndJSONSyntax() throws {
        let gap = try Permutation.list(parsing: "[ (1,2,3)(4,5), (1,2),\\\n () ]")
        #expect(gap.map(\.images) == [[2, 3, 1, 5, 4], [2, 1], []])
        let json = try Permutation.list(parsing: "[[2,3,1],[1,3,2]]", degree: 4)
        #expect(json.map(\.images) == [[2, 3, 1, 4], [1, 3, 2, 4]])
        #expect(try Permutation.list(parsing: "[]").isEmpty)
        #expect(throws: PermutationError.self) { try Permutation.list(parsing: "(1,2)") }
        #expect(throws: PermutationError.self) { try Permutation.list(parsing: "[[2,2]]") }
    }

    /// The one 1-based ↔ 0-based conversion: image(of: i + 1) − 1 entry by entry, round trips, refusals.
    @Test func zeroBasedImagesAreTheOneConversion() throws {
        var rng = SeededGenerator(seed: 77)
        for _ in 0..<testIterations(50) {
            let sigma = try randomCycleType(using: &rng, maxDegree: 30).representative()
            let zero = sigma.zeroBasedImages
            #expect(zero.indices.allSatisfy { Int(zero[$0]) == sigma.image(of: $0 + 1) - 1 })
            #expect(try Permutation(zeroBasedImages: zero) == sigma)
            #expect(try Permutation(zeroBasedImages: zero.map(Int.init)) == sigma)
        }
        let group = try PermutationGroup(generators: [
            Permutation(cycles: "(1 2 3)", degree: 5), Permutation(cycles: "(4 5)"),
        ])
        #expect(group.zeroBasedGenerators == [[1, 2, 0, 3, 4], [0, 1, 2, 4, 3]])
        #expect(Set(group.zeroBasedOrbits.map(Set.init)) == [[0, 1, 2], [3, 4]])
        #expect(throws: PermutationError.self) { try Permutation(zeroBasedImages: [0, 0]) }
        #expect(throws: PermutationError.self) { try Permutation(zeroBasedImages: [1, 2]) }
        #expect(throws: PermutationError.self) { try Permutation(zeroBasedImages: [-1, 0]) }
    }
}
