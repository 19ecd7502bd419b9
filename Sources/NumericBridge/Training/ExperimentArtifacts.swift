import Foundation
import Algebra
import Geometry

/// Files a training run leaves for users: figures like the paper's and the weights as `.npz`.
public enum ExperimentArtifacts {
    /// Writes `reconstructions.png`, `weights-qbasis.png` and `weights.npz` into `directory`.
    /// Returns the paths written.
    public static func write(_ e: TrainingExperiment, to directory: String) throws -> [String] {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let n = e.layout.degree
        let h = e.configuration.height
        let w = e.configuration.width
        let arch = e.optimum.architecture
        let theta = (
            e.trained?.encoderTheta ?? e.optimum.encoderTheta, e.trained?.decoderTheta ?? e.optimum.decoderTheta
        )
        let de = BLAS.multiply(
            arch.decoder.matrix(theta.1), arch.encoder.matrix(theta.0), m: n, n: n, k: arch.encoder.rows)
        let transform = StructuredTransform(e.layout)
        let shown = min(8, e.data.count)
        let inputs = Array(e.data.values[0..<(shown * n)])
        let equivariant = transform.inverse(
            BLAS.multiply(transform.forward(inputs, batch: shown), de, m: shown, n: n, k: n, transposeB: true),
            batch: shown)
        let u = e.denseOptimum.vectors
        let r = e.denseOptimum.rank
        let denseOut = BLAS.multiply(
            BLAS.multiply(inputs, u, m: shown, n: r, k: n), u, m: shown, n: n, k: r, transposeB: true)
        var paths: [String] = []

        let zoom = 3
        let gap = 4
        var recon = PNGImage(width: shown * (w * zoom + gap) + gap, height: 3 * (h * zoom + gap) + gap)
        for (row, images) in [inputs, equivariant, denseOut].enumerated() {
            for k in 0..<shown {
                recon.drawGray(
                    images[(k * n)..<((k + 1) * n)], rows: h, columns: w, at: gap + k * (w * zoom + gap),
                    gap + row * (h * zoom + gap), zoom: zoom)
            }
        }
        let reconPath = directory + "/reconstructions.png"
        try recon.write(to: reconPath)
        paths.append(reconPath)

        if let q = e.denseBasis?.matrix {
            // the dense model in the Q basis: Qᵀ U Uᵀ Q, for contrast with the block structure of D·E
            let qu = BLAS.multiply(q, u, m: n, n: r, k: n, transposeA: true)
            let denseQ = BLAS.multiply(qu, qu, m: n, n: n, k: r, transposeB: true)
            var heat = PNGImage(width: 2 * n + gap, height: n)
            heat.drawHeatMap(de, rows: n, columns: n, at: 0, 0, scale: 0.25)
            heat.drawHeatMap(denseQ, rows: n, columns: n, at: n + gap, 0, scale: 0.25)
            let heatPath = directory + "/weights-qbasis.png"
            try heat.write(to: heatPath)
            paths.append(heatPath)
        }

        var z = ArchitectureExport.basisArchive(e.layout)
        if let q = e.denseBasis ?? (try? NumericBasis(e.layout)) {
            z.add("Q", NumPyArray(float64: q.matrix, shape: [n, n]))
            z.add(
                "W",
                NumPyArray(
                    float64: TrainingExperiment.pixelMatrix(
                        arch, encoderTheta: theta.0, decoderTheta: theta.1, q: q.matrix, n: n), shape: [n, n]))
        }
        z.add("encoder_theta", NumPyArray(float64: theta.0, shape: [theta.0.count]))
        z.add("decoder_theta", NumPyArray(float64: theta.1, shape: [theta.1.count]))
        for (name, p) in [("encoder", arch.encoder), ("decoder", arch.decoder)] {
            let (index, sign) = p.denseIndexAndSign
            z.add("\(name)_index", NumPyArray(int32: index, shape: p.shape))
            z.add("\(name)_sign", NumPyArray(int8: sign, shape: p.shape))
        }
        z.add("tuple", NumPyArray(int32: arch.component.tuple.map { Int32($0) }, shape: [arch.component.tuple.count]))
        z.add("dense_U", NumPyArray(float64: u, shape: [n, r]))
        let eig = e.spectra.blocks.flatMap(\.eigenvalues)
        z.add("block_eigenvalues", NumPyArray(float64: eig, shape: [eig.count]))
        let weightsPath = directory + "/weights.npz"
        try z.write(to: weightsPath)
        paths.append(weightsPath)
        return paths
    }
}
