import Foundation
import Algebra

/// A result a command prints: a JSON object (`--json`) or a readable table. Renderers do no math.
protocol Report: Encodable {
    var table: String { get }
}

/// Prints the report as JSON or as its table.
func emit(_ report: some Report, json: Bool) throws {
    if json {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        print(String(decoding: try encoder.encode(report), as: UTF8.self))
    } else {
        print(report.table)
    }
}

/// Aligned `key  value` lines.
func keyValueTable(_ rows: [(String, String)]) -> String {
    let width = rows.map(\.0.count).max() ?? 0
    return rows.map { $0.0.padding(toLength: width, withPad: " ", startingAt: 0) + "  " + $0.1 }.joined(separator: "\n")
}

/// A column table with a header row.
func columnTable(_ header: [String], _ rows: [[String]]) -> String {
    let all = [header] + rows
    let widths = header.indices.map { c in all.map { $0[c].count }.max() ?? 0 }
    return all.map { row in
        row.enumerated().map { $1.padding(toLength: widths[$0], withPad: " ", startingAt: 0) }.joined(separator: "  ")
            .trimmingCharacters(in: .whitespaces)
    }.joined(separator: "\n")
}

extension BigInteger {
    /// Decimal digits grouped by thousands for tables: 72,425,986,088,826.
    var grouped: String {
        let s = magnitude.description
        var out = ""
        for (i, ch) in s.enumerated() {
            if i > 0 && (s.count - i) % 3 == 0 { out.append(",") }
            out.append(ch)
        }
        return (signum < 0 ? "-" : "") + out
    }
}
