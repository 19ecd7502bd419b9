import Foundation
import NumericBridge

/// Partially observed symmetries at small scale (Perin & Deny, §3.1 Fig. 1 and §3.4 Fig. 6; MATH.md §11.2):
/// every training image of every class is seen at N rotation angles 2πk/N, except that the upright images
/// of one leave-out class are withheld; those upright images are the out-test set, fresh images of every class at
/// every angle (the leave-out class's upright ones excluded) the in-test set. Kernel regression (ridge ρ, one-hot
/// targets, argmax) with a kernel (default the NTK of a one-hidden-layer ReLU MLP, σ_w = σ_b = 1) on centred,
/// unit-norm images.
/// Beside it, the paper's spectral prediction by its one-vs-many rule: an out-test image of class A counts as
/// predicted correctly when, against every other class B, the mean over B's seeds of the two-orbit prediction
/// 1 − ε(a, b) is positive (ε from the circularised spectrum of the pair's orbits).
public struct PartialSymmetryExperiment: Sendable {
    /// One leave-out class's accuracies at one number of angles.
    public struct ClassAccuracy: Sendable {
        /// The class whose upright images were withheld.
        public let leaveOutClass: Int
        /// Accuracy on fresh images at every angle.
        public let inTestAccuracy: Double
        /// Accuracy on the withheld upright images.
        public let outTestAccuracy: Double
        /// The one-vs-many prediction from the spectral errors.
        public let spectralPredictedAccuracy: Double
    }

    /// One number of angles, over every leave-out class.
    public struct Row: Sendable {
        /// N, the number of rotation angles.
        public let angles: Int
        /// Per leave-out class.
        public let perLeaveOut: [ClassAccuracy]
        /// Mean in-test accuracy.
        public let inTestAccuracy: Double
        /// Mean out-test accuracy.
        public let outTestAccuracy: Double
        /// Mean spectral prediction.
        public let spectralPredictedAccuracy: Double
        /// Multiples of 90° rotate the pixel grid onto itself; other angles interpolate (bilinear).
        public let exactRotations: Bool
    }

    /// One row per number of angles.
    public let rows: [Row]
    /// Distinct images used: (seeds + test images) per class.
    public let samples: Int
    /// Training seeds per class.
    public let seedsPerClass: Int
    /// The classes left out in turn.
    public let leaveOutClasses: [Int]

    /// - Parameters: data: labelled 28×28 images (the first `seedsPerClass` of each class train, the next
    ///   `testPerClass` test); angles: the numbers of angles N to compare.
    /// - Throws: `NumericError.invalidInput` when a class has too few images or labels are missing.
    public init(
        data: ImageDataset, side: Int = 28, angles: [Int], seedsPerClass s: Int, testPerClass t: Int,
        leaveOutClasses: [Int], ridge: Double = 1e-6,
        kernel: KernelChoice = .mlp(depth: 1, ntk: true, weightStd: 1, biasStd: 1),
        progress: (String) -> Void = { _ in }
    ) throws {
        guard let labels = data.labels else { throw NumericError.invalidInput("the data has no labels") }
        let classes = (labels.max() ?? 0) + 1
        let d = side * side
        var train: [[Int]] = Array(repeating: [], count: classes)
        var test: [[Int]] = Array(repeating: [], count: classes)
        for (i, y) in labels.enumerated() {
            if train[y].count < s { train[y].append(i) } else if test[y].count < t { test[y].append(i) }
        }
        guard train.allSatisfy({ $0.count == s }), test.allSatisfy({ $0.count == t }) else {
            throw NumericError.invalidInput("every class needs \(s + t) images for \(s) seeds and \(t) test images")
        }
        func normalised(_ i: Int) -> [Double] {
            SampleNormalization.centeredSphere.apply(Array(data.values[(i * d)..<((i + 1) * d)]), features: d)
        }
        var rows: [Row] = []
        for n in angles {
            progress("\(n) angles")
            let orbit = { (i: Int) in
                (0..<n).map {
                    ImageRotation.rotate(
                        normalised(i), height: side, width: side, angle: 2 * Double.pi * Double($0) / Double(n))
                }
            }
            let trainOrbits = train.map { $0.map(orbit) }
            let testOrbits = test.map { $0.map(orbit) }
            var perClass: [ClassAccuracy] = []
            var (inCorrectAll, inTotalAll) = (0, 0)
            for a in leaveOutClasses {
                var (inCorrect, inTotal, outCorrect, spectralCorrect) = (0, 0, 0, 0)
                var points: [Double] = []
                var targets: [Double] = []
                var count = 0
                for c in 0..<classes {
                    for o in trainOrbits[c] {
                        for (k, p) in o.enumerated() where !(c == a && k == 0) {
                            points += p
                            targets += (0..<classes).map { $0 == c ? 0.9 : -0.1 }
                            count += 1
                        }
                    }
                }
                var gram = kernel.matrix(points, points, features: d)
                let scale = (0..<count).reduce(0) { $0 + gram[$1 * count + $1] } / Double(count)
                for i in 0..<count { gram[i * count + i] += ridge * scale }
                let weights = try solvePositiveDefinite(gram, targets, n: count, columns: classes)
                func predict(_ x: [Double]) -> Int {
                    let cross = kernel.matrix(x, points, features: d)
                    let m = x.count / d
                    let out = BLAS.multiply(cross, weights, m: m, n: classes, k: count)
                    return (0..<classes).max { out[$0] < out[$1] } ?? 0
                }
                for c in 0..<classes {
                    for o in testOrbits[c] {
                        for (k, p) in o.enumerated() where !(c == a && k == 0) {
                            inTotal += 1
                            if predict(p) == c { inCorrect += 1 }
                        }
                    }
                }
                for (seed, o) in trainOrbits[a].enumerated() {
                    if predict(o[0]) == a { outCorrect += 1 }
                    // one-vs-many: against every other class, the mean pairwise prediction 1 − ε is positive
                    var correct = true
                    for b in 0..<classes where b != a {
                        var mean = 0.0
                        for other in trainOrbits[b] {
                            let pair = try OrbitKernelAnalysis(
                                orbits: [trainOrbits[a][seed], other], labels: [1, -1], kernel: kernel,
                                ridge: ridge * scale)
                            mean += 1 - (pair.spectralError ?? 1)
                        }
                        if mean / Double(s) <= 0 { correct = false }
                    }
                    if correct { spectralCorrect += 1 }
                }
                perClass.append(
                    ClassAccuracy(
                        leaveOutClass: a, inTestAccuracy: Double(inCorrect) / Double(max(inTotal, 1)),
                        outTestAccuracy: Double(outCorrect) / Double(s),
                        spectralPredictedAccuracy: Double(spectralCorrect) / Double(s)))
                inCorrectAll += inCorrect
                inTotalAll += inTotal
            }
            let count = Double(max(perClass.count, 1))
            rows.append(
                Row(
                    angles: n, perLeaveOut: perClass, inTestAccuracy: Double(inCorrectAll) / Double(max(inTotalAll, 1)),
                    outTestAccuracy: perClass.reduce(0) { $0 + $1.outTestAccuracy } / count,
                    spectralPredictedAccuracy: perClass.reduce(0) { $0 + $1.spectralPredictedAccuracy } / count,
                    exactRotations: 4 % n == 0))
        }
        self.rows = rows
        samples = classes * (s + t)
        seedsPerClass = s
        self.leaveOutClasses = leaveOutClasses
    }
}
