import CommandLineSupport
import ArgumentParser
import Foundation
import NumericBridge
import Reproductions

struct RotatedMNISTReport: Report {
    struct ClassRow: Encodable {
        let leaveOutClass: Int
        let inTestAcc: Double
        let outTestAcc: Double
        let spectralPredAcc: Double
        enum CodingKeys: String, CodingKey {
            case leaveOutClass = "class"
            case inTestAcc = "in_test_acc"
            case outTestAcc = "out_test_acc"
            case spectralPredAcc = "spectral_pred_acc"
        }
    }
    struct Row: Encodable {
        let angles: Int
        let perLeaveOut: [ClassRow]
        let inTestAcc: Double
        let outTestAcc: Double
        let spectralPredAcc: Double
        let exactRotations: Bool
        enum CodingKeys: String, CodingKey {
            case angles
            case inTestAcc = "in_test_acc"
            case outTestAcc = "out_test_acc"
            case spectralPredAcc = "spectral_pred_acc"
            case exactRotations = "exact_rotations"
            case perLeaveOut = "per_leave_out"
        }
    }
    let samples: Int
    let seconds: Double
    let seedsPerClass: Int
    let leaveOutClasses: [Int]
    let rows: [Row]

    init(_ e: PartialSymmetryExperiment, seconds: Double) {
        samples = e.samples
        self.seconds = seconds
        seedsPerClass = e.seedsPerClass
        leaveOutClasses = e.leaveOutClasses
        rows = e.rows.map {
            Row(
                angles: $0.angles,
                perLeaveOut: $0.perLeaveOut.map {
                    ClassRow(
                        leaveOutClass: $0.leaveOutClass, inTestAcc: $0.inTestAccuracy, outTestAcc: $0.outTestAccuracy,
                        spectralPredAcc: $0.spectralPredictedAccuracy)
                },
                inTestAcc: $0.inTestAccuracy, outTestAcc: $0.outTestAccuracy,
                spectralPredAcc: $0.spectralPredictedAccuracy, exactRotations: $0.exactRotations)
        }
    }

    enum CodingKeys: String, CodingKey {
        case rows, samples, seconds
        case seedsPerClass = "seeds_per_class"
        case leaveOutClasses = "leave_out_classes"
    }

    var table: String {
        let classes = leaveOutClasses.map(String.init).joined(separator: ",")
        return "\(seedsPerClass) seeds per class; leave-out classes \(classes)\n\n"
            + columnTable(
                ["angles", "in-test acc", "out-test acc", "spectral prediction", "rotations"],
                rows.map {
                    [
                        "\($0.angles)", String(format: "%.3f", $0.inTestAcc), String(format: "%.3f", $0.outTestAcc),
                        String(format: "%.3f", $0.spectralPredAcc), $0.exactRotations ? "exact" : "bilinear",
                    ]
                })
    }
}
