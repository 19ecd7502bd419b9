import Testing
import Algebra
@testable import Geometry
import EqgeomTestSupport

let mnist = BlockStructure(cycleType: try! CycleType(parsing: "28^28"))

@Suite struct BlockStructureTests {
    @Test func mnistBlocksInThePapersOrder() {
        let labels = mnist.blocks.map(\.label)
        #expect(
            labels == [
                "1/1", "28/27", "14/13", "28/25", "7/6", "28/23", "14/11", "4/3", "7/5", "28/19", "14/9", "28/17",
                "7/4", "28/15", "2/1",
            ])
        #expect(mnist.blocks.allSatisfy { $0.multiplicity == 28 })
        #expect(mnist.blocks.map(\.weight) == [1] + Array(repeating: 2, count: 13) + [1])
        #expect(mnist.commutantDimension == 21_952)
        #expect(mnist.realCapacity == 56)
    }

    @Test func multiplicitiesSumToN() throws {
        var rng = SeededGenerator(seed: 31)
        for _ in 0..<testIterations(100) {
            let ct = randomCycleType(using: &rng, maxDegree: 40)
            let s = BlockStructure(cycleType: ct)
            #expect(s.blocks.reduce(0) { $0 + $1.weight * $1.multiplicity } == ct.degree)
            // commutant dimension = Σ_{i,j} gcd(c_i, c_j)
            let lengths = ct.parts.flatMap { Array(repeating: $0.length, count: $0.count) }
            var g = 0
            for a in lengths { for b in lengths { g += gcd(a, b) } }
            #expect(s.commutantDimension == g, "\(ct)")
        }
    }

    /// The commutant {X : P X = X P} computed as an exact nullspace in the pixel basis.
    @Test func commutantDimensionMatchesNullspace() throws {
        for text in ["(1 3 4)(2 5)", "(1 2 3)", "(1 2 3 4)(5 6)", "(1 2 3 4 5 6)", "(1 2)(3 4)(5 6 7)"] {
            let s = try Permutation(cycles: text)
            let n = s.degree
            let p = RationalMatrix(s.matrix)
            var system = RationalMatrix(rows: n * n, columns: n * n)
            for i in 0..<n {
                for j in 0..<n {
                    for k in 0..<n {
                        for l in 0..<n {
                            // coefficient of X[k,l] in (P X − X P)[i,j]
                            var v = Rational(0)
                            if l == j { v += p[i, k] }
                            if k == i { v -= p[l, j] }
                            if !v.isZero { system[i * n + j, k * n + l] = v }
                        }
                    }
                }
            }
            #expect(system.nullspace.columns == BlockStructure(s).commutantDimension, "\(text)")
        }
        #expect(try BlockStructure(Permutation(cycles: "(1 3 4)(2 5)")).commutantDimension == 7)
    }

    @Test func tupleParsing() throws {
        let t = try mnist.parseTuple("1/1=13,28/27=10,14/13=9,28/25=8,7/6=7,28/23=5,14/11=3,4/3=1")
        #expect(t == [13, 10, 9, 8, 7, 5, 3, 1, 0, 0, 0, 0, 0, 0, 0])
        #expect(try mnist.parseTuple("13,10,9,8,7,5,3,1,0,0,0,0,0,0,0") == t)
        #expect(try mnist.parseTuple("(13,10,9,8,7,5,3,1,0,0,0,0,0,0,0)") == t)
        #expect(throws: GeometryError.tupleLength(given: 3, blocks: 15)) { try mnist.parseTuple("1,2,3") }
        #expect(throws: GeometryError.unknownBlock("5/3")) { try mnist.parseTuple("5/3=1") }
        #expect(throws: GeometryError.self) { try mnist.parseTuple("1/1=1,1/1=2") }
        #expect(throws: GeometryError.self) { try mnist.parseTuple("1,a") }
        #expect(throws: GeometryError.self) { try mnist.parseTuple("") }
    }
}

@Suite struct ComponentCountTests {
    @Test func mnistCounts() throws {
        let c = try EquivariantVariety(structure: mnist, rank: 99).componentCount
        #expect(c.withRankR == 72_425_986_088_826)
        #expect(c.all == 72_426_340_906_146)
        #expect(c.all - c.withRankR == 354_817_320)
    }

    @Test func mathReferenceChecks() throws {
        func counts(_ ct: String, _ r: Int) throws -> (BigInteger, BigInteger) {
            let c = try EquivariantVariety(structure: BlockStructure(cycleType: CycleType(parsing: ct)), rank: r)
                .componentCount
            return (c.withRankR, c.all)
        }
        #expect(try counts("5,5", 5) == (3, 5))
        #expect(try counts("8,3", 6) == (16, 20))
        #expect(try counts("6,4,2", 7) == (20, 21))
        #expect(try counts("3", 2) == (1, 2))
        let v = try EquivariantVariety(permutation: Permutation(cycles: "(1 3 4)(2 5)"), rank: 4)
        #expect(Array(v.components) == [[1, 1, 1], [2, 1, 0], [2, 0, 1]])
    }

    /// Generating-function counts against direct enumeration of all tuples, for every rank.
    @Test func countsMatchBruteForceAtEveryRank() throws {
        var rng = SeededGenerator(seed: 32)
        for _ in 0..<testIterations(40) {
            let s = BlockStructure(cycleType: randomCycleType(using: &rng))
            let byRank = try s.componentCountsByRank()
            #expect(byRank.count == s.degree + 1)
            for r in 0...s.degree {
                let brute = bruteForceComponents(s.blocks, rank: r)
                let c = try s.componentCount(rank: r)
                #expect(c.all == BigInteger(brute.count), "\(s.cycleType) r=\(r)")
                #expect(c.withRankR == BigInteger(brute.filter { weight($0, s.blocks) == r }.count))
                #expect(byRank[r] == c)
            }
            #expect(
                try s.componentCount(rank: s.degree + 1) == ComponentCount(rank: s.degree + 1, all: 1, withRankR: 0))
        }
    }

    /// Far beyond the paper: 784 cycles of length 28 at r = 5000 (a 37-digit number), against the
    /// blockwise suffix products (a different algorithm: no grouping, no closed form).
    @Test func largeCountAgreesWithBlockwiseProduct() throws {
        let s = BlockStructure(cycleType: try CycleType(parsing: "28^784"))
        let v = try EquivariantVariety(structure: s, rank: 5000)
        let c = try v.componentCount
        #expect(c.withRankR.description.count == 37)
        #expect(RankedTupleSpace(v.componentSpaces[0]).count == c.withRankR)
        #expect(RankedTupleSpace(v.componentSpaces[1]).count == c.all - c.withRankR)
    }

    /// The inclusion–exclusion closed form against the truncated power series (a second method), on random cycle
    /// types and on large single cycle lengths (64^512, 1000^60) at many ranks.
    @Test func closedFormAgreesWithTheSeries() throws {
        var rng = SeededGenerator(seed: 33)
        var cases = (0..<testIterations(30)).map { _ in
            BlockShapes(BlockStructure(cycleType: randomCycleType(using: &rng)).blocks)
        }
        cases += [
            try CycleType(parsing: "64^512"), try CycleType(parsing: "1000^60"),
            try CycleType(parsing: "6^40,4^30,1^7"),
        ]
        .map { BlockShapes(BlockStructure(cycleType: $0).blocks) }
        for shapes in cases {
            for _ in 0..<5 {
                let k = Int.random(in: 0...shapes.degree, using: &rng)
                for s in 0..<2 {
                    let closed = try #require(shapes.closedFormCoefficient(k, heavierThan: s))
                    #expect(closed == shapes.coefficient(k, heavierThan: s), "k=\(k) s=\(s)")
                }
            }
        }
        #expect(BlockShapes(weights: [3, 1], multiplicities: [2, 2]).closedFormCoefficient(3, heavierThan: 0) == nil)
    }

    @Test func rankOutOfRange() {
        #expect(throws: GeometryError.self) { try EquivariantVariety(structure: mnist, rank: 785) }
        #expect(throws: GeometryError.self) { try EquivariantVariety(structure: mnist, rank: -1) }
    }
}

@Suite struct ComponentEnumerationTests {
    /// Lazy enumeration, unranking and ranking against the brute-force list in the documented order.
    @Test func enumerationRankAndUnrankMatchBruteForce() throws {
        var rng = SeededGenerator(seed: 33)
        for _ in 0..<testIterations(30) {
            let s = BlockStructure(cycleType: randomCycleType(using: &rng))
            let r = Int.random(in: 0...s.degree, using: &rng)
            let v = try EquivariantVariety(structure: s, rank: r)
            let expected = documentedOrder(bruteForceComponents(s.blocks, rank: r), s.blocks, rank: r)
            #expect(Array(v.components) == expected, "\(s.cycleType) r=\(r)")
            let index = try ComponentIndex(v)
            #expect(index.count == BigInteger(expected.count))
            for (i, t) in expected.enumerated() {
                #expect(try index.tuple(at: BigInteger(i)) == t)
                #expect(try index.index(of: t) == BigInteger(i))
            }
            let k = Int.random(in: 0...expected.count, using: &rng)
            #expect(Array(index.components(from: BigInteger(k))) == Array(expected.dropFirst(k)))
            #expect(throws: GeometryError.self) { try index.tuple(at: BigInteger(expected.count)) }
            let sample = index.random(using: &rng)
            #expect(v.isComponent(sample))
        }
    }

    /// Uniform sampling: on (5,5) at r = 5 (5 components) every component appears about 1/5 of the time.
    @Test func samplingIsRoughlyUniform() throws {
        let v = try EquivariantVariety(structure: BlockStructure(cycleType: CycleType(parsing: "5,5")), rank: 5)
        let index = try ComponentIndex(v)
        var rng = SeededGenerator(seed: 34)
        var hits: [[Int]: Int] = [:]
        for _ in 0..<5000 { hits[index.random(using: &rng), default: 0] += 1 }
        #expect(hits.count == 5)
        #expect(hits.values.allSatisfy { abs($0 - 1000) < 150 })  // > 5 standard deviations
    }

    @Test func mnistRankAndUnrank() throws {
        let v = try EquivariantVariety(structure: mnist, rank: 99)
        let index = try ComponentIndex(v)
        let paper = [13, 10, 9, 8, 7, 5, 3, 1, 0, 0, 0, 0, 0, 0, 0]
        let i = try index.index(of: paper)
        #expect(try index.tuple(at: i) == paper)
        #expect(try index.tuple(at: 0) == Array(v.components.prefix(1))[0])
        let last = try index.tuple(at: index.count - 1)
        #expect(weight(last, mnist.blocks) == 98)
        #expect(index.count == 72_426_340_906_146)
    }
}
