import Algebra
import EqgeomTestSupport
import Foundation
import Testing

@testable import NumericBridge
@testable import Reproductions

/// The classifiers' gradients against central finite differences of the loss (every parameter of a tiny
/// model), the CNN's shifts against a direct circular convolution, and scrambling as a permutation.
@Suite struct HiddenLayerClassifierTests {
    @Test func gradientsMatchFiniteDifferences() {
        var rng = SplitMix(99)
        let (h, w, b) = (3, 4, 5)
        let x = (0..<(b * h * w)).map { _ in rng.normal() }
        let labels = (0..<b).map { $0 % 3 }
        for kind in HiddenLayerClassifier.Kind.allCases {
            var model = HiddenLayerClassifier(
                kind, height: h, width: w, classes: 3, filters: 3, generators: 2, rank: 2, kernel: 2, seed: 5)
            let gradients = model.evaluate(x, batch: b, labels: labels).gradients
            // the random L-conv's generators are fixed: no gradient, not counted as parameters
            #expect(gradients.count == (kind == .random ? 4 : model.blocks.count))
            #expect(model.generators.count == (kind == .lconv || kind == .random ? 2 : 0))
            let step = 1e-6
            for k in gradients.indices {
                for i in model.blocks[k].indices {
                    let original = model.blocks[k][i]
                    model.blocks[k][i] = original + step
                    let up = model.evaluate(x, batch: b, labels: labels).loss
                    model.blocks[k][i] = original - step
                    let down = model.evaluate(x, batch: b, labels: labels).loss
                    model.blocks[k][i] = original
                    let numeric = (up - down) / (2 * step)
                    #expect(
                        abs(numeric - gradients[k][i]) < 1e-6 * max(1, abs(numeric)), "\(kind) block \(k) entry \(i)")
                }
            }
        }
    }

    /// With its filter weights on one shift only, the CNN's pre-activation is the image shifted circularly.
    @Test func cnnShiftsAreCircular() {
        let model = HiddenLayerClassifier(.cnn, height: 3, width: 3, classes: 2, filters: 1, kernel: 3, seed: 1)
        // the first shift is (dy, dx) = (−1, 0): pixel (y, x) reads ((y − 1) mod 3, x); the last (1, 1)
        #expect(model.sources[0] == (0..<9).map { mu in ((mu / 3 + 2) % 3) * 3 + mu % 3 })
        #expect(model.sources[7] == (0..<9).map { mu in ((mu / 3 + 1) % 3) * 3 + (mu % 3 + 1) % 3 })
        #expect(model.sources.count == 8 && model.sources.allSatisfy { Set($0).count == 9 })
    }

    @Test func scramblingPermutesPixelsAndRotationKeepsTheCentre() {
        let data = ImageDataset(count: 2, features: 9, values: (0..<18).map(Double.init), labels: [0, 1])
        let s = ImageRotation.scrambled(data, by: ImageRotation.scrambling(features: 9, seed: 3))
        #expect(s.values[0..<9].sorted() == Array(0..<9).map(Double.init) && s.labels == [0, 1])
        let r = ImageRotation.rotated(data, height: 3, width: 3, seed: 4)
        #expect(r.values[4] == 4 && r.values[13] == 13)  // the centre pixel of a 3×3 image never moves
    }
}
