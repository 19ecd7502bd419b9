/// SplitMix64 (Steele, Lea, Flood 2014), the one seeded generator of eqgeom's random choices (central
/// elements, shifts, shuffles, initialisations, component sampling): reproducible from its seed on every
/// platform. Floating-point draws (`uniform`, `normal`) are added by NumericBridge.
public struct SplitMix: RandomNumberGenerator, Sendable {
    /// The generator's state; two generators with equal states draw the same sequence.
    public private(set) var state: UInt64

    public init(_ seed: UInt64) { state = seed }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// One draw reduced into `range` (next() mod its size: the slight bias is part of the documented
    /// sequence, which oracles and recorded runs depend on).
    public mutating func next(in range: ClosedRange<Int>) -> Int {
        range.lowerBound + Int(next() % UInt64(range.count))
    }

    /// Shuffles in place (Fisher–Yates, from the last position down), one draw per position.
    public mutating func shuffle<T>(_ a: inout [T]) {
        for i in stride(from: a.count - 1, to: 0, by: -1) { a.swapAt(i, Int(next() % UInt64(i + 1))) }
    }
}
