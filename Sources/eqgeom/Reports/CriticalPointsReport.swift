import CommandLineSupport
import Algebra
import Geometry
import NumericBridge

/// `critical-points`: counts, index distributions and the lowest critical points (docs/cli.md).
struct CriticalPointsReport: Report {
    struct IndexCount: Encodable {
        let index: Int
        let count: BigInteger
    }

    struct Point: Encodable {
        let loss: Double
        let lossError: Double
        let pure: Bool
        let index: Int?
        let parameterIndex: Int?
        let gaugeDimension: Int?
        let localMinimum: Bool
        let profile: [Int]
        let directions: [[Int]]

        enum CodingKeys: String, CodingKey {
            case loss, pure, index, profile, directions
            case lossError = "loss_error"
            case parameterIndex = "parameter_index"
            case gaugeDimension = "gauge_dimension"
            case localMinimum = "local_minimum"
        }
    }

    let n: Int
    let rank: Int
    let blocks: [String]
    let component: [Int]?
    let pure: BigInteger
    let spurious: BigInteger
    let all: BigInteger
    let pureIndices: [IndexCount]?
    let parameterIndices: [IndexCount]?
    let indicesUnavailable: String?
    let degenerateBlocks: [String]?
    let complete: Bool
    let points: [Point]

    init(_ survey: CriticalPointSurvey, variety: EquivariantVariety, tuple: [Int]?) {
        n = variety.degree
        rank = variety.rank
        blocks = variety.labels
        component = tuple
        pure = survey.count.pure
        spurious = survey.count.spurious
        all = survey.count.all
        func histogram(_ p: IntegerPolynomial?) -> [IndexCount]? {
            p.map {
                $0.coefficients.enumerated().filter { !$0.element.isZero }.map { IndexCount(index: $0, count: $1) }
            }
        }
        pureIndices = histogram(survey.count.pureIndices)
        parameterIndices = histogram(survey.count.parameterIndices)
        indicesUnavailable = survey.count.unavailable
        degenerateBlocks = survey.landscape?.degenerateBlocks
        complete = survey.isComplete
        points = survey.points.map {
            Point(
                loss: $0.loss, lossError: $0.lossError, pure: $0.isPure, index: $0.smoothIndex,
                parameterIndex: $0.parameterIndex, gaugeDimension: $0.gaugeDimension, localMinimum: $0.isLocalMinimum,
                profile: $0.directions.profile, directions: $0.directions.sets)
        }
    }

    enum CodingKeys: String, CodingKey {
        case n, rank, blocks, component, pure, spurious, all, complete, points
        case pureIndices = "pure_index_histogram"
        case parameterIndices = "parameter_index_histogram"
        case indicesUnavailable = "histogram_unavailable"
        case degenerateBlocks = "degenerate_blocks"
    }

    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(n, forKey: .n)
        try c.encode(rank, forKey: .rank)
        try c.encode(blocks, forKey: .blocks)
        try c.encode(component, forKey: .component)  // null on the whole variety
        try c.encode(pure, forKey: .pure)
        try c.encode(spurious, forKey: .spurious)
        try c.encode(all, forKey: .all)
        try c.encode(pureIndices, forKey: .pureIndices)
        try c.encode(parameterIndices, forKey: .parameterIndices)
        try c.encode(indicesUnavailable, forKey: .indicesUnavailable)
        try c.encode(degenerateBlocks, forKey: .degenerateBlocks)  // null without data
        try c.encode(complete, forKey: .complete)
        try c.encode(points, forKey: .points)
    }

    var table: String {
        let place = component.map { "component " + zip(blocks, $0).map { "\($0)=\($1)" }.joined(separator: ",") }
        var rows: [(String, String)] = [
            ("symmetry", "n = \(n), \(blocks.count) blocks, rank r = \(rank)"),
            ("where", place ?? "the whole variety E_r (every component)"),
            ("pure", pure.grouped + " (smooth points; the ED degree\(component == nil ? "s summed" : ""))"),
            ("spurious", spurious.grouped + " (rank drops, on the singular locus)"),
            ("all", all.grouped + " critical functions, each a gauge orbit of parameters"),
        ]
        if let h = pureIndices { rows.append(("index, smooth locus", Self.histogramText(h))) }
        if let h = parameterIndices { rows.append(("index, parameters", Self.histogramText(h))) }
        if let reason = indicesUnavailable { rows.append(("index histogram", reason)) }
        if let degenerate = degenerateBlocks, !degenerate.isEmpty {
            rows.append(
                (
                    "data",
                    "not generic on \(degenerate.count) blocks (repeated or zero eigenvalues: "
                        + degenerate.prefix(6).joined(separator: ", ") + (degenerate.count > 6 ? ", …" : "")
                        + "); counts and indices are those of generic data"
                ))
        }
        var text = keyValueTable(rows)
        guard !points.isEmpty else { return text }
        text += "\n\n" + (complete ? "every critical point" : "the \(points.count) lowest critical values") + "\n"
        let header = ["loss", "±", "kind", "index", "param. index", "gauge", "profile"]
        text += columnTable(
            header,
            points.map { p in
                [
                    String(format: "%.9g", p.loss), String(format: "%.1e", p.lossError),
                    p.localMinimum ? "minimum" : p.pure ? "pure" : "spurious", p.index.map(String.init) ?? "–",
                    p.parameterIndex.map(String.init) ?? "–", p.gaugeDimension.map(String.init) ?? "–",
                    Self.profileText(p.profile),
                ]
            })
        return text
    }

    /// `0:1 1:1 2:2 …`, the first and last 8 entries of a long histogram.
    static func histogramText(_ h: [IndexCount]) -> String {
        let parts = h.map { "\($0.index):\($0.count.grouped)" }
        guard parts.count > 16 else { return parts.joined(separator: " ") }
        return (parts.prefix(8) + ["…"] + parts.suffix(8)).joined(separator: " ") + " (\(parts.count) indices)"
    }

    /// The profile j, compressed past 16 blocks to its nonzero entries.
    static func profileText(_ j: [Int]) -> String {
        guard j.count > 16 else { return j.map(String.init).joined(separator: ",") }
        return j.enumerated().filter { $0.element != 0 }.map { "\($0.offset):\($0.element)" }.joined(separator: ",")
    }
}
