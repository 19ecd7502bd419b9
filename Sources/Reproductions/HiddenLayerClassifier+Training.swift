import Algebra
import Foundation
import NumericBridge

extension HiddenLayerClassifier {
    /// Adam on seeded mini-batches (one AdamState per parameter block), a cosine learning-rate schedule to 0.
    /// Returns the mean cross-entropy of the last epoch.
    /// - Throws: `NumericError.diverged` when a parameter stops being finite; whatever `progress` throws.
    public mutating func train(
        _ data: ImageDataset, labels: [Int], epochs: Int, batchSize: Int, learningRate: Double, seed: UInt64,
        progress: ((Int) throws -> Void)? = nil
    ) throws -> Double {
        var rng = SplitMix(seed)
        var adam = blocks.prefix(trainedBlocks).map { AdamState(count: $0.count) }
        let batches = max(1, (data.count + batchSize - 1) / batchSize)
        let steps = epochs * batches
        var order = Array(0..<data.count)
        var lastLoss = 0.0
        for epoch in 0..<epochs {
            rng.shuffle(&order)
            var total = 0.0
            for start in stride(from: 0, to: data.count, by: batchSize) {
                let rows = order[start..<min(start + batchSize, data.count)]
                var x: [Double] = []
                x.reserveCapacity(rows.count * d)
                for r in rows { x += data.values[(r * d)..<((r + 1) * d)] }
                let (_, loss, gradients) = evaluate(x, batch: rows.count, labels: rows.map { labels[$0] })
                let step = epoch * batches + start / batchSize
                let rate = learningRate * 0.5 * (1 + cos(Double.pi * Double(step) / Double(steps)))
                for k in adam.indices { adam[k].step(&blocks[k], gradients[k], rate: rate) }
                total += loss * Double(rows.count)
            }
            lastLoss = total / Double(data.count)
            guard lastLoss.isFinite else {
                throw NumericError.diverged("training diverged in epoch \(epoch + 1); lower the learning rate")
            }
            try progress?(epoch + 1)
        }
        return lastLoss
    }

    /// The fraction of samples whose largest logit is their label.
    public func accuracy(_ data: ImageDataset, labels: [Int]) -> Double {
        var correct = 0
        let batch = 200
        for start in stride(from: 0, to: data.count, by: batch) {
            let count = min(batch, data.count - start)
            let x = Array(data.values[(start * d)..<((start + count) * d)])
            let logits = evaluate(x, batch: count).logits
            for r in 0..<count {
                let row = logits[(r * classes)..<((r + 1) * classes)]
                if let best = row.indices.max(by: { row[$0] < row[$1] }), best - r * classes == labels[start + r] {
                    correct += 1
                }
            }
        }
        return Double(correct) / Double(max(data.count, 1))
    }
}
