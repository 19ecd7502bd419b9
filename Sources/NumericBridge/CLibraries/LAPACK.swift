internal import CLapack
import Foundation

/// Thin wrappers over CBLAS and LAPACK (OpenBLAS); row-major `[Double]` matrices. Not a matrix library.
public enum BLAS {
    /// C = op(A)·op(B) with A m×k (or k×m if transposed), B k×n (or n×k), row-major. Wraps `cblas_dgemm`.
    static func gemm(
        _ a: UnsafePointer<Double>, _ b: UnsafePointer<Double>, _ c: UnsafeMutablePointer<Double>,
        m: Int, n: Int, k: Int, transposeA: Bool = false, transposeB: Bool = false,
        lda: Int? = nil, ldb: Int? = nil, ldc: Int? = nil, beta: Double = 0
    ) {
        cblas_dgemm(
            CblasRowMajor, transposeA ? CblasTrans : CblasNoTrans, transposeB ? CblasTrans : CblasNoTrans,
            blasint(m), blasint(n), blasint(k), 1.0,
            a, blasint(lda ?? (transposeA ? m : k)), b, blasint(ldb ?? (transposeB ? k : n)),
            beta, c, blasint(ldc ?? n))
    }

    /// The upper triangle of C (d×d, row-major) += AᵀA for A rows × d, row-major. Wraps `cblas_dsyrk`.
    static func addGram(_ a: UnsafePointer<Double>, rows: Int, columns d: Int, into c: UnsafeMutablePointer<Double>) {
        cblas_dsyrk(
            CblasRowMajor, CblasUpper, CblasTrans, blasint(d), blasint(rows), 1, a, blasint(d), 1, c, blasint(d))
    }

    /// The upper triangle of the Hermitian C (d×d complex, interleaved re/im, row-major) += AᴴA for A rows × d
    /// complex, interleaved. Wraps `cblas_zherk`.
    static func addHermitianGram(
        _ a: UnsafePointer<Double>, rows: Int, columns d: Int, into c: UnsafeMutablePointer<Double>
    ) {
        cblas_zherk(
            CblasRowMajor, CblasUpper, CblasConjTrans, blasint(d), blasint(rows), 1, a, blasint(d), 1, c, blasint(d))
    }

    /// op(A)·op(B) for whole row-major arrays.
    public static func multiply(
        _ a: [Double], _ b: [Double], m: Int, n: Int, k: Int, transposeA: Bool = false, transposeB: Bool = false
    ) -> [Double] {
        var c = [Double](repeating: 0, count: m * n)
        a.withUnsafeBufferPointer { pa in
            b.withUnsafeBufferPointer { pb in
                c.withUnsafeMutableBufferPointer { pc in
                    // empty operands: the product is empty or zero, already in c
                    guard let x = pa.baseAddress, let y = pb.baseAddress, let z = pc.baseAddress else { return }
                    gemm(x, y, z, m: m, n: n, k: k, transposeA: transposeA, transposeB: transposeB)
                }
            }
        }
        return c
    }
}

/// Symmetric and Hermitian eigen-decompositions (LAPACK dsyevd / zheevd), eigenvalues descending. They read only
/// the upper triangle of the row-major input (what `BLAS.addGram` fills). LAPACK is column-major: a symmetric
/// matrix is its own transpose, a Hermitian one's transpose is its conjugate.
/// Refuses a matrix with an infinite or NaN entry before LAPACK sees it (LAPACK's own error handler would print
/// on stdout and return a bare status): such entries come from data whose products overflow double precision.
/// - Throws: `NumericError.invalidInput`.
func requireFinite(_ a: [Double], _ what: String) throws {
    guard a.allSatisfy(\.isFinite) else {
        throw NumericError.invalidInput(
            "\(what) has infinite or NaN entries: the values overflow double precision; rescale the data")
    }
}

enum Eigen {
    /// A = V diag(λ) Vᵀ for a symmetric d×d row-major A. Returns λ descending and V (columns =
    /// eigenvectors, row-major d×d).
    static func symmetric(_ a: [Double], _ d: Int) throws -> (values: [Double], vectors: [Double]) {
        if d == 0 { return ([], []) }
        var m = a
        let w = try symmetricDriver(&m, d, vectors: true)
        // column j of the column-major result is the j-th eigenvector (ascending): reorder to descending
        var v = [Double](repeating: 0, count: d * d)
        for i in 0..<d { for j in 0..<d { v[i * d + j] = m[(d - 1 - j) * d + i] } }
        return (w.reversed(), v)
    }

    /// The eigenvalues of a symmetric d×d row-major A, descending, without eigenvectors (dsyevd with jobz = N:
    /// the tridiagonal reduction and a root-free QR, about a seventh of the work with vectors).
    static func symmetricValues(_ a: [Double], _ d: Int) throws -> [Double] {
        if d == 0 { return [] }
        var m = a
        return try symmetricDriver(&m, d, vectors: false).reversed()
    }

    /// dsyevd on `m` (overwritten by the eigenvectors when asked): the eigenvalues ascending.
    private static func symmetricDriver(_ m: inout [Double], _ d: Int, vectors: Bool) throws -> [Double] {
        try requireFinite(m, "a \(d)×\(d) symmetric matrix")
        var w = [Double](repeating: 0, count: d)
        var (n, info, lwork, liwork) = (Int32(d), Int32(0), Int32(-1), Int32(-1))
        var (work, iwork) = ([Double](repeating: 0, count: 1), [Int32](repeating: 0, count: 1))
        let jobz = CChar(UInt8(ascii: vectors ? "V" : "N"))
        let uplo = CChar(UInt8(ascii: "L"))  // column-major lower = the row-major upper triangle
        for query in [true, false] {
            if !query {
                lwork = Int32(work[0])
                liwork = iwork[0]
                work = [Double](repeating: 0, count: Int(lwork))
                iwork = [Int32](repeating: 0, count: Int(liwork))
            }
            withUnsafePointer(to: jobz) { j in
                withUnsafePointer(to: uplo) { u in
                    dsyevd_(j, u, &n, &m, &n, &w, &work, &lwork, &iwork, &liwork, &info, 1, 1)
                }
            }
            guard info == 0 else { throw NumericError.lapack("dsyevd failed (info \(info)) on a \(d)×\(d) matrix") }
        }
        return w
    }

    /// H = U diag(λ) Uᴴ for a Hermitian d×d matrix given by real and imaginary parts (row-major).
    /// Returns λ descending and U as (real, imaginary) row-major d×d, columns = eigenvectors.
    static func hermitian(real: [Double], imaginary: [Double], _ d: Int) throws -> (
        values: [Double], vectorsRe: [Double], vectorsIm: [Double]
    ) {
        if d == 0 { return ([], [], []) }
        try requireFinite(real, "a \(d)×\(d) Hermitian matrix")
        try requireFinite(imaginary, "a \(d)×\(d) Hermitian matrix")
        // the row-major H read column-major is Hᵀ = H̄: hand LAPACK H̄'s entries so that it sees H
        var m = (0..<(d * d)).map { eq_cdouble(re: real[$0], im: -imaginary[$0]) }
        var w = [Double](repeating: 0, count: d)
        var (n, info, lwork, lrwork, liwork) = (Int32(d), Int32(0), Int32(-1), Int32(-1), Int32(-1))
        var work = [eq_cdouble(re: 0, im: 0)]
        var (rwork, iwork) = ([Double](repeating: 0, count: 1), [Int32](repeating: 0, count: 1))
        let jobz = CChar(UInt8(ascii: "V"))
        let uplo = CChar(UInt8(ascii: "L"))  // column-major lower = the row-major upper triangle
        for query in [true, false] {
            if !query {
                lwork = Int32(work[0].re)
                lrwork = Int32(rwork[0])
                liwork = iwork[0]
                work = [eq_cdouble](repeating: eq_cdouble(re: 0, im: 0), count: Int(lwork))
                rwork = [Double](repeating: 0, count: Int(lrwork))
                iwork = [Int32](repeating: 0, count: Int(liwork))
            }
            withUnsafePointer(to: jobz) { j in
                withUnsafePointer(to: uplo) { u in
                    zheevd_(j, u, &n, &m, &n, &w, &work, &lwork, &rwork, &lrwork, &iwork, &liwork, &info, 1, 1)
                }
            }
            guard info == 0 else {
                throw NumericError.lapack("zheevd failed (info \(info)) on a \(d)×\(d) Hermitian covariance")
            }
        }
        // column j of the column-major result (entry (i, j) at j·d + i) is the j-th eigenvector, ascending
        var re = [Double](repeating: 0, count: d * d)
        var im = re
        for i in 0..<d {
            for j in 0..<d {
                let z = m[(d - 1 - j) * d + i]
                re[i * d + j] = z.re
                im[i * d + j] = z.im
            }
        }
        return (w.reversed(), re, im)
    }
}

/// dgesdd on a row-major m×n A, which LAPACK reads as the column-major n×m Aᵀ = V S Uᵀ: the singular values
/// descending and, with `vectors`, Aᵀ's left singular vectors — the rows of A's Vᵀ, min(m, n) rows of length n.
private func singularDriver(_ a: [Double], rows m: Int, columns n: Int, vectors: Bool) throws -> (
    values: [Double], rightVectors: [Double]
) {
    try requireFinite(a, "a \(m)×\(n) matrix")
    var copy = a
    let k = min(m, n)
    var s = [Double](repeating: 0, count: k)
    var u = [Double](repeating: 0, count: vectors ? n * k : 1)
    // jobz = S writes Aᵀ's right vectors too (k × m); they are A's left vectors, not needed but written
    var vt = [Double](repeating: 0, count: vectors ? k * m : 1)
    var (rows, columns, ldu, ldvt) = (Int32(n), Int32(m), Int32(vectors ? n : 1), Int32(vectors ? k : 1))
    var (info, lwork) = (Int32(0), Int32(-1))
    var work = [Double](repeating: 0, count: 1)
    var iwork = [Int32](repeating: 0, count: 8 * max(k, 1))
    let jobz = CChar(UInt8(ascii: vectors ? "S" : "N"))
    for query in [true, false] {
        if !query {
            lwork = Int32(work[0])
            work = [Double](repeating: 0, count: Int(lwork))
        }
        withUnsafePointer(to: jobz) { j in
            dgesdd_(
                j, &rows, &columns, &copy, &rows, &s, &u, &ldu, &vt, &ldvt, &work, &lwork, &iwork, &info, 1)
        }
        guard info == 0 else { throw NumericError.lapack("dgesdd failed (info \(info))") }
    }
    return (s, vectors ? u : [])
}

/// The singular values of a row-major m×n matrix, descending (LAPACK dgesdd, no vectors).
public func singularValues(_ a: [Double], rows m: Int, columns n: Int) throws -> [Double] {
    if m == 0 || n == 0 { return [] }
    return try singularDriver(a, rows: m, columns: n, vectors: false).values
}

/// The thin singular value decomposition of a row-major m×n matrix (LAPACK dgesdd, jobz = S): the singular
/// values descending and the rows of Vᵀ (min(m, n) of them, each of length n).
func singularValueDecomposition(_ a: [Double], rows m: Int, columns n: Int) throws -> (
    values: [Double], rightVectors: [Double]
) {
    if m == 0 || n == 0 { return ([], []) }
    return try singularDriver(a, rows: m, columns: n, vectors: true)
}

/// The eigenvalues of a symmetric n×n row-major matrix, descending (LAPACK dsyevd, no eigenvectors).
public func symmetricEigenvalues(_ a: [Double], _ n: Int) throws -> [Double] {
    try Eigen.symmetricValues(a, n)
}

/// X with A X = B for a symmetric positive definite n×n A and n×k B, row-major (LAPACK dposv, Cholesky).
/// - Throws: `NumericError.lapack` when A is not positive definite.
public func solvePositiveDefinite(_ a: [Double], _ b: [Double], n: Int, columns k: Int) throws -> [Double] {
    if n == 0 || k == 0 { return b }
    try requireFinite(a, "a \(n)×\(n) linear system")
    try requireFinite(b, "a \(n)×\(n) linear system")
    var a = a
    // B column-major (n×k) is the transpose of the row-major array
    var x = [Double](repeating: 0, count: n * k)
    for i in 0..<n { for j in 0..<k { x[j * n + i] = b[i * k + j] } }
    var (size, columns, info) = (Int32(n), Int32(k), Int32(0))
    let uplo = CChar(UInt8(ascii: "L"))  // column-major lower = the row-major upper triangle
    withUnsafePointer(to: uplo) { u in dposv_(u, &size, &columns, &a, &size, &x, &size, &info, 1) }
    guard info == 0 else {
        throw NumericError.lapack("dposv failed (info \(info)): the kernel matrix is not positive definite")
    }
    var out = [Double](repeating: 0, count: n * k)
    for i in 0..<n { for j in 0..<k { out[i * k + j] = x[j * n + i] } }
    return out
}

/// The OpenBLAS kernels this process runs. OpenBLAS picks its kernels for the CPU when it is loaded; a release
/// that does not know a newer CPU falls back to generic SSE3 kernels (Debian's 0.3.21 picks Prescott on Sapphire
/// Rapids), several times slower. `OPENBLAS_CORETYPE` overrides the choice, read at load time only, so eqgeom
/// restarts itself once with it set (docs/benchmarks.md).
public enum BLASCore {
    /// The core OpenBLAS selected (`openblas_get_corename`), e.g. "Haswell", "SkylakeX", "Zen", "Prescott".
    public static var name: String { openblas_get_corename().map { String(cString: $0) } ?? "unknown" }

    /// The core to force when OpenBLAS chose a generic one that this CPU outruns: SkylakeX with AVX-512 (F, BW,
    /// DQ, VL), Haswell with AVX2 and FMA, SandyBridge with AVX; nil when the choice stands.
    public static func better(than core: String, cpuFlags: Set<String>) -> String? {
        guard isGeneric(core) else { return nil }
        if cpuFlags.isSuperset(of: ["avx512f", "avx512bw", "avx512dq", "avx512vl"]) { return "SkylakeX" }
        if cpuFlags.isSuperset(of: ["avx2", "fma"]) { return "Haswell" }
        return cpuFlags.contains("avx") ? "SandyBridge" : nil
    }

    /// Whether `core` is one of OpenBLAS's generic fallbacks (pre-AVX cores it picks for CPUs it does not know).
    static func isGeneric(_ core: String) -> Bool {
        [
            "prescott", "katmai", "coppermine", "northwood", "core2", "penryn", "dunnington", "nehalem", "atom",
            "banias", "unknown",
        ].contains(core.lowercased())
    }

    /// The flags of the first processor in /proc/cpuinfo (empty where there is none).
    public static func cpuFlags() -> Set<String> {
        guard let text = try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8),
            let line = text.split(separator: "\n").first(where: { $0.hasPrefix("flags") }),
            let colon = line.firstIndex(of: ":")
        else { return [] }
        return Set(line[line.index(after: colon)...].split(separator: " ").map(String.init))
    }

    /// Restarts the process with `OPENBLAS_CORETYPE` set when OpenBLAS chose generic kernels on a CPU with better
    /// ones; returns (doing nothing) when the variable is already set (the user's choice, or after the restart),
    /// the choice stands, or the restart fails.
    public static func restartWithBetterKernelsIfNeeded() {
        // /proc/cpuinfo is read only when OpenBLAS fell back: start-up stays as it was on CPUs it knows
        let chosen = name
        guard getenv("OPENBLAS_CORETYPE") == nil, isGeneric(chosen),
            let core = better(than: chosen, cpuFlags: cpuFlags())
        else { return }
        setenv("OPENBLAS_CORETYPE", core, 1)
        execv("/proc/self/exe", CommandLine.unsafeArgv)
    }
}
