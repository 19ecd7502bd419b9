import Algebra

/// The tests' seeded generator is the library's SplitMix64, so every random test is reproducible;
/// failures print the seed.
public typealias SeededGenerator = SplitMix

extension SplitMix {
    /// `SeededGenerator(seed: s)`, the spelling the tests use.
    public init(seed: UInt64) { self.init(seed) }
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

/// Random small cycle types.
public func randomCycleType(using rng: inout some RandomNumberGenerator, maxDegree: Int = 12) -> CycleType {
    var lengths: [Int] = []
    var n = 0
    let target = Int.random(in: 1...maxDegree, using: &rng)
    while n < target {
        let c = Int.random(in: 1...(target - n), using: &rng)
        lengths.append(c)
        n += c
    }
    return CycleType(lengths: lengths)
}
