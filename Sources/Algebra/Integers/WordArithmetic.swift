internal import CFlint

// Number theory of machine integers, the one home for gcd, lcm, divisors and Euler's φ (FLINT's `n_*`
// functions where it has them; MATH.md §1).

/// gcd(a, b) ≥ 0 of machine integers (gcd(0, 0) = 0). FLINT's `n_gcd` on the magnitudes.
public func gcd(_ a: Int, _ b: Int) -> Int {
    Int(n_gcd(UInt(a.magnitude), UInt(b.magnitude)))
}

/// lcm(a, b) ≥ 0 of machine integers (0 when either is 0).
/// - Precondition: the result fits in an `Int` (the caller bounds it).
public func lcm(_ a: Int, _ b: Int) -> Int {
    guard a != 0, b != 0 else { return 0 }
    return abs(a) / gcd(a, b) * abs(b)
}

/// Euler's totient φ(n) for n ≥ 1, by FLINT's `n_euler_phi`.
/// - Precondition: `n >= 1`.
public func eulerPhi(_ n: Int) -> Int {
    precondition(n >= 1, "φ(n) needs n ≥ 1")
    return Int(n_euler_phi(UInt(n)))
}

/// The positive divisors of n ≥ 1 in increasing order: by trial division up to √n below 2^20 (at most 1,024
/// steps), from FLINT's factorisation (`n_factor`) above.
/// - Precondition: `n >= 1`.
public func divisors(of n: Int) -> [Int] {
    precondition(n >= 1, "divisors need n ≥ 1")
    if n < 1 << 20 {
        var small: [Int] = []
        var large: [Int] = []
        var i = 1
        while i * i <= n {
            if n % i == 0 {
                small.append(i)
                if i != n / i { large.append(n / i) }
            }
            i += 1
        }
        return small + large.reversed()
    }
    var factors = n_factor_t()
    n_factor_init(&factors)
    n_factor(&factors, UInt(n), 1)
    var result = [1]
    let primes = withUnsafeBytes(of: factors.p) { Array($0.bindMemory(to: UInt.self).prefix(Int(factors.num))) }
    let exponents = withUnsafeBytes(of: factors.exp) {
        Array($0.bindMemory(to: Int32.self).prefix(Int(factors.num)))
    }
    for (p, e) in zip(primes, exponents) {
        var next: [Int] = []
        next.reserveCapacity(result.count * (Int(e) + 1))
        for d in result {
            var power = d
            next.append(power)
            for _ in 0..<e {
                power *= Int(p)
                next.append(power)
            }
        }
        result = next
    }
    return result.sorted()
}

/// √a when a ≥ 0 is a perfect square, else nil (FLINT's `n_is_square` and `n_sqrt`).
public func exactSquareRoot(_ a: Int) -> Int? {
    guard a >= 0, n_is_square(UInt(a)) != 0 else { return nil }
    return Int(n_sqrt(UInt(a)))
}
