import CommandLineSupport
import ArgumentParser
import Foundation
import Algebra
import Geometry

/// `eqgeom invariants`: the invariant polynomials of one degree of a representation, exactly (MATH.md §9.2:
/// a generic generator has none of degree ≥ 1).
struct Invariants: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Invariant polynomials of a degree for permutation, matrix or Lie generators (exact basis).")

    @OptionGroup var representation: RepresentationOptions
    @Option(help: "The degree k ≥ 0 of the polynomials.") var degree: Int
    @OptionGroup var output: OutputOptions

    func validate() throws {
        guard degree >= 0 else { throw ValidationError("--degree must be at least 0, got \(degree)") }
        guard representation.given else {
            throw ValidationError("name the representation: --perm, --image, --gen, or --matrix/--lie-matrix")
        }
    }

    func run() throws {
        let invariants = try InvariantPolynomials(try representation.representation(), degree: degree)
        try emit(
            InvariantsReport(
                degree: degree, variables: invariants.variables, monomials: invariants.monomials.count,
                dimension: invariants.dimension, basis: invariants.polynomials), output)
    }
}

struct InvariantsReport: Report {
    let degree: Int
    let variables: Int
    let monomials: Int
    let dimension: Int
    let basis: [String]

    var table: String {
        keyValueTable(
            [
                ("degree", "\(degree) in \(variables) variables (\(monomials) monomials)"),
                ("dimension", "\(dimension)"),
            ] + basis.enumerated().map { ("invariant \($0.offset + 1)", $0.element) })
    }
}
