internal import CFlint

/// A FLINT scalar or polynomial type's life cycle: how one value is initialised, cleared and copied. Not API.
protocol FlintValue {
    associatedtype Storage
    static func initialize(_ value: UnsafeMutablePointer<Storage>)
    static func clear(_ value: UnsafeMutablePointer<Storage>)
    static func set(_ target: UnsafeMutablePointer<Storage>, _ source: UnsafeMutablePointer<Storage>)
}

/// Owner of one heap-allocated FLINT value; the value types built on it copy it on write. Not API.
final class FlintBox<Value: FlintValue>: @unchecked Sendable {
    let ptr: UnsafeMutablePointer<Value.Storage>
    init() {
        ptr = .allocate(capacity: 1)
        Value.initialize(ptr)
    }
    deinit {
        Value.clear(ptr)
        ptr.deallocate()
    }
    func copy() -> FlintBox {
        let c = FlintBox()
        Value.set(c.ptr, ptr)
        return c
    }
}

/// A FLINT matrix type's life cycle (`*_mat_init(rows, columns)`, `*_mat_clear`, `*_mat_set`) and its entry
/// access. Not API.
protocol FlintMatrixValue {
    associatedtype Storage
    associatedtype Entry
    static func initialize(_ value: UnsafeMutablePointer<Storage>, _ rows: Int, _ columns: Int)
    static func clear(_ value: UnsafeMutablePointer<Storage>)
    static func set(_ target: UnsafeMutablePointer<Storage>, _ source: UnsafeMutablePointer<Storage>)
    static func entry(_ matrix: UnsafeMutablePointer<Storage>, _ i: Int, _ j: Int) -> UnsafeMutablePointer<Entry>?
}

/// A binary operation of FLINT matrices writing into its first argument (`*_mat_add`, `*_mat_mul`, …).
typealias FlintMatrixOperation<Storage> = (
    UnsafeMutablePointer<Storage>?, UnsafePointer<Storage>?, UnsafePointer<Storage>?
) -> Void

/// Owner of one heap-allocated FLINT matrix and its shape. Not API.
final class FlintMatrixBox<Value: FlintMatrixValue>: @unchecked Sendable {
    let ptr: UnsafeMutablePointer<Value.Storage>
    let rows: Int, columns: Int
    init(_ rows: Int, _ columns: Int) {
        self.rows = rows
        self.columns = columns
        ptr = .allocate(capacity: 1)
        Value.initialize(ptr, rows, columns)
    }
    deinit {
        Value.clear(ptr)
        ptr.deallocate()
    }
    func copy() -> FlintMatrixBox {
        let c = FlintMatrixBox(rows, columns)
        Value.set(c.ptr, ptr)
        return c
    }

    /// The matrix with the given rows, each entry written by `set` unless `isZero`; nil when the rows differ
    /// in length.
    convenience init?<T>(
        rows entries: [[T]], isZero: (T) -> Bool, set: (UnsafeMutablePointer<Value.Entry>, T) -> Void
    ) {
        let c = entries.first?.count ?? 0
        guard entries.allSatisfy({ $0.count == c }) else { return nil }
        self.init(entries.count, c)
        for (i, row) in entries.enumerated() {
            for (j, v) in row.enumerated() where !isZero(v) { set(entry(i, j), v) }
        }
    }

    /// The entry (i, j), after checking the indices.
    func entry(_ i: Int, _ j: Int) -> UnsafeMutablePointer<Value.Entry> {
        precondition(i >= 0 && i < rows && j >= 0 && j < columns, "matrix index out of range")
        guard let p = Value.entry(ptr, i, j) else { preconditionFailure("FLINT returned no entry") }
        return p
    }

    /// self ∘ other for an entrywise operation (sum, difference) of two matrices of one shape.
    func entrywise(_ other: FlintMatrixBox, _ name: String, _ op: FlintMatrixOperation<Value.Storage>)
        -> FlintMatrixBox
    {
        precondition(rows == other.rows && columns == other.columns, "matrix \(name) of different shapes")
        let r = FlintMatrixBox(rows, columns)
        op(r.ptr, ptr, other.ptr)
        return r
    }

    /// The product self·other.
    func product(_ other: FlintMatrixBox, _ op: FlintMatrixOperation<Value.Storage>) -> FlintMatrixBox {
        precondition(columns == other.rows, "matrix product: \(rows)×\(columns) times \(other.rows)×\(other.columns)")
        let r = FlintMatrixBox(rows, other.columns)
        op(r.ptr, ptr, other.ptr)
        return r
    }
}

/// `fmpz`: an integer.
enum Fmpz: FlintValue {
    static func initialize(_ v: UnsafeMutablePointer<fmpz>) { fmpz_init(v) }
    static func clear(_ v: UnsafeMutablePointer<fmpz>) { fmpz_clear(v) }
    static func set(_ v: UnsafeMutablePointer<fmpz>, _ w: UnsafeMutablePointer<fmpz>) { fmpz_set(v, w) }
}

/// `fmpq`: a rational number.
enum Fmpq: FlintValue {
    static func initialize(_ v: UnsafeMutablePointer<fmpq>) { fmpq_init(v) }
    static func clear(_ v: UnsafeMutablePointer<fmpq>) { fmpq_clear(v) }
    static func set(_ v: UnsafeMutablePointer<fmpq>, _ w: UnsafeMutablePointer<fmpq>) { fmpq_set(v, w) }
}

/// `fmpz_poly`: a polynomial over ℤ.
enum FmpzPoly: FlintValue {
    static func initialize(_ v: UnsafeMutablePointer<fmpz_poly_struct>) { fmpz_poly_init(v) }
    static func clear(_ v: UnsafeMutablePointer<fmpz_poly_struct>) { fmpz_poly_clear(v) }
    static func set(_ v: UnsafeMutablePointer<fmpz_poly_struct>, _ w: UnsafeMutablePointer<fmpz_poly_struct>) {
        fmpz_poly_set(v, w)
    }
}

/// `fmpq_poly`: a polynomial over ℚ.
enum FmpqPoly: FlintValue {
    static func initialize(_ v: UnsafeMutablePointer<fmpq_poly_struct>) { fmpq_poly_init(v) }
    static func clear(_ v: UnsafeMutablePointer<fmpq_poly_struct>) { fmpq_poly_clear(v) }
    static func set(_ v: UnsafeMutablePointer<fmpq_poly_struct>, _ w: UnsafeMutablePointer<fmpq_poly_struct>) {
        fmpq_poly_set(v, w)
    }
}

/// `fmpz_mat`: a matrix over ℤ.
enum FmpzMat: FlintMatrixValue {
    static func initialize(_ v: UnsafeMutablePointer<fmpz_mat_struct>, _ r: Int, _ c: Int) { fmpz_mat_init(v, r, c) }
    static func clear(_ v: UnsafeMutablePointer<fmpz_mat_struct>) { fmpz_mat_clear(v) }
    static func set(_ v: UnsafeMutablePointer<fmpz_mat_struct>, _ w: UnsafeMutablePointer<fmpz_mat_struct>) {
        fmpz_mat_set(v, w)
    }
    static func entry(_ v: UnsafeMutablePointer<fmpz_mat_struct>, _ i: Int, _ j: Int) -> UnsafeMutablePointer<fmpz>? {
        fmpz_mat_entry(v, i, j)
    }
}

/// `fmpq_mat`: a matrix over ℚ.
enum FmpqMat: FlintMatrixValue {
    static func initialize(_ v: UnsafeMutablePointer<fmpq_mat_struct>, _ r: Int, _ c: Int) { fmpq_mat_init(v, r, c) }
    static func clear(_ v: UnsafeMutablePointer<fmpq_mat_struct>) { fmpq_mat_clear(v) }
    static func set(_ v: UnsafeMutablePointer<fmpq_mat_struct>, _ w: UnsafeMutablePointer<fmpq_mat_struct>) {
        fmpq_mat_set(v, w)
    }
    static func entry(_ v: UnsafeMutablePointer<fmpq_mat_struct>, _ i: Int, _ j: Int) -> UnsafeMutablePointer<fmpq>? {
        fmpq_mat_entry(v, i, j)
    }
}

typealias FmpzBox = FlintBox<Fmpz>
typealias FmpqBox = FlintBox<Fmpq>
typealias FmpzPolyBox = FlintBox<FmpzPoly>
typealias FmpqPolyBox = FlintBox<FmpqPoly>
typealias FmpzMatBox = FlintMatrixBox<FmpzMat>
typealias FmpqMatBox = FlintMatrixBox<FmpqMat>
