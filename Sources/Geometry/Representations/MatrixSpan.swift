import Algebra

/// A growing span of matrices, as vectors of ℚ^L (row-major vec) kept in reduced row echelon form.
struct MatrixSpan {
    let length: Int
    private var echelon: RationalMatrix
    private(set) var rank = 0

    init(length: Int) {
        self.length = length
        echelon = RationalMatrix(rows: 0, columns: length)
    }

    /// Adds vec(m) (row-major); returns whether the span grew.
    mutating func add(_ m: RationalMatrix) -> Bool {
        var stacked = RationalMatrix(rows: rank + 1, columns: length)
        for i in 0..<rank { for j in 0..<length where !echelon.isZero(i, j) { stacked[i, j] = echelon[i, j] } }
        for e in 0..<length where !m.isZero(e / m.columns, e % m.columns) {
            stacked[rank, e] = m[e / m.columns, e % m.columns]
        }
        let (form, newRank) = stacked.rowReduced
        guard newRank > rank else { return false }
        echelon = form
        rank = newRank
        return true
    }

    /// The span's echelon rows as rows×columns matrices (vec row-major).
    func basis(rows: Int, columns: Int) -> [RationalMatrix] {
        Self.matrices(fromRows: echelon, count: rank, rows: rows, columns: columns)
    }

    /// One row vec(m) (row-major) per matrix, all of the same shape.
    static func vectorized(_ matrices: [RationalMatrix], length: Int) -> RationalMatrix {
        var stacked = RationalMatrix(rows: matrices.count, columns: length)
        for (r, m) in matrices.enumerated() {
            for e in 0..<length where !m.isZero(e / m.columns, e % m.columns) {
                stacked[r, e] = m[e / m.columns, e % m.columns]
            }
        }
        return stacked
    }

    /// The first `count` rows of `stacked` as rows×columns matrices (the inverse of `vectorized`).
    /// The reduced row echelon basis of the span of `matrices` (all rows×columns), as matrices.
    static func echelonBasis(of matrices: [RationalMatrix], rows: Int, columns: Int) -> [RationalMatrix] {
        let (form, rank) = vectorized(matrices, length: rows * columns).rowReduced
        return Self.matrices(fromRows: form, count: rank, rows: rows, columns: columns)
    }

    static func matrices(fromRows stacked: RationalMatrix, count: Int, rows: Int, columns: Int) -> [RationalMatrix] {
        (0..<count).map { r in
            var m = RationalMatrix(rows: rows, columns: columns)
            for e in 0..<stacked.columns where !stacked.isZero(r, e) { m[e / columns, e % columns] = stacked[r, e] }
            return m
        }
    }
}
