import Algebra

extension Rational {
    /// The exact value of a finite double, m·2^e (every double is a dyadic rational); nil for NaN and ±∞.
    public init?(exactly x: Double) {
        guard x.isFinite else { return nil }
        if x == 0 {
            self.init(0)
            return
        }
        // normal: (2^52 + fraction)·2^(e − 52); subnormal: fraction·2^−1074
        let significand = BigInteger(Int(x.significandBitPattern | (x.isNormal ? 1 << 52 : 0)))
        let exponent = x.isNormal ? Int(x.exponent) - 52 : -1074
        let magnitude =
            exponent >= 0
            ? Rational(significand * BigInteger(2).power(UInt(exponent)))
            : Rational(significand, BigInteger(2).power(UInt(-exponent))) ?? Rational(0)
        self = x < 0 ? -magnitude : magnitude
    }
}

extension RationalMatrix {
    /// The rows×columns matrix of finite doubles (row-major) at their exact values; nil when an entry is not finite
    /// or the count is not rows·columns.
    public init?(exactly values: [Double], rows: Int, columns: Int) {
        guard values.count == rows * columns else { return nil }
        var m = RationalMatrix(rows: rows, columns: columns)
        for (e, v) in values.enumerated() {
            guard let r = Rational(exactly: v) else { return nil }
            m[e / columns, e % columns] = r
        }
        self = m
    }
}
