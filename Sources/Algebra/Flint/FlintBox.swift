internal import CFlint

/// A FLINT scalar or polynomial type's life cycle: how one value is initialised, cleared and copied. Not API.
protocol FlintValue {
    associatedtype Storage
    static var initialize: (UnsafeMutablePointer<Storage>?) -> Void { get }
    static var clear: (UnsafeMutablePointer<Storage>?) -> Void { get }
    static var set: (UnsafeMutablePointer<Storage>?, UnsafePointer<Storage>?) -> Void { get }
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
    static var initialize: (UnsafeMutablePointer<Storage>?, Int, Int) -> Void { get }
    static var clear: (UnsafeMutablePointer<Storage>?) -> Void { get }
    static var set: (UnsafeMutablePointer<Storage>?, UnsafePointer<Storage>?) -> Void { get }
    static var entry: (UnsafePointer<Storage>?, Int, Int) -> UnsafeMutablePointer<Entry>? { get }
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
    static var initialize: (UnsafeMutablePointer<fmpz>?) -> Void { fmpz_init }
    static var clear: (UnsafeMutablePointer<fmpz>?) -> Void { fmpz_clear }
    static var set: (UnsafeMutablePointer<fmpz>?, UnsafePointer<fmpz>?) -> Void { fmpz_set }
}

/// `fmpq`: a rational number.
enum Fmpq: FlintValue {
    static var initialize: (UnsafeMutablePointer<fmpq>?) -> Void { fmpq_init }
    static var clear: (UnsafeMutablePointer<fmpq>?) -> Void { fmpq_clear }
    static var set: (UnsafeMutablePointer<fmpq>?, UnsafePointer<fmpq>?) -> Void { fmpq_set }
}

/// `fmpz_poly`: a polynomial over ℤ.
enum FmpzPoly: FlintValue {
    static var initialize: (UnsafeMutablePointer<fmpz_poly_struct>?) -> Void { fmpz_poly_init }
    static var clear: (UnsafeMutablePointer<fmpz_poly_struct>?) -> Void { fmpz_poly_clear }
    static var set: (UnsafeMutablePointer<fmpz_poly_struct>?, UnsafePointer<fmpz_poly_struct>?) -> Void {
        fmpz_poly_set
    }
}

/// `fmpq_poly`: a polynomial over ℚ.
enum FmpqPoly: FlintValue {
    static var initialize: (UnsafeMutablePointer<fmpq_poly_struct>?) -> Void { fmpq_poly_init }
    static var clear: (UnsafeMutablePointer<fmpq_poly_struct>?) -> Void { fmpq_poly_clear }
    static var set: (UnsafeMutablePointer<fmpq_poly_struct>?, UnsafePointer<fmpq_poly_struct>?) -> Void {
        fmpq_poly_set
    }
}

/// `fmpz_mat`: a matrix over ℤ.
enum FmpzMat: FlintMatrixValue {
    static var initialize: (UnsafeMutablePointer<fmpz_mat_struct>?, Int, Int) -> Void { fmpz_mat_init }
    static var clear: (UnsafeMutablePointer<fmpz_mat_struct>?) -> Void { fmpz_mat_clear }
    static var set: (UnsafeMutablePointer<fmpz_mat_struct>?, UnsafePointer<fmpz_mat_struct>?) -> Void { fmpz_mat_set }
    static var entry: (UnsafePointer<fmpz_mat_struct>?, Int, Int) -> UnsafeMutablePointer<fmpz>? { fmpz_mat_entry }
}

/// `fmpq_mat`: a matrix over ℚ.
enum FmpqMat: FlintMatrixValue {
    static var initialize: (UnsafeMutablePointer<fmpq_mat_struct>?, Int, Int) -> Void { fmpq_mat_init }
    static var clear: (UnsafeMutablePointer<fmpq_mat_struct>?) -> Void { fmpq_mat_clear }
    static var set: (UnsafeMutablePointer<fmpq_mat_struct>?, UnsafePointer<fmpq_mat_struct>?) -> Void { fmpq_mat_set }
    static var entry: (UnsafePointer<fmpq_mat_struct>?, Int, Int) -> UnsafeMutablePointer<fmpq>? { fmpq_mat_entry }
}

typealias FmpzBox = FlintBox<Fmpz>
typealias FmpqBox = FlintBox<Fmpq>
typealias FmpzPolyBox = FlintBox<FmpzPoly>
typealias FmpqPolyBox = FlintBox<FmpqPoly>
typealias FmpzMatBox = FlintMatrixBox<FmpzMat>
typealias FmpqMatBox = FlintMatrixBox<FmpqMat>
