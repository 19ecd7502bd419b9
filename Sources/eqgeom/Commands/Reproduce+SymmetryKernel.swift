import CommandLineSupport
import ArgumentParser
import Foundation
import NumericBridge
import Reproductions

extension Reproduce {
    /// `eqgeom reproduce symmetry-kernel`: Perin & Deny's Fig. 3 exactly (two interleaved circular orbits, RBF):
    /// the spectral error against the exact GP residual, as the inter-orbit distance Δ and the orbit size N grow.
    struct SymmetryKernel: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "symmetry-kernel",
            abstract: "Fig. 3 of the neural-kernel paper: spectral error = exact GP residual on circular orbits.")

        @Option(help: "Orbit size N for the Δ sweep.") var n = 8
        @Option(help: "Δ for the N sweep.") var delta = 0.5
        @Option(help: "RBF length scale ℓ (exp(−‖x − x′‖²/(2ℓ²))).") var lengthScale = 0.5
        @Option(help: ArgumentHelp("Directory for fig3.svg.", valueName: "directory")) var out: String?
        @OptionGroup var output: OutputOptions

        static let deltas = [0.0, 0.25, 0.5, 1.0, 1.5, 2.0, 3.0]
        static let sizes = [3, 4, 6, 8, 10, 12, 16]

        func validate() throws {
            guard (2...64).contains(n), delta.isFinite, delta >= 0, lengthScale.isFinite, lengthScale > 0 else {
                throw ValidationError("--n takes 2…64, --delta ≥ 0, --length-scale > 0")
            }
        }

        func run() throws {
            let byDelta = try Self.deltas.map {
                try CircularOrbitsExperiment.point(n: n, delta: $0, lengthScale: lengthScale)
            }
            let byN = try Self.sizes.map {
                try CircularOrbitsExperiment.point(n: $0, delta: delta, lengthScale: lengthScale)
            }
            var files: [String] = []
            if let dir = out {
                var figure = SVGFigure(width: 1120, height: 380)
                let (red, blue) = ("#d62728", "#1f77b4")
                let deltaSeries: [SVGFigure.Series] = [
                    .init(name: "spectral ε", colour: red, points: byDelta.map { ($0.delta, $0.spectralError) }),
                    .init(name: "GP residual", colour: blue, points: byDelta.map { ($0.delta, $0.exactResidual) }),
                ]
                let sizeSeries: [SVGFigure.Series] = [
                    .init(name: "spectral ε", colour: red, points: byN.map { (Double($0.n), $0.spectralError) }),
                    .init(name: "GP residual", colour: blue, points: byN.map { (Double($0.n), $0.exactResidual) }),
                ]
                figure.linePlot(
                    deltaSeries, title: "N = \(n): error vs Δ", xLabel: "Δ", yLabel: "error", logY: true, x: 70,
                    y: 50, width: 330, height: 260)
                figure.linePlot(
                    sizeSeries, title: "Δ = \(delta): error vs N", xLabel: "N", yLabel: "error", logY: true, x: 630,
                    y: 50, width: 330, height: 260)
                var staged = OutputFiles()
                try staged.createDirectory(dir)
                try staged.add(figure.bytes, to: dir + "/fig3.svg")
                files = try staged.commit()
                wrote(files)
            }
            try emit(SymmetryKernelReport(byDelta: byDelta, byN: byN, lengthScale: lengthScale, files: files), output)
        }
    }
}

struct SymmetryKernelReport: Report {
    struct Row: Encodable {
        let n: Int
        let delta: Double
        let spectralError: Double
        let gpResidual: Double
        let blockFormula: Double
        enum CodingKeys: String, CodingKey {
            case n = "N"
            case delta
            case spectralError = "spectral_error"
            case gpResidual = "gp_residual"
            case blockFormula = "block_formula"
        }
    }
    let lengthScale: Double
    let byDelta: [Row]
    let byN: [Row]
    let files: [String]

    init(
        byDelta: [CircularOrbitsExperiment.Point], byN: [CircularOrbitsExperiment.Point], lengthScale: Double,
        files: [String]
    ) {
        let row = { (p: CircularOrbitsExperiment.Point) in
            Row(
                n: p.n, delta: p.delta, spectralError: p.spectralError, gpResidual: p.exactResidual,
                blockFormula: p.blockResidual)
        }
        self.lengthScale = lengthScale
        self.byDelta = byDelta.map(row)
        self.byN = byN.map(row)
        self.files = files
    }

    enum CodingKeys: String, CodingKey {
        case files
        case lengthScale = "length_scale"
        case byDelta = "by_delta"
        case byN = "by_n"
    }

    var table: String {
        let rows = (byDelta + byN).map {
            [
                "\($0.n)", String(format: "%g", $0.delta), String(format: "%.10f", $0.spectralError),
                String(format: "%.10f", $0.gpResidual), String(format: "%.10f", $0.blockFormula),
            ]
        }
        return "RBF length scale \(lengthScale); left out: x₊⁰ (label +1)\n\n"
            + columnTable(["N", "Δ", "spectral ε (eq. 7)", "GP residual (solve)", "block formula"], rows)
    }
}
