import Foundation

/// Discrete Fourier transforms of any length: iterative radix-2 for powers of two, Bluestein's chirp-z
/// algorithm (a convolution by power-of-two FFTs) otherwise; O(n log n) either way.
/// `forward` computes X_f = Σ_s x_s e^{−2πi fs/n} in place on split real/imaginary arrays.
struct FFTPlan: Sendable {
    let length: Int
    private let radix2: Radix2?
    private let bluestein: Bluestein?

    init(length n: Int) {
        precondition(n >= 1)
        length = n
        if n & (n - 1) == 0 { radix2 = Radix2(n); bluestein = nil } else { radix2 = nil; bluestein = Bluestein(n) }
    }

    /// X = DFT(x), in place.
    func forward(_ re: inout [Double], _ im: inout [Double]) {
        if let r = radix2 { r.transform(&re, &im) } else { bluestein?.transform(&re, &im) }
    }

    /// x = Σ_f X_f e^{+2πi fs/n} (no 1/n), in place: conj(DFT(conj X)).
    func backward(_ re: inout [Double], _ im: inout [Double]) {
        for k in 0..<length { im[k] = -im[k] }
        forward(&re, &im)
        for k in 0..<length { im[k] = -im[k] }
    }

    /// Power-of-two FFT with precomputed twiddles (decimation in time, bit-reversed input order).
    struct Radix2: Sendable {
        let n: Int
        let cosTable: [Double], sinTable: [Double]
        let reversed: [Int]

        init(_ n: Int) {
            self.n = n
            cosTable = (0..<max(n / 2, 1)).map { cos(2 * Double.pi * Double($0) / Double(n)) }
            sinTable = (0..<max(n / 2, 1)).map { -sin(2 * Double.pi * Double($0) / Double(n)) }
            var bits = 0
            while (1 << bits) < n { bits += 1 }
            reversed = (0..<n).map { i in
                var r = 0, x = i
                for _ in 0..<bits { r = (r << 1) | (x & 1); x >>= 1 }
                return r
            }
        }

        func transform(_ re: inout [Double], _ im: inout [Double]) {
            for i in 0..<n where i < reversed[i] { re.swapAt(i, reversed[i]); im.swapAt(i, reversed[i]) }
            var size = 2
            while size <= n {
                let half = size / 2, step = n / size
                var start = 0
                while start < n {
                    for k in 0..<half {
                        let wr = cosTable[k * step], wi = sinTable[k * step]
                        let a = start + k, b = a + half
                        let tr = re[b] * wr - im[b] * wi, ti = re[b] * wi + im[b] * wr
                        re[b] = re[a] - tr; im[b] = im[a] - ti
                        re[a] += tr; im[a] += ti
                    }
                    start += size
                }
                size *= 2
            }
        }
    }

    /// Bluestein: fs = (f² + s² − (f−s)²)/2 turns the DFT into a convolution with the chirp e^{πi k²/n}.
    struct Bluestein: Sendable {
        let n: Int
        let m: Int
        let inner: Radix2
        let chirpRe: [Double], chirpIm: [Double]          // e^{−πi k²/n}, k < n
        let kernelRe: [Double], kernelIm: [Double]        // FFT of the extended conjugate chirp

        init(_ n: Int) {
            self.n = n
            var m = 1
            while m < 2 * n - 1 { m *= 2 }
            self.m = m
            inner = Radix2(m)
            // k² mod 2n keeps the angle small and exact before rounding
            let angles = (0..<n).map { Double.pi * Double((($0 * $0) % (2 * n))) / Double(n) }
            chirpRe = angles.map { cos($0) }
            chirpIm = angles.map { -sin($0) }
            var kr = [Double](repeating: 0, count: m), ki = [Double](repeating: 0, count: m)
            for k in 0..<n {
                kr[k] = chirpRe[k]; ki[k] = -chirpIm[k]
                if k > 0 { kr[m - k] = chirpRe[k]; ki[m - k] = -chirpIm[k] }
            }
            inner.transform(&kr, &ki)
            kernelRe = kr
            kernelIm = ki
        }

        func transform(_ re: inout [Double], _ im: inout [Double]) {
            var ar = [Double](repeating: 0, count: m), ai = [Double](repeating: 0, count: m)
            for k in 0..<n {
                ar[k] = re[k] * chirpRe[k] - im[k] * chirpIm[k]
                ai[k] = re[k] * chirpIm[k] + im[k] * chirpRe[k]
            }
            inner.transform(&ar, &ai)
            for k in 0..<m {
                let r = ar[k] * kernelRe[k] - ai[k] * kernelIm[k]
                ai[k] = ar[k] * kernelIm[k] + ai[k] * kernelRe[k]
                ar[k] = r
            }
            // inverse FFT of size m: conj(FFT(conj)) / m
            for k in 0..<m { ai[k] = -ai[k] }
            inner.transform(&ar, &ai)
            let scale = 1 / Double(m)
            for k in 0..<n {
                let r = ar[k] * scale, i = -ai[k] * scale
                re[k] = r * chirpRe[k] - i * chirpIm[k]
                im[k] = r * chirpIm[k] + i * chirpRe[k]
            }
        }
    }
}
