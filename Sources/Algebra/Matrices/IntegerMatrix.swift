internal import CFlint

/// An exact matrix over ℤ (FLINT `fmpz_mat`), with value semantics. Entries are 0-based `[i, j]`.
/// Permutation matrices and weight-sharing patterns are integer matrices.
public struct IntegerMatrix: Sendable {
    var box: FmpzMatBox
    public var rows: Int { box.rows }
    public var columns: Int { box.columns }

    init(box: FmpzMatBox) { self.box = box }

    /// The zero matrix.
    public init(rows: Int, columns: Int) {
        precondition(rows >= 0 && columns >= 0)
        box = FmpzMatBox(rows, columns)
    }

    /// The matrix with the given rows, or `nil` if the rows differ in length.
    public init?(_ entries: [[Int]]) {
        guard let box = FmpzMatBox(rows: entries, isZero: { $0 == 0 }, set: { fmpz_set_si($0, $1) }) else { return nil }
        self.init(box: box)
    }

    /// The n×n identity.
    public static func identity(_ n: Int) -> Self {
        Self.make(n, n) { fmpz_mat_one($0) }
    }

    static func make(_ rows: Int, _ columns: Int, _ body: (UnsafeMutablePointer<fmpz_mat_struct>) -> Void) -> Self {
        let r = FmpzMatBox(rows, columns)
        body(r.ptr)
        return Self(box: r)
    }

    mutating func withMutablePointer<R>(_ body: (UnsafeMutablePointer<fmpz_mat_struct>) throws -> R) rethrows -> R {
        if !isKnownUniquelyReferenced(&box) { box = box.copy() }
        return try body(box.ptr)
    }

    public subscript(i: Int, j: Int) -> BigInteger {
        get { BigInteger.make { fmpz_set($0, box.entry(i, j)) } }
        set {
            if !isKnownUniquelyReferenced(&box) { box = box.copy() }
            fmpz_set(box.entry(i, j), newValue.box.ptr)
        }
    }

    /// Entry (i, j) as an `Int`, or `nil` if it does not fit.
    public func intEntry(_ i: Int, _ j: Int) -> Int? {
        let p = fmpz_mat_entry(box.ptr, i, j)
        return fmpz_fits_si(p) != 0 ? fmpz_get_si(p) : nil
    }

    /// All entries, row by row.
    public var entries: [[BigInteger]] { (0..<rows).map { i in (0..<columns).map { self[i, $0] } } }
}
