import Dispatch
import Foundation

/// The NNGP and NTK of a one-hidden-layer circular CNN on h×w images in the infinite-channel limit, in
/// neural-tangents' conventions (`stax.serial(Conv(C, (k_h, k_w), padding="CIRCULAR", W_std, b_std), Relu,
/// Flatten() or GlobalAvgPool(), Dense(1, W_std, b_std))`, NTK parameterisation; MATH.md §11.1): per pair of
/// positions K⁰_pq = σ_w²/(k_h k_w)·Σ_o x[p+o]·x′[q+o] + σ_b² (o over the window, indices mod the image), then
/// the arc-cosine expectations T, T′; the readout averages the diagonal p = q (`flatten`) or all pairs
/// (`globalAveragePool`): K = σ_w²·avg T + σ_b², Θ = K + σ_w²·avg(T′·K⁰).
public struct ConvolutionalKernel: Sendable {
    /// The readout after the convolution: flatten, or global average pooling.
    public enum Readout: String, Sendable, CaseIterable {
        case flatten
        case globalAveragePool = "gap"
    }

    /// The images' height.
    public let height: Int
    /// The images' width.
    public let width: Int
    /// The window's height.
    public let kernelHeight: Int
    /// The window's width.
    public let kernelWidth: Int
    /// The readout.
    public let readout: Readout
    /// σ_w (W_std).
    public let weightStd: Double
    /// σ_b (b_std).
    public let biasStd: Double

    /// The kernels of one hidden circular convolution on H×W images.
    public init(
        height: Int, width: Int, kernelHeight: Int, kernelWidth: Int, readout: Readout, weightStd: Double = 1,
        biasStd: Double = 0
    ) {
        self.height = height
        self.width = width
        self.kernelHeight = kernelHeight
        self.kernelWidth = kernelWidth
        self.readout = readout
        self.weightStd = weightStd
        self.biasStd = biasStd
    }

    /// NNGP and NTK between the images (rows, h·w each) of x and y, row-major n₁×n₂. Each image becomes its
    /// n×k patch matrix (row p = window p) with the first-layer variances k_pp and their roots per position;
    /// a pair's covariances K⁰_pq are k-term dot products of patch rows, its gap k_pp + k_qq − 2K⁰_pq is taken
    /// from the patches directly where cancellation would cost a digit (`ArcCosine.gap`). A data set against
    /// itself is computed on the upper triangle and mirrored (exactly symmetric); pairs run on every core.
    public func kernels(_ x: [Double], _ y: [Double]) -> (nngp: [Double], ntk: [Double]) {
        let n = height * width
        let (n1, n2) = (x.count / n, y.count / n)
        let windows = windowPixels()
        let (px, py) = (patches(x, count: n1, windows: windows), patches(y, count: n2, windows: windows))
        let (vx, vy) = (px.map(variances), py.map(variances))
        let symmetric = n1 == n2 && x == y
        // pairs of row i are firstPair[i]..<firstPair[i + 1]: columns i..<n₂ (symmetric) or all
        let firstPair = (0...n1).map { i in symmetric ? i * n2 - i * (i - 1) / 2 : i * n2 }
        var values = [(nngp: Double, ntk: Double)](repeating: (0, 0), count: n1 * n2)
        values.withUnsafeMutableBufferPointer { out in
            nonisolated(unsafe) let target = out
            DispatchQueue.concurrentPerform(iterations: firstPair[n1]) { k in
                var i = 0
                while firstPair[i + 1] <= k { i += 1 }
                let j = (symmetric ? i : 0) + (k - firstPair[i])
                target[i * n2 + j] = pair(px[i], py[j], vx[i], vy[j])
            }
        }
        if symmetric {
            for i in 0..<n1 {
                for j in 0..<i { values[i * n2 + j] = values[j * n2 + i] }
            }
        }
        return (values.map(\.nngp), values.map(\.ntk))
    }

    /// Each image's patch matrix, n×k row-major (row p: the pixels of window p).
    func patches(_ images: [Double], count: Int, windows: [[Int]]) -> [[Double]] {
        let n = height * width
        return (0..<count).map { i in windows.flatMap { w in w.map { images[i * n + $0] } } }
    }

    /// Per position p of one image: k_pp = σ_w²/k·|patch p|² + σ_b² and √k_pp.
    func variances(_ patch: [Double]) -> (variance: [Double], root: [Double]) {
        let window = kernelHeight * kernelWidth
        let (scale, b2) = (weightStd * weightStd / Double(window), biasStd * biasStd)
        let v = (0..<(height * width)).map { r in
            scale * (0..<window).reduce(0) { $0 + patch[r * window + $1] * patch[r * window + $1] } + b2
        }
        return (v, v.map { $0.squareRoot() })
    }

    /// NNGP and NTK of one pair of images from their patches and per-position variances.
    func pair(
        _ a: [Double], _ b: [Double], _ va: (variance: [Double], root: [Double]),
        _ vb: (variance: [Double], root: [Double])
    ) -> (nngp: Double, ntk: Double) {
        let n = height * width
        let window = kernelHeight * kernelWidth
        let (w2, b2) = (weightStd * weightStd, biasStd * biasStd)
        let scale = w2 / Double(window)
        // compensated sums: the order of the n² terms changes under a symmetry, their sum must not
        var (t, dtk) = (CompensatedSum(), CompensatedSum())
        let pooled = readout == .globalAveragePool
        withBaseAddresses(a, va.variance, va.root) { a, ka, ra in
            withBaseAddresses(b, vb.variance, vb.root) { b, kb, rb in
                for p in 0..<n {
                    let rowA = a + p * window
                    let (k11, r1) = (ka[p], ra[p])
                    for q in pooled ? 0..<n : p..<(p + 1) {
                        let rowB = b + q * window
                        var dot = 0.0
                        for o in 0..<window { dot += rowA[o] * rowB[o] }
                        let k22 = kb[q]
                        let k0 = scale * dot + b2
                        var gap = k11 + k22 - 2 * k0
                        if gap < 0.1 * (k11 + k22) {  // cancellation: from the patches (`ArcCosine.gap`)
                            gap = 0
                            for o in 0..<window {
                                let difference = rowA[o] - rowB[o]
                                gap += difference * difference
                            }
                            gap *= scale
                        }
                        let r = ArcCosine.relu(k11, k22, k0, roots: (r1, rb[q]), gap: gap)
                        t.add(r.value)
                        dtk.add(r.derivative * k0)
                    }
                }
            }
        }
        let count = Double(pooled ? n * n : n)
        let nngp = w2 * t.value / count + b2
        return (nngp, nngp + w2 * dtk.value / count)
    }

    /// For each position p, the pixels of its window p + o (row-major offsets, wrapped).
    func windowPixels() -> [[Int]] {
        (0..<(height * width)).map { p in
            var pixels: [Int] = []
            for a in 0..<kernelHeight {
                for b in 0..<kernelWidth {
                    pixels.append(((p / width + a) % height) * width + (p % width + b) % width)
                }
            }
            return pixels
        }
    }
}
