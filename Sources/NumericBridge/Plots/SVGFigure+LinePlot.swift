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

    /// Width of the legend column `linePlot` draws to the right of its plot box.
    public static let legendWidth = 150.0

    /// A line plot for print in the box at (x, y) of the given size: both axes with tick marks, tick labels and
    /// light grid lines at 1-2-5 steps (`logY`: at the decades, labelled 10ᵏ, non-positive values dropped), axis
    /// labels (the y label turned upright), and each series with its own marker and dash pattern, so that series
    /// that coincide stay visible; the legend sits outside the data, in a column `legendWidth` wide to the right.
    public mutating func linePlot(
        _ series: [Series], title: String, xLabel: String, yLabel: String, logY: Bool = false,
        x: Double, y: Double, width w: Double, height h: Double
    ) {
        let transform: (Double) -> Double? = { logY ? ($0 > 0 ? log10($0) : nil) : $0 }
        let all = series.flatMap { s in s.points.compactMap { p in transform(p.1).map { (p.0, $0) } } }
        guard let dataMinX = all.map(\.0).min(), let dataMaxX = all.map(\.0).max(),
            let dataMinY = all.map(\.1).min(), let dataMaxY = all.map(\.1).max()
        else { return }
        let integral = all.allSatisfy { $0.0 == $0.0.rounded() }
        let xTicks = Self.ticks(dataMinX, dataMaxX, integers: integral)
        let yTicks = logY ? Self.decades(dataMinY, dataMaxY) : Self.ticks(dataMinY, dataMaxY)
        // a margin of 3 % around the ticks keeps points off the frame
        let padX = 0.03 * ((xTicks.last ?? dataMaxX) - (xTicks.first ?? dataMinX))
        let padY = 0.03 * ((yTicks.last ?? dataMaxY) - (yTicks.first ?? dataMinY))
        let (minX, maxX) = ((xTicks.first ?? dataMinX) - padX, (xTicks.last ?? dataMaxX) + padX)
        let (minY, maxY) = ((yTicks.first ?? dataMinY) - padY, (yTicks.last ?? dataMaxY) + padY)
        let spanX = max(maxX - minX, 1e-12)
        let spanY = max(maxY - minY, 1e-12)
        func place(_ px: Double, _ py: Double) -> (Double, Double) {
            (x + (px - minX) / spanX * w, y + h - (py - minY) / spanY * h)
        }
        text(title, x: x + w / 2, y: y - 12, size: 14, anchor: "middle", bold: true)
        for t in xTicks {
            let px = place(t, minY).0
            line(from: (px, y), to: (px, y + h), colour: "#e3e3e3", width: 0.6)
            line(from: (px, y + h), to: (px, y + h + 5), colour: "#000", width: 1)
            text(Self.label(t), x: px, y: y + h + 18, size: 11, anchor: "middle")
        }
        for t in yTicks {
            let py = place(minX, t).1
            line(from: (x, py), to: (x + w, py), colour: "#e3e3e3", width: 0.6)
            line(from: (x - 5, py), to: (x, py), colour: "#000", width: 1)
            text(logY ? Self.power(t) : Self.label(t), x: x - 8, y: py + 4, size: 11, anchor: "end")
        }
        line(from: (x, y + h), to: (x + w, y + h), colour: "#000", width: 1)
        line(from: (x, y), to: (x, y + h), colour: "#000", width: 1)
        text(xLabel, x: x + w / 2, y: y + h + 38, size: 12, anchor: "middle")
        text(yLabel, x: x - 46, y: y + h / 2, size: 12, anchor: "middle", vertical: true)
        let dashes: [String?] = [nil, "6,3", "2,2", "8,3,2,3"]
        for (k, s) in series.enumerated() {
            let points = s.points.compactMap { p in transform(p.1).map { place(p.0, $0) } }
            if s.joined { polyline(points, colour: s.colour, width: 1.5, dash: dashes[k % dashes.count]) }
            for p in points { marker(k, at: p, colour: s.colour) }
            // the legend, outside the plot box
            let ly = y + 10 + Double(k) * 18
            let lx = x + w + 16
            if s.joined {
                polyline(
                    [(lx, ly - 4), (lx + 26, ly - 4)], colour: s.colour, width: 1.5, dash: dashes[k % dashes.count])
            }
            marker(k, at: (lx + 13, ly - 4), colour: s.colour)
            text(s.name, x: lx + 32, y: ly, size: 11)
        }
    }

    /// Tick values at a 1-2-5 step covering [lo, hi] with about five intervals (whole steps for integer data).
    static func ticks(_ lo: Double, _ hi: Double, integers: Bool = false) -> [Double] {
        guard hi > lo else { return [lo - 1, lo, lo + 1] }
        let raw = (hi - lo) / 5
        let magnitude = pow(10, floor(log10(raw)))
        let nice = [1.0, 2, 5, 10].map { $0 * magnitude }.first { $0 >= raw } ?? 10 * magnitude
        let step = integers ? max(nice.rounded(), 1) : nice
        let first = floor(lo / step + 1e-9) * step
        let last = ceil(hi / step - 1e-9) * step
        return stride(from: first, through: last + step / 2, by: step).map { abs($0) < step * 1e-9 ? 0 : $0 }
    }

    /// Whole decades covering [lo, hi] (log₁₀ values), thinned to at most eight labels.
    static func decades(_ lo: Double, _ hi: Double) -> [Double] {
        var (a, b) = (floor(lo), ceil(hi))
        if a == b { (a, b) = (a - 1, b + 1) }
        let every = max(1, Int((b - a) / 8) + 1)
        let first = floor(a / Double(every)) * Double(every)
        let last = ceil(b / Double(every)) * Double(every)
        return stride(from: first, through: last, by: Double(every)).map { $0 }
    }

    /// A tick label: integers plainly, others with at most four significant digits.
    static func label(_ v: Double) -> String {
        v == v.rounded() && abs(v) < 1e6 ? String(Int(v)) : String(format: "%.4g", v)
    }

    /// 10 to a whole power with a superscript exponent: 10⁻³.
    static func power(_ k: Double) -> String {
        let superscripts: [Character: Character] = [
            "-": "⁻", "0": "⁰", "1": "¹", "2": "²", "3": "³", "4": "⁴", "5": "⁵", "6": "⁶", "7": "⁷", "8": "⁸",
            "9": "⁹",
        ]
        return "10" + String(String(Int(k)).map { superscripts[$0] ?? $0 })
    }
}
