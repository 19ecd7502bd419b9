import Foundation
import Testing
import Algebra
import Geometry
@testable import NumericBridge
import EqgeomTestSupport

/// Small random image data: N images of h×w, smooth-ish so that spectra are not flat.
func syntheticImages(_ count: Int, _ h: Int, _ w: Int, seed: UInt64) -> ImageDataset {
    var rng = SeededGenerator(seed: seed)
    var v = [Double](repeating: 0, count: count * h * w)
    for i in 0..<count {
        let (a, b, c) = (
            Double.random(in: 0...1, using: &rng), Double.random(in: 0...6, using: &rng),
            Double.random(in: 0...1, using: &rng)
        )
        for r in 0..<h {
            for s in 0..<w {
                v[i * h * w + r * w + s] =
                    a * sin(b + Double(s) * 0.9) * cos(Double(r) * c) + 0.3 * Double.random(in: -1...1, using: &rng)
            }
        }
    }
    return ImageDataset(count: count, features: h * w, values: v)
}

/// ‖X − X Wᵀ‖²_F / (N·n) computed directly from a dense W (the loss's definition).
func directLoss(_ d: ImageDataset, _ w: [Double]) -> Double {
    let n = d.features
    let recon = BLAS.multiply(d.values, w, m: d.count, n: n, k: n, transposeB: true)
    return zip(recon, d.values).reduce(0) { $0 + ($1.0 - $1.1) * ($1.0 - $1.1) } / Double(d.count * n)
}

/// W = Q·D·E·Qᵀ of a weight-sharing autoencoder in the pixel basis, through the dense Q (a second method beside the
/// frame's transforms).
func componentPixelMatrix(
    _ masks: (encoder: WeightSharingPattern, decoder: WeightSharingPattern), encoderTheta: [Double],
    decoderTheta: [Double], q: [Double], n: Int
) -> [Double] {
    let r = masks.encoder.rows
    let de = BLAS.multiply(masks.decoder.matrix(decoderTheta), masks.encoder.matrix(encoderTheta), m: n, n: n, k: r)
    return BLAS.multiply(BLAS.multiply(q, de, m: n, n: n, k: n), q, m: n, n: n, k: n, transposeB: true)
}

/// The exact optimum of component t as θ on one permutation's masks (`ComponentArchitecture.parameters`), with its
/// loss and rounding bound from the spectra.
func exactOptimum(_ spectra: CyclicBlockSpectra, tuple t: [Int]) throws -> (
    masks: (encoder: WeightSharingPattern, decoder: WeightSharingPattern), encoderTheta: [Double],
    decoderTheta: [Double], loss: Double, lossError: Double
) {
    let arch = try ComponentArchitecture(frame: IsotypicFrame(spectra.layout), tuple: t)
    let theta = arch.split(try arch.parameters(projectors: spectra.optimalMaps(t)))
    return (try arch.masks(), theta.encoder, theta.decoder, spectra.loss(t), spectra.lossErrorBound(t))
}

@Suite struct TrainingTests {
    let h = 3
    let w = 6

    func setup(seed: UInt64) throws -> (ImageDataset, BasisLayout, CyclicBlockSpectra, [Double]) {
        let data = CyclicShiftAugmentation.apply(
            syntheticImages(300, h, w, seed: seed), height: h, width: w, alongColumns: true, maxShift: 3, seed: seed)
        let layout = try BasisLayout(try Permutation.shift(height: h, width: w, along: .x))
        let x = StructuredTransform(layout).forward(data.values, batch: data.count)
        return (data, layout, try CyclicBlockSpectra(coordinates: x, count: data.count, layout: layout), x)
    }

    /// For every component of every rank: the spectral loss equals the loss of the optimal weights
    /// computed directly; random members of the component never do better; and the best-component
    /// programme agrees with the minimum over all components (brute force).
    @Test func exactOptimumAgainstBruteForce() throws {
        let (data, layout, spectra, _) = try setup(seed: 61)
        let q = try NumericBasis(layout).matrix
        let n = layout.degree
        var rng = SeededGenerator(seed: 62)
        for r in [1, 3, 6, 10, 17] {
            let v = try EquivariantVariety(structure: layout.structure, rank: r)
            var bestLoss = Double.infinity
            for t in v.components {
                let opt = try exactOptimum(spectra, tuple: t)
                let masks = opt.masks
                let wOpt = componentPixelMatrix(
                    masks, encoderTheta: opt.encoderTheta, decoderTheta: opt.decoderTheta, q: q, n: n)
                #expect(abs(directLoss(data, wOpt) - opt.loss) < 1e-10, "r=\(r) t=\(t)")
                for _ in 0..<3 {
                    let te = (0..<opt.encoderTheta.count).map { _ in Double.random(in: -1...1, using: &rng) }
                    let td = (0..<opt.decoderTheta.count).map { _ in Double.random(in: -1...1, using: &rng) }
                    let wr = componentPixelMatrix(
                        masks, encoderTheta: te, decoderTheta: td, q: q, n: n)
                    #expect(directLoss(data, wr) >= opt.loss - 1e-12)
                }
                bestLoss = min(bestLoss, opt.loss)
            }
            let best = ComponentSelection.best(spectra, rank: v.rank)
            #expect(v.isComponent(best))
            #expect(abs(spectra.loss(best) - bestLoss) < 1e-12, "r=\(r)")
            #expect(v.isComponent(ComponentSelection.equalRank(v)) && v.isComponent(ComponentSelection.highPass(v)))
        }
    }

    /// The dense optimum against the singular values of X (a second method: dgesdd instead of an eigen-decomposition).
    @Test func denseOptimumMatchesSingularValues() throws {
        let data = syntheticImages(200, h, w, seed: 63)
        let n = data.features
        let s = try NumericBridge.singularValues(data.values, rows: data.count, columns: n)
        for r in [0, 1, 5, n] {
            let expected = s.dropFirst(r).reduce(0) { $0 + $1 * $1 } / Double(data.count * n)
            #expect(abs(try DenseOptimum(data, rank: r).loss - expected) < 1e-12, "r=\(r)")
        }
    }

    /// Adam on the weight-sharing model reaches the exact optimum within 2%, and the trained W is equivariant.
    @Test func adamApproachesTheOptimumAndStaysEquivariant() throws {
        let (data, layout, spectra, x) = try setup(seed: 64)
        let v = try EquivariantVariety(structure: layout.structure, rank: 6)
        let t = ComponentSelection.best(spectra, rank: v.rank)
        let opt = try exactOptimum(spectra, tuple: t)
        let arch = try ComponentArchitecture(frame: IsotypicFrame(layout), tuple: t)
        let model = try arch.trainAdam(
            coordinates: x, count: data.count,
            settings: AdamSettings(epochs: 300, batchSize: 50, learningRate: 0.01, seed: 3))
        #expect(
            model.loss <= opt.loss * 1.02 && model.loss >= opt.loss - 1e-12, "adam \(model.loss) vs exact \(opt.loss)")
        let q = try NumericBasis(layout).matrix
        let trainedW = componentPixelMatrix(
            try arch.masks(), encoderTheta: model.encoderTheta, decoderTheta: model.decoderTheta, q: q, n: layout.degree
        )
        #expect(IsotypicFrame(layout).equivarianceError(trainedW) < 1e-10)
        let dense = try trainDenseAdam(
            data, rank: 6, settings: AdamSettings(epochs: 300, batchSize: 50, learningRate: 0.01, seed: 3))
        let denseExact = try DenseOptimum(data, rank: 6).loss
        #expect(dense.loss <= denseExact * 1.02 && dense.loss >= denseExact - 1e-12)
    }

    @Test func shiftsAreCyclicAndSeeded() {
        let d = ImageDataset(count: 1, features: 6, values: [1, 2, 3, 4, 5, 6])
        let a = CyclicShiftAugmentation.apply(d, height: 2, width: 3, alongColumns: true, maxShift: 1, seed: 5)
        #expect([[1, 2, 3, 4, 5, 6], [3, 1, 2, 6, 4, 5], [2, 3, 1, 5, 6, 4]].contains(a.values))
        #expect(
            a.values
                == CyclicShiftAugmentation.apply(d, height: 2, width: 3, alongColumns: true, maxShift: 1, seed: 5)
                .values)
        #expect(
            CyclicShiftAugmentation.apply(d, height: 2, width: 3, alongColumns: true, maxShift: 0, seed: 5).values
                == d.values)
    }

    /// One experiment for every frame: σ (a long cycle, shorter ones and fixed points) through its FFT frame and
    /// through the orbit frame of the group it generates gives the same exact losses and dense optimum, Adam reaches
    /// the optimum in both, and the weight-sharing parameters written for σ rebuild the trained map (a second method:
    /// the dense Q and the index/sign patterns instead of the frame's transforms).
    @Test func oneExperimentForEveryFrame() throws {
        let sigma = try Permutation(parsing: "(1 2 3 4 5 6 7)(8 9 10 11)(12 13 14)(15 16)", degree: 18)
        let data = GroupOptimumTests.randomData(count: 120, n: 18, seed: 81)
        let config = TrainingExperiment.Configuration(
            rank: 7, augmentation: .groupElements, seed: 4, choices: [.best],
            adam: AdamSettings(epochs: 2500, batchSize: 120, learningRate: 0.01, seed: 5))
        let layout = try BasisLayout(sigma)
        let cyclic = try TrainingExperiment(data: data, frame: IsotypicFrame(layout), configuration: config)
        let group = try PermutationGroup(generators: [sigma], degree: 18)
        let general = try TrainingExperiment(
            data: data, frame: IsotypicFrame(try GroupNumericBasis(try AdaptedBasis(group: group))),
            configuration: config)
        #expect(cyclic.data.values == general.data.values)
        let denseRows = (try #require(cyclic.dense), try #require(general.dense))
        for (a, b) in zip(cyclic.rows, general.rows) + [denseRows] {
            #expect(abs(a.loss - b.loss) <= 1e-12 + a.lossError + b.lossError, "\(a.name)")
            #expect(a.parameters == b.parameters, "\(a.name)")
        }
        for e in [cyclic, general] {
            let row = e.rows[0]
            let adam = try #require(row.adamLoss)
            #expect(adam >= row.loss * (1 - 1e-9) && adam <= row.loss * (1 + 1e-3), "\(adam) vs \(row.loss)")
            #expect(try #require(row.equivarianceError) < 1e-10)
            #expect(abs(directLoss(e.data, try e.frame.pixelMatrix(e.maps)) - adam) <= 1e-10)
        }
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("eqgeom-train-\(getpid())").path
        defer { try? FileManager.default.removeItem(atPath: directory) }
        var files = OutputFiles()
        try ExperimentArtifacts.stage(cyclic, directory: directory, into: &files)
        _ = try files.commit()
        let z = try NumPyArchive.read(path: directory + "/weights.npz")
        let masks = try ComponentArchitecture(frame: IsotypicFrame(layout), tuple: cyclic.tuple).masks()
        let w = componentPixelMatrix(
            masks, encoderTheta: try #require(z["encoder_theta"]).doubles,
            decoderTheta: try #require(z["decoder_theta"]).doubles, q: try NumericBasis(layout).matrix, n: 18)
        let expected = try cyclic.frame.pixelMatrix(cyclic.maps)
        #expect(zip(w, expected).allSatisfy { abs($0 - $1) < 1e-12 })
        #expect(try #require(z["W"]).doubles.elementsEqual(expected) { abs($0 - $1) < 1e-12 })
    }
}
