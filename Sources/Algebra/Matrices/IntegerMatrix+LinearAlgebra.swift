internal import CFlint

extension IntegerMatrix {
    /// The product. Wraps `fmpz_mat_mul`.
    /// - Precondition: `a.columns == b.rows`.
    public static func * (a: Self, b: Self) -> Self {
        Self(box: a.box.product(b.box, fmpz_mat_mul))
    }

    public static func + (a: Self, b: Self) -> Self {
        Self(box: a.box.entrywise(b.box, "sum", fmpz_mat_add))
    }

    public static func - (a: Self, b: Self) -> Self {
        Self(box: a.box.entrywise(b.box, "difference", fmpz_mat_sub))
    }

    /// The transpose.
    public var transposed: Self { Self.make(columns, rows) { fmpz_mat_transpose($0, box.ptr) } }

    /// The rank. Wraps `fmpz_mat_rank`.
    public var rank: Int { fmpz_mat_rank(box.ptr) }

    /// The determinant. Wraps `fmpz_mat_det`.
    /// - Precondition: square.
    public var determinant: BigInteger {
        precondition(rows == columns, "determinant of a non-square matrix")
        return BigInteger.make { fmpz_mat_det($0, box.ptr) }
    }

    /// An integer basis of the right nullspace, as the columns of a `columns × nullity` matrix.
    /// Wraps `fmpz_mat_nullspace`.
    public var nullspace: Self {
        let tmp = FmpzMatBox(columns, columns)
        let nullity = fmpz_mat_nullspace(tmp.ptr, box.ptr)
        return Self.make(columns, nullity) { out in
            for i in 0..<columns {
                for j in 0..<nullity { fmpz_set(fmpz_mat_entry(out, i, j), fmpz_mat_entry(tmp.ptr, i, j)) }
            }
        }
    }

    /// The reduced row echelon form over ℚ, written as (integer matrix R, denominator d) with rref = R/d,
    /// and the rank. Wraps `fmpz_mat_rref`.
    public var rowReduced: (form: Self, denominator: BigInteger, rank: Int) {
        let r = FmpzMatBox(rows, columns)
        let d = FmpzBox()
        let rank = fmpz_mat_rref(r.ptr, d.ptr, box.ptr)
        return (Self(box: r), BigInteger(box: d), rank)
    }

    /// The Kronecker product self ⊗ b. Wraps `fmpz_mat_kronecker_product`.
    public func kronecker(_ b: Self) -> Self {
        Self.make(rows * b.rows, columns * b.columns) { fmpz_mat_kronecker_product($0, box.ptr, b.box.ptr) }
    }

    public var isZeroMatrix: Bool { fmpz_mat_is_zero(box.ptr) != 0 }
}

extension IntegerMatrix: Equatable {
    public static func == (a: Self, b: Self) -> Bool {
        a.box === b.box || (a.rows == b.rows && a.columns == b.columns && fmpz_mat_equal(a.box.ptr, b.box.ptr) != 0)
    }
}

extension IntegerMatrix: CustomStringConvertible {
    public var description: String {
        entries.map { $0.map(\.description).joined(separator: " ") }.joined(separator: "\n")
    }
}
