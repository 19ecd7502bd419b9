import Foundation

extension SVGFigure {
    /// One series of a line plot: its name, colour and points (x, y).
    public struct Series: Sendable {
        /// The legend's name.
        public let name: String
        /// The stroke colour (SVG syntax).
        public let colour: String
        /// The (x, y) points.
        public let points: [(Double, Double)]
        /// Whether a polyline joins the points (false: markers only, a scatter plot).
        public let joined: Bool
        /// A named series.
        public init(name: String, colour: String, points: [(Double, Double)], joined: Bool = true) {
            self.name = name
            self.colour = colour
            self.points = points
            self.joined = joined
        }
    }

    /// A labelled line plot in a box at (x, y) of the given size: axes with their ranges, each series as a
    /// polyline with crosses at its points, a legend; `logY` plots log₁₀ y (non-positive values are dropped).
    public mutating func linePlot(
        _ series: [Series], title: String, xLabel: String, yLabel: String, logY: Bool = false,
        x: Double, y: Double, width w: Double, height h: Double
    ) {
        let transform: (Double) -> Double? = { logY ? ($0 > 0 ? log10($0) : nil) : $0 }
        let all = series.flatMap { s in s.points.compactMap { p in transform(p.1).map { (p.0, $0) } } }
        guard let minX = all.map(\.0).min(), let maxX = all.map(\.0).max(), let minY = all.map(\.1).min(),
            let maxY = all.map(\.1).max()
        else { return }
        let spanX = max(maxX - minX, 1e-12)
        let spanY = max(maxY - minY, 1e-12)
        func place(_ px: Double, _ py: Double) -> (Double, Double) {
            (x + (px - minX) / spanX * w, y + h - (py - minY) / spanY * h)
        }
        text(title, x: x + w / 2, y: y - 12, size: 14, anchor: "middle", bold: true)
        line(from: (x, y + h), to: (x + w, y + h), colour: "#000", width: 1)
        line(from: (x, y), to: (x, y + h), colour: "#000", width: 1)
        text(xLabel, x: x + w / 2, y: y + h + 34, size: 12, anchor: "middle")
        text(logY ? "log₁₀ " + yLabel : yLabel, x: x, y: y - 30, size: 12, anchor: "middle")
        for (value, label) in [(minX, minX), (maxX, maxX)] {
            text(String(format: "%g", label), x: place(value, minY).0, y: y + h + 16, size: 11, anchor: "middle")
        }
        for value in [minY, maxY] {
            text(String(format: "%.3g", value), x: x - 6, y: place(minX, value).1 + 4, size: 11, anchor: "end")
        }
        for (k, s) in series.enumerated() {
            let points = s.points.compactMap { p in transform(p.1).map { place(p.0, $0) } }
            if s.joined {
                for (a, b) in zip(points, points.dropFirst()) { line(from: a, to: b, colour: s.colour, width: 1.5) }
            }
            for p in points {
                line(from: (p.0 - 3, p.1 - 3), to: (p.0 + 3, p.1 + 3), colour: s.colour, width: 1)
                line(from: (p.0 - 3, p.1 + 3), to: (p.0 + 3, p.1 - 3), colour: s.colour, width: 1)
            }
            let ly = y + 14 + Double(k) * 16
            line(from: (x + w - 120, ly - 4), to: (x + w - 100, ly - 4), colour: s.colour, width: 2)
            text(s.name, x: x + w - 94, y: ly, size: 11)
        }
    }
}
