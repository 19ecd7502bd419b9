import Foundation

/// Discrete Fourier transforms of any length: iterative radix-2 for powers of two, mixed-radix
/// Cooley–Tukey when every prime factor is at most 13, Bluestein's chirp-z algorithm (a convolution by
/// power-of-two FFTs) otherwise; O(n log n) in every case.
/// `forward` computes X_f = Σ_s x_s e^{−2πi fs/n} in place on split real/imaginary arrays.
struct FFTPlan: Sendable {
    let length: Int
    private let radix2: Radix2?
    private let mixed: MixedRadix?
    private let bluestein: Bluestein?

    init(length n: Int) {
        precondition(n >= 1)
        length = n
        let factors = primeFactors(n)
        if n & (n - 1) == 0 {
            radix2 = Radix2(n)
            mixed = nil
            bluestein = nil
        } else if factors.allSatisfy({ $0 <= 13 }) {
            radix2 = nil
            mixed = MixedRadix(n, factors: factors)
            bluestein = nil
        } else {
            radix2 = nil
            mixed = nil
            bluestein = Bluestein(n)
        }
    }

    /// X = DFT(x), in place.
    func forward(_ re: inout [Double], _ im: inout [Double]) {
        if let r = radix2 {
            r.transform(&re, &im)
        } else if let m = mixed {
            m.transform(&re, &im)
        } else {
            bluestein?.transform(&re, &im)
        }
    }

    /// Recursive decimation-in-time Cooley–Tukey over the prime factors of n (radix-p butterflies
    /// with precomputed p×p DFT matrices and twiddles from one table of n-th roots of unity), out of place.
    struct MixedRadix: Sendable {
        let n: Int
        let factors: [Int]
        let cosTable: [Double], sinTable: [Double]  // e^{−2πi j/n} = cos + i·sin (sin stored negated)
        /// Per level: the p×p matrix w_p^{qs}, real and imaginary parts, row q, column s.
        let dftRe: [[Double]], dftIm: [[Double]]

        init(_ n: Int, factors: [Int]) {
            // radix 4 where possible: fewer levels
            var f = factors.filter { $0 != 2 }
            let twos = factors.count - f.count
            f = Array(repeating: 4, count: twos / 2) + (twos % 2 == 1 ? [2] : []) + f
            self.n = n
            self.factors = f
            cosTable = (0..<n).map { cos(2 * Double.pi * Double($0) / Double(n)) }
            sinTable = (0..<n).map { -sin(2 * Double.pi * Double($0) / Double(n)) }
            dftRe = f.map { p in (0..<(p * p)).map { cos(2 * Double.pi * Double(($0 / p) * ($0 % p) % p) / Double(p)) }
            }
            dftIm = f.map { p in (0..<(p * p)).map { -sin(2 * Double.pi * Double(($0 / p) * ($0 % p) % p) / Double(p)) }
            }
        }

        func transform(_ re: inout [Double], _ im: inout [Double]) {
            var outRe = [Double](repeating: 0, count: n)
            var outIm = outRe
            re.withUnsafeBufferPointer { ir in
                im.withUnsafeBufferPointer { ii in
                    outRe.withUnsafeMutableBufferPointer { or in
                        outIm.withUnsafeMutableBufferPointer { oi in
                            withUnsafeTemporaryAllocation(of: Double.self, capacity: 32) { t in
                                guard let a = ir.baseAddress, let b = ii.baseAddress, let c = or.baseAddress,
                                    let d = oi.baseAddress, let scratch = t.baseAddress
                                else { return }  // n = 0: nothing to transform
                                recurse(a, b, stride: 1, c, d, length: n, level: 0, scratch: scratch)
                            }
                        }
                    }
                }
            }
            re = outRe
            im = outIm
        }

        /// Writes the DFT of the `length` inputs in[0], in[stride], … into out[0..<length].
        private func recurse(
            _ inRe: UnsafePointer<Double>, _ inIm: UnsafePointer<Double>, stride: Int,
            _ outRe: UnsafeMutablePointer<Double>, _ outIm: UnsafeMutablePointer<Double>, length: Int, level: Int,
            scratch: UnsafeMutablePointer<Double>
        ) {
            let p = factors[level]
            let m = length / p
            if m == 1 {
                for q in 0..<p {
                    outRe[q] = inRe[q * stride]
                    outIm[q] = inIm[q * stride]
                }
            } else {
                for q in 0..<p {  // sub-transform q of the inputs q, q+p, q+2p, … into out[q·m ..< (q+1)·m]
                    recurse(
                        inRe + q * stride, inIm + q * stride, stride: stride * p, outRe + q * m, outIm + q * m,
                        length: m, level: level + 1, scratch: scratch)
                }
            }
            let step = n / length  // w_length^j = w_n^{j·step}
            let tRe = scratch
            let tIm = scratch + 16
            dftRe[level].withUnsafeBufferPointer { wr in
                dftIm[level].withUnsafeBufferPointer { wi in
                    cosTable.withUnsafeBufferPointer { ct in
                        sinTable.withUnsafeBufferPointer { st in
                            for k in 0..<m {
                                var j = 0
                                for q in 0..<p {  // t_q = w_length^{qk} · Y_q[k]
                                    let (a, b) = (outRe[q * m + k], outIm[q * m + k])
                                    tRe[q] = a * ct[j] - b * st[j]
                                    tIm[q] = a * st[j] + b * ct[j]
                                    j += k * step
                                    if j >= n { j -= n }
                                }
                                for s in 0..<p {  // X[k + m·s] = Σ_q t_q · w_p^{qs}
                                    var sr = 0.0
                                    var si = 0.0
                                    for q in 0..<p {
                                        let c = wr[q * p + s]
                                        let d = wi[q * p + s]
                                        sr += tRe[q] * c - tIm[q] * d
                                        si += tRe[q] * d + tIm[q] * c
                                    }
                                    outRe[k + m * s] = sr
                                    outIm[k + m * s] = si
                                }
                            }
                        }
                    }
                }
            }
        }
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
                var r = 0
                var x = i
                for _ in 0..<bits {
                    r = (r << 1) | (x & 1)
                    x >>= 1
                }
                return r
            }
        }

        func transform(_ re: inout [Double], _ im: inout [Double]) {
            for i in 0..<n where i < reversed[i] {
                re.swapAt(i, reversed[i])
                im.swapAt(i, reversed[i])
            }
            var size = 2
            while size <= n {
                let half = size / 2
                let step = n / size
                var start = 0
                while start < n {
                    for k in 0..<half {
                        let wr = cosTable[k * step]
                        let wi = sinTable[k * step]
                        let a = start + k
                        let b = a + half
                        let tr = re[b] * wr - im[b] * wi
                        let ti = re[b] * wi + im[b] * wr
                        re[b] = re[a] - tr
                        im[b] = im[a] - ti
                        re[a] += tr
                        im[a] += ti
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
        let chirpRe: [Double], chirpIm: [Double]  // e^{−πi k²/n}, k < n
        let kernelRe: [Double], kernelIm: [Double]  // FFT of the extended conjugate chirp

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
            var kr = [Double](repeating: 0, count: m)
            var ki = [Double](repeating: 0, count: m)
            for k in 0..<n {
                kr[k] = chirpRe[k]
                ki[k] = -chirpIm[k]
                if k > 0 {
                    kr[m - k] = chirpRe[k]
                    ki[m - k] = -chirpIm[k]
                }
            }
            inner.transform(&kr, &ki)
            kernelRe = kr
            kernelIm = ki
        }

        func transform(_ re: inout [Double], _ im: inout [Double]) {
            var ar = [Double](repeating: 0, count: m)
            var ai = [Double](repeating: 0, count: m)
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
                let r = ar[k] * scale
                let i = -ai[k] * scale
                re[k] = r * chirpRe[k] - i * chirpIm[k]
                im[k] = r * chirpIm[k] + i * chirpRe[k]
            }
        }
    }
}

/// The prime factors of n ≥ 1 with multiplicity, ascending.
func primeFactors(_ n: Int) -> [Int] {
    var m = n
    var p = 2
    var out: [Int] = []
    while p * p <= m {
        while m % p == 0 {
            out.append(p)
            m /= p
        }
        p += 1
    }
    if m > 1 { out.append(m) }
    return out
}
