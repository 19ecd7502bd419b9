import Algebra
import Geometry
import NumericBridge

/// The symmetry hidden in uniformly rotated h×h images, against which learned L-conv generators are scored
/// (MATH.md §10.3): the quarter turn R is an exact symmetry of the data's distribution (a uniform angle plus 90° is
/// a uniform angle, and bilinear sampling commutes with turning the grid onto itself); in scrambled coordinates
/// (x′_j = x_{s(j)}) it is s⁻¹Rs. A generator L is scored by
/// - its relative distance ‖L − π(L)‖_F/‖L‖_F to the commutant of C₄ = ⟨R⟩ (π the group average; what
///   `eqgeom identify --weights L.npy --image HxH --rotate 90` reports), and
/// - its commutator defect ‖HL − LH‖_F/(‖H‖_F‖L‖_F) with the training covariance H (§10.1).
/// A generator drawn at random (L = UVᵀ, U and V with independent centred entries) has E⟨B, L⟩² the same for every
/// unit matrix B, so E‖π(L)‖² = (dim comm C₄/d²)·E‖L‖²: the distance a random generator has, √(1 − dim comm/d²),
/// is the baseline (√3/2 when C₄ moves every pixel).
public struct HiddenRotation: Sendable {
    /// One generator's scores.
    public struct Score: Sendable {
        /// ‖L − π(L)‖_F/‖L‖_F.
        public let rotationDistance: Double
        /// ‖HL − LH‖_F/(‖H‖_F‖L‖_F) and a bound on its rounding error.
        public let covarianceDefect: (relative: Double, errorBound: Double)
    }

    /// The quarter turn in the data's pixel order.
    public let quarterTurn: Permutation
    /// dim comm C₄ = (1/4)Σ_k fix(R^k)², the orbits of C₄ on pixel pairs.
    public let commutantDimension: Int
    let frame: IsotypicFrame
    let covariance: NumericCovarianceSymmetry

    /// The distance √(1 − dim comm/d²) a random generator has in expectation (see above).
    public var randomDistance: Double {
        let d = Double(quarterTurn.degree)
        return (1 - Double(commutantDimension) / (d * d)).squareRoot()
    }

    /// - Parameters: `size` h of the square images; `scrambling` s (0-based, x′_j = x_{s(j)}; nil: unscrambled);
    ///   `training` the images whose covariance H = XᵀX/N the generators are scored against.
    /// - Throws: `NumericError.invalidInput` unless the data has h² values per image; LAPACK failures.
    public init(size h: Int, scrambling: [Int]?, training: ImageDataset) throws {
        guard training.features == h * h else {
            throw NumericError.invalidInput("a \(h)×\(h) image has \(h * h) values, the data \(training.features)")
        }
        let turn = try Permutation.rotation(size: h, degrees: 90)
        var r = turn
        if let s = scrambling {
            var inverse = [Int](repeating: 0, count: s.count)
            for (j, source) in s.enumerated() { inverse[source] = j }
            r = try Permutation(images: s.map { inverse[turn.image(of: $0 + 1) - 1] + 1 })
        }
        quarterTurn = r
        commutantDimension =
            (0..<4).map { k in
                let power = r.power(k)
                let fixed = (1...power.degree).filter { power.image(of: $0) == $0 }.count
                return fixed * fixed
            }.reduce(0, +) / 4
        frame = IsotypicFrame(try BasisLayout(r))
        covariance = try NumericCovarianceSymmetry(training, tolerance: 1e-9)
    }

    /// The scores of one generator L (row-major d×d).
    /// - Throws: `NumericError.invalidInput` for a wrong size or a non-finite entry.
    public func score(_ l: [Double]) throws -> Score {
        let d = quarterTurn.degree
        let w = try WeightMatrix(l, n: d, name: "the generator")
        let distance = try WeightIdentification(w, frame: frame).equivariantDistance
        return Score(rotationDistance: distance, covarianceDefect: covariance.commutatorDefect(l))
    }
}
