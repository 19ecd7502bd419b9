import Foundation
import Testing
import Algebra
@testable import Geometry
import EqgeomTestSupport

struct DeterminantalOracle: Decodable {
    let kind: String
    let m: Int, n: Int, r: Int
    let codim: Int
    let degree: String
}

func determinantalOracles() throws -> [DeterminantalOracle] {
    try JSONDecoder().decode([DeterminantalOracle].self, from: oracleData("determinantal.json"))
}

@Suite struct DeterminantalTests {
    @Test func mathReferenceChecks() throws {
        #expect(try DeterminantalVariety(rows: 2, columns: 2, rank: 1).degree == 2)
        #expect(try DeterminantalVariety(rows: 3, columns: 3, rank: 1).degree == 6)
        #expect(try DeterminantalVariety(rows: 3, columns: 3, rank: 2).degree == 3)
        for m in 2...9 { #expect(try DeterminantalVariety(rows: m, columns: 2, rank: 1).degree == BigInteger(m)) }
        let v = try DeterminantalVariety(rows: 3, columns: 3, rank: 1)
        #expect(try v.dimension == 5 && v.edDegree == 3 && v.kind == .proper && v.singularLocus?.rank == 0)
        #expect(try DeterminantalVariety(rows: 4, columns: 6, rank: 4).kind == .wholeSpace)
        #expect(try DeterminantalVariety(rows: 4, columns: 6, rank: 4).singularLocus == nil)
        #expect(try DeterminantalVariety(rows: 4, columns: 6, rank: 0).kind == .point)
        #expect(try DeterminantalVariety(rows: 4, columns: 6, rank: 0).degree == 1)
    }

    /// Codimension and degree of the ideal of (r+1)-minors, computed by Macaulay2.
    @Test func dimensionAndDegreeMatchMacaulay2() throws {
        let real = try determinantalOracles().filter { $0.kind == "real" }
        #expect(real.count == 46)
        for o in real {
            let v = try DeterminantalVariety(rows: o.m, columns: o.n, rank: o.r)
            #expect(v.dimension == o.m * o.n - o.codim, "\(o)")
            #expect(try v.degree.description == o.degree, "\(o)")
        }
    }

    /// The symmetric formula ∏ (m+i)! i! / ((r+i)! (m−r+i)!) over i < n − r, as a second method.
    @Test func degreeAgreesWithFactorialFormula() throws {
        for m in 1...12 {
            for n in 1...12 {
                for r in 0...min(m, n) {
                    let (p, q) = (min(m, n), max(m, n))
                    var num = BigInteger(1)
                    var den = BigInteger(1)
                    for i in 0..<(p - r) {
                        num *= BigInteger.factorial(UInt(q + i)) * BigInteger.factorial(UInt(i))
                        den *= BigInteger.factorial(UInt(r + i)) * BigInteger.factorial(UInt(q - r + i))
                    }
                    #expect(
                        try DeterminantalVariety(rows: m, columns: n, rank: r).degree == num / den,
                        "m=\(m) n=\(n) r=\(r)")
                }
            }
        }
    }

    /// Results too large to compute are refused before any work, with a clear error.
    @Test func hugeResultsAreRefused() throws {
        let v = try DeterminantalVariety(rows: 2_000_000_000, columns: 2_000_000_000, rank: 1_000_000_000)
        #expect(v.dimension == 3_000_000_000_000_000_000)
        #expect(throws: GeometryError.self) { try v.degree }
        #expect(throws: GeometryError.self) { try v.edDegree }
        #expect(try DeterminantalVariety(rows: 3000, columns: 3000, rank: 1).degree.decimalDigitCount > 0)
        // one block of 2·10⁹ copies: the closed form answers at once (t = r is the one component) …
        let s = BlockStructure(cycleType: try CycleType(parsing: "1^2000000000"))
        #expect(try s.componentCount(rank: 1_000_000_000) == ComponentCount(rank: 1_000_000_000, all: 1, withRankR: 1))
        // … while every rank at once needs a series of 2·10⁹ terms, and many block shapes defeat the closed form
        #expect(throws: GeometryError.self) { try s.componentCountsByRank() }
        let shapes = (1...30).map { "\(3_000_000 + $0)^20" }.joined(separator: ",")
        let many = BlockStructure(cycleType: try CycleType(parsing: shapes))
        #expect(throws: (any Error).self) { try many.componentCount(rank: 1_000_000_000) }
    }

    @Test func badInput() {
        #expect(throws: GeometryError.rankOutOfRange(rank: 4, maximum: 3, what: "3×5 matrices")) {
            try DeterminantalVariety(rows: 3, columns: 5, rank: 4)
        }
        #expect(throws: GeometryError.self) { try DeterminantalVariety(rows: 0, columns: 5, rank: 0) }
        #expect(throws: GeometryError.self) { try DeterminantalVariety(rows: 3, columns: 5, rank: -1) }
    }
}
