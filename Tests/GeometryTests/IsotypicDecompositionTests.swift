import Foundation
import Testing
import Algebra
import EqgeomTestSupport

@testable import Geometry

/// The isotypic blocks of permutation representations against GAP's character tables, indicators and
/// permutation characters (Oracles/isotypic.g → isotypic.json), on 21 groups.
@Suite struct IsotypicDecompositionTests {
    struct Case: Decodable {
        let name: String
        let n: Int
        let generators: [[Int]]
        let blocks: [[Entry]]
        let orbitals: Int
    }

    enum Entry: Decodable {
        case text(String)
        case number(Int)
        init(from decoder: any Decoder) throws {
            let c = try decoder.singleValueContainer()
            if let s = try? c.decode(String.self) { self = .text(s) } else { self = .number(try c.decode(Int.self)) }
        }
        var description: String {
            switch self {
            case .text(let s): return s
            case .number(let k): return "\(k)"
            }
        }
    }

    static func cases() throws -> [Case] {
        try JSONDecoder().decode([Case].self, from: oracleData("isotypic.json"))
    }

    @Test func blocksAgreeWithGAP() throws {
        let cases = try Self.cases()
        #expect(cases.count >= 21)
        for c in cases {
            let group = try PermutationGroup(generators: c.generators.map { try Permutation(images: $0) }, degree: c.n)
            let d = try IsotypicDecomposition(group: group)
            let got = d.blocks.map { "\($0.type.rawValue) \($0.weight) \($0.multiplicity)" }.sorted()
            let expected = c.blocks.map { $0.map(\.description).joined(separator: " ") }.sorted()
            #expect(got == expected, "\(c.name)")
            #expect(d.orbitalCount == c.orbitals, "\(c.name)")
            #expect(d.blocks.first?.label == "R1.1" && d.blocks.first?.multiplicity == group.orbits.count, "\(c.name)")
        }
    }

    @Test func labelsAreDistinctAndTheTrivialBlockComesFirst() throws {
        let q8 = try PermutationGroup(generators: [
            Permutation(cycles: "(1 2 4 6)(3 5 7 8)"), Permutation(cycles: "(1 3 4 7)(2 8 6 5)"),
        ])
        let d = try IsotypicDecomposition(group: q8)
        #expect(d.blocks.map(\.label) == ["R1.1", "R1.2", "R1.3", "R1.4", "H4.1"])
        #expect(Set(d.blocks.map(\.label)).count == d.blocks.count)
    }
}
