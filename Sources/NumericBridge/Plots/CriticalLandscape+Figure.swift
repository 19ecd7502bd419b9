import Foundation

extension CriticalLandscape {
    /// Critical values against Morse index, one marker per point: on a component the index of L in parameter
    /// space (pure points in blue, spurious in red), on the whole variety the index on the smooth locus of its
    /// pure points (MATH.md §12.5).
    public func figure(_ points: [Point]) -> SVGFigure {
        var figure = SVGFigure(width: 780, height: 420)
        let onComponent = tuple != nil
        func placed(_ pure: Bool) -> [(Double, Double)] {
            points.filter { $0.isPure == pure }.compactMap { p in
                (onComponent ? p.parameterIndex : p.smoothIndex).map { (Double($0), p.loss) }
            }
        }
        var series = [SVGFigure.Series(name: "pure", colour: "#1f5fa8", points: placed(true), joined: false)]
        if onComponent {
            series.append(SVGFigure.Series(name: "spurious", colour: "#c0392b", points: placed(false), joined: false))
        }
        figure.linePlot(
            series.filter { !$0.points.isEmpty },
            title: onComponent ? "Critical points on the component" : "Pure critical points on the variety",
            xLabel: onComponent ? "Morse index of L in parameter space" : "Morse index on the smooth locus",
            yLabel: "loss (MSE per point)", x: 90, y: 60, width: 500, height: 290)
        return figure
    }
}
