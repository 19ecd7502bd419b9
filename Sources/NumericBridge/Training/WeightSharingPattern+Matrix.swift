import Geometry

/// Dense matrices from weight-sharing patterns: W[r, c] = Σ over occurrences sign·θ_k.
extension WeightSharingPattern {
    /// The dense row-major matrix of the pattern at θ.
    public func matrix(_ theta: [Double]) -> [Double] { matrix(theta[...]) }

    func matrix(_ theta: ArraySlice<Double>) -> [Double] {
        if isDense { return Array(theta) }
        var m = [Double](repeating: 0, count: rows * columns)
        let base = theta.startIndex
        for (k, occ) in parameters.enumerated() {
            for o in occ { m[o.row * columns + o.column] += Double(o.sign) * theta[base + k] }
        }
        return m
    }

    /// ∂L/∂θ_k = Σ over occurrences sign·∂L/∂W[r, c].
    func parameterGradient(_ g: [Double]) -> [Double] {
        if isDense { return g }
        return parameters.map { occ in occ.reduce(0) { $0 + Double($1.sign) * g[$1.row * columns + $1.column] } }
    }
}
