import Algebra

/// The exact check of one cycle's block of BᵀB = D and BᵀP_σB = D·J by exponent histograms (MATH.md §5).
///
/// Along a cycle of length c every entry of 2B is a sum of two powers of ζ = ζ_N, N = lcm(c, 4):
/// 2cos(2πfs/c) = ζ^a + ζ^{−a}, 2sin(2πfs/c) = ζ^{a+3N/4} + ζ^{N/4−a} (a = fsN/c), 2 = ζ^0 + ζ^0 and
/// 2(−1)^s = 2ζ^{sN/2}. So 4·(BᵀB)_{jk} and 4·(BᵀPB)_{jk} are Σ_e h_e ζ^e for an integer histogram h of
/// exponents mod N (4c increments), and so is 4·(expected entry). Each identity holds iff the difference
/// histogram reduces to 0 modulo Φ_N: one integer division by Φ_N per entry instead of c products in the field.
/// - Complexity: O(c³ + c²·(N − φ(N))·|Φ_N|) integer operations per cycle length.
struct MonomialBlockCheck {
    let c: Int
    let n: Int
    /// Per local column j and position s: the two exponents of 2B[i_s, j], flattened j·c + s.
    var first: [Int]
    var second: [Int]
    /// Per local column: 4·D_jj (2c for a constant or alternating column, c for a cosine or sine).
    let fourNorm: [Int]
    /// The expected 4·(D·J)_{jk} as exponent multiplicities, per pair (j, k) that is not zero.
    let expectedAction: [Int: [(exponent: Int, count: Int)]]
    /// Φ_N below its leading term: (degree, coefficient) of the nonzero terms, and φ(N).
    private let phi: Int
    private let tail: [(Int, Int)]

    /// The monomial form of the block of one cycle of length c, columns in layout order.
    init(columns: [BasisColumn], length c: Int) {
        self.c = c
        let n = lcm(c, 4)
        self.n = n
        var first: [Int] = []
        var second: [Int] = []
        var norms: [Int] = []
        var expected: [Int: [(exponent: Int, count: Int)]] = [:]
        for (j, col) in columns.enumerated() {
            let step = col.frequency * (n / c)
            for s in 0..<c {
                let a = step * s % n
                switch col.kind {
                case .constant:
                    first.append(0)
                    second.append(0)
                case .alternating:
                    first.append(s % 2 * (n / 2))
                    second.append(s % 2 * (n / 2))
                case .cosine:
                    first.append(a)
                    second.append((n - a) % n)
                case .sine:
                    first.append((a + 3 * n / 4) % n)
                    second.append((n / 4 - a + n) % n)
                }
            }
            let fourD = col.kind == .constant || col.kind == .alternating ? 4 * c : 2 * c
            norms.append(fourD)
            // 4·D·J: J = 1 (constant), −1 (alternating), [[cos θ, −sin θ], [sin θ, cos θ]] on a pair, θ = 2πf/c
            let t = step % n
            for (k, other) in columns.enumerated() where other.frequency == col.frequency {
                let half = fourD / 2  // 4D·(ζ^x + ζ^y)/2
                switch (col.kind, other.kind) {
                case (.constant, .constant): expected[j * c + k] = [(0, fourD)]
                case (.alternating, .alternating): expected[j * c + k] = [(n / 2, fourD)]
                case (.cosine, .cosine), (.sine, .sine): expected[j * c + k] = [(t, half), ((n - t) % n, half)]
                case (.sine, .cosine): expected[j * c + k] = [((t + 3 * n / 4) % n, half), ((n / 4 - t + n) % n, half)]
                case (.cosine, .sine): expected[j * c + k] = [((t + n / 4) % n, half), ((3 * n / 4 - t + n) % n, half)]
                default: break
                }
            }
        }
        self.first = first
        self.second = second
        fourNorm = norms
        expectedAction = expected
        let cyclotomic = IntegerPolynomial.cyclotomic(n)
        phi = cyclotomic.degree
        tail = (0..<phi).compactMap { i in
            let v = Int(exactly: cyclotomic.coefficient(i)) ?? 0
            return v == 0 ? nil : (i, v)
        }
    }

    /// The failing identities, as (column j, column k, "gram" or "action"); empty when the block is exact.
    func failures() -> [(Int, Int, String)] {
        var found: [(Int, Int, String)] = []
        var histogram = [Int](repeating: 0, count: 2 * n)
        for j in 0..<c {
            for k in 0..<c {
                accumulate(j, k, shift: 0, into: &histogram)
                histogram[0] -= j == k ? fourNorm[j] : 0
                if !reducesToZero(&histogram) { found.append((j, k, "gram")) }
                accumulate(j, k, shift: 1, into: &histogram)
                for (e, count) in expectedAction[j * c + k] ?? [] { histogram[e] -= count }
                if !reducesToZero(&histogram) { found.append((j, k, "action")) }
            }
        }
        return found
    }

    /// h_e += #{(s, x, y) : x + y ≡ e}, x an exponent of 2B[s, j], y of 2B[s − shift, k] ((P x)[s] = x[s − 1]).
    private func accumulate(_ j: Int, _ k: Int, shift: Int, into histogram: inout [Int]) {
        histogram.withUnsafeMutableBufferPointer { h in
            first.withUnsafeBufferPointer { f in
                second.withUnsafeBufferPointer { g in
                    for s in 0..<c {
                        let (x1, x2) = (f[j * c + s], g[j * c + s])
                        let t = k * c + (s - shift + c) % c
                        let (y1, y2) = (f[t], g[t])
                        h[x1 + y1] += 1
                        h[x1 + y2] += 1
                        h[x2 + y1] += 1
                        h[x2 + y2] += 1
                    }
                }
            }
        }
    }

    /// Folds exponents ≥ N (ζ^N = 1), divides Σ h_e x^e by Φ_N, reports whether the remainder is 0, and
    /// leaves the histogram zeroed for the next entry.
    private func reducesToZero(_ histogram: inout [Int]) -> Bool {
        histogram.withUnsafeMutableBufferPointer { h in
            for e in 0..<n {
                h[e] += h[e + n]
                h[e + n] = 0
            }
            for e in stride(from: n - 1, through: phi, by: -1) where h[e] != 0 {
                let q = h[e]
                h[e] = 0
                for (i, coefficient) in tail { h[e - phi + i] -= q * coefficient }
            }
            var zero = true
            for e in 0..<phi where h[e] != 0 {
                zero = false
                h[e] = 0
            }
            return zero
        }
    }
}
