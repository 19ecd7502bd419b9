import Foundation

/// An invariant kernel on s orbits of a cyclic group C_N in frequency blocks (SEEDS.md §3.1): the Hermitian
/// s×s matrices M(f)_ab = Σ_m K_{(a,0),(b,m)} ω^{fm}, ω = e^{2πi/N}, f = 0…N−1, and
/// (K⁻¹)_{(a,t),(b,u)} = D_ab(u − t) with D(m) = (1/N) Σ_f M(f)⁻¹ ω^{−fm}. O(N s³) after O(N² s²) sums.
struct CyclicOrbitBlocks: OrbitBlocks {
    let spectra: [BlockSpectrum]
    /// M(f)⁻¹ per frequency, as (real, imaginary) parts, row-major s×s.
    let inverses: [(re: [Double], im: [Double])]
    let length: Int
    let seeds: Int

    /// - Parameter k: the sN×sN kernel (orbit-major, ridge included).
    /// Zero eigenvalues are left out of the inverses (a pseudo-inverse; the analysis uses it only for regular K).
    init(kernel k: [Double], seeds s: Int, length n: Int) throws {
        let size = s * n
        var spectra: [BlockSpectrum] = []
        var inverses: [(re: [Double], im: [Double])] = []
        for f in 0..<n {
            var re = [Double](repeating: 0, count: s * s)
            var im = re
            for a in 0..<s {
                for b in 0..<s {
                    for t in 0..<n {
                        let c = k[(a * n) * size + b * n + t]
                        let angle = 2 * Double.pi * Double(f * t % n) / Double(n)
                        re[a * s + b] += c * cos(angle)
                        im[a * s + b] += c * sin(angle)
                    }
                }
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
