/// SplitMix64 (Steele, Lea, Flood 2014): a small, fast, seeded generator so that every random
/// test is reproducible. Failures print the seed.
public struct SeededGenerator: RandomNumberGenerator, Sendable {
    public private(set) var state: UInt64
    public init(seed: UInt64) { state = seed }
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// How many random cases a property test runs: `base` × EQGEOM_TEST_MULTIPLIER (default 1).
public func testIterations(_ base: Int) -> Int {
    let env = getenvString("EQGEOM_TEST_MULTIPLIER").flatMap(Int.init) ?? 1
    return max(1, base * env)
}

/// Values that stress big-integer code: 0, ±1, and numbers around the 2^62 boundary where FLINT
/// switches from inline words to GMP.
public let edgeIntegers: [Int] = [
    0, 1, -1, 2, -2, (1 << 62) - 1, 1 << 62, -(1 << 62), -(1 << 62) - 1, Int.max, Int.min + 1,
]
