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
        switch try action.symmetry() {
        case .cyclic(let structure):
            try emit(try EquivariantReport(try EquivariantVariety(structure: structure, rank: rank)), output)
        case .group(let decomposition):
            try emit(try GroupEquivariantReport(decomposition, rank: rank), output)
        }
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

/// E^G_{r,n×n} for a group of several generators (GROUPS.md §2.3): its isotypic blocks and component counts.
struct GroupEquivariantReport: Report {
    let n: Int
    let rank: Int
    let blocks: [IsotypicBlock]
    let orbits: Int
    let commutantDimension: Int
    let components: BigInteger
    let componentsWithRankR: BigInteger

    init(_ d: IsotypicDecomposition, rank r: Int) throws {
        let count = try GroupVariety(d, rank: r).componentCount
        n = d.degree
        rank = r
        blocks = d.blocks
        orbits = d.orbitCount
        commutantDimension = d.orbitalCount
        components = count.all
        componentsWithRankR = count.withRankR
    }

    enum CodingKeys: String, CodingKey {
        case n, rank, blocks, orbits, components
        case commutantDimension = "commutant_dimension"
        case componentsWithRankR = "components_with_rank_r"
    }

    var table: String {
        let header = keyValueTable([
            ("variety", "E^G_{\(rank),\(n)x\(n)}, \(orbits) orbits"),
            ("commutant dimension", "\(commutantDimension)"),
            ("components", components.grouped),
            ("with a rank-\(rank) matrix", componentsWithRankR.grouped),
        ])
        let rows = blocks.map { [$0.label, $0.type.rawValue, "\($0.weight)", "\($0.multiplicity)"] }
        return header + "\n\n" + columnTable(["block", "type", "weight", "multiplicity"], rows)
    }
}
