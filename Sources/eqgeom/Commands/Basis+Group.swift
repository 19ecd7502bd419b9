import CommandLineSupport
import ArgumentParser
import Foundation
import Algebra
import Geometry
import NumericBridge

/// `eqgeom basis` for a permutation group (MATH.md §8.5.5): the exact adapted basis B, its certificate,
/// the numeric Q = B·Δ^{−1/2} with measured errors, exports.
extension Basis {
    func runGroup(_ group: PermutationGroup) throws {
        let wantsExact = certify || exact || out?.hasSuffix(".json") == true
        if !wantsExact, let layout = CharacterLayout(group: group) {
            return try finish(group, numeric: try GroupNumericBasis(characters: layout), exact: nil)
        }
        if CharacterLayout(group: group) != nil, let largest = group.orbits.map(\.count).max(),
            largest > Self.largestAbelianOrbit
        {
            throw ValidationError(
                "the exact basis of an abelian group is built for orbits up to \(Self.largestAbelianOrbit) points "
                    + "(this one has \(largest)); without --certify/--exact the character basis (2-D real DFT) is used")
        }
        let exactBasis = try AdaptedBasis(group: group, allowUnmodelled: true, progress: { progress($0) })
        if let path = out, path.hasSuffix(".json"), !exactBasis.unmodelled.isEmpty {
            throw ValidationError(
                "some blocks have no exact model (their basis is floating), so \(path) would be partial; use .npz")
        }
        try finish(group, numeric: try GroupNumericBasis(exactBasis), exact: exactBasis)
    }

    /// Largest orbit of an abelian group for the exact engine (its orbital algebra is the group algebra of the
    /// orbit: s = |O| orbitals, O(|O|³) rational work).
    static let largestAbelianOrbit = 64

    func finish(_ group: PermutationGroup, numeric: GroupNumericBasis, exact exactBasis: AdaptedBasis?) throws {
        let transform = GroupTransform(numeric)
        var report = GroupBasisReport(numeric, exact: exactBasis)
        report.orthogonalityError = transform.orthogonalityError
        report.blockError = transform.blockError
        if let exactBasis, certify || exact {
            progress("certifying B exactly")
            let certificate = try AdaptedBasisCertificate(exactBasis)
            report.certified = certificate.holds
            report.checkedEntries = certificate.checkedEntries
            report.failures = certificate.failures
            report.floatingBlocks = certificate.floatingBlocks.isEmpty ? nil : certificate.floatingBlocks
        }
        if let path = out {
            guard report.certified != false else { throw ValidationError("the certificate fails; \(path) not written") }
            if path.hasSuffix(".json"), let exactBasis {
                try OutputFile.write(jsonBytes(GroupExport.ExactBasisDocument(exactBasis)), to: path)
            } else if path.hasSuffix(".npz") {
                try GroupExport.basisArchive(numeric).write(to: path)
            } else {
                try NumPyArray(float64: try GroupExport.denseQ(numeric), shape: [group.degree, group.degree]).write(
                    to: path)
            }
            wrote([path])
        }
        try emit(report, output)
    }
}
