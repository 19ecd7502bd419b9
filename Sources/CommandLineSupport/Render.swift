import ArgumentParser
import Foundation
import Algebra

/// A result a command prints: a JSON object (`--json`) or a readable table. Renderers do no math.
public protocol Report: Encodable {
    var table: String { get }
}

/// How tables print integers; set from `--full` for the duration of one `emit`.
public enum TableStyle {
    @TaskLocal public static var fullIntegers = false
    /// Integers with more digits than this print as `8505 digits: 12345…67890` unless `--full`.
    public static let longestGroupedDigits = 60
}

/// Prints the report as JSON (`--json`), as a GAP record (`--gap`) or as its table.
/// - Throws: a one-line error when a result cannot be encoded (e.g. a non-finite number).
public func emit(_ report: some Report, _ output: OutputOptions) throws {
    if output.json {
        print(String(decoding: try jsonBytes(report, pretty: true), as: UTF8.self))
    } else if output.gap {
        print(try GAPRecord.text(json: try jsonBytes(report)) + ";")
    } else {
        TableStyle.$fullIntegers.withValue(output.full) { print(report.table) }
    }
}

/// Aligned `key  value` lines.
public func keyValueTable(_ rows: [(String, String)]) -> String {
    let width = rows.map(\.0.count).max() ?? 0
    return rows.map { $0.0.padding(toLength: width, withPad: " ", startingAt: 0) + "  " + $0.1 }.joined(separator: "\n")
}

/// A column table with a header row.
public func columnTable(_ header: [String], _ rows: [[String]]) -> String {
    let all = [header] + rows
    let widths = header.indices.map { c in all.map { $0[c].count }.max() ?? 0 }
    return all.map { row in
        row.enumerated().map { $1.padding(toLength: widths[$0], withPad: " ", startingAt: 0) }.joined(separator: "  ")
            .trimmingCharacters(in: .whitespaces)
    }.joined(separator: "\n")
}

extension BigInteger {
    /// Decimal digits grouped by thousands for tables: 72,425,986,088,826; past 60 digits (unless
    /// `--full`) the digit count and the first and last digits: `8505 digits: 12345…67890`.
    public var grouped: String {
        let s = magnitude.description
        if s.count > TableStyle.longestGroupedDigits && !TableStyle.fullIntegers {
            return (signum < 0 ? "-" : "") + "\(s.count) digits: \(s.prefix(12))…\(s.suffix(12))"
        }
        var out = ""
        for (i, ch) in s.enumerated() {
            if i > 0 && (s.count - i) % 3 == 0 { out.append(",") }
            out.append(ch)
        }
        return (signum < 0 ? "-" : "") + out
    }
}
