internal import CFlint

extension RationalMatrix {
    /// The product self·b. Wraps `fmpq_mat_mul`.
    /// - Precondition: `columns == b.rows`.
    public static func * (a: Self, b: Self) -> Self {
        Self(box: a.box.product(b.box, fmpq_mat_mul))
    }

    public static func + (a: Self, b: Self) -> Self {
        Self(box: a.box.entrywise(b.box, "sum", fmpq_mat_add))
    }

    public static func - (a: Self, b: Self) -> Self {
        Self(box: a.box.entrywise(b.box, "difference", fmpq_mat_sub))
    }

    public static func * (c: Rational, a: Self) -> Self {
        make(a.rows, a.columns) { fmpq_mat_scalar_mul_fmpq($0, a.box.ptr, c.box.ptr) }
    }

    /// The transpose. Wraps `fmpq_mat_transpose`.
    public var transposed: Self { Self.make(columns, rows) { fmpq_mat_transpose($0, box.ptr) } }

    /// The reduced row echelon form and the rank. Wraps `fmpq_mat_rref`.
    public var rowReduced: (form: Self, rank: Int) {
        let r = FmpqMatBox(rows, columns)
        let rank = fmpq_mat_rref(r.ptr, box.ptr)
        return (Self(box: r), rank)
    }

    /// The rank over ℚ.
    public var rank: Int { rowReduced.rank }

    /// A basis of the right nullspace {v : self·v = 0}, as the columns of a `columns × nullity` matrix:
    /// one basis vector per free column of the RREF (FLINT 2.9 has no `fmpq_mat_nullspace`).
    public var nullspace: Self {
        let (r, rank) = rowReduced
        var pivots: [Int] = []
        var col = 0
        for i in 0..<rank {
            while r.isZero(i, col) { col += 1 }
            pivots.append(col)
            col += 1
        }
        let isPivot = Set(pivots)
        let free = (0..<columns).filter { !isPivot.contains($0) }
        return Self.make(columns, free.count) { basis in
            for (k, f) in free.enumerated() {
                fmpq_set_si(fmpq_mat_entry(basis, f, k), 1, 1)
                for (i, p) in pivots.enumerated() {
                    fmpq_neg(fmpq_mat_entry(basis, p, k), fmpq_mat_entry(r.box.ptr, i, f))
                }
            }
        }
    }

    /// The determinant. Wraps `fmpq_mat_det`.
    /// - Precondition: the matrix is square.
    public var determinant: Rational {
        precondition(rows == columns, "determinant of a non-square matrix")
        return Rational.make { fmpq_mat_det($0, box.ptr) }
    }

    /// The inverse, or `nil` if the matrix is singular or not square. Wraps `fmpq_mat_inv`.
    public var inverse: Self? {
        guard rows == columns else { return nil }
        let r = FmpqMatBox(rows, columns)
        // r must outlive the call even when the result is nil (its last use would otherwise be the pointer read)
        let invertible = withExtendedLifetime(r) { fmpq_mat_inv(r.ptr, box.ptr) != 0 }
        return invertible ? Self(box: r) : nil
    }

    /// Some X with self·X = b, or `nil` if there is none (any solution when self is singular).
    /// Wraps `fmpq_mat_can_solve`.
    public func solve(_ b: Self) -> Self? {
        guard b.rows == rows else { return nil }
        let r = FmpqMatBox(columns, b.columns)
        let solvable = withExtendedLifetime(r) { fmpq_mat_can_solve(r.ptr, box.ptr, b.box.ptr) != 0 }
        return solvable ? Self(box: r) : nil
    }

    /// The Kronecker product self ⊗ b: block (i, j) is self[i, j]·b.
    public func kronecker(_ b: Self) -> Self {
        Self.make(rows * b.rows, columns * b.columns) { out in
            for i in 0..<rows {
                for j in 0..<columns where !isZero(i, j) {
                    let a = fmpq_mat_entry(box.ptr, i, j)
                    for k in 0..<b.rows {
                        for l in 0..<b.columns {
                            fmpq_mul(
                                fmpq_mat_entry(out, i * b.rows + k, j * b.columns + l), a,
                                fmpq_mat_entry(b.box.ptr, k, l))
                        }
                    }
                }
            }
        }
    }

    public var isZeroMatrix: Bool { fmpq_mat_is_zero(box.ptr) != 0 }
}

extension RationalMatrix: Equatable {
    public static func == (a: Self, b: Self) -> Bool {
        a.box === b.box || (a.rows == b.rows && a.columns == b.columns && fmpq_mat_equal(a.box.ptr, b.box.ptr) != 0)
    }
}

extension RationalMatrix: CustomStringConvertible {
    /// Rows on separate lines, entries separated by spaces.
    public var description: String {
        entries.map { $0.map(\.description).joined(separator: " ") }.joined(separator: "\n")
    }
}

extension RationalMatrix {
    /// The minimal polynomial of a square matrix (monic), by FLINT's `fmpq_mat_minpoly`.
    /// - Precondition: the matrix is square.
    public var minimalPolynomial: RationalPolynomial {
        precondition(rows == columns, "the minimal polynomial needs a square matrix")
        return RationalPolynomial.make { fmpq_mat_minpoly($0, box.ptr) }
    }

    /// The characteristic polynomial det(xI − A), by FLINT's `fmpq_mat_charpoly`.
    /// - Precondition: the matrix is square.
    public var characteristicPolynomial: RationalPolynomial {
        precondition(rows == columns, "the characteristic polynomial needs a square matrix")
        return RationalPolynomial.make { fmpq_mat_charpoly($0, box.ptr) }
    }
}
