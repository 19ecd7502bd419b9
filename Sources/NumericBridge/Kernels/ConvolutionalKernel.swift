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
    /// n×k patch matrix (row p = window p), so average pooling's n×n first-layer covariances are one BLAS
    /// product per pair of images; nearby windows take their gap directly (`ArcCosine.gap`).
    public func kernels(_ x: [Double], _ y: [Double]) -> (nngp: [Double], ntk: [Double]) {
        let n = height * width
        let (n1, n2) = (x.count / n, y.count / n)
        let window = kernelHeight * kernelWidth
        let windows = windowPixels()
        let (w2, b2) = (weightStd * weightStd, biasStd * biasStd)
        let scale = w2 / Double(window)
        func patches(_ images: [Double], _ count: Int) -> [[Double]] {
            (0..<count).map { i in windows.flatMap { w in w.map { images[i * n + $0] } } }
        }
        let (px, py) = (patches(x, n1), patches(y, n2))
        func norms(_ p: [Double]) -> [Double] {
            (0..<n).map { r in (0..<window).reduce(0) { $0 + p[r * window + $1] * p[r * window + $1] } }
        }
        let (nx, ny) = (px.map(norms), py.map(norms))
        var nngp = [Double](repeating: 0, count: n1 * n2)
        var ntk = nngp
        for i in 0..<n1 {
            for j in 0..<n2 {
                let (a, b) = (px[i], py[j])
                let dots: [Double]
                if readout == .flatten {
                    dots = (0..<n).map { r in (0..<window).reduce(0) { $0 + a[r * window + $1] * b[r * window + $1] } }
                } else {
                    dots = BLAS.multiply(a, b, m: n, n: n, k: window, transposeB: true)
                }
                // compensated sums: the order of the n² terms changes under a symmetry, their sum must not
                var (t, dtk) = (CompensatedSum(), CompensatedSum())
                let columns = readout == .flatten ? 1 : n
                for p in 0..<n {
                    for c in 0..<columns {
                        let q = readout == .flatten ? p : c
                        let dot = dots[p * columns + c]
                        var gap = 0.0
                        for o in 0..<window {
                            let difference = a[p * window + o] - b[q * window + o]
                            gap += difference * difference
                        }
                        let k0 = scale * dot + b2
                        let r = ArcCosine.relu(scale * nx[i][p] + b2, scale * ny[j][q] + b2, k0, gap: scale * gap)
                        t.add(r.value)
                        dtk.add(r.derivative * k0)
                    }
                }
                let count = Double(n * columns)
                nngp[i * n2 + j] = w2 * t.value / count + b2
                ntk[i * n2 + j] = nngp[i * n2 + j] + w2 * dtk.value / count
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
