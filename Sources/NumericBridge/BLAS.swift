internal import CLapack

/// Thin wrappers over CBLAS/LAPACKE (OpenBLAS); row-major `[Double]` matrices. Not a matrix library.
enum BLAS {
    /// C = op(A)·op(B) with A m×k (or k×m if transposed), B k×n (or n×k), row-major. Wraps `cblas_dgemm`.
    static func gemm(_ a: UnsafePointer<Double>, _ b: UnsafePointer<Double>, _ c: UnsafeMutablePointer<Double>,
                     m: Int, n: Int, k: Int, transposeA: Bool = false, transposeB: Bool = false,
                     lda: Int? = nil, ldb: Int? = nil, ldc: Int? = nil, beta: Double = 0) {
        cblas_dgemm(CblasRowMajor, transposeA ? CblasTrans : CblasNoTrans, transposeB ? CblasTrans : CblasNoTrans,
                    blasint(m), blasint(n), blasint(k), 1.0,
                    a, blasint(lda ?? (transposeA ? m : k)), b, blasint(ldb ?? (transposeB ? k : n)),
                    beta, c, blasint(ldc ?? n))
    }

    /// op(A)·op(B) for whole row-major arrays.
    static func multiply(_ a: [Double], _ b: [Double], m: Int, n: Int, k: Int, transposeA: Bool = false, transposeB: Bool = false) -> [Double] {
        var c = [Double](repeating: 0, count: m * n)
        a.withUnsafeBufferPointer { pa in b.withUnsafeBufferPointer { pb in c.withUnsafeMutableBufferPointer { pc in
            gemm(pa.baseAddress!, pb.baseAddress!, pc.baseAddress!, m: m, n: n, k: k, transposeA: transposeA, transposeB: transposeB)
        } } }
        return c
    }
}
