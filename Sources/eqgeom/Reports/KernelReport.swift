import CommandLineSupport
import ArgumentParser
import Foundation
import Algebra
import NumericBridge

struct KernelReport: Report {
    struct Entry: Encodable {
        let name: String
        let trace: Double
        let diagonalMean: Double
        let largestEigenvalue: Double
        let smallestEigenvalue: Double
        enum CodingKeys: String, CodingKey {
            case name, trace
            case diagonalMean = "diag_mean"
            case largestEigenvalue = "largest_eigenvalue"
            case smallestEigenvalue = "smallest_eigenvalue"
        }
    }
    let kind: String
    let samples: Int
    let features: Int
    let normalize: String
    let matrices: [Entry]

    init(_ k: KernelMatrices, kind: String, normalize: String) {
        self.kind = kind
        samples = k.samples
        features = k.features
        self.normalize = normalize
        matrices = k.matrices.map {
            Entry(
                name: $0.name, trace: $0.trace, diagonalMean: $0.trace / Double(k.samples),
                largestEigenvalue: $0.largestEigenvalue, smallestEigenvalue: $0.smallestEigenvalue)
        }
    }

    var table: String {
        keyValueTable(
            [("kernel", "\(kind) on \(samples) samples of \(features) values (normalize: \(normalize))")]
                + matrices.map {
                    (
                        $0.name,
                        String(
                            format: "trace %.6g, eigenvalues in [%.3e, %.6g]", $0.trace, $0.smallestEigenvalue,
                            $0.largestEigenvalue)
                    )
                })
    }
}
