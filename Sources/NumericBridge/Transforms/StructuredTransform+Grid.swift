import Foundation

extension StructuredTransform {
    /// The common case where Q_σᵀ needs no gather and no scatter table (MATH.md §5): every cycle has length c,
    /// the points lie on a grid (point i of cycle k is a + k·cycleStride + i·step: a shift of images along one
    /// axis), and the layout is block-major (constants of all cycles, then (cos, sin) of frequency 1 for all
    /// cycles, …, then alternating values). One FFTW guru plan reads the rows in place and writes the half
    /// spectra frequency-major, [row][f][cycle]; the layout is then one contiguous, scaled copy per row.
    struct Grid: Sendable {
        let length: Int
        let cycles: Int
        let first: Int
        let cycleStride: Int
        let step: Int

        /// The grid of `g`, when its points and columns have this form.
        init?(_ g: Group, degree n: Int) {
            let (c, count) = (g.length, g.cycleCount)
            // one row's spectra must stay in cache: longer rows go through the general path (contiguous FFTs)
            guard g.cycles.count * c == n, c >= 2, 2 * (c / 2 + 1) * count <= tileValues, let a = g.points.first
            else { return nil }
            let step = g.points[1] - a
            let stride = count > 1 ? g.points[c] - a : 0
            for k in 0..<count {
                for i in 0..<c where g.points[k * c + i] != a + k * stride + i * step { return nil }
            }
            let local = g.factor.count
            for k in 0..<count {
                for j in 0..<local {
                    let (f, sine) = g.spectrumOffset[j].quotientAndRemainder(dividingBy: 2)
                    if g.columns[k * local + j] != Self.column(f, sine, cycle: k, length: c, cycles: count) {
                        return nil
                    }
                }
            }
            (length, cycles, first, cycleStride, self.step) = (c, count, a, stride, step)
        }

        /// The block-major column of (frequency f, cosine or sine) of cycle k.
        static func column(_ f: Int, _ sine: Int, cycle k: Int, length c: Int, cycles: Int) -> Int {
            if f == 0 { return k }
            if 2 * f == c { return cycles + 2 * cycles * (f - 1) + k }
            return cycles + 2 * cycles * (f - 1) + 2 * k + sine
        }

        var half: Int { length / 2 + 1 }
    }

    /// Y = X·Q_σ on the grid path: tiles of rows, one guru FFT each, one scaled copy per row.
    func forwardOnGrid(
        _ grid: Grid, from x: UnsafePointer<Double>, to y: UnsafeMutablePointer<Double>, batch: Int
    ) {
        let (n, c, cycles, half) = (degree, grid.length, grid.cycles, grid.half)
        let rowsPerTile = Self.rowsPerTile(batch: batch, rowLength: n)
        let (s0, s) = (1 / Double(c).squareRoot(), (2 / Double(c)).squareRoot())
        let pairs = (c - 1) / 2
        for start in stride(from: 0, to: batch, by: rowsPerTile) {
            let rows = min(rowsPerTile, batch - start)
            let input = x + start * n + grid.first
            let fft = gridPlans.plan([rows, StridedRealFFT.alignment(of: input)]) {
                StridedRealFFT(
                    length: c, inputStride: grid.step, outputStride: cycles,
                    loops: [(rows, n, half * cycles), (cycles, grid.cycleStride, 1)], planningInput: input)
            }
            fft.forward(input)
            for r in 0..<rows {
                let spectra = fft.output + 2 * r * half * cycles
                let row = y + (start + r) * n
                for k in 0..<cycles { row[k] = spectra[2 * k] * s0 }
                // frequencies 1..<c/2: (Re, Im) of every cycle, contiguous in both, scaled by (s, −s)
                let (source, target) = (spectra + 2 * cycles, row + cycles)
                for i in 0..<(pairs * cycles) {
                    target[2 * i] = source[2 * i] * s
                    target[2 * i + 1] = source[2 * i + 1] * -s
                }
                if c % 2 == 0 {
                    let alternating = spectra + 2 * (c / 2) * cycles
                    let tail = row + cycles + 2 * cycles * pairs
                    for k in 0..<cycles { tail[k] = alternating[2 * k] * s0 }
                }
            }
        }
    }
}
