internal import CFFTW
import Foundation

/// FFTW's planner is global and not thread-safe: every plan is created and destroyed under this lock
/// (execution needs no lock).
let fftwPlanner = NSLock()

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
        fftwPlanner.lock()
        defer { fftwPlanner.unlock() }
        forwardPlan = fftw_plan_many_dft_r2c(
            Int32(dims.count), &n, Int32(howMany), input, nil, 1, Int32(real), complexOut, nil, 1, Int32(half),
            UInt32(FFTW_ESTIMATE))
        backwardPlan = fftw_plan_many_dft_c2r(
            Int32(dims.count), &n, Int32(howMany), complexOut, nil, 1, Int32(half), input, nil, 1, Int32(real),
            UInt32(FFTW_ESTIMATE))
    }

    deinit {
        fftwPlanner.lock()
        fftw_destroy_plan(forwardPlan)
        fftw_destroy_plan(backwardPlan)
        fftwPlanner.unlock()
        fftw_free(input)
        fftw_free(output)
    }

    /// output = DFT(input) (input preserved).
    func forward() { fftw_execute(forwardPlan) }

    /// input = Σ_m X(m) e^{+2πi m·v/r} over the full Hermitian spectrum given by its half in output
    /// (output is overwritten).
    func backward() { fftw_execute(backwardPlan) }
}

/// A batched real DFT with arbitrary strides (FFTW's guru interface): transforms of length c read at stride
/// `inputStride` and written at stride `outputStride` (complex), over the loops `loops` (count, input stride,
/// output stride). It reads the caller's array in place and writes its own `output`. The plan is made on an
/// input address (FFTW_ESTIMATE reads and writes no data while planning) and serves every input with the same
/// alignment (`alignment(of:)`, part of the cache key).
final class StridedRealFFT: @unchecked Sendable {
    let output: UnsafeMutablePointer<Double>
    private let plan: fftw_plan?

    init(
        length c: Int, inputStride: Int, outputStride: Int, loops: [(count: Int, input: Int, output: Int)],
        planningInput: UnsafePointer<Double>
    ) {
        let outputCount = loops.reduce(c / 2 + 1) { $0 * $1.count }
        output = UnsafeMutableRawPointer(fftw_alloc_complex(outputCount)).assumingMemoryBound(to: Double.self)
        var dims = [fftw_iodim(n: Int32(c), is: Int32(inputStride), os: Int32(outputStride))]
        var howMany = loops.map { fftw_iodim(n: Int32($0.count), is: Int32($0.input), os: Int32($0.output)) }
        let complexOut = UnsafeMutableRawPointer(output).assumingMemoryBound(to: fftw_complex.self)
        fftwPlanner.lock()
        defer { fftwPlanner.unlock() }
        plan = fftw_plan_guru_dft_r2c(
            1, &dims, Int32(howMany.count), &howMany, UnsafeMutablePointer(mutating: planningInput), complexOut,
            UInt32(FFTW_ESTIMATE) | UInt32(FFTW_PRESERVE_INPUT))
    }

    deinit {
        fftwPlanner.lock()
        fftw_destroy_plan(plan)
        fftwPlanner.unlock()
        fftw_free(output)
    }

    /// FFTW's alignment class of an address: inputs of one class can share a plan.
    static func alignment(of p: UnsafePointer<Double>) -> Int {
        Int(fftw_alignment_of(UnsafeMutablePointer(mutating: p)))
    }

    /// output = the DFTs of the values at `input` (not written), of the plan's alignment class.
    func forward(_ input: UnsafePointer<Double>) {
        let complexOut = UnsafeMutableRawPointer(output).assumingMemoryBound(to: fftw_complex.self)
        fftw_execute_dft_r2c(plan, UnsafeMutablePointer(mutating: input), complexOut)
    }
}
