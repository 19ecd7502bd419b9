internal import CFlint

/// An exact matrix over ℚ (FLINT `fmpq_mat`), with value semantics. Entries are 0-based `[i, j]`.
///
///     var a = RationalMatrix(rows: 2, columns: 2)
///     a[0, 0] = 1; a[1, 1] = Rational(1, 2)
///     a.determinant   // 1/2
public struct RationalMatrix: Sendable {
    var box: FmpqMatBox
    public var rows: Int { box.rows }
    public var columns: Int { box.columns }

    init(box: FmpqMatBox) { self.box = box }

    /// The zero matrix.
    public init(rows: Int, columns: Int) {
        precondition(rows >= 0 && columns >= 0)
        box = FmpqMatBox(rows, columns)
    }

    /// The matrix with the given rows, or `nil` if the rows differ in length.
    public init?(_ entries: [[Rational]]) {
        guard let box = FmpqMatBox(rows: entries, isZero: \.isZero, set: { fmpq_set($0, $1.box.ptr) }) else {
            return nil
        }
        self.init(box: box)
    }

    /// The matrix with the given integer rows, or `nil` if the rows differ in length.
    public init?(_ entries: [[Int]]) {
        self.init(entries.map { $0.map { Rational($0) } })
    }

    /// The same matrix with rational entries.
    public init(_ m: IntegerMatrix) {
        box = FmpqMatBox(m.rows, m.columns)
        fmpq_mat_set_fmpz_mat(box.ptr, m.box.ptr)
    }

    /// The n×n identity.
    public static func identity(_ n: Int) -> Self {
        var m = Self(rows: n, columns: n)
        for i in 0..<n { m[i, i] = 1 }
        return m
    }

    static func make(_ rows: Int, _ columns: Int, _ body: (UnsafeMutablePointer<fmpq_mat_struct>) -> Void) -> Self {
        let r = FmpqMatBox(rows, columns)
        body(r.ptr)
        return Self(box: r)
    }

    mutating func withMutablePointer<R>(_ body: (UnsafeMutablePointer<fmpq_mat_struct>) throws -> R) rethrows -> R {
        if !isKnownUniquelyReferenced(&box) { box = box.copy() }
        return try body(box.ptr)
    }

    /// The entry in row i, column j (0-based).
    public subscript(i: Int, j: Int) -> Rational {
        get { Rational.make { fmpq_set($0, box.entry(i, j)) } }
        set {
            if !isKnownUniquelyReferenced(&box) { box = box.copy() }
            fmpq_set(box.entry(i, j), newValue.box.ptr)
        }
    }

    /// Whether entry (i, j) is zero, without building a `Rational`.
    public func isZero(_ i: Int, _ j: Int) -> Bool { fmpq_is_zero(fmpq_mat_entry(box.ptr, i, j)) != 0 }

    /// All entries, row by row.
    public var entries: [[Rational]] { (0..<rows).map { i in (0..<columns).map { self[i, $0] } } }
}
