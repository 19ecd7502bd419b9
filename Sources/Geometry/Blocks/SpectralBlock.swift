import Algebra

/// One real block (l, m) of a σ-equivariant matrix in the basis Q_σ (MATH.md §4.1).
///
/// (1,1): eigenvalue 1, real, weight 1. (2,1): eigenvalue −1, real, weight 1. For l ≥ 3 and
/// gcd(m, l) = 1, l/2 < m < l: the conjugate pair ζ_l^{±m}, a complex block of weight 2. Its size
/// (multiplicity) d_l is the number of cycles whose length l divides.
public struct SpectralBlock: RealBlock, Codable {
    /// The order l of the eigenvalue ζ_l^m.
    public let l: Int
    /// The exponent m of ζ_l^m (gcd(m, l) = 1).
    public let m: Int
    /// d_l: the block is d_l×d_l (complex blocks: d_l×d_l over ℂ, 2d_l×2d_l over ℝ).
    public let multiplicity: Int

    /// 1 for the real blocks (1,1) and (2,1), 2 for complex blocks: how much rank one unit of t adds.
    public var weight: Int { l <= 2 ? 1 : 2 }
    /// Whether the block is a complex pair ζ_l^{±m} (l > 2): type ℂ, weight 2.
    public var isComplex: Bool { l > 2 }

    /// The rotation angle θ/2π = (l − m)/l of the pair's 2×2 blocks; the canonical order sorts by it.
    public var angle: Rational? { Rational(l - m, l) }

    /// The frequency f = (l − m)·c/l of this block on a cycle of length c divisible by l.
    public func frequency(onCycleOfLength c: Int) -> Int { (l - m) * (c / l) }

    /// `l/m`, the key used in keyed tuples (`1/1=13,28/27=10`).
    public var label: String { "\(l)/\(m)" }

    /// The division algebra of the block: ℝ for (1,1) and (2,1), ℂ otherwise (MATH.md §8.1).
    public var type: DivisionAlgebra { isComplex ? .complex : .real }

    enum CodingKeys: String, CodingKey { case l, m, multiplicity, weight, type, label }
    /// The block (l, m) of size d_l.
    /// - Precondition: l ≥ 1, gcd(m, l) = 1 (callers build blocks from cycle types).
    public init(l: Int, m: Int, multiplicity: Int) {
        self.l = l
        self.m = m
        self.multiplicity = multiplicity
    }
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        try self.init(
            l: c.decode(Int.self, forKey: .l), m: c.decode(Int.self, forKey: .m),
            multiplicity: c.decode(Int.self, forKey: .multiplicity))
    }
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(l, forKey: .l)
        try c.encode(m, forKey: .m)
        try c.encode(multiplicity, forKey: .multiplicity)
        try c.encode(type, forKey: .type)
        try c.encode(label, forKey: .label)
        try c.encode(weight, forKey: .weight)
    }
}
