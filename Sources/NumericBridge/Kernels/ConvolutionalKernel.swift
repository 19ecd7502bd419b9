import Foundation

/// The NNGP and NTK of a one-hidden-layer circular CNN on h×w images in the infinite-channel limit, in
/// neural-tangents' conventions (`stax.serial(Conv(C, (k_h, k_w), padding="CIRCULAR", W_std, b_std), Relu,
/// Flatten() or GlobalAvgPool(), Dense(1, W_std, b_std))`, NTK parameterisation; SEEDS.md §3): per pair of
/// positions K⁰_pq = σ_w²/(k_h k_w)·Σ_o x[p+o]·x′[q+o] + σ_b² (o over the window, indices mod the image), then
/// the arc-cosine expectations T, T′; the readout averages the diagonal p = q (`flatten`) or all pairs
/// (`globalAveragePool`): K = σ_w²·avg T + σ_b², Θ = K + σ_w²·avg(T′·K⁰).
public struct ConvolutionalKernel: Sendable {
    public enum Readout: String, Sendable, CaseIterable {
        case flatten
        case globalAveragePool = "gap"
    }

    public let height: Int
    public let width: Int
    public let kernelHeight: Int
    public let kernelWidth: Int
    public let readout: Readout
    public let weightStd: Double
    public let biasStd: Double

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

    /// NNGP and NTK between the images (rows, h·w each) of x and y, row-major n₁×n₂.
    public func kernels(_ x: [Double], _ y: [Double]) -> (nngp: [Double], ntk: [Double]) {
        let n = height * width
        let (n1, n2) = (x.count / n, y.count / n)
        let windows = windowPixels()
        let (w2, b2) = (weightStd * weightStd, biasStd * biasStd)
        let k = Double(kernelHeight * kernelWidth)
        /// The first layer's covariance of windows p of a and q of b, and its gap σ_w²‖a_p − b_q‖²/k (no cancellation).
        func first(_ a: ArraySlice<Double>, _ b: ArraySlice<Double>, _ p: Int, _ q: Int) -> (Double, gap: Double) {
            var (s, g) = (0.0, 0.0)
            for (u, v) in zip(windows[p], windows[q]) {
                let (au, bv) = (a[a.startIndex + u], b[b.startIndex + v])
                s += au * bv
                g += (au - bv) * (au - bv)
            }
            return (w2 * s / k + b2, w2 * g / k)
        }
        let xs = (0..<n1).map { x[($0 * n)..<(($0 + 1) * n)] }
        let ys = (0..<n2).map { y[($0 * n)..<(($0 + 1) * n)] }
        let vx = xs.map { a in (0..<n).map { first(a, a, $0, $0).0 } }
        let vy = ys.map { b in (0..<n).map { first(b, b, $0, $0).0 } }
        var nngp = [Double](repeating: 0, count: n1 * n2)
        var ntk = nngp
        for i in 0..<n1 {
            for j in 0..<n2 {
                var (t, dtk) = (0.0, 0.0)
                let pairs: [(Int, Int)] =
                    readout == .flatten ? (0..<n).map { ($0, $0) } : (0..<n).flatMap { p in (0..<n).map { (p, $0) } }
                for (p, q) in pairs {
                    let (k0, gap) = first(xs[i], ys[j], p, q)
                    let r = ArcCosine.relu(vx[i][p], vy[j][q], k0, gap: gap)
                    t += r.value
                    dtk += r.derivative * k0
                }
                let count = Double(pairs.count)
                nngp[i * n2 + j] = w2 * t / count + b2
                ntk[i * n2 + j] = nngp[i * n2 + j] + w2 * dtk / count
            }
        }
        return (nngp, ntk)
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
