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
        let c = entries.first?.count ?? 0
        guard entries.allSatisfy({ $0.count == c }) else { return nil }
        self.init(rows: entries.count, columns: c)
        for (i, row) in entries.enumerated() {
            for (j, v) in row.enumerated() where v != 0 { self[i, j] = BigInteger(v) }
        }
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
        get {
            precondition(i >= 0 && i < rows && j >= 0 && j < columns, "matrix index out of range")
            return BigInteger.make { fmpz_set($0, fmpz_mat_entry(box.ptr, i, j)) }
        }
        set {
            precondition(i >= 0 && i < rows && j >= 0 && j < columns, "matrix index out of range")
            withMutablePointer { fmpz_set(fmpz_mat_entry($0, i, j), newValue.box.ptr) }
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

/// Owner of one `fmpz_mat_struct`. Not API.
final class FmpzMatBox: @unchecked Sendable {
    let ptr: UnsafeMutablePointer<fmpz_mat_struct>
    let rows: Int, columns: Int
    init(_ r: Int, _ c: Int) {
        rows = r
        columns = c
        ptr = .allocate(capacity: 1)
        fmpz_mat_init(ptr, r, c)
    }
    deinit {
        fmpz_mat_clear(ptr)
        ptr.deallocate()
    }
    func copy() -> FmpzMatBox {
        let c = FmpzMatBox(rows, columns)
        fmpz_mat_set(c.ptr, ptr)
        return c
    }
}
