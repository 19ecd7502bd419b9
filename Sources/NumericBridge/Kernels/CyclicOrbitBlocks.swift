import Foundation

/// An invariant kernel on s orbits of a cyclic group C_N in frequency blocks (MATH.md §11.3): the Hermitian
/// s×s matrices M(f)_ab = Σ_m K_{(a,0),(b,m)} ω^{fm}, ω = e^{2πi/N}, f = 0…N−1, and
/// (K⁻¹)_{(a,t),(b,u)} = D_ab(u − t) with D(m) = (1/N) Σ_f M(f)⁻¹ ω^{−fm}. O(s² N log N + N s³).
struct CyclicOrbitBlocks: OrbitBlocks {
    let spectra: [BlockSpectrum]
    /// M(f)⁻¹ per frequency, as (real, imaginary) parts, row-major s×s.
    let inverses: [(re: [Double], im: [Double])]
    let length: Int
    let seeds: Int

    /// - Parameter rows: K's rows at the upright points, s × sN row-major (row a: K_{(a,0),(b,t)} at b·N + t;
    ///   ridge included). An invariant kernel is determined by them; M(f) comes from one real FFT per (a, b):
    ///   M(f)_ab = conj(X_ab(f)), X the DFT of t ↦ K_{(a,0),(b,t)}, and X(N − f) = conj(X(f)).
    ///   Zero eigenvalues are left out of the inverses (a pseudo-inverse; used only for regular K).
    init(rows: [Double], seeds s: Int, length n: Int) throws {
        let fft = RealFFT(dims: [n], howMany: s * s)
        for a in 0..<s {
            for b in 0..<s { for t in 0..<n { fft.input[(a * s + b) * n + t] = rows[a * s * n + b * n + t] } }
        }
        fft.forward()
        let half = n / 2 + 1
        var spectra: [BlockSpectrum] = []
        var inverses: [(re: [Double], im: [Double])] = []
        for f in 0..<n {
            let (g, sign) = f < half ? (f, -1.0) : (n - f, 1.0)
            var re = [Double](repeating: 0, count: s * s)
            var im = re
            for ab in 0..<(s * s) {
                re[ab] = fft.output[2 * (ab * half + g)]
                im[ab] = sign * fft.output[2 * (ab * half + g) + 1]
            }
            // M(f) = U diag(λ) Uᴴ gives both its spectrum and M(f)⁻¹ = U diag(1/λ) Uᴴ
            let e = try Eigen.hermitian(real: re, imaginary: im, s)
            spectra.append(BlockSpectrum(block: "f=\(f)", eigenvalues: e.values))
            inverses.append(Self.inverse(e, s))
        }
        self.spectra = spectra
        self.inverses = inverses
        length = n
        seeds = s
    }

    /// The spectrum λ_k = Σ_m c_m cos(2πkm/L) of the circulant with first row c (one real FFT).
    static func circulantSpectrum(_ c: [Double]) -> [Double] {
        let m = c.count
        let fft = RealFFT(dims: [m], howMany: 1)
        for (i, v) in c.enumerated() { fft.input[i] = v }
        fft.forward()
        return (0..<m).map { k in fft.output[2 * (k <= m / 2 ? k : m - k)] }
    }

    /// The mean c_m of the m-th cyclic diagonal of the interleaved kernel of two orbits ((A,0), (B,0), (A,1), …),
    /// from K's rows at the upright points (exact for an invariant kernel): even m = 2q averages c_AA(q) and
    /// c_BB(q); odd m = 2q + 1 averages c_AB(q) and c_BA(q + 1).
    static func interleavedDiagonals(rows: [Double], length n: Int) -> [Double] {
        func c(_ a: Int, _ b: Int, _ t: Int) -> Double { rows[a * 2 * n + b * n + t % n] }
        return (0..<(2 * n)).map { m in
            m % 2 == 0 ? (c(0, 0, m / 2) + c(1, 1, m / 2)) / 2 : (c(0, 1, m / 2) + c(1, 0, m / 2 + 1)) / 2
        }
    }

    func inverseEntry(_ a: Int, _ t: Int, _ b: Int, _ u: Int) -> Double {
        let n = length
        let shift = ((u - t) % n + n) % n
        var sum = 0.0
        for (f, inverse) in inverses.enumerated() {
            let angle = -2 * Double.pi * Double(f * shift % n) / Double(n)
            sum += inverse.re[a * seeds + b] * cos(angle) - inverse.im[a * seeds + b] * sin(angle)
        }
        return sum / Double(n)
    }

    /// U diag(1/λ) Uᴴ from a Hermitian eigen-decomposition: entry (i, j) = Σ_k u_ik conj(u_jk)/λ_k.
    static func inverse(
        _ e: (values: [Double], vectorsRe: [Double], vectorsIm: [Double]), _ s: Int
    ) -> (re: [Double], im: [Double]) {
        var re = [Double](repeating: 0, count: s * s)
        var im = re
        for i in 0..<s {
            for j in 0..<s {
                for k in 0..<s {
                    let (ar, ai) = (e.vectorsRe[i * s + k], e.vectorsIm[i * s + k])
                    let (br, bi) = (e.vectorsRe[j * s + k], e.vectorsIm[j * s + k])
                    let scale = e.values[k] == 0 ? 0 : 1 / e.values[k]
                    re[i * s + j] += (ar * br + ai * bi) * scale
                    im[i * s + j] += (ai * br - ar * bi) * scale
                }
            }
        }
        return (re, im)
    }
}
