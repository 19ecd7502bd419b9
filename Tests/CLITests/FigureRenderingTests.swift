import Foundation
import Testing
import EqgeomTestSupport

/// Every kind of figure eqgeom writes, rendered to PNG by a real SVG renderer (librsvg's rsvg-convert) and checked
/// at the size the SVG declares and for ink across the figure (Oracles/render_figures.py, with Pillow): the weights in
/// the Q basis and reconstructions of one permutation's and a group's training, the critical values against Morse
/// index, and the symmetry-kernel reproduction's error curves (log axis, coinciding series).
@Suite struct FigureRenderingTests {
    @Test func everyFigureRendersAtItsSize() throws {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/rsvg-convert") else {
            Issue.record("rsvg-convert is missing: bash scripts/setup.sh --python installs librsvg2-bin")
            return
        }
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        var data: [Double] = []
        for k in 0..<(40 * 9) { data.append(Double((k * 7919) % 101) / 101 + Double(k % 9) / 9) }
        try ShardedStatisticsTests.writeNPY(data, rows: 40, columns: 9, to: "\(dir)/x.npy")
        let runs: [[String]] = [
            [
                "train", "--image", "28x28", "--rotate", "90", "--reflect", "horizontal", "--rank", "20", "--method",
                "exact", "--out", "\(dir)/d4",
            ],
            [
                "train", "--image", "28x28", "--shift", "x", "--rank", "20", "--method", "exact", "--out",
                "\(dir)/shift",
            ],
            [
                "critical-points", "--image", "3x3", "--rotate", "90", "--rank", "3", "--all-components", "--data",
                "\(dir)/x.npy", "--figure",
                "\(dir)/critical.svg",
            ],
            ["reproduce", "symmetry-kernel", "--out", "\(dir)/kernel"],
        ]
        for args in runs {
            let r = try runEqgeom(args)
            #expect(r.status == 0, "\(args): \(r.stderr)")
        }
        let figures = [
            "d4/weights-qbasis.svg", "d4/reconstructions.svg", "shift/weights-qbasis.svg", "shift/reconstructions.svg",
            "critical.svg", "kernel/fig3.svg",
        ].map { "\(dir)/\($0)" }
        let (status, output) = try runPythonCode(
            "import runpy, sys; sys.argv = ['render', \(figures.map { "'\($0)'" }.joined(separator: ", "))]; "
                + "runpy.run_path('Tests/CLITests/Oracles/render_figures.py', run_name='__main__')")
        #expect(status == 0, "\(output)")
        #expect(output.split(separator: "\n").count == figures.count, "\(output)")
    }
}
