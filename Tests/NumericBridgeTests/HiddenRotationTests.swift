import Algebra
import Foundation
import Testing

@testable import NumericBridge
@testable import Reproductions

/// The hidden quarter turn of rotated images and the scores of a generator against it, on values worked by hand:
/// the turn in scrambled pixel order against turning and scrambling images directly, dim comm C₄ by counting, and
/// the distance of matrices whose projection onto the commutant is known.
@Suite struct HiddenRotationTests {
    static func images(_ count: Int, size h: Int, seed: UInt64) -> ImageDataset {
        var rng = SplitMix(seed)
        let values = (0..<(count * h * h)).map { _ in rng.normal() }
        return ImageDataset(count: count, features: h * h, values: values, labels: (0..<count).map { $0 % 2 })
    }

    /// Turning an image by 90° and then scrambling it equals permuting the scrambled image by the scrambled turn q
    /// (x′ ↦ x′∘q or x′∘q⁻¹: both generate the same C₄).
    @Test func scrambledQuarterTurnFollowsTheData() throws {
        let h = 5
        let data = Self.images(3, size: h, seed: 11)
        let s = ImageRotation.scrambling(features: h * h, seed: 29)
        let r = try HiddenRotation(size: h, scrambling: s, training: data)
        let q = (1...(h * h)).map { r.quarterTurn.image(of: $0) - 1 }
        var inverse = q
        for (j, image) in q.enumerated() { inverse[image] = j }
        for k in 0..<data.count {
            let x = Array(data.values[(k * h * h)..<((k + 1) * h * h)])
            let turned = ImageRotation.rotate(x, height: h, width: h, angle: Double.pi / 2)
            let scrambledTurned = s.map { turned[$0] }
            let scrambled = s.map { x[$0] }
            let byQ = q.map { scrambled[$0] }
            let byInverse = inverse.map { scrambled[$0] }
            let close = { (a: [Double], b: [Double]) in zip(a, b).allSatisfy { abs($0 - $1) < 1e-12 } }
            #expect(close(scrambledTurned, byQ) || close(scrambledTurned, byInverse), "image \(k)")
            #expect(!close(scrambledTurned, scrambled))
        }
    }

    /// dim comm C₄ = (1/4)Σ fix(R^k)²: 3×3 has a fixed centre, (81 + 1 + 1 + 1)/4 = 21; 4×4 moves every pixel,
    /// 256/4 = 64, and a random generator's expected distance is √(1 − 64/256) = √3/2.
    @Test func commutantDimensionCountsOrbitsOnPairs() throws {
        let three = try HiddenRotation(size: 3, scrambling: nil, training: Self.images(4, size: 3, seed: 1))
        #expect(three.commutantDimension == 21)
        let four = try HiddenRotation(size: 4, scrambling: nil, training: Self.images(4, size: 4, seed: 2))
        #expect(four.commutantDimension == 64)
        #expect(abs(four.randomDistance - 3.0.squareRoot() / 2) < 1e-15)
    }

    /// The identity and the turn's own matrix commute with C₄ (distance 0); a matrix unit E_ab on a free pair
    /// averages to four entries of 1/4, so ‖π(E_ab)‖² = 1/4 and the distance is √3/2; on the centre pair (3×3) it
    /// is fixed (distance 0). The identity commutes with every covariance (defect 0).
    @Test func distancesOfKnownGenerators() throws {
        let h = 3
        let d = h * h
        let s = ImageRotation.scrambling(features: d, seed: 5)
        let data = Self.images(6, size: h, seed: 3)
        let plain = try HiddenRotation(size: h, scrambling: nil, training: data)
        let scrambled = try HiddenRotation(size: h, scrambling: s, training: data)
        let identity = (0..<(d * d)).map { $0 / d == $0 % d ? 1.0 : 0 }
        #expect(try plain.score(identity).rotationDistance < 1e-14)
        #expect(try plain.score(identity).covarianceDefect.relative < 1e-14)
        func unit(_ a: Int, _ b: Int) -> [Double] { (0..<(d * d)).map { $0 == a * d + b ? 1.0 : 0 } }
        #expect(abs(try plain.score(unit(0, 1)).rotationDistance - 3.0.squareRoot() / 2) < 1e-14)
        #expect(try plain.score(unit(4, 4)).rotationDistance < 1e-14)  // the centre pixel of 3×3
        func matrix(_ p: Permutation) -> [Double] {
            (0..<(d * d)).map { p.image(of: $0 % d + 1) - 1 == $0 / d ? 1.0 : 0 }
        }
        #expect(try plain.score(matrix(plain.quarterTurn)).rotationDistance < 1e-14)
        #expect(try scrambled.score(matrix(scrambled.quarterTurn)).rotationDistance < 1e-14)
        // the scrambled turn is not a symmetry of the unscrambled pixel order (for this seed)
        #expect(try plain.score(matrix(scrambled.quarterTurn)).rotationDistance > 0.1)
    }
}
