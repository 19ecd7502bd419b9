import Algebra
import Foundation
import Geometry

/// Files a training run leaves for users, for one permutation or any group: labelled figures like the paper's
/// (SVG) and the weights as `.npz` (docs/formats.md), staged so that they appear together or not at all.
public enum ExperimentArtifacts {
    /// Stages `reconstructions.svg`, `weights-qbasis.svg` (n ≤ 4096) and `weights.npz` in `directory`.
    /// - Throws: `NumericError.invalidInput` for an experiment run without the dense optimum's directions.
    public static func stage(_ e: TrainingExperiment, directory: String, into files: inout OutputFiles) throws {
        guard e.configuration.dense == .directions, let dense = e.denseOptimum else {
            throw NumericError.invalidInput("the experiment kept no dense principal directions to draw or write")
        }
        try files.createDirectory(directory)
        try files.add(reconstructions(e, dense).bytes, to: directory + "/reconstructions.svg")
        if e.frame.degree <= TrainingExperiment.largestPixelMatrix {
            try files.add(weightMaps(e, dense).bytes, to: directory + "/weights-qbasis.svg")
        }
        try files.add(try weights(e, dense).zipBytes(), to: directory + "/weights.npz")
    }

    /// Eight inputs and their reconstructions by the component and by the dense autoencoder.
    static func reconstructions(_ e: TrainingExperiment, _ dense: DenseOptimum) -> SVGFigure {
        let n = e.frame.degree
        let (h, w) = e.configuration.imageSize ?? (1, n)
        let shown = min(8, e.data.count)
        let inputs = Array(e.data.values[0..<(shown * n)])
        let equivariant = e.frame.inverse(
            e.frame.apply(e.maps, to: e.frame.forward(inputs, batch: shown), batch: shown), batch: shown)
        let u = dense.vectors
        let r = dense.rank
        let denseOut = BLAS.multiply(
            BLAS.multiply(inputs, u, m: shown, n: r, k: n), u, m: shown, n: n, k: r, transposeB: true)
        let cell = 84.0
        let left = 230.0
        var figure = SVGFigure(width: Int(left + Double(shown) * (cell + 6)) + 10, height: Int(50 + 3 * (cell + 10)))
        let model = e.trained == nil ? "exact optimum" : "Adam"
        figure.text(
            "Reconstructions at rank \(e.configuration.rank) (\(h)×\(w) images, pixel values clamped to [0, 1])",
            x: 10, y: 24, size: 16, bold: true)
        let tuple = e.tuple.map(String.init).joined(separator: ",")
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

    /// The component's map ⊕ I_c ⊗ F_ρ and the dense optimum QᵀUUᵀQ, both in the Q basis, with block separators
    /// (canonical block order) and a common colour scale.
    static func weightMaps(_ e: TrainingExperiment, _ dense: DenseOptimum) -> SVGFigure {
        let n = e.frame.degree
        let u = dense.vectors
        let r = dense.rank
        let component = e.frame.coordinateMatrix(e.maps)
        let denseQ = e.frame.conjugate(BLAS.multiply(u, u, m: n, n: n, k: r, transposeB: true))
        let scale = max(component.reduce(0) { max($0, abs($1)) }, denseQ.reduce(0) { max($0, abs($1)) }, 1e-300)
        let side = 420.0
        let labelSpace = 56.0  // block labels left of each panel
        var figure = SVGFigure(width: Int(2 * (side + labelSpace) + 170), height: Int(side + 130))
        figure.text(
            "Weights in the Q basis (blocks in canonical order, separated by lines)", x: 10, y: 24, size: 16,
            bold: true)
        let titles = ["equivariant component (block diagonal)", "dense rank-\(r) optimum: QᵀUUᵀQ"]
        let offsets = e.frame.blockOffsets
        let labels = e.frame.blocks.map(\.label)
        for (panel, matrix) in [component, denseQ].enumerated() {
            let x0 = 10 + labelSpace + Double(panel) * (side + labelSpace + 30)
            let y0 = 80.0
            figure.text(titles[panel], x: x0, y: 50, size: 13)
            // each block's label beside its rows and above its columns, where its span leaves room
            for (b, label) in labels.enumerated() {
                let (a, z) = (Double(offsets[b]) / Double(n) * side, Double(offsets[b + 1]) / Double(n) * side)
                guard z - a >= 12 else { continue }
                figure.text(label, x: x0 - 4, y: y0 + (a + z) / 2 + 4, size: 10, anchor: "end")
                if z - a >= 30 { figure.text(label, x: x0 + (a + z) / 2, y: y0 - 6, size: 10, anchor: "middle") }
            }
            var png = PNGImage(width: n, height: n)
            png.drawHeatMap(matrix, rows: n, columns: n, at: 0, 0, scale: scale)
            figure.image(png, x: x0, y: y0, width: side, height: side)
            for offset in e.frame.blockOffsets.dropFirst().dropLast() {
                let t = Double(offset) / Double(n) * side
                figure.line(from: (x0 + t, y0), to: (x0 + t, y0 + side), colour: "#aaa", width: 0.4)
                figure.line(from: (x0, y0 + t), to: (x0 + side, y0 + t), colour: "#aaa", width: 0.4)
            }
        }
        figure.colourBar(x: 2 * (side + labelSpace) + 80, y: 80, height: side, scale: scale, caption: "entry")
        return figure
    }

    /// weights.npz: the frame's description (σ's cycles or the group's generators and blocks), the component's
    /// architecture (`ArchitectureExport`, as `mask` writes it) with its parameters θ (one permutation:
    /// `encoder_theta`/`decoder_theta` on the ±1 masks; a group: `theta` on the patterns on the points) of the
    /// Adam-trained layers or of the exact optimum (U* and U per block), `rank`, `tuple`, per block `map_b` (the block
    /// map F_ρ, δμ×δμ), `W` (n ≤ 4096), the dense optimum's `dense_U` and every block's energies.
    static func weights(_ e: TrainingExperiment, _ dense: DenseOptimum) throws -> NumPyArchive {
        let n = e.frame.degree
        var z = BasisExport.description(e.frame.source)
        z.setKind(.weights)
        try addParameters(e, into: &z)
        z.addScalar("rank", e.configuration.rank)
        z.addVector("tuple", e.tuple)
        for (b, m) in e.maps.enumerated() {
            let d = Int(Double(m.count).squareRoot())
            z.add("map_\(b)", NumPyArray(float64: m, shape: [d, d]))
        }
        if n <= TrainingExperiment.largestPixelMatrix {
            z.add("W", NumPyArray(float64: try e.frame.pixelMatrix(e.maps), shape: [n, n]))
        }
        z.add("dense_U", NumPyArray(float64: dense.vectors, shape: [n, dense.rank]))
        let energies = e.spectra.energies
        z.add("block_eigenvalues", NumPyArray(float64: energies.flatMap { $0 }, shape: [energies.joined().count]))
        z.addVector("block_eigenvalue_offsets", energies.reduce(into: [0]) { $0.append(($0.last ?? 0) + $1.count) })
        return z
    }

    /// The component's architecture and θ (MATH.md §4.4, §8.8): the Adam-trained layers (per block E, then D), or
    /// the exact optimum's U* and U; one permutation's θ split as `encoder_theta`/`decoder_theta` on its masks.
    static func addParameters(_ e: TrainingExperiment, into z: inout NumPyArchive) throws {
        let arch = try ComponentArchitecture(frame: e.frame, tuple: e.tuple)
        try ArchitectureExport.addArchitecture(arch, patterns: try arch.patterns(), to: &z)
        let theta = try e.trained.map { $0.layers.flatMap { $0.flatMap { $0 } } } ?? arch.parameters(projectors: e.maps)
        guard case .permutation = e.frame.source else {
            z.add("theta", NumPyArray(float64: theta, shape: [theta.count]))
            return
        }
        let split = arch.split(theta)
        z.add("encoder_theta", NumPyArray(float64: split.encoder, shape: [split.encoder.count]))
        z.add("decoder_theta", NumPyArray(float64: split.decoder, shape: [split.decoder.count]))
    }
}
