import Foundation

/// A figure as SVG: raster panels (embedded PNG, drawn pixelated), titles and labels, separator lines
/// and a diverging colour bar with its numeric scale, so that it is readable without the code.
public struct SVGFigure: Sendable {
    /// Width in SVG units.
    public let width: Int
    /// Height in SVG units.
    public let height: Int
    private var elements: [String] = []

    /// An empty figure.
    public init(width: Int, height: Int) {
        self.width = width
        self.height = height
    }

    /// Text anchored at (x, y) (the baseline); `anchor` is start, middle or end; `vertical` turns it to read upwards
    /// (a y-axis label).
    public mutating func text(
        _ s: String, x: Double, y: Double, size: Double = 14, anchor: String = "start", bold: Bool = false,
        vertical: Bool = false
    ) {
        let escaped = s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;")
        let weight = bold ? " font-weight=\"bold\"" : ""
        let turn = vertical ? " transform=\"rotate(-90 \(x) \(y))\"" : ""
        elements.append(
            "<text x=\"\(x)\" y=\"\(y)\" font-size=\"\(size)\" text-anchor=\"\(anchor)\"\(weight)\(turn)>"
                + "\(escaped)</text>")
    }

    /// A polyline through the points, solid or dashed (`dash` in SVG's stroke-dasharray syntax).
    public mutating func polyline(_ points: [(Double, Double)], colour: String, width w: Double, dash: String? = nil) {
        guard points.count > 1 else { return }
        let list = points.map { "\($0.0),\($0.1)" }.joined(separator: " ")
        let pattern = dash.map { " stroke-dasharray=\"\($0)\"" } ?? ""
        elements.append(
            "<polyline points=\"\(list)\" fill=\"none\" stroke=\"\(colour)\" stroke-width=\"\(w)\"\(pattern)/>")
    }

    /// A marker centred at p: 0 cross, 1 circle, 2 square, 3 triangle (then again).
    public mutating func marker(_ shape: Int, at p: (Double, Double), colour: String, size r: Double = 3.5) {
        switch shape % 4 {
        case 0:
            line(from: (p.0 - r, p.1 - r), to: (p.0 + r, p.1 + r), colour: colour, width: 1.2)
            line(from: (p.0 - r, p.1 + r), to: (p.0 + r, p.1 - r), colour: colour, width: 1.2)
        case 1:
            elements.append(
                "<circle cx=\"\(p.0)\" cy=\"\(p.1)\" r=\"\(r)\" fill=\"none\" stroke=\"\(colour)\" "
                    + "stroke-width=\"1.2\"/>")
        case 2:
            elements.append(
                "<rect x=\"\(p.0 - r)\" y=\"\(p.1 - r)\" width=\"\(2 * r)\" height=\"\(2 * r)\" fill=\"none\" "
                    + "stroke=\"\(colour)\" stroke-width=\"1.2\"/>")
        default:
            polyline(
                [(p.0, p.1 - r), (p.0 + r, p.1 + r), (p.0 - r, p.1 + r), (p.0, p.1 - r)], colour: colour, width: 1.2)
        }
    }

    /// A raster image scaled to the given box.
    public mutating func image(_ png: PNGImage, x: Double, y: Double, width w: Double, height h: Double) {
        let data = Data(png.pngData).base64EncodedString()
        elements.append(
            "<image x=\"\(x)\" y=\"\(y)\" width=\"\(w)\" height=\"\(h)\" preserveAspectRatio=\"none\" "
                + "style=\"image-rendering:pixelated\" href=\"data:image/png;base64,\(data)\"/>")
    }

    /// A straight line.
    public mutating func line(
        from a: (Double, Double), to b: (Double, Double), colour: String = "#444", width w: Double = 0.5
    ) {
        elements.append(
            "<line x1=\"\(a.0)\" y1=\"\(a.1)\" x2=\"\(b.0)\" y2=\"\(b.1)\" stroke=\"\(colour)\" stroke-width=\"\(w)\"/>"
        )
    }

    /// A vertical diverging colour bar from −scale (blue) through 0 (white) to +scale (red), labelled.
    public mutating func colourBar(x: Double, y: Double, height h: Double, scale: Double, caption: String) {
        var bar = PNGImage(width: 1, height: 101)
        let values = (0...100).map { Double(50 - $0) / 50 * scale }
        bar.drawHeatMap(values, rows: 101, columns: 1, at: 0, 0, scale: scale)
        image(bar, x: x, y: y, width: 16, height: h)
        let label = { (v: Double) in String(format: "%+.3g", v) }
        text(label(scale), x: x + 22, y: y + 10, size: 12)
        text("0", x: x + 22, y: y + h / 2 + 4, size: 12)
        text(label(-scale), x: x + 22, y: y + h, size: 12)
        text(caption, x: x, y: y + h + 18, size: 12)
    }

    /// The SVG document.
    public var svg: String {
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(width)\" height=\"\(height)\" "
            + "viewBox=\"0 0 \(width) \(height)\" font-family=\"sans-serif\">\n"
            + "<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n" + elements.joined(separator: "\n")
            + "\n</svg>\n"
    }

    /// The SVG document's UTF-8 bytes.
    public var bytes: [UInt8] { Array(svg.utf8) }
}
