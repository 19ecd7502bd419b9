import CommandLineSupport
import ArgumentParser
import Algebra
import Geometry

/// `eqgeom semigroup`: the convolutions on a right ideal S of a finite semigroup T, checked exactly to commute with
/// T's right action, and the dimensions that say whether the convolutions are all the T-equivariant maps
/// (MATH.md §9.5).
struct Semigroup: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Semigroup convolutions on a right ideal S of T: exact commutation with T's right action.")

    @Option(
        help: ArgumentHelp(
            "T's Cayley table, 0-based: [[0,0],[0,1]] (row a, column b holds ab) or a .json file.", valueName: "table"),
        transform: Parse.matrix)
    var table: MatrixArgument?
    @Option(help: ArgumentHelp("T = ℤ_N under multiplication modulo N (1…64).", valueName: "N"))
    var multiplicative: Int?
    @Option(help: "The right ideal S, 0-based elements of T, e.g. 0,2,4 (default: all of T).")
    var ideal: ListArgument<Int>?
    @OptionGroup var output: OutputOptions

    func validate() throws {
        guard (table == nil) != (multiplicative == nil) else {
            throw ValidationError("give one of --table and --multiplicative")
        }
    }

    func run() throws {
        let t: FiniteSemigroup
        if let n = multiplicative {
            t = try FiniteSemigroup.multiplicative(modulo: n)
        } else {
            let m = try table?.rational() ?? RationalMatrix(rows: 0, columns: 0)
            let rows = try (0..<m.rows).map { i in
                try (0..<m.columns).map { j in
                    guard m[i, j].isInteger, let entry = Int(exactly: m[i, j].numerator) else {
                        throw ValidationError("--table entry (\(i), \(j)) is \(m[i, j]), not an element 0, 1, …")
                    }
                    return entry
                }
            }
            t = try FiniteSemigroup(table: rows)
        }
        let s = ideal?.values ?? Array(0..<t.order)
        try t.requireRightIdeal(s)
        progress("convolutions on \(s.count) of \(t.order) elements and the commutants of the right actions")
        try emit(SemigroupReport(try SemigroupConvolution(t, ideal: s)), output)
    }
}

struct SemigroupReport: Report {
    let orderT: Int
    let orderS: Int
    let ideal: [Int]
    let commutes: Bool
    let convolutionDimension: Int
    let commutantDimension: Int
    let idealCommutantDimension: Int
    let convolutionsAreTheCommutant: Bool

    enum CodingKeys: String, CodingKey {
        case ideal, commutes
        case orderT = "order_t"
        case orderS = "order_s"
        case convolutionDimension = "convolution_dimension"
        case commutantDimension = "commutant_dimension"
        case idealCommutantDimension = "ideal_commutant_dimension"
        case convolutionsAreTheCommutant = "convolutions_are_the_commutant"
    }

    init(_ c: SemigroupConvolution) {
        orderT = c.semigroup.order
        orderS = c.ideal.count
        ideal = c.ideal
        commutes = c.commutes
        convolutionDimension = c.convolutionDimension
        commutantDimension = c.commutantDimension
        idealCommutantDimension = c.idealCommutantDimension
        convolutionsAreTheCommutant = c.convolutionsAreTheCommutant
    }

    var table: String {
        keyValueTable([
            (
                "semigroups",
                "S = {\(ideal.map(String.init).joined(separator: ", "))}, a right ideal of T (|T| = \(orderT))"
            ),
            ("commutes", commutes ? "yes: every convolution on S commutes with all of T's right action (exact)" : "no"),
            ("convolutions", "dimension \(convolutionDimension) (the span of f ↦ f(s ·), s ∈ S)"),
            (
                "T-equivariant maps",
                "\(commutantDimension)"
                    + (convolutionsAreTheCommutant
                        ? " (the convolutions are all of them)" : " (more than the convolutions)")
            ),
            ("S-equivariant maps", "\(idealCommutantDimension) (commuting with S's own right action)"),
        ])
    }
}
