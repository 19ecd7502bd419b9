/// Small exact linear algebra over a number field K, on vectors `[NumberFieldElement]` (the sizes are
/// those of a model of an irreducible representation: a few dozen coordinates).
public enum NumberFieldLinearAlgebra {
    /// Σ a_i b_i.
    public static func dot(_ a: [NumberFieldElement], _ b: [NumberFieldElement], in field: NumberField)
        -> NumberFieldElement
    {
        var sum = NumberFieldElement(0, in: field)
        for i in a.indices where !a[i].isZero && !b[i].isZero { sum += a[i] * b[i] }
        return sum
    }

    /// M·v for a row-major matrix given as rows.
    public static func apply(_ m: [[NumberFieldElement]], _ v: [NumberFieldElement], in field: NumberField)
        -> [NumberFieldElement]
    {
        m.map { dot($0, v, in: field) }
    }

    /// A·B for matrices given as rows.
    public static func multiply(_ a: [[NumberFieldElement]], _ b: [[NumberFieldElement]], in field: NumberField)
        -> [[NumberFieldElement]]
    {
        let columns = b.first?.count ?? 0
        return a.map { row in
            (0..<columns).map { j in
                var sum = NumberFieldElement(0, in: field)
                for k in row.indices where !row[k].isZero && !b[k][j].isZero { sum += row[k] * b[k][j] }
                return sum
            }
        }
    }

    /// The n×n identity.
    public static func identity(_ n: Int, in field: NumberField) -> [[NumberFieldElement]] {
        (0..<n).map { i in (0..<n).map { NumberFieldElement($0 == i ? 1 : 0, in: field) } }
    }
}

/// A row-echelon form over K built one row at a time, for solution spaces of many equations in few
/// unknowns (the fixed vectors of a point stabiliser, commutants of models).
public struct NumberFieldRowEchelon {
    public let field: NumberField
    public let unknowns: Int
    /// Rows with a leading 1 at `pivots[i]`, reduced against every other row.
    private(set) var rows: [[NumberFieldElement]] = []
    private(set) var pivots: [Int] = []

    public init(unknowns: Int, field: NumberField) {
        self.unknowns = unknowns
        self.field = field
    }

    public var rank: Int { rows.count }

    /// Adds the equation Σ row_j x_j = 0; returns whether the rank grew.
    @discardableResult
    public mutating func add(_ equation: [NumberFieldElement]) -> Bool {
        var r = equation
        for (row, p) in zip(rows, pivots) where !r[p].isZero {
            let c = r[p]
            for j in 0..<unknowns where !row[j].isZero { r[j] -= c * row[j] }
        }
        guard let p = r.firstIndex(where: { !$0.isZero }) else { return false }
        let inverse = NumberFieldElement(1, in: field) / r[p]
        r = r.map { $0 * inverse }
        for i in rows.indices where !rows[i][p].isZero {
            let c = rows[i][p]
            for j in 0..<unknowns where !r[j].isZero { rows[i][j] -= c * r[j] }
        }
        rows.append(r)
        pivots.append(p)
        return true
    }

    /// The rows (a basis of the row space) in reduced row echelon form, by pivot.
    public var reducedRows: [[NumberFieldElement]] {
        zip(pivots, rows).sorted { $0.0 < $1.0 }.map(\.1)
    }

    /// A basis of the solution space: one vector per free unknown.
    public var nullspace: [[NumberFieldElement]] {
        let zero = NumberFieldElement(0, in: field)
        let one = NumberFieldElement(1, in: field)
        let free = (0..<unknowns).filter { !pivots.contains($0) }
        return free.map { f in
            var v = [NumberFieldElement](repeating: zero, count: unknowns)
            v[f] = one
            for (row, p) in zip(rows, pivots) where !row[f].isZero { v[p] = -row[f] }
            return v
        }
    }
}
