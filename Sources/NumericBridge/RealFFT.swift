internal import CFFTW

/// Batched real discrete Fourier transforms on FFTW (Debian libfftw3-dev): `howMany` real arrays of shape
/// `dims` (row-major, last dimension fastest) to their half spectra X(m) = Σ_v x(v) e^{−2πi Σ m_j v_j/r_j}
/// (last dimension m_last ≤ r_last/2), and back (unnormalised). Plans are made once (FFTW_ESTIMATE) on
/// buffers this object owns, so callers gather into `input`, execute, and read `output` (no temporaries).
/// Not thread-safe (FFTW plans are created and executed on the owner's buffers).
final class RealFFT: @unchecked Sendable {
    let dims: [Int]
    let howMany: Int
    /// Real values: howMany × Π dims.
    let input: UnsafeMutablePointer<Double>
    /// Half spectra: howMany × (Π dims without the last) × (last/2 + 1), interleaved (re, im).
    let output: UnsafeMutablePointer<Double>
    private let forwardPlan: fftw_plan?
    private let backwardPlan: fftw_plan?

    /// Complex values of one half spectrum.
    var halfCount: Int { dims.dropLast().reduce(1, *) * ((dims.last ?? 1) / 2 + 1) }

    init(dims: [Int], howMany: Int) {
        self.dims = dims
        self.howMany = howMany
        let real = dims.reduce(1, *)
        let half = dims.dropLast().reduce(1, *) * ((dims.last ?? 1) / 2 + 1)
        input = fftw_alloc_real(real * howMany)
        output = UnsafeMutableRawPointer(fftw_alloc_complex(half * howMany)).assumingMemoryBound(to: Double.self)
        var n = dims.map { Int32($0) }
        let complexOut = UnsafeMutableRawPointer(output).assumingMemoryBound(to: fftw_complex.self)
        forwardPlan = fftw_plan_many_dft_r2c(
            Int32(dims.count), &n, Int32(howMany), input, nil, 1, Int32(real), complexOut, nil, 1, Int32(half),
            UInt32(FFTW_ESTIMATE))
        backwardPlan = fftw_plan_many_dft_c2r(
            Int32(dims.count), &n, Int32(howMany), complexOut, nil, 1, Int32(half), input, nil, 1, Int32(real),
            UInt32(FFTW_ESTIMATE))
    }

    deinit {
        fftw_destroy_plan(forwardPlan)
        fftw_destroy_plan(backwardPlan)
        fftw_free(input)
        fftw_free(output)
    }

    /// output = DFT(input) (input preserved).
    func forward() { fftw_execute(forwardPlan) }

    /// input = Σ_m X(m) e^{+2πi m·v/r} over the full Hermitian spectrum given by its half in output
    /// (output is overwritten).
    func backward() { fftw_execute(backwardPlan) }
}
