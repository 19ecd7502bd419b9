import CommandLineSupport
import ArgumentParser
import Foundation
import Algebra
import Geometry

/// `eqgeom identifiability`: which larger symmetry has exactly the same equivariant linear maps (MATH.md §9.2,
/// §9.3: the k-closure): commutant, bicommutant and generated algebra of a representation, and for
/// a permutation group Wielandt's k-closure with the layer parameter counts of G and G^(k) by tensor power.
struct IdentifiabilityCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "identifiability",
        abstract: "Commutant, bicommutant, generated algebra; for permutation groups the k-closure G^(k).")

    @OptionGroup var representation: RepresentationOptions
    @Option(help: "k of the k-closure (permutation groups), 1…4: G^(k) has G's layers of total power ≤ k.")
    var k = 2
    @OptionGroup var output: OutputOptions

    /// The exact algebra computations solve d²×d² systems: refused past this dimension.
    static let largestAlgebraDimension = 32

    func validate() throws {
        guard (1...4).contains(k) else { throw ValidationError("--k must be between 1 and 4, got \(k)") }
        guard representation.given else {
            throw ValidationError("name the representation: --perm, --image, --gen, or --matrix/--lie-matrix")
        }
    }

    func run() throws {
        let rho = try representation.representation()
        var report = IdentifiabilityReport(dimension: rho.dimension)
        if rho.dimension <= Self.largestAlgebraDimension {
            let id = try Identifiability(rho, progress: progress)
            report.commutantDimension = id.commutant.dimension
            report.bicommutantDimension = id.bicommutantDimension
            report.generatedAlgebraDimension = id.generatedAlgebraDimension
            report.doubleCommutantHolds = id.doubleCommutantHolds
        } else {
            report.commutantDimension = try EquivarianceConstraint(input: rho, output: rho).solve().dimension
            progress("d = \(rho.dimension) > \(Self.largestAlgebraDimension): bicommutant and algebra skipped")
        }
        if let group = try representation.permutationGroup() {
            progress("the \(k)-closure of a group of order \(group.order)")
            let closure = try group.closure(k: k, progress: progress)
            report.groupOrder = group.order.description
            report.closureOrder = closure.order.description
            report.identifiable = closure.order == group.order
            report.k = k
            report.closureGenerators = closure.generators.dropFirst(group.generators.count).map(\.images)
            report.layerParametersByPower = try (1...(k + 1)).compactMap { power -> PowerCount? in
                guard pow(Double(group.degree), Double(power)) <= 1e7 else { return nil }
                return PowerCount(
                    power: power, group: try group.orbitsOnTuples(length: power).count,
                    closure: try closure.orbitsOnTuples(length: power).count)
            }
        }
        try emit(report, output)
    }
}

struct PowerCount: Encodable {
    let power: Int
    let group: Int
    let closure: Int
}

struct IdentifiabilityReport: Report {
    let dimension: Int
    var commutantDimension: Int?
    var bicommutantDimension: Int?
    var generatedAlgebraDimension: Int?
    var doubleCommutantHolds: Bool?
    var groupOrder: String?
    var closureOrder: String?
    var identifiable: Bool?
    var k: Int?
    var closureGenerators: [[Int]]?
    var layerParametersByPower: [PowerCount]?

    init(dimension: Int) { self.dimension = dimension }

    enum CodingKeys: String, CodingKey {
        case dimension, identifiable, k
        case commutantDimension = "commutant_dimension"
        case bicommutantDimension = "bicommutant_dimension"
        case generatedAlgebraDimension = "generated_algebra_dimension"
        case doubleCommutantHolds = "double_commutant_holds"
        case groupOrder = "group_order"
        case closureOrder = "closure_order"
        case closureGenerators = "closure_generators"
        case layerParametersByPower = "layer_parameters_by_power"
    }

    var table: String {
        var rows: [(String, String)] = [("dimension", "\(dimension)")]
        if let c = commutantDimension { rows.append(("commutant", "\(c) (equivariant maps V → V)")) }
        if let b = bicommutantDimension, let a = generatedAlgebraDimension, let holds = doubleCommutantHolds {
            rows.append(("bicommutant", "\(b)"))
            rows.append(("generated algebra", "\(a)"))
            rows.append(
                (
                    "double commutant",
                    holds
                        ? "holds: the maps commuting with every equivariant map are the generated algebra"
                        : "fails: the bicommutant is larger (the generated algebra is not semisimple)"
                ))
        }
        if let g = groupOrder, let c = closureOrder, let k, let same = identifiable {
            rows.append(("group order", g))
            rows.append(
                ("\(k)-closure order", c + (same ? " (G is \(k)-closed)" : " (a larger group with the same layers)")))
            for p in layerParametersByPower ?? [] {
                rows.append(("orbits on n^\(p.power)", "G: \(p.group), G^(\(k)): \(p.closure)"))
            }
        }
        return keyValueTable(rows)
    }
}
