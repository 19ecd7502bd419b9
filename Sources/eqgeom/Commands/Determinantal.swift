import CommandLineSupport
import ArgumentParser
import Algebra
import Geometry

/// `eqgeom determinantal`: invariants of M_{r,m×n} (MATH.md §2).
struct Determinantal: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Dimension, degree, ED degree and singular locus of M_{r,m×n}.")

    @Option(help: "Number of rows m.") var rows: Int
    @Option(help: "Number of columns n.") var cols: Int
    @Option(help: "Rank bound r, 0 ≤ r ≤ min(m, n).") var rank: Int
    @OptionGroup var output: OutputOptions

    func run() throws {
        try emit(
            try DeterminantalReport(try DeterminantalVariety(rows: rows, columns: cols, rank: rank)), output)
    }
}

struct DeterminantalReport: Report {
    let rows: Int, columns: Int, rank: Int
    let dimension: Int
    let ambientDimension: Int
    let degree: BigInteger
    let edDegree: BigInteger
    let kind: DeterminantalVariety.Kind
    /// The rank of Sing = M_{r−1}, or nil when the singular locus is empty.
    let singularLocusRank: Int?

    init(_ v: DeterminantalVariety) throws {
        rows = v.rows
        columns = v.columns
        rank = v.rank
        dimension = v.dimension
        ambientDimension = v.ambientDimension
        degree = try v.degree
        edDegree = try v.edDegree
        kind = v.kind
        singularLocusRank = v.singularLocus?.rank
    }

    enum CodingKeys: String, CodingKey {
        case rows, columns, rank, dimension, degree, kind
        case ambientDimension = "ambient_dimension"
        case edDegree = "ed_degree"
        case singularLocusRank = "singular_locus_rank"
    }

    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(rows, forKey: .rows)
        try c.encode(columns, forKey: .columns)
        try c.encode(rank, forKey: .rank)
        try c.encode(dimension, forKey: .dimension)
        try c.encode(ambientDimension, forKey: .ambientDimension)
        try c.encode(degree, forKey: .degree)
        try c.encode(edDegree, forKey: .edDegree)
        try c.encode(kind, forKey: .kind)
        try c.encode(singularLocusRank, forKey: .singularLocusRank)  // null when empty
    }

    var table: String {
        keyValueTable([
            ("variety", "M_{\(rank),\(rows)x\(columns)}"),
            ("kind", kind.rawValue),
            ("dimension", "\(dimension) (ambient \(ambientDimension))"),
            ("degree", degree.grouped),
            ("ED degree", edDegree.grouped),
            ("singular locus", singularLocusRank.map { "M_{\($0),\(rows)x\(columns)}" } ?? "empty"),
        ])
    }
}
