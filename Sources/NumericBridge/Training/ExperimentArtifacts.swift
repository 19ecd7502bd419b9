import Algebra
import Foundation
import Geometry

/// Files a training run leaves for users: labelled figures like the paper's (SVG) and the weights as
/// `.npz` (docs/formats.md), staged so that they appear together or not at all.
public enum ExperimentArtifacts {
    /// Stages `reconstructions.svg`, `weights-qbasis.svg` (n ≤ 4096) and `weights.npz` in `directory`.
    public static func stage(_ e: TrainingExperiment, directory: String, into files: inout OutputFiles) throws {
        let n = e.layout.degree
        let arch = e.optimum.architecture
        let theta = (
            e.trained?.encoderTheta ?? e.optimum.encoderTheta, e.trained?.decoderTheta ?? e.optimum.decoderTheta
        )
        let de = BLAS.multiply(
            arch.decoder.matrix(theta.1), arch.encoder.matrix(theta.0), m: n, n: n, k: arch.encoder.rows)
        try files.createDirectory(directory)
        try files.add(reconstructions(e, de: de).bytes, to: directory + "/reconstructions.svg")
        if let q = e.denseBasis?.matrix {
            try files.add(weightMaps(e, de: de, q: q).bytes, to: directory + "/weights-qbasis.svg")
        }
        try files.add(try weights(e, theta: theta).zipBytes(), to: directory + "/weights.npz")
    }

    /// Eight inputs and their reconstructions by the component and by the dense autoencoder.
    static func reconstructions(_ e: TrainingExperiment, de: [Double]) -> SVGFigure {
        let n = e.layout.degree
        let (h, w) = e.configuration.imageSize ?? (1, e.layout.degree)
        let transform = StructuredTransform(e.layout)
        let shown = min(8, e.data.count)
        let inputs = Array(e.data.values[0..<(shown * n)])
        let coordinates = transform.forward(inputs, batch: shown)
        let equivariant = transform.inverse(
            BLAS.multiply(coordinates, de, m: shown, n: n, k: n, transposeB: true), batch: shown)
        let u = e.denseOptimum.vectors
        let r = e.denseOptimum.rank
        let denseOut = BLAS.multiply(
            BLAS.multiply(inputs, u, m: shown, n: r, k: n), u, m: shown, n: n, k: r, transposeB: true)
        let cell = 84.0
        let left = 230.0
        var figure = SVGFigure(width: Int(left + Double(shown) * (cell + 6)) + 10, height: Int(50 + 3 * (cell + 10)))
        let model = e.trained == nil ? "exact optimum" : "Adam"
        figure.text(
            "Reconstructions at rank \(e.configuration.rank) (\(h)×\(w) images, pixel values clamped to [0, 1])",
            x: 10, y: 24, size: 16, bold: true)
        let tuple = e.rows.first?.tuple.map { $0.map(String.init).joined(separator: ",") } ?? ""
        let labels = [("input", ""), ("component, \(model)", "(\(tuple))"), ("dense rank-\(r)", "autoencoder (PCA)")]
        for (row, images) in [inputs, equivariant, denseOut].enumerated() {
            let y = 40 + Double(row) * (cell + 10)
            figure.text(labels[row].0, x: 10, y: y + cell / 2 - 2, size: 13)
            figure.text(String(labels[row].1.prefix(32)), x: 10, y: y + cell / 2 + 14, size: 11)
            for k in 0..<shown {
                var png = PNGImage(width: w, height: h)
                png.drawGray(images[(k * n)..<((k + 1) * n)], rows: h, columns: w, at: 0, 0, zoom: 1)
                figure.image(
                    png, x: left + Double(k) * (cell + 6), y: y, width: cell, height: cell * Double(h) / Double(w))
            }
        }
        return figure
    }

    /// The component's map D·E and the dense optimum QᵀUUᵀQ, both in the Q_σ basis, with block separators
    /// (canonical block order) and a common colour scale.
    static func weightMaps(_ e: TrainingExperiment, de: [Double], q: [Double]) -> SVGFigure {
        let n = e.layout.degree
        let u = e.denseOptimum.vectors
        let r = e.denseOptimum.rank
        let qu = BLAS.multiply(q, u, m: n, n: r, k: n, transposeA: true)
        let denseQ = BLAS.multiply(qu, qu, m: n, n: n, k: r, transposeB: true)
        let scale = max(de.reduce(0) { max($0, abs($1)) }, denseQ.reduce(0) { max($0, abs($1)) }, 1e-300)
        let side = 420.0
        var figure = SVGFigure(width: Int(2 * side + 170), height: Int(side + 110))
        figure.text(
            "Weights in the Q_σ basis (blocks in canonical order, separated by lines)", x: 10, y: 24, size: 16,
            bold: true)
        let titles = ["equivariant component: D·E (block diagonal)", "dense rank-\(r) optimum: QᵀUUᵀQ"]
        for (panel, matrix) in [de, denseQ].enumerated() {
            let x0 = 10 + Double(panel) * (side + 30)
            let y0 = 60.0
            figure.text(titles[panel], x: x0, y: 50, size: 13)
            var png = PNGImage(width: n, height: n)
            png.drawHeatMap(matrix, rows: n, columns: n, at: 0, 0, scale: scale)
            figure.image(png, x: x0, y: y0, width: side, height: side)
            for offset in e.layout.blockOffsets.dropFirst().dropLast() {
                let t = Double(offset) / Double(n) * side
                figure.line(from: (x0 + t, y0), to: (x0 + t, y0 + side), colour: "#aaa", width: 0.4)
                figure.line(from: (x0, y0 + t), to: (x0 + side, y0 + t), colour: "#aaa", width: 0.4)
            }
        }
        figure.colourBar(x: 2 * side + 80, y: 60, height: side, scale: scale, caption: "entry")
        return figure
    }

    /// weights.npz: metadata, Q_σ's description (and Q, W when n ≤ 4096), the parameters and their index
    /// and sign maps, the dense optimum's U and every block's eigenvalues.
    static func weights(_ e: TrainingExperiment, theta: ([Double], [Double])) throws -> NumPyArchive {
        let n = e.layout.degree
        let arch = e.optimum.architecture
        var z = ArchitectureExport.basisArchive(e.layout)
        z.addScalar("rank", e.configuration.rank)
        z.addVector("tuple", arch.component.tuple)
        if let q = e.denseBasis {
            z.add("Q", NumPyArray(float64: q.matrix, shape: [n, n]))
            let w = TrainingExperiment.pixelMatrix(
                arch, encoderTheta: theta.0, decoderTheta: theta.1, q: q.matrix, n: n)
            z.add("W", NumPyArray(float64: w, shape: [n, n]))
        }
        z.add("encoder_theta", NumPyArray(float64: theta.0, shape: [theta.0.count]))
        z.add("decoder_theta", NumPyArray(float64: theta.1, shape: [theta.1.count]))
        for (name, p) in [("encoder", arch.encoder), ("decoder", arch.decoder)] {
            let (index, sign) = p.denseIndexAndSign
            z.add("\(name)_index", NumPyArray(int32: index, shape: p.shape))
            z.add("\(name)_sign", NumPyArray(int8: sign, shape: p.shape))
        }
        z.add("dense_U", NumPyArray(float64: e.denseOptimum.vectors, shape: [n, e.denseOptimum.rank]))
        let eigenvalues = e.spectra.blocks.flatMap(\.eigenvalues)
        z.add("block_eigenvalues", NumPyArray(float64: eigenvalues, shape: [eigenvalues.count]))
        z.addVector(
            "block_eigenvalue_offsets",
            e.spectra.blocks.reduce(into: [0]) { $0.append(($0.last ?? 0) + $1.eigenvalues.count) })
        return z
    }
}
