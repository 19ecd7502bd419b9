import Geometry

/// The arrays of one mini-batch step of the linear autoencoder x ↦ D·E·x (rows of X, batch × m), allocated
/// once per training run: batch X_b, E (k×m), D (m×k), the code Y = X_b Eᵀ, the residual gradient
/// G = 2(Y Dᵀ − X_b)/N_b, and the weight gradients ∂L/∂D = Gᵀ Y, ∂L/∂E = (G D)ᵀ X_b.
struct StepBuffers {
    var x: [Double]
    var e: [Double]
    var d: [Double]
    var y: [Double]
    var g: [Double]
    var gy: [Double]
    var gd: [Double]
    var ge: [Double]
    var grad: [Double]

    init(batch: Int, inputs m: Int, code k: Int, parameters: Int) {
        x = [Double](repeating: 0, count: batch * m)
        e = [Double](repeating: 0, count: k * m)
        d = e
        y = [Double](repeating: 0, count: batch * k)
        g = x
        gy = y
        gd = e
        ge = e
        grad = [Double](repeating: 0, count: parameters)
    }

    /// The code Y = X_b Eᵀ and the reconstruction Y Dᵀ (into `g`) of the first `rows` rows of `x`.
    mutating func reconstruct(rows nb: Int, inputs m: Int, code k: Int) {
        x.withUnsafeBufferPointer { xp in
            e.withUnsafeBufferPointer { ep in
                d.withUnsafeBufferPointer { dp in
                    y.withUnsafeMutableBufferPointer { yp in
                        g.withUnsafeMutableBufferPointer { gp in
                            guard let x = xp.baseAddress, let e = ep.baseAddress, let d = dp.baseAddress,
                                let y = yp.baseAddress, let g = gp.baseAddress
                            else { return }
                            BLAS.gemm(x, e, y, m: nb, n: k, k: m, transposeB: true)  // N×k
                            BLAS.gemm(y, d, g, m: nb, n: m, k: k, transposeB: true)  // N×m
                        }
                    }
                }
            }
        }
    }

    /// Forward pass and weight gradients for the first `rows` rows of `x` (five GEMMs, no allocation).
    mutating func gradientStep(rows nb: Int, inputs m: Int, code k: Int) {
        reconstruct(rows: nb, inputs: m, code: k)
        x.withUnsafeBufferPointer { xp in
            d.withUnsafeBufferPointer { dp in
                y.withUnsafeBufferPointer { yp in
                    g.withUnsafeMutableBufferPointer { gp in
                        gy.withUnsafeMutableBufferPointer { gyp in
                            gd.withUnsafeMutableBufferPointer { gdp in
                                ge.withUnsafeMutableBufferPointer { gep in
                                    guard let x = xp.baseAddress, let d = dp.baseAddress, let y = yp.baseAddress,
                                        let g = gp.baseAddress, let gy = gyp.baseAddress, let gd = gdp.baseAddress,
                                        let ge = gep.baseAddress
                                    else { return }
                                    // ∂/∂recon of the mean SSE (one multiplication per entry, no division)
                                    let scale = 2 / Double(nb)
                                    for i in 0..<(nb * m) { g[i] = (g[i] - x[i]) * scale }
                                    BLAS.gemm(g, y, gd, m: m, n: k, k: nb, transposeA: true)  // m×k
                                    BLAS.gemm(g, d, gy, m: nb, n: k, k: m)  // N×k
                                    BLAS.gemm(gy, x, ge, m: k, n: m, k: nb, transposeA: true)  // k×m
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}

extension StepBuffers {
    /// The trained model's Σ‖x − DEx‖² over all rows, with ‖X‖_F and ‖X̂‖_F, reconstructing batch-sized tiles
    /// of rows in the step buffers (E and D already filled); sums run row by row as over one array.
    mutating func residual(
        _ xs: UnsafeBufferPointer<Double>, rowStride: Int, count: Int, inputs m: Int, code k: Int
    ) -> (sse: Double, dataNorm: Double, reconNorm: Double) {
        var (sse, data, recon) = (0.0, 0.0, 0.0)
        let tile = x.count / max(m, 1)
        for start in stride(from: 0, to: count, by: max(tile, 1)) {
            let rows = min(tile, count - start)
            gather(start..<(start + rows), from: xs, rowStride: rowStride, inputs: m)
            reconstruct(rows: rows, inputs: m, code: k)
            x.withUnsafeBufferPointer { xp in
                g.withUnsafeBufferPointer { gp in
                    // four interleaved partial sums per quantity: no single chain of dependent additions
                    var (e, u2, v2) = (SIMD4<Double>(), SIMD4<Double>(), SIMD4<Double>())
                    var i = 0
                    while i + 4 <= rows * m {
                        let u = SIMD4(xp[i], xp[i + 1], xp[i + 2], xp[i + 3])
                        let v = SIMD4(gp[i], gp[i + 1], gp[i + 2], gp[i + 3])
                        e += (v - u) * (v - u)
                        u2 += u * u
                        v2 += v * v
                        i += 4
                    }
                    while i < rows * m {
                        let (u, v) = (xp[i], gp[i])
                        e[0] += (v - u) * (v - u)
                        u2[0] += u * u
                        v2[0] += v * v
                        i += 1
                    }
                    sse += (e[0] + e[1]) + (e[2] + e[3])
                    data += (u2[0] + u2[1]) + (u2[2] + u2[3])
                    recon += (v2[0] + v2[1]) + (v2[2] + v2[3])
                }
            }
        }
        return (sse, data.squareRoot(), recon.squareRoot())
    }

    /// Copies the given rows' m leading values (rows `rowStride` apart) into the batch buffer, one block each.
    mutating func gather<Rows: Collection<Int>>(
        _ rows: Rows, from xs: UnsafeBufferPointer<Double>, rowStride: Int, inputs m: Int
    ) {
        x.withUnsafeMutableBufferPointer { target in
            guard let base = target.baseAddress, let source = xs.baseAddress else { return }
            for (r, i) in rows.enumerated() { (base + r * m).update(from: source + i * rowStride, count: m) }
        }
    }
}

/// A weight-sharing pattern flattened for the training loop: per parameter its occurrences as (entry,
/// sign) runs, so that filling W and reducing ∂L/∂W to ∂L/∂θ walk plain arrays.
struct FlatPattern {
    let isDense: Bool
    let entryCount: Int
    /// Occurrences of parameter p: start[p]..<start[p + 1] in `entry` and `sign`.
    let start: [Int]
    let entry: [Int]
    let sign: [Double]

    init(_ pattern: WeightSharingPattern) {
        isDense = pattern.isDense
        entryCount = pattern.rows * pattern.columns
        var start = [0]
        var entry: [Int] = []
        var sign: [Double] = []
        for occurrences in pattern.parameters {
            for o in occurrences {
                entry.append(o.row * pattern.columns + o.column)
                sign.append(Double(o.sign))
            }
            start.append(entry.count)
        }
        self.start = start
        self.entry = entry
        self.sign = sign
    }

    /// W[r, c] = Σ over occurrences sign·θ_{offset + p}.
    func fill(_ w: inout [Double], _ theta: [Double], from offset: Int) {
        if isDense {
            for i in 0..<entryCount { w[i] = theta[offset + i] }
            return
        }
        for i in 0..<entryCount { w[i] = 0 }
        for p in 0..<(start.count - 1) {
            for o in start[p]..<start[p + 1] { w[entry[o]] += sign[o] * theta[offset + p] }
        }
    }

    /// grad[offset + p] = Σ over occurrences sign·∂L/∂W[r, c].
    func gradient(_ g: [Double], into grad: inout [Double], at offset: Int) {
        if isDense {
            for i in 0..<entryCount { grad[offset + i] = g[i] }
            return
        }
        for p in 0..<(start.count - 1) {
            var sum = 0.0
            for o in start[p]..<start[p + 1] { sum += sign[o] * g[entry[o]] }
            grad[offset + p] = sum
        }
    }
}

/// Σ p_i² over `count` values, in four interleaved partial sums (no single chain of dependent additions).
func sumOfSquares(_ p: UnsafePointer<Double>, count: Int) -> Double {
    var lanes = SIMD4<Double>()
    var i = 0
    while i + 4 <= count {
        let u = SIMD4(p[i], p[i + 1], p[i + 2], p[i + 3])
        lanes += u * u
        i += 4
    }
    while i < count {
        lanes[0] += p[i] * p[i]
        i += 1
    }
    return (lanes[0] + lanes[1]) + (lanes[2] + lanes[3])
}
