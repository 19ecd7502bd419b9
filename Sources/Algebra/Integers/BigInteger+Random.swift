extension BigInteger {
    /// A uniformly random integer in 0..<bound, drawn from `generator` 64 bits at a time with
    /// rejection (so the distribution is exactly uniform).
    /// - Precondition: `bound > 0`.
    public static func random<G: RandomNumberGenerator>(below bound: BigInteger, using generator: inout G) -> BigInteger
    {
        precondition(bound.signum > 0, "random(below:) needs a positive bound")
        let bits = bound.bitLength
        let words = (bits + 63) / 64
        let topBits = bits - 64 * (words - 1)
        let two64 = BigInteger(1 << 32) * BigInteger(1 << 32)
        while true {
            var x = BigInteger(0)
            for w in 0..<words {
                var chunk = generator.next() as UInt64
                if w == 0 && topBits < 64 { chunk &= (UInt64(1) << UInt64(topBits)) - 1 }
                x = x * two64 + BigInteger(UInt(chunk))
            }
            if x < bound { return x }
        }
    }
}
