import CommandLineSupport
import ArgumentParser
import Algebra
import Geometry
import NumericBridge

/// `eqgeom components`: count, list, show and sample the irreducible components of E^σ_r.
struct Components: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Count, enumerate, inspect and sample the irreducible components of E^σ_{r,n×n}.",
        subcommands: [Count.self, List.self, Show.self, Random.self])
}

extension Components {
    struct Count: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Number of components, all and those with a rank-r matrix.")
        @OptionGroup var action: ActionOptions
        @Option(help: "Rank bound r, 0 ≤ r ≤ n.") var rank: Int?
        @Flag(help: "Counts for every rank r = 0…n at once.") var allRanks = false
        @OptionGroup var output: OutputOptions

        func run() throws {
            let shapes = try action.symmetry().shapes
            if allRanks {
                guard rank == nil else { throw ValidationError("give --rank R or --all-ranks, not both") }
                try emit(CountsByRankReport(n: shapes.degree, byRank: try shapes.componentCountsByRank()), output)
            } else {
                guard let r = rank else { throw ValidationError("give --rank R, or --all-ranks") }
                try BlockShapes.validateRank(r, degree: shapes.degree)
                try emit(CountReport(try shapes.componentCount(rank: r)), output)
            }
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List components in eqgeom's order: weight-r tuples lexicographically, then the rest.")
        @OptionGroup var action: ActionOptions
        @Option(help: "Rank bound r, 0 ≤ r ≤ n.") var rank: Int
        @Option(help: "Index of the first component to list (0-based, any size).") var offset: String = "0"
        @Option(help: "How many components to list (at most 1000000; page with --offset).") var limit: Int = 20
        @OptionGroup var output: OutputOptions

        func run() throws {
            guard let start = BigInteger(offset), start.signum >= 0 else {
                throw ValidationError("--offset must be a non-negative integer, got '\(offset)'")
            }
            guard limit >= 0, limit <= 1_000_000 else {
                throw ValidationError(
                    "--limit must be between 0 and 1000000, got \(limit); page through larger lists with --offset")
            }
            let v = try action.variety(rank: rank)
            try requireListMemory(limit, blocks: v.labels.count)
            let sequence = start.isZero ? v.components : try v.index().components(from: start)
            let entries = sequence.prefix(limit).enumerated().map {
                ListedComponent(index: start + BigInteger($0.offset), tuple: $0.element)
            }
            try emit(ListReport(blocks: v.labels, components: entries), output)
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Invariants of one component, given by --tuple or --index.")
        @OptionGroup var action: ActionOptions
        @Option(help: "Rank bound r, 0 ≤ r ≤ n.") var rank: Int
        @Option(help: "The tuple: 13,10,9,… in canonical block order, or keyed 1/1=13,28/27=10 (missing blocks 0).")
        var tuple: String?
        @Option(help: "The component's 0-based index in `components list` order.") var index: String?
        @OptionGroup var output: OutputOptions

        func run() throws {
            let v = try action.variety(rank: rank)
            let ranking = try v.index()
            let t: [Int]
            switch (tuple, index) {
            case (let text?, nil): t = try v.parseTuple(text)
            case (nil, let text?):
                guard let i = BigInteger(text) else {
                    throw ValidationError("--index must be an integer, got '\(text)'")
                }
                t = try ranking.tuple(at: i)
            default: throw ValidationError("give exactly one of --tuple and --index")
            }
            try emit(try ShowReport(try v.component(t), index: try ranking.index(of: t)), output)
        }
    }

    struct Random: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Uniformly random components (seeded).")
        @OptionGroup var action: ActionOptions
        @Option(help: "Rank bound r, 0 ≤ r ≤ n.") var rank: Int
        @Option(help: "How many to draw.") var count: Int = 1
        @Option(help: "Seed of the random generator.") var seed: UInt64 = 0
        @OptionGroup var output: OutputOptions

        func run() throws {
            guard count >= 0, count <= 1_000_000 else {
                throw ValidationError("--count must be between 0 and 1000000, got \(count)")
            }
            let v = try action.variety(rank: rank)
            try requireListMemory(count, blocks: v.labels.count)
            let ranking = try v.index()
            var rng = SplitMix(seed)
            let entries = try (0..<count).map { _ -> ListedComponent in
                let t = ranking.random(using: &rng)
                return ListedComponent(index: try ranking.index(of: t), tuple: t)
            }
            try emit(ListReport(blocks: v.labels, components: entries), output)
        }
    }
}

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
