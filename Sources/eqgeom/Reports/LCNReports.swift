import CommandLineSupport
import Algebra
import Geometry
import NumericBridge

/// `lcn show` (docs/cli.md).
struct LCNShowReport: Report {
    let filterSizes: [Int]
    let strides: [Int]
    let filterSize: Int
    let stride: Int
    let parameters: Int
    let dimension: Int
    let dimensionCertified: Bool
    let fullDimensional: Bool
    let filling: Bool
    let euclideanClosed: Bool
    let membershipDecided: Bool
    let member: Bool?
    let position: String?
    let pointFilter: [Rational]?
    let pointJacobianRank: Int?
    let pointRegular: Bool?
    let pointPosition: String?
    let pointRepeatedRoots: Bool?
    let pointSharedRoots: Bool?

    init(_ net: LinearConvolutionalNetwork, filter: [Rational]?, point: [[Rational]]?) throws {
        filterSizes = net.filterSizes
        strides = net.strides
        filterSize = net.filterSize
        stride = net.stride
        parameters = net.parameterCount
        let d = try net.dimension()
        dimension = d.value
        dimensionCertified = d.certified
        fullDimensional = net.isFullDimensional
        filling = net.isFilling
        euclideanClosed = net.isEuclideanClosed
        if let filter {
            guard filter.count <= net.filterSize else {
                throw GeometryError.invalidShape(
                    "the filter has \(filter.count) entries, the network's \(net.filterSize)")
            }
            member = try net.contains(filter)
            membershipDecided = member != nil
            position = try net.position(of: filter)?.rawValue
        } else {
            member = nil
            membershipDecided = true
            position = nil
        }
        if let point {
            guard point.map(\.count) == net.filterSizes else {
                throw GeometryError.invalidShape(
                    "the point's filters have sizes \(point.map(\.count)), the network's \(net.filterSizes)")
            }
            try net.checkJacobianSize()
            let u = net.endToEnd(point)
            pointFilter = u
            let rank = net.jacobian(at: point).rank
            pointJacobianRank = rank
            pointRegular = rank == d.value
            pointPosition = try net.position(of: u)?.rawValue
            pointRepeatedRoots = LinearConvolutionalNetwork.hasRepeatedRoot(u)
            pointSharedRoots = net.sharesRoots(point)
        } else {
            pointFilter = nil
            pointJacobianRank = nil
            pointRegular = nil
            pointPosition = nil
            pointRepeatedRoots = nil
            pointSharedRoots = nil
        }
    }

    enum CodingKeys: String, CodingKey {
        case strides, stride, parameters, dimension, filling, member, position
        case filterSizes = "filter_sizes"
        case filterSize = "filter_size"
        case dimensionCertified = "dimension_certified"
        case fullDimensional = "full_dimensional"
        case euclideanClosed = "euclidean_closed"
        case membershipDecided = "membership_decided"
        case pointFilter = "point_filter"
        case pointJacobianRank = "point_jacobian_rank"
        case pointRegular = "point_regular"
        case pointPosition = "point_position"
        case pointRepeatedRoots = "point_repeated_roots"
        case pointSharedRoots = "point_shared_roots"
    }

    var table: String {
        var rows: [(String, String)] = [
            ("layers", zip(filterSizes, strides).map { "k=\($0) s=\($1)" }.joined(separator: ", ")),
            ("end-to-end filter", "size \(filterSize), stride \(stride)"),
            ("parameters", "\(parameters)"),
            ("dimension", "\(dimension)" + (dimensionCertified ? " (certified: it meets the bound)" : " (at least)")),
            ("full-dimensional", fullDimensional ? "yes" : "no"),
            ("filling", filling ? "yes: every filter of size \(filterSize) is a product" : "no"),
            ("closed", euclideanClosed ? "yes, in the Euclidean topology" : "no"),
        ]
        if let member {
            let place = position.map { " (\($0))" } ?? ""
            rows.append(("filter", member ? "in the function space" + place : "not in the function space"))
        }
        if !membershipDecided {
            rows.append(("membership", "not decided: the filter's roots are beyond eqgeom's fibre limits"))
        }
        if let u = pointFilter, let rank = pointJacobianRank, let regular = pointRegular {
            rows.append(("point's filter", u.map(\.description).joined(separator: ",")))
            rows.append(("point's Jacobian", "rank \(rank): " + (regular ? "a regular point" : "not a regular point")))
            let roots = [
                pointSharedRoots == true ? "filters share a root" : nil,
                pointRepeatedRoots == true ? "u has a repeated root" : nil,
            ].compactMap { $0 }
            rows.append(("point's roots", roots.isEmpty ? "distinct, none shared" : roots.joined(separator: "; ")))
            if let p = pointPosition {
                rows.append(
                    ("point's filter lies", (p == "boundary" ? "on the" : "in the") + " \(p) of the function space"))
            }
        }
        return keyValueTable(rows)
    }
}

/// `lcn train` (docs/cli.md).
struct LCNTrainReport: Report {
    struct Run: Encodable {
        let seed: UInt64
        let limit: String
        let loss: Double
        let gradient: Double
        let conditioning: Double
        let functionGradient: Double
        let filter: [Double]
        let certifiedRegular: Bool?

        enum CodingKeys: String, CodingKey {
            case seed, limit, loss, gradient, conditioning, filter
            case functionGradient = "function_gradient"
            case certifiedRegular = "certified_regular"
        }
    }

    let filterSizes: [Int]
    let strides: [Int]
    let dimension: Int
    let counts: [String: Int]
    let runs: [Run]

    init(_ t: LCNTraining) {
        filterSizes = t.network.filterSizes
        strides = t.network.strides
        dimension = t.dimension
        var c: [String: Int] = [:]
        for limit in LCNTraining.Limit.allCases { c[limit.rawValue] = t.counts[limit] ?? 0 }
        counts = c
        runs = t.runs.map {
            Run(
                seed: $0.seed, limit: $0.limit.rawValue, loss: $0.loss, gradient: $0.gradient,
                conditioning: $0.conditioning, functionGradient: $0.functionGradient, filter: $0.filter,
                certifiedRegular: $0.certifiedRegular)
        }
    }

    enum CodingKeys: String, CodingKey {
        case strides, dimension, counts, runs
        case filterSizes = "filter_sizes"
    }

    /// How many pure limits the exact Jacobian rank certifies as regular points (none when no limit is pure).
    var certifiedRow: [(String, String)] {
        let regular = runs.filter { $0.certifiedRegular != nil }
        guard !regular.isEmpty else { return [] }
        let exact = regular.filter { $0.certifiedRegular == true }.count
        return [
            ("certified", "\(exact) of \(regular.count) regular pure limits: exact Jacobian rank over ℚ = dimension")
        ]
    }

    var table: String {
        var text = keyValueTable(
            [
                ("layers", zip(filterSizes, strides).map { "k=\($0) s=\($1)" }.joined(separator: ", ")),
                ("runs", "\(runs.count)"),
                (
                    "limits",
                    LCNTraining.Limit.allCases.map { "\($0.rawValue) \(counts[$0.rawValue] ?? 0)" }.joined(
                        separator: ", ")
                ),
            ] + certifiedRow)
        let spurious = runs.filter { $0.limit == "spurious" }.prefix(3)
        if !spurious.isEmpty {
            text += "\n\nspurious limits (rank-deficient Jacobian, ∇ℓ ≠ 0)\n"
            text += columnTable(
                ["seed", "loss", "σ_dim/σ_1", "‖∇ℓ‖/‖b‖", "end-to-end filter"],
                spurious.map {
                    [
                        "\($0.seed)", String(format: "%.6g", $0.loss),
                        $0.conditioning < LCNTraining.rankTolerance
                            ? "< \(LCNTraining.rankTolerance)" : String(format: "%.1e", $0.conditioning),
                        String(format: "%.3g", $0.functionGradient),
                        $0.filter.map { String(format: "%.4g", $0) }.joined(separator: ","),
                    ]
                })
        }
        return text
    }
}
