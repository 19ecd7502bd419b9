import CommandLineSupport
import ArgumentParser
import Foundation
import NumericBridge
import Reproductions

extension Reproduce {
    /// `eqgeom reproduce rotated-mnist`: partially observed rotations (Perin & Deny's Fig. 1 at small scale), with
    /// the spectral one-vs-many prediction beside the kernel regression's accuracies.
    struct RotatedMNIST: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "rotated-mnist",
            abstract:
                "Out-test accuracy on withheld upright images vs the number of rotation angles (kernel regression).")

        @Option(
            help: ArgumentHelp("Labelled 28×28 images (default: the built-in MNIST subset).", valueName: "file"))
        var data: String?
        @Option(help: "Numbers of angles N, 1…32 each.") var angles = ListArgument<Int>([1, 2, 4, 8, 16, 32])
        @Option(help: "Training seeds per class, 1…50.") var seedsPerClass = 10
        @Option(help: "In-test images per class, 1…50.") var testPerClass = 5
        @Option(help: "Leave-out classes, e.g. 0,1,2 (default all).") var leaveOut: ListArgument<Int>?
        @Option(help: "mlp:DEPTH, cnn-flatten, cnn-gap, rbf:ℓ (optionally :nngp), as for orbit-kernel.")
        var kernel = KernelArgument.mlp1
        @Option(help: ArgumentHelp("Directory for rotated-mnist.svg.", valueName: "directory")) var out: String?
        @OptionGroup var output: OutputOptions

        func validate() throws {
            guard (1...50).contains(seedsPerClass), (1...50).contains(testPerClass) else {
                throw ValidationError("--seeds-per-class and --test-per-class take 1…50")
            }
            guard angles.values.allSatisfy({ (1...32).contains($0) })
            else { throw ValidationError("--angles takes numbers of angles 1…32, e.g. 1,2,4,8") }
        }

        func run() throws {
            let set = try TrainingOptions.dataset(path: data, features: 784)
            let classes = (set.labels?.max() ?? 9) + 1
            let leave =
                try leaveOut.map { list -> [Int] in
                    guard list.values.allSatisfy({ (0..<classes).contains($0) }) else {
                        throw ValidationError("--leave-out takes class numbers below \(classes), got '\(list)'")
                    }
                    return list.values
                } ?? Array(0..<classes)
            let choice = kernel.choice(height: 28, width: 28)
            let largest = angles.values.max() ?? 1
            let points = classes * seedsPerClass * largest
            let work = choice.multiplyAdds(rows: points, columns: points, features: 784)
            guard work <= KernelChoice.largestWork else {
                throw ValidationError(
                    "the kernel needs about \(Int(work)) multiply-adds: use fewer angles or seeds, or an MLP kernel")
            }
            let start = Date()
            let e = try PartialSymmetryExperiment(
                data: set, angles: angles.values,
                seedsPerClass: seedsPerClass,
                testPerClass: testPerClass, leaveOutClasses: leave, kernel: choice, progress: progress)
            var files: [String] = []
            if let dir = out {
                let x = e.rows.map { log2(Double($0.angles)) }
                var figure = SVGFigure(width: 660, height: 380)
                figure.linePlot(
                    [
                        .init(name: "in-test", colour: "#2ca02c", points: Array(zip(x, e.rows.map(\.inTestAccuracy)))),
                        .init(
                            name: "out-test", colour: "#1f77b4", points: Array(zip(x, e.rows.map(\.outTestAccuracy)))),
                        .init(
                            name: "spectral prediction", colour: "#d62728",
                            points: Array(zip(x, e.rows.map(\.spectralPredictedAccuracy)))),
                    ], title: "Partially observed rotations", xLabel: "log₂ number of angles", yLabel: "accuracy",
                    x: 70, y: 60, width: 400, height: 260)
                var staged = OutputFiles()
                try staged.createDirectory(dir)
                try staged.add(figure.bytes, to: dir + "/rotated-mnist.svg")
                files = try staged.commit()
                wrote(files)
            }
            try emit(RotatedMNISTReport(e, seconds: Date().timeIntervalSince(start)), output)
        }
    }
}
