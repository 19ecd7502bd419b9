import ArgumentParser
import Algebra
import Geometry

/// `eqgeom equivariant`: the blocks and component counts of E^σ_{r,n×n} (MATH.md §4).
struct Equivariant: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Blocks and irreducible components of the σ-equivariant variety E^σ_{r,n×n}.")

    @OptionGroup var action: ActionOptions
    @Option(help: "Rank bound r, 0 ≤ r ≤ n.") var rank: Int
    @OptionGroup var output: OutputOptions

    func run() throws {
        let v = try EquivariantVariety(structure: try action.blockStructure(), rank: rank)
        try emit(try EquivariantReport(v), output)
    }
}

struct EquivariantReport: Report {
    let n: Int
    let rank: Int
    let cycleType: String
    let blocks: [SpectralBlock]
    let commutantDimension: Int
    let components: BigInteger
    let componentsWithRankR: BigInteger

    init(_ v: EquivariantVariety) throws {
        n = v.degree
        rank = v.rank
        cycleType = v.structure.cycleType.description
        blocks = v.blocks
        commutantDimension = v.structure.commutantDimension
        let c = try v.componentCount
        components = c.all
        componentsWithRankR = c.withRankR
    }

    enum CodingKeys: String, CodingKey {
        case n, rank, blocks, components
        case cycleType = "cycle_type"
        case commutantDimension = "commutant_dimension"
        case componentsWithRankR = "components_with_rank_r"
    }

    var table: String {
        let header = keyValueTable([
            ("variety", "E^σ_{\(rank),\(n)x\(n)}, cycle type \(cycleType)"),
            ("commutant dimension", "\(commutantDimension)"),
            ("components", components.grouped),
            ("with a rank-\(rank) matrix", componentsWithRankR.grouped),
        ])
        let rows = blocks.map {
            [$0.label, $0.isComplex ? "complex" : "real", "\($0.weight)", "\($0.multiplicity)", "\($0.angle)"]
        }
        return header + "\n\n" + columnTable(["block l/m", "type", "weight", "multiplicity d", "angle/2π"], rows)
    }
}
