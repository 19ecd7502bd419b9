import Foundation

extension ImageDataset {
    /// CSV: one sample per line, comma-separated; n pixel values (0–255), optionally a final label, a
    /// non-negative integer.
    static func loadCSV(_ b: [UInt8], name: String, features n: Int) throws -> ImageDataset {
        try requireValues(b.count / 2 + 1, name: name)
        var values: [Double] = []
        var labels: [Int] = []
        var line = 0
        var hasLabels: Bool? = nil
        var fields: [String] = []
        var field = [UInt8]()
        func endField() {
            fields.append(String(decoding: field, as: UTF8.self).trimmingCharacters(in: .whitespaces))
            field.removeAll(keepingCapacity: true)
        }
        func number(_ text: String) throws -> Double {
            guard let v = Double(text) else {
                throw NumericError.invalidInput("\(name), line \(line + 1): '\(text)' is not a number")
            }
            return v
        }
        func endLine() throws {
            if fields.isEmpty && field.isEmpty { return }
            endField()
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
                let text = fields[n]
                guard let label = Int(text), label >= 0, label <= Int(Int32.max) else {
                    throw NumericError.invalidInput(
                        "\(name), line \(line + 1): label '\(text)' is not a non-negative integer")
                }
                labels.append(label)
            }
            for k in 0..<n { values.append(try number(fields[k]) / 255) }
            fields.removeAll(keepingCapacity: true)
            line += 1
        }
        for c in b {
            switch c {
            case UInt8(ascii: ","): endField()
            case UInt8(ascii: "\n"): try endLine()
            case UInt8(ascii: "\r"): continue
            default: field.append(c)
            }
        }
        try endLine()
        return ImageDataset(count: line, features: n, values: values, labels: hasLabels == true ? labels : nil)
    }
}
