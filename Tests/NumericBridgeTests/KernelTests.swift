import EqgeomTestSupport
import Algebra
import Foundation
import Testing

@testable import NumericBridge

/// Closed-form NNGP/NTK against neural-tangents itself (Oracles/make_kernel_oracles.py, float64), and the RBF
/// kernel against its definition.
@Suite struct KernelTests {
    struct Case: Decodable {
        let name: String
        let kind: String
        let depth: Int?
        let readout: String?
        let height: Int?
        let width: Int?
        let kernelHeight: Int?
        let kernelWidth: Int?
        let wStd: Double
        let bStd: Double
        let x: [[Double]]
        let y: [[Double]]
        let nngp: [[Double]]
        let ntk: [[Double]]
        enum CodingKeys: String, CodingKey {
            case name, kind, depth, readout, height, width, x, y, nngp, ntk
            case kernelHeight = "kernel_height"
            case kernelWidth = "kernel_width"
            case wStd = "w_std"
            case bStd = "b_std"
        }
    }

    @Test func neuralTangentsOracles() throws {
        let url = packageRoot().appendingPathComponent("Tests/NumericBridgeTests/Oracles/kernels.json")
        let cases = try JSONDecoder().decode([Case].self, from: Data(contentsOf: url))
        #expect(cases.count == 7)
        for c in cases {
            let (x, y) = (c.x.flatMap { $0 }, c.y.flatMap { $0 })
            let result: (nngp: [Double], ntk: [Double])
            if c.kind == "mlp" {
                result = FullyConnectedKernel(depth: c.depth ?? 1, weightStd: c.wStd, biasStd: c.bStd)
                    .kernels(x, y, features: c.x[0].count)
            } else {
                result = ConvolutionalKernel(
                    height: c.height ?? 1, width: c.width ?? 1, kernelHeight: c.kernelHeight ?? 1,
                    kernelWidth: c.kernelWidth ?? 1,
                    readout: ConvolutionalKernel.Readout(rawValue: c.readout ?? "") ?? .flatten, weightStd: c.wStd,
                    biasStd: c.bStd
                ).kernels(x, y)
            }
            let (expectedNNGP, expectedNTK) = (c.nngp.flatMap { $0 }, c.ntk.flatMap { $0 })
            #expect(zip(result.nngp, expectedNNGP).allSatisfy { abs($0 - $1) < 1e-12 * max(1, abs($1)) }, "\(c.name)")
            #expect(zip(result.ntk, expectedNTK).allSatisfy { abs($0 - $1) < 1e-12 * max(1, abs($1)) }, "\(c.name)")
        }
    }

    /// A data set against itself (upper triangle, mirrored) equals the general path (against the same rows plus one
    /// more) on the common block, and is exactly symmetric.
    @Test func selfKernelsTakeTheSymmetricPath() {
        var rng = SplitMix(11)
        let (n, d) = (7, 5)
        let x = (0..<(n * d)).map { _ in rng.normal() }
        let extra = x + (0..<d).map { _ in rng.normal() }
        for depth in [1, 3] {
            let kernel = FullyConnectedKernel(depth: depth, weightStd: 1.3, biasStd: 0.4)
            let own = kernel.kernels(x, x, features: d)
            let general = kernel.kernels(x, extra, features: d)
            for i in 0..<n {
                for j in 0..<n {
                    #expect(own.nngp[i * n + j] == own.nngp[j * n + i] && own.ntk[i * n + j] == own.ntk[j * n + i])
                    let (a, b) = (own.ntk[i * n + j], general.ntk[i * (n + 1) + j])
                    #expect(abs(a - b) <= 1e-14 * max(1, abs(b)), "depth \(depth) (\(i), \(j))")
                    #expect(abs(own.nngp[i * n + j] - general.nngp[i * (n + 1) + j]) <= 1e-14 * max(1, abs(b)))
                }
            }
        }
    }

    @Test func rbfIsTheGaussianOfTheDistance() {
        let k = RBFKernel(lengthScale: 2).kernel([0, 0, 3, 4], [0, 0], features: 2)
        #expect(k[0] == 1 && abs(k[1] - exp(-25.0 / 8)) < 1e-15)
    }
}
