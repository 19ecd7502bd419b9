import Foundation

extension ImageDataset {
    /// CSV: one sample per line, comma-separated; n pixel values (0–255), optionally a final label, a
    /// non-negative integer. Fields are read straight from the bytes: plain decimal integers (what image CSVs
    /// hold) exactly by digits, anything else through `Double(String)`, surrounding blanks ignored.
    static func loadCSV(_ b: [UInt8], name: String, features n: Int) throws -> ImageDataset {
        try requireValues(b.count / 2 + 1, name: name)
        var values: [Double] = []
        var labels: [Int] = []
        var line = 0
        var hasLabels: Bool? = nil
        var fields: [Range<Int>] = []  // the current line's fields, blanks trimmed
        func text(_ r: Range<Int>) -> String {
            String(decoding: b[r], as: UTF8.self).trimmingCharacters(in: .whitespaces)
        }
        func number(_ r: Range<Int>) throws -> Double {
            if !r.isEmpty, r.count <= 15, b[r].allSatisfy({ $0 &- 48 < 10 }) {
                return Double(b[r].reduce(0) { $0 * 10 + Int($1 &- 48) })
            }
            guard let v = Double(text(r)) else {
                throw NumericError.invalidInput("\(name), line \(line + 1): '\(text(r))' is not a number")
            }
            return v
        }
        func endLine() throws {
            if fields.count == 1 && fields[0].isEmpty {
                fields.removeAll(keepingCapacity: true)
                return
            }
            if hasLabels == nil {
                guard fields.count == n || fields.count == n + 1 else {
                    throw NumericError.invalidInput(
                        "\(name), line 1 has \(fields.count) columns, expected \(n) pixels (or \(n) and a label)")
                }
                hasLabels = fields.count == n + 1
            }
            let expected = n + (hasLabels == true ? 1 : 0)
            guard fields.count == expected else {
                throw NumericError.invalidInput(
                    "\(name), line \(line + 1) has \(fields.count) columns, the first line has \(expected)")
            }
            if hasLabels == true {
                let label = text(fields[n])
                guard let value = Int(label), value >= 0, value <= Int(Int32.max) else {
                    throw NumericError.invalidInput(
                        "\(name), line \(line + 1): label '\(label)' is not a non-negative integer")
                }
                labels.append(value)
            }
            for k in 0..<n { values.append(try number(fields[k]) / 255) }
            fields.removeAll(keepingCapacity: true)
            line += 1
        }
        var start = 0
        func endField(_ end: Int) {
            var (lower, upper) = (start, end)
            while lower < upper, b[lower] == 32 || b[lower] == 9 || b[lower] == 13 { lower += 1 }
            while upper > lower, b[upper - 1] == 32 || b[upper - 1] == 9 || b[upper - 1] == 13 { upper -= 1 }
            fields.append(lower..<upper)
            start = end + 1
        }
        for (i, c) in b.enumerated() {
            if c == UInt8(ascii: ",") {
                endField(i)
            } else if c == UInt8(ascii: "\n") {
                endField(i)
                try endLine()
            }
        }
        if start < b.count {
            endField(b.count)
            try endLine()
        }
        return ImageDataset(count: line, features: n, values: values, labels: hasLabels == true ? labels : nil)
    }
}
