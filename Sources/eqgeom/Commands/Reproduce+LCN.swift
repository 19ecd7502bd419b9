import CommandLineSupport
import ArgumentParser
import Foundation
import Algebra
import NumericBridge
import Reproductions

extension Reproduce {
    /// `eqgeom reproduce lcn`: Kohn–Montúfar–Shahverdi–Trager on a grid of linear convolutional networks: limits of
    /// gradient descent classified, no spurious limit for strides > 1 (MATH.md §14.3).
    struct LCNTheorem: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "lcn",
            abstract: "Linear convolutional networks: pure vs spurious limits of gradient descent, by stride.")

        @OptionGroup var runs: LCN.Runs
        @OptionGroup var output: OutputOptions

        func run() throws {
            Interruption.install()
            let result = try LCNReproduction(
                seeds: runs.seeds, steps: runs.steps, samples: runs.samples, seed: runs.seedOption.seed
            ) { try progressBar("architectures", $0, $1, unit: "architectures") }
            try emit(LCNReproductionReport(result), output)
        }
    }
}

struct LCNReproductionReport: Report {
    struct Row: Encodable {
        let filterSizes: [Int]
        let strides: [Int]
        let dimension: Int
        let filling: Bool
        let counts: [String: Int]

        enum CodingKeys: String, CodingKey {
            case strides, dimension, filling, counts
            case filterSizes = "filter_sizes"
        }
    }

    let rows: [Row]
    let certifiedGradient: [String]
    let certifiedFunctionGradient: [String]
    let certifiedJacobianRank: Int

    init(_ r: LCNReproduction) {
        rows = r.rows.map { row in
            var counts: [String: Int] = [:]
            for limit in LCNTraining.Limit.allCases { counts[limit.rawValue] = row.training.counts[limit] ?? 0 }
            return Row(
                filterSizes: row.training.network.filterSizes, strides: row.training.network.strides,
                dimension: row.training.dimension, filling: row.filling, counts: counts)
        }
        certifiedGradient = r.certifiedGradient.map(\.description)
        certifiedFunctionGradient = r.certifiedFunctionGradient.map(\.description)
        certifiedJacobianRank = r.certifiedJacobianRank
    }

    enum CodingKeys: String, CodingKey {
        case rows
        case certifiedGradient = "certified_gradient"
        case certifiedFunctionGradient = "certified_function_gradient"
        case certifiedJacobianRank = "certified_jacobian_rank"
    }

    var table: String {
        let header = ["filters", "strides", "dim", "filling"] + LCNTraining.Limit.allCases.map(\.rawValue)
        var text = columnTable(
            header,
            rows.map { row in
                [
                    row.filterSizes.map(String.init).joined(separator: ","),
                    row.strides.map(String.init).joined(separator: ","), "\(row.dimension)", row.filling ? "yes" : "no",
                ] + LCNTraining.Limit.allCases.map { "\(row.counts[$0.rawValue] ?? 0)" }
            })
        text += "\n\ncertified spurious point, k = (2,2), stride 1, w_1 = w_2 = x − 1 (exact arithmetic):\n"
        text += keyValueTable([
            ("∇L", "(" + certifiedGradient.joined(separator: ", ") + ")"),
            ("∇ℓ(u)", "(" + certifiedFunctionGradient.joined(separator: ", ") + ")"),
            ("Jacobian rank", "\(certifiedJacobianRank) < 3 = dimension"),
        ])
        return text
    }
}
