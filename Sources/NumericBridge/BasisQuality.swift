import Foundation
import Geometry

/// How good the numeric Q_σ is: ‖QᵀQ − I‖_F and ‖QᵀP_σQ − J‖_F of the dense matrix when it fits,
/// otherwise estimates from random probes of the structured transform (`method` says which).
public struct BasisQuality: Sendable {
    public let orthogonalityError: Double
    public let blockError: Double
    /// Largest entry errors (dense only).
    public let orthogonalityErrorMax: Double?
    public let blockErrorMax: Double?
    public let method: String
    /// The dense basis when it was built (for export).
    public let dense: NumericBasis?

    public init(_ layout: BasisLayout) {
        if let q = try? NumericBasis(layout) {
            let o = q.orthogonalityError
            let b = q.blockError
            orthogonalityError = o.frobenius
            blockError = b.frobenius
            orthogonalityErrorMax = o.max
            blockErrorMax = b.max
            method = "dense"
            dense = q
        } else {
            let probe = TransformProbe(StructuredTransform(layout))
            orthogonalityError = probe.roundTripError
            blockError = probe.blockError
            orthogonalityErrorMax = nil
            blockErrorMax = nil
            method = "structured transform, \(probe.vectors) random probes"
            dense = nil
        }
    }
}
