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

        func validate() throws {
            guard allRanks != (rank != nil) else {
                throw ValidationError(
                    allRanks ? "give --rank R or --all-ranks, not both" : "give --rank R, or --all-ranks")
            }
        }

        func run() throws {
            let shapes = try action.symmetry().shapes
            if allRanks {
                try emit(CountsByRankReport(n: shapes.degree, byRank: try shapes.componentCountsByRank()), output)
            } else if let r = rank {
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
        @Option(help: "Index of the first component to list (0-based, any size).", transform: Parse.index)
        var offset = BigInteger(0)
        @Option(help: "How many components to list (at most 1000000; page with --offset).") var limit: Int = 20
        @OptionGroup var output: OutputOptions

        func validate() throws {
            guard limit >= 0, limit <= 1_000_000 else {
                throw ValidationError(
                    "--limit must be between 0 and 1000000, got \(limit); page through larger lists with --offset")
            }
        }

        func run() throws {
            let start = offset
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
        @Option(
            help: "The tuple: 13,10,9,… in canonical block order, or keyed 1/1=13,28/27=10 (missing blocks 0).",
            transform: Parse.tuple)
        var tuple: TupleNotation?
        @Option(help: "The component's 0-based index in `components list` order.", transform: Parse.index)
        var index: BigInteger?
        @OptionGroup var output: OutputOptions

        func validate() throws {
            guard (tuple == nil) != (index == nil) else {
                throw ValidationError("give exactly one of --tuple and --index")
            }
        }

        func run() throws {
            let v = try action.variety(rank: rank)
            let ranking = try v.index()
            let t = try tuple.map { try $0.resolve(labels: v.labels) } ?? ranking.tuple(at: index ?? 0)
            try emit(try ShowReport(try v.component(t), index: try ranking.index(of: t)), output)
        }
    }

    struct Random: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Uniformly random components (seeded).")
        @OptionGroup var action: ActionOptions
        @Option(help: "Rank bound r, 0 ≤ r ≤ n.") var rank: Int
        @Option(help: "How many to draw.") var count: Int = 1
        @OptionGroup var seedOption: SeedOption
        @OptionGroup var output: OutputOptions

        func validate() throws {
            guard count >= 0, count <= 1_000_000 else {
                throw ValidationError("--count must be between 0 and 1000000, got \(count)")
            }
        }

        func run() throws {
            let v = try action.variety(rank: rank)
            try requireListMemory(count, blocks: v.labels.count)
            let ranking = try v.index()
            var rng = SplitMix(seedOption.seed)
            let entries = try (0..<count).map { _ -> ListedComponent in
                let t = ranking.random(using: &rng)
                return ListedComponent(index: try ranking.index(of: t), tuple: t)
            }
            try emit(ListReport(blocks: v.labels, components: entries), output)
        }
    }
}
