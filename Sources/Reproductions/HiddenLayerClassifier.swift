import Algebra
import Foundation
import NumericBridge

/// The one-hidden-layer image classifiers compared in the L-conv paper (§4; MATH.md §10.2), trained with
/// softmax cross-entropy and Adam:
/// - `cnn`: an L-conv with the fixed 2-D torus shifts of a k×k kernel as generators (a circular convolution);
/// - `lconv`: an L-conv with n learned generators of rank r, L_i = U_i V_iᵀ (d×d);
/// - `random`: the same L-conv with its generators drawn as `lconv`'s are initialised and kept fixed (the paper's
///   random-generator baseline);
/// - `fc`: a dense hidden layer.
/// The convolutional ones compute P = Σ_{i=0}^{n} (L_i x) w_iᵀ + β (d×F, L_0 = I), H = ReLU(P), logits =
/// vec(H)ᵀR + c; the dense one P = Ax + a, H = ReLU(P), logits = HᵀR + c.
public struct HiddenLayerClassifier: Sendable {
    /// The hidden layer: a convolution, an L-conv layer with learned or fixed random generators, or a dense layer.
    public enum Kind: String, Sendable, CaseIterable {
        case cnn, lconv, random, fc
    }

    /// Which hidden layer.
    public let kind: Kind
    let d: Int
    let filters: Int
    let classes: Int
    let rank: Int
    /// CNN: the source pixel of every pixel under each shift (shift i: Z_i[μ] = x[source_i[μ]]).
    let sources: [[Int]]
    /// Parameter blocks: conv kinds [W ((n+1)×F), β (F), R (dF×K), c (K), U_1, V_1, …]; fc [A (d×H), a, R (H×K), c].
    var blocks: [[Double]]

    /// The number of trainable parameters (the fixed generators of `random` are not trained).
    public var parameterCount: Int { blocks.prefix(trainedBlocks).reduce(0) { $0 + $1.count } }
    /// The parameter blocks Adam updates: all but the fixed generators of `random`.
    var trainedBlocks: Int { kind == .random ? 4 : blocks.count }
    var generatorCount: Int { kind == .cnn ? sources.count : kind == .fc ? 0 : (blocks.count - 4) / 2 }

    /// The L-conv generators L_i = U_i V_iᵀ (d×d, row-major) of `lconv` and `random`; none for the others.
    public var generators: [[Double]] {
        guard kind == .lconv || kind == .random else { return [] }
        return (0..<generatorCount).map { i in
            BLAS.multiply(blocks[4 + 2 * i], blocks[5 + 2 * i], m: d, n: d, k: rank, transposeB: true)
        }
    }

    /// - Parameters: height, width of the images; `filters` F (hidden width for `fc`); `generators` n and
    ///   `rank` r for `lconv`; `kernel` k for `cnn` (k² − 1 shifts).
    public init(
        _ kind: Kind, height h: Int, width w: Int, classes: Int, filters: Int, generators: Int = 8, rank: Int = 8,
        kernel: Int = 3, seed: UInt64
    ) {
        var rng = SplitMix(seed)
        let d = h * w
        self.kind = kind
        self.d = d
        self.filters = filters
        self.classes = classes
        self.rank = rank
        func normal(_ count: Int, _ scale: Double) -> [Double] { (0..<count).map { _ in scale * rng.normal() } }
        var shifts: [[Int]] = []
        if kind == .cnn {
            for a in 0..<kernel {
                for b in 0..<kernel where a != 0 || b != 0 {
                    let (dy, dx) = (a - kernel / 2, b - kernel / 2)
                    shifts.append((0..<d).map { mu in ((mu / w + dy + h) % h) * w + (mu % w + dx + w) % w })
                }
            }
        }
        sources = shifts
        switch kind {
        case .fc:
            blocks = [
                normal(d * filters, (2 / Double(d)).squareRoot()), [Double](repeating: 0, count: filters),
                normal(filters * classes, (1 / Double(filters)).squareRoot()), [Double](repeating: 0, count: classes),
            ]
        case .cnn, .lconv, .random:
            let n = kind == .cnn ? shifts.count : generators
            blocks = [
                normal((n + 1) * filters, (2 / Double(n + 1)).squareRoot()), [Double](repeating: 0, count: filters),
                normal(d * filters * classes, (1 / Double(d * filters)).squareRoot()),
                [Double](repeating: 0, count: classes),
            ]
            if kind != .cnn {
                for _ in 0..<n {
                    blocks.append(normal(d * rank, (1 / Double(rank)).squareRoot()))
                    blocks.append(normal(d * rank, (1 / Double(d)).squareRoot()))
                }
            }
        }
    }

    /// Logits (B×K) of a batch and, when `labels` are given, the mean cross-entropy and the gradient of every
    /// parameter block.
    func evaluate(_ x: [Double], batch b: Int, labels: [Int]? = nil) -> (
        logits: [Double], loss: Double, gradients: [[Double]]
    ) {
        kind == .fc ? dense(x, batch: b, labels: labels) : convolutional(x, batch: b, labels: labels)
    }

    private func dense(_ x: [Double], batch b: Int, labels: [Int]?) -> ([Double], Double, [[Double]]) {
        let (hidden, k) = (filters, classes)
        var p = BLAS.multiply(x, blocks[0], m: b, n: hidden, k: d)
        for r in 0..<b { for j in 0..<hidden { p[r * hidden + j] += blocks[1][j] } }
        let h = p.map { max($0, 0) }
        var logits = BLAS.multiply(h, blocks[2], m: b, n: k, k: hidden)
        for r in 0..<b { for j in 0..<k { logits[r * k + j] += blocks[3][j] } }
        guard let labels else { return (logits, 0, []) }
        let (loss, dl) = Self.crossEntropy(logits, labels: labels, classes: k)
        let dR = BLAS.multiply(h, dl, m: hidden, n: k, k: b, transposeA: true)
        var dh = BLAS.multiply(dl, blocks[2], m: b, n: hidden, k: k, transposeB: true)
        for i in dh.indices where p[i] <= 0 { dh[i] = 0 }
        let dA = BLAS.multiply(x, dh, m: d, n: hidden, k: b, transposeA: true)
        return (logits, loss, [dA, Self.columnSums(dh, columns: hidden), dR, Self.columnSums(dl, columns: k)])
    }

    private func convolutional(_ x: [Double], batch b: Int, labels: [Int]?) -> ([Double], Double, [[Double]]) {
        let n = generatorCount
        let (f, k, width) = (filters, classes, n + 1)
        // Z: (B·d) × (n+1), column i = L_i x for every sample and pixel
        var z = [Double](repeating: 0, count: b * d * width)
        var t: [[Double]] = []
        for r in 0..<b { for mu in 0..<d { z[(r * d + mu) * width] = x[r * d + mu] } }
        for i in 0..<n {
            if kind == .cnn {
                let source = sources[i]
                for r in 0..<b { for mu in 0..<d { z[(r * d + mu) * width + i + 1] = x[r * d + source[mu]] } }
            } else {
                let ti = BLAS.multiply(x, blocks[5 + 2 * i], m: b, n: rank, k: d)  // X V_i
                let zi = BLAS.multiply(ti, blocks[4 + 2 * i], m: b, n: d, k: rank, transposeB: true)  // X V_i U_iᵀ
                for e in 0..<(b * d) { z[e * width + i + 1] = zi[e] }
                t.append(ti)
            }
        }
        var p = BLAS.multiply(z, blocks[0], m: b * d, n: f, k: width)
        for e in 0..<(b * d) { for j in 0..<f { p[e * f + j] += blocks[1][j] } }
        let h = p.map { max($0, 0) }
        var logits = BLAS.multiply(h, blocks[2], m: b, n: k, k: d * f)
        for r in 0..<b { for j in 0..<k { logits[r * k + j] += blocks[3][j] } }
        guard let labels else { return (logits, 0, []) }
        let (loss, dl) = Self.crossEntropy(logits, labels: labels, classes: k)
        let dR = BLAS.multiply(h, dl, m: d * f, n: k, k: b, transposeA: true)
        var dp = BLAS.multiply(dl, blocks[2], m: b, n: d * f, k: k, transposeB: true)
        for i in dp.indices where p[i] <= 0 { dp[i] = 0 }
        let dW = BLAS.multiply(z, dp, m: width, n: f, k: b * d, transposeA: true)
        var gradients = [dW, Self.columnSums(dp, columns: f), dR, Self.columnSums(dl, columns: k)]
        if kind == .lconv {
            let dz = BLAS.multiply(dp, blocks[0], m: b * d, n: width, k: f, transposeB: true)
            for i in 0..<n {
                let dzi = (0..<(b * d)).map { dz[$0 * width + i + 1] }  // B×d
                let dU = BLAS.multiply(dzi, t[i], m: d, n: rank, k: b, transposeA: true)
                let dT = BLAS.multiply(dzi, blocks[4 + 2 * i], m: b, n: rank, k: d)
                let dV = BLAS.multiply(x, dT, m: d, n: rank, k: b, transposeA: true)
                gradients += [dU, dV]
            }
        }
        return (logits, loss, gradients)
    }

    /// Mean softmax cross-entropy and its gradient with respect to the logits, (softmax − one-hot)/B.
    static func crossEntropy(_ logits: [Double], labels: [Int], classes k: Int) -> (Double, [Double]) {
        let b = labels.count
        var gradient = [Double](repeating: 0, count: logits.count)
        var loss = 0.0
        for r in 0..<b {
            let row = logits[(r * k)..<((r + 1) * k)]
            let top = row.max() ?? 0
            let total = row.reduce(0) { $0 + exp($1 - top) }
            loss += log(total) + top - logits[r * k + labels[r]]
            for j in 0..<k { gradient[r * k + j] = exp(logits[r * k + j] - top) / total / Double(b) }
            gradient[r * k + labels[r]] -= 1 / Double(b)
        }
        return (loss / Double(b), gradient)
    }

    static func columnSums(_ a: [Double], columns: Int) -> [Double] {
        var s = [Double](repeating: 0, count: columns)
        for (i, v) in a.enumerated() { s[i % columns] += v }
        return s
    }
}
