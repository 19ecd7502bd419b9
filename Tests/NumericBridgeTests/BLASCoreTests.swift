import Testing

@testable import NumericBridge

/// The OpenBLAS kernel choice: a generic core on a CPU with AVX-512 or AVX2 is replaced, a core OpenBLAS chose
/// for the CPU is kept, and the user's OPENBLAS_CORETYPE always wins (the process is then never restarted).
@Suite struct BLASCoreTests {
    @Test func genericCoresAreReplacedOnCapableCPUs() {
        let avx512: Set<String> = ["sse3", "avx", "avx2", "fma", "avx512f", "avx512bw", "avx512dq", "avx512vl"]
        #expect(BLASCore.better(than: "Prescott", cpuFlags: avx512) == "SkylakeX")
        #expect(BLASCore.better(than: "Prescott", cpuFlags: ["avx", "avx2", "fma"]) == "Haswell")
        #expect(BLASCore.better(than: "Nehalem", cpuFlags: ["avx"]) == "SandyBridge")
        #expect(BLASCore.better(than: "Prescott", cpuFlags: ["sse3"]) == nil)
        #expect(BLASCore.better(than: "Haswell", cpuFlags: avx512) == nil)
        #expect(BLASCore.better(than: "Zen", cpuFlags: avx512) == nil)
        #expect(BLASCore.better(than: "SkylakeX", cpuFlags: avx512) == nil)
    }

    @Test func theRunningCoreIsNamed() {
        #expect(!BLASCore.name.isEmpty && BLASCore.name != "unknown")
    }
}
