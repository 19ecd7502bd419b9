import Foundation
import Algebra
import Geometry

/// Settings of gradient training.
public struct AdamSettings: Sendable {
    /// Passes over the data.
    public var epochs: Int = 30
    /// Samples per step.
    public var batchSize: Int = 100
    /// The step size α.
    public var learningRate: Double = 0.01
    /// Seed of the initialisation and the batches.
    public var seed: UInt64 = 1
    /// Adam's moment decays and ε (Kingma and Ba's defaults).
    public var beta1 = 0.9, beta2 = 0.999, epsilon = 1e-8
    /// Settings; see the properties.
    public init(epochs: Int = 30, batchSize: Int = 100, learningRate: Double = 0.01, seed: UInt64 = 1) {
        self.epochs = epochs
        self.batchSize = batchSize
        self.learningRate = learningRate
        self.seed = seed
    }
}

/// Trains a linear autoencoder x ↦ D·E·x whose encoder E (k×m) and decoder D (m×k) are tied by
/// weight-sharing patterns, on the rows of X (N×m), with Adam on mini-batches (seeded shuffles and
/// initialisation; the learning rate follows a cosine schedule to 0). Returns the parameters, the
/// final sum of squared errors over all rows (from the residuals, so it is never negative) and a bound on
/// its rounding error: 2(m + k + 4)·u·(‖X‖_F + ‖X̂‖_F)·‖X − X̂‖_F, u = 2^−53 (each residual entry is
/// a dot product of length ≤ m + k).
struct LinearAutoencoderTrainer {
    let encoder: WeightSharingPattern
    let decoder: WeightSharingPattern

    /// - Throws: `NumericError.diverged` when the parameters stop being finite (learning rate too large);
    ///   whatever `progress` throws (an interruption).
    func train(_ x: [Double], count: Int, settings: AdamSettings, progress: ((Int) throws -> Void)? = nil) throws
        -> (encoder: [Double], decoder: [Double], sse: Double, sseError: Double)
    {
        try x.withUnsafeBufferPointer { xs in
            try train(xs, rowStride: encoder.columns, count: count, settings: settings, progress: progress)
        }
    }

    /// Trains on the m = `encoder.columns` leading values of each of `count` rows spaced `rowStride` apart
    /// (a block of columns of a larger data matrix, read in place).
    func train(
        _ xs: UnsafeBufferPointer<Double>, rowStride: Int, count: Int, settings: AdamSettings,
        progress: ((Int) throws -> Void)? = nil
    ) throws -> (encoder: [Double], decoder: [Double], sse: Double, sseError: Double) {
        let m = encoder.columns
        let k = encoder.rows
        var rng = SplitMix(settings.seed)
        let scale = 1 / Double(max(m, 1)).squareRoot()
        var theta = (0..<(encoder.parameters.count + decoder.parameters.count)).map { _ in rng.normal() * scale }
        let split = encoder.parameters.count
        var mom = [Double](repeating: 0, count: theta.count)
        var vel = mom
        var step = 0
        let batches = max(1, (count + settings.batchSize - 1) / settings.batchSize)
        let totalSteps = settings.epochs * batches
        var order = Array(0..<count)
        // every buffer of a step, allocated once: no allocation or page fault inside the loop
        let size = settings.batchSize
        var buffers = StepBuffers(batch: size, inputs: m, code: k, parameters: theta.count)
        let (flatEncoder, flatDecoder) = (FlatPattern(encoder), FlatPattern(decoder))
        for epoch in 0..<settings.epochs {
            rng.shuffle(&order)
            for b in 0..<batches {
                let rows = order[(b * size)..<min(count, (b + 1) * size)]
                let nb = rows.count
                buffers.gather(rows, from: xs, rowStride: rowStride, inputs: m)
                flatEncoder.fill(&buffers.e, theta, from: 0)
                flatDecoder.fill(&buffers.d, theta, from: split)
                buffers.gradientStep(rows: nb, inputs: m, code: k)
                flatEncoder.gradient(buffers.ge, into: &buffers.grad, at: 0)
                flatDecoder.gradient(buffers.gd, into: &buffers.grad, at: split)
                step += 1
                let lr = settings.learningRate * 0.5 * (1 + cos(Double.pi * Double(step - 1) / Double(totalSteps)))
                let c1 = 1 - pow(settings.beta1, Double(step))
                let c2 = 1 - pow(settings.beta2, Double(step))
                let (b1, b2, eps) = (settings.beta1, settings.beta2, settings.epsilon)
                // lr·(m/c1)/(√(v/c2) + ε) with one division per parameter
                let (stepSize, velocityScale) = (lr / c1, 1 / c2)
                buffers.grad.withUnsafeBufferPointer { grad in
                    mom.withUnsafeMutableBufferPointer { mom in
                        vel.withUnsafeMutableBufferPointer { vel in
                            theta.withUnsafeMutableBufferPointer { theta in
                                for p in 0..<theta.count {
                                    mom[p] = b1 * mom[p] + (1 - b1) * grad[p]
                                    vel[p] = b2 * vel[p] + (1 - b2) * grad[p] * grad[p]
                                    theta[p] -= stepSize * mom[p] / ((vel[p] * velocityScale).squareRoot() + eps)
                                }
                            }
                        }
                    }
                }
            }
            guard theta.allSatisfy(\.isFinite) else {
                throw NumericError.diverged(
                    "Adam diverged in epoch \(epoch + 1) (parameters no longer finite) at learning rate "
                        + "\(settings.learningRate)")
            }
            try progress?(epoch + 1)
        }
        flatEncoder.fill(&buffers.e, theta, from: 0)
        flatDecoder.fill(&buffers.d, theta, from: split)
        let (sse, dataNorm, reconNorm) = buffers.residual(xs, rowStride: rowStride, count: count, inputs: m, code: k)
        guard sse.isFinite else {
            throw NumericError.diverged("Adam's final loss is not finite; rescale the data")
        }
        let error = 2 * Double(m + k + 4) * Double.ulpOfOne / 2 * (dataNorm + reconNorm) * sse.squareRoot()
        return (Array(theta[..<split]), Array(theta[split...]), sse, error)
    }
}

/// A trained model and its loss (mean squared error per pixel on the data given).
public struct TrainedModel: Sendable {
    /// Mean squared error per pixel on the data.
    public let loss: Double
    /// Bound on the rounding error of `loss` (absolute).
    public let lossError: Double
    /// The encoder's parameters (pattern order).
    public let encoderTheta: [Double]
    /// The decoder's parameters (pattern order).
    public let decoderTheta: [Double]
}

extension ComponentArchitecture {
    /// Mini-batch Adam on the ±1 masks (`masks`), block by block in the frame's coordinates (the loss splits over
    /// blocks, MATH.md §4.5). `coordinates` are the data in the frame's Q basis (N×n). `progress(done, total)`
    /// counts epochs over all blocks.
    /// - Throws: `NumericError.invalidInput` for a frame whose weight sharing is not a ±1 mask.
    public func trainAdam(
        coordinates x: [Double], count: Int, settings: AdamSettings, progress: ((Int, Int) throws -> Void)? = nil
    ) throws -> TrainedModel {
        let n = frame.degree
        let masks = try masks()
        var te = [Double](repeating: 0, count: masks.encoder.parameters.count)
        var td = [Double](repeating: 0, count: masks.decoder.parameters.count)
        var sse = 0.0
        var sseError = 0.0
        var rowOffset = 0
        // each block's columns are one contiguous range of Q's columns
        let ranges = frame.blocks.map { b in (b.columns.min() ?? 0)..<((b.columns.max() ?? -1) + 1) }
        let trainedBlocks = tuple.filter { $0 > 0 }.count
        // the energy of the blocks with t = 0, in one sequential pass over the rows
        var lostEnergy = [Double](repeating: 0, count: tuple.count)
        x.withUnsafeBufferPointer { xs in
            guard let base = xs.baseAddress else { return }
            for i in 0..<count {
                for (b, t) in tuple.enumerated() where t == 0 {
                    lostEnergy[b] += sumOfSquares(base + i * n + ranges[b].lowerBound, count: ranges[b].count)
                }
            }
        }
        var finished = 0
        for (b, (block, t)) in zip(frame.blocks, tuple).enumerated() {
            let columns = ranges[b]
            let r1 = rowOffset + block.weight * t
            defer { rowOffset = r1 }
            if t == 0 {  // no parameters: the block's whole energy is lost
                sse += lostEnergy[b]
                sseError += Double(count * columns.count) * Double.ulpOfOne / 2 * lostEnergy[b]
                continue
            }
            let (encSub, encMap) = masks.encoder.restricted(rows: rowOffset..<r1, columns: columns)
            let (decSub, decMap) = masks.decoder.restricted(rows: columns, columns: rowOffset..<r1)
            var s = settings
            s.seed = settings.seed &+ UInt64(b)
            let result = try x.withUnsafeBufferPointer { xs in
                try LinearAutoencoderTrainer(encoder: encSub, decoder: decSub).train(
                    UnsafeBufferPointer(rebasing: xs[columns.lowerBound...]), rowStride: n, count: count, settings: s
                ) { epoch in
                    try progress?(finished * settings.epochs + epoch, trainedBlocks * settings.epochs)
                }
            }
            finished += 1
            for (local, global) in encMap.enumerated() { te[global] = result.encoder[local] }
            for (local, global) in decMap.enumerated() { td[global] = result.decoder[local] }
            sse += result.sse
            sseError += result.sseError
        }
        let scale = Double(count * n)
        return TrainedModel(loss: sse / scale, lossError: sseError / scale, encoderTheta: te, decoderTheta: td)
    }
}

extension WeightSharingPattern {
    /// The parameters whose occurrences lie in the given rows and columns, re-indexed to that
    /// sub-matrix, with the map from new to old parameter numbers.
    func restricted(rows: Range<Int>, columns: Range<Int>) -> (WeightSharingPattern, [Int]) {
        var params: [[Occurrence]] = []
        var map: [Int] = []
        for (k, occ) in parameters.enumerated()
        where occ.allSatisfy({ rows.contains($0.row) && columns.contains($0.column) }) {
            params.append(
                occ.map {
                    Occurrence(row: $0.row - rows.lowerBound, column: $0.column - columns.lowerBound, sign: $0.sign)
                })
            map.append(k)
        }
        return (WeightSharingPattern(rows: rows.count, columns: columns.count, parameters: params), map)
    }

    /// Every entry its own parameter (a dense layer).
    public static func dense(rows: Int, columns: Int) -> WeightSharingPattern {
        WeightSharingPattern(
            rows: rows, columns: columns,
            parameters: (0..<(rows * columns)).map { [Occurrence(row: $0 / columns, column: $0 % columns, sign: 1)] })
    }
}

/// Adam on the dense autoencoder R^n → R^r → R^n in the pixel basis (the baseline).
public func trainDenseAdam(
    _ data: ImageDataset, rank r: Int, settings: AdamSettings, progress: ((Int, Int) throws -> Void)? = nil
) throws -> TrainedModel {
    let n = data.features
    let result = try LinearAutoencoderTrainer(
        encoder: .dense(rows: r, columns: n), decoder: .dense(rows: n, columns: r)
    ).train(data.values, count: data.count, settings: settings) { try progress?($0, settings.epochs) }
    let scale = Double(data.count * n)
    return TrainedModel(
        loss: result.sse / scale, lossError: result.sseError / scale, encoderTheta: result.encoder,
        decoderTheta: result.decoder)
}
