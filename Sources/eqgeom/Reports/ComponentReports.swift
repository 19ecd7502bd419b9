import CommandLineSupport
import ArgumentParser
import Algebra
import Geometry
import NumericBridge

/// Refuses listing `count` tuples of `blocks` entries when they and their printed rows (about 96 bytes
/// an entry in all) exceed the memory budget.
func requireListMemory(_ count: Int, blocks: Int) throws {
    try MemoryBudget.require(
        ByteCount.product(count, blocks, 96), for: "\(count) tuples of \(blocks) entries",
        advice: "list fewer at a time (--limit/--count) or use `components show`")
}

struct CountReport: Report {
    let count: ComponentCount
    init(_ c: ComponentCount) { count = c }
    func encode(to encoder: any Encoder) throws { try count.encode(to: encoder) }
    var table: String {
        keyValueTable([
            ("rank r", "\(count.rank)"),
            ("components", count.all.grouped),
            ("with a rank-r matrix", count.withRankR.grouped),
        ])
    }
}

struct CountsByRankReport: Report {
    let n: Int
    let byRank: [ComponentCount]
    enum CodingKeys: String, CodingKey {
        case n
        case byRank = "by_rank"
    }
    var table: String {
        columnTable(
            ["rank r", "components", "with a rank-r matrix"],
            byRank.map { ["\($0.rank)", $0.all.grouped, $0.withRankR.grouped] })
    }
}

struct ListedComponent: Encodable {
    let index: BigInteger
    let tuple: [Int]
}

struct ListReport: Report {
    let blocks: [String]
    let components: [ListedComponent]
    var table: String {
        columnTable(["index"] + blocks, components.map { [$0.index.description] + $0.tuple.map(String.init) })
    }
}

struct ShowReport: Report {
    let index: BigInteger
    let tuple: [Int]
    let blocks: [String]
    let dimension: Int
    let degree: BigInteger
    let edDegree: BigInteger
    let parameters: Int
    let denseParameters: Int
    let maxRank: Int
    let containsRankR: Bool
    let singularLocus: [[Int]]

    init(_ c: EquivariantComponent, index: BigInteger) throws {
        self.index = index
        tuple = c.tuple
        blocks = c.blockLabels
        dimension = c.dimension
        degree = try c.degree
        edDegree = try c.edDegree
        parameters = c.parameterCount
        denseParameters = c.denseParameterCount
        maxRank = c.maximalRank
        containsRankR = c.containsRankR
        singularLocus = c.singularLocus
    }

    enum CodingKeys: String, CodingKey {
        case index, tuple, blocks, dimension, degree, parameters
        case edDegree = "ed_degree"
        case denseParameters = "dense_parameters"
        case maxRank = "max_rank"
        case containsRankR = "contains_rank_r"
        case singularLocus = "singular_locus"
    }

    var table: String {
        keyValueTable([
            ("index", index.grouped),
            ("tuple", zip(blocks, tuple).map { "\($0)=\($1)" }.joined(separator: ",")),
            ("dimension", "\(dimension)"),
            ("degree", degree.grouped),
            ("ED degree", edDegree.grouped),
            ("max rank", "\(maxRank)\(containsRankR ? "" : " (contains no rank-r matrix)")"),
            ("parameters", "\(parameters) (weight-sharing) vs \(denseParameters) (dense)"),
            (
                "singular locus",
                singularLocus.isEmpty
                    ? "empty"
                    : "\(singularLocus.count) components: "
                        + singularLocus.map { "(" + $0.map(String.init).joined(separator: ",") + ")" }.joined(
                            separator: " ")
            ),
        ])
    }
}
