import Algebra

/// How far a candidate symmetry generator L is from commuting with a covariance H (MATH.md §10.1):
/// ‖HL − LH‖_F², exactly, and its ratio to ‖H‖_F²‖L‖_F² (at most 4, since ‖HL‖_F ≤ ‖H‖_F‖L‖_F). Zero exactly when
/// L ∈ comm(H), i.e. when every e^{tL} commutes with H.
///
///     H = diag(1, 1, 2), L = E₁₃ − E₃₁: [H, L] has entries −1 at (1,3) and (3,1), squared 2, relative 2/(6·2) = 1/6
public struct CommutatorDefect: Sendable {
    /// ‖HL − LH‖_F².
    public let squared: Rational
    /// ‖HL − LH‖_F² / (‖H‖_F² ‖L‖_F²) (0 when H or L is 0).
    public let relativeSquared: Rational

    /// - Throws: `GeometryError.invalidShape` unless H and L are square of the same size.
    public init(covariance h: RationalMatrix, generator l: RationalMatrix) throws {
        guard h.rows == h.columns, l.rows == h.rows, l.columns == h.rows else {
            throw GeometryError.invalidShape(
                "a generator for a \(h.rows)×\(h.columns) covariance is \(h.rows)×\(h.rows), got \(l.rows)×\(l.columns)"
            )
        }
        let c = h * l - l * h
        squared = Self.frobeniusSquared(c)
        let scale = Self.frobeniusSquared(h) * Self.frobeniusSquared(l)
        relativeSquared = scale.isZero ? Rational(0) : squared / scale
    }

    /// Whether L commutes with H.
    public var commutes: Bool { squared.isZero }

    static func frobeniusSquared(_ m: RationalMatrix) -> Rational {
        var sum = Rational(0)
        for i in 0..<m.rows { for j in 0..<m.columns { sum += m[i, j] * m[i, j] } }
        return sum
    }
}
